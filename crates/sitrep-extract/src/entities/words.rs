//! A word view of a document: the word tokens outside removed ranges, lower-cased, with
//! their capitalisation and sentence, for phrase lookups.

use std::borrow::Cow;

use sitrep_analyse::{Analysis, TokenKind};
use sitrep_model::Span;

/// One word.
#[derive(Clone, Debug)]
pub(super) struct Word<'a> {
    pub span: Span,
    pub lower: Cow<'a, str>,
    pub capitalised: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        &self.lower
    }
}

/// The document's words, in order.
pub(super) fn words<'a>(a: &'a Analysis) -> Vec<Word<'a>> {
    let text = a.text();
    let ascii = text.len() == a.folded.text.len();
    let mut sentence = 0;
    a.tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| {
            let w = t.span.of(text);
            while sentence < a.sentences.len() && a.sentences[sentence].span.end <= t.span.start {
                sentence += 1;
            }
            let lower = if ascii {
                Cow::Borrowed(t.span.of(&a.folded.text))
            } else {
                Cow::Owned(w.to_lowercase())
            };
            Word {
                span: t.span,
                lower,
                capitalised: w.chars().next().is_some_and(char::is_uppercase),
                sentence,
            }
        })
        .collect()
}

/// True when only white space (and at most full stops) separates two spans.
pub(super) fn adjacent(text: &str, left: Span, right: Span) -> bool {
    left.end <= right.start
        && text[left.end..right.start]
            .chars()
            .all(|c| c.is_whitespace() || c == '.')
}
