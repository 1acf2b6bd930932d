//! A token view for claims: every token of the document with its lower-case form, and the
//! small closed word classes (pronouns, auxiliaries) attribution needs.

use std::borrow::Cow;

use sitrep_analyse::{Analysis, TokenKind};
use sitrep_model::Span;

/// One token, lower-cased.
pub(super) struct Tok<'a> {
    pub span: Span,
    pub lower: Cow<'a, str>,
    pub word: bool,
}

impl AsRef<str> for Tok<'_> {
    fn as_ref(&self) -> &str {
        &self.lower
    }
}

/// The document's tokens, lower-cased; hyphenated words are split at the hyphens so that
/// word lists match them word by word ("director-general").
pub(super) fn tokens<'a>(a: &'a Analysis) -> Vec<Tok<'a>> {
    let text = a.text();
    let ascii = text.len() == a.folded.text.len();
    let mut out = Vec::with_capacity(a.tokens.len());
    for t in &a.tokens {
        let word = t.kind != TokenKind::Punct;
        let raw = t.span.of(text);
        if ascii && word && raw.len() > 2 && raw[1..raw.len() - 1].contains('-') {
            let folded = t.span.of(&a.folded.text);
            let mut start = 0;
            for part in folded.split('-') {
                if !part.is_empty() {
                    let span = Span::new(t.span.start + start, t.span.start + start + part.len());
                    out.push(Tok {
                        span,
                        lower: Cow::Borrowed(part),
                        word,
                    });
                }
                start += part.len() + 1;
            }
            continue;
        }
        let lower = if ascii {
            Cow::Borrowed(t.span.of(&a.folded.text))
        } else {
            Cow::Owned(raw.to_lowercase())
        };
        out.push(Tok {
            span: t.span,
            lower,
            word,
        });
    }
    out
}

/// Personal pronouns that can stand for a speaker.
pub(super) fn pronoun(w: &str) -> Option<Pronoun> {
    match w {
        "he" | "she" => Some(Pronoun::Person),
        "they" => Some(Pronoun::Group),
        "it" => Some(Pronoun::Thing),
        _ => None,
    }
}

/// What a pronoun stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pronoun {
    /// He, she.
    Person,
    /// They.
    Group,
    /// It.
    Thing,
}

/// Words between a subject and its reporting verb: "also", "has", "further".
pub(super) fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "further"
            | "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "once"
            | "again"
            | "later"
            | "then"
            | "earlier"
            | "repeatedly"
            | "strongly"
            | "categorically"
            | "flatly"
            | "firmly"
            | "clearly"
            | "explicitly"
            | "publicly"
            | "reportedly"
            | "previously"
            | "recently"
            | "been"
            | "openly"
            | "not"
            | "would"
            | "will"
            | "however"
            | "meanwhile"
            | "separately"
            | "specifically"
    )
}

/// Words a complement may open with that are not part of what was said.
pub(super) fn is_complementiser(w: &str) -> bool {
    matches!(w, "that" | ":" | "," | "-")
}

/// Prepositions that make a following name an object, not a speaker.
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "of"
            | "to"
            | "about"
            | "against"
            | "on"
            | "with"
            | "from"
            | "at"
            | "for"
            | "into"
            | "over"
            | "under"
            | "behind"
            | "between"
            | "among"
            | "toward"
            | "towards"
            | "upon"
    )
}
