//! A word view of a document: the word tokens outside removed ranges, lower-cased without
//! full stops, with their capitalisation, for phrase lookups.

use sitrep_analyse::{Analysis, TokenKind};
use sitrep_model::Span;

/// One word.
#[derive(Clone, Debug)]
pub(super) struct Word {
    pub span: Span,
    pub lower: String,
    pub capitalised: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

/// The document's words, in order.
pub(super) fn words(a: &Analysis) -> Vec<Word> {
    let text = a.text();
    a.tokens
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| {
            let w = t.span.of(text);
            Word {
                span: t.span,
                lower: w.to_lowercase(),
                capitalised: w.chars().next().is_some_and(char::is_uppercase),
                sentence: a.sentence_at(t.span.start).unwrap_or(usize::MAX),
            }
        })
        .collect()
}

/// The lower-case forms of `words[from..]`, at most `n`, for phrase lookups.
pub(super) fn lowers(words: &[Word], from: usize, n: usize) -> Vec<&str> {
    words[from..].iter().take(n).map(|w| w.lower.as_str()).collect()
}

/// True when only white space (and at most full stops) separates two spans.
pub(super) fn adjacent(text: &str, left: Span, right: Span) -> bool {
    left.end <= right.start && text[left.end..right.start].chars().all(|c| c.is_whitespace() || c == '.')
}
