//! Analysis: one [`Document`] in, an [`Analysis`] out.
//!
//! Gives what every extractor reads: a case- and accent-folded copy of the text whose offsets
//! map back to the original ([`Folded`]), sentences that respect abbreviations, line breaks and
//! removed ranges ([`Sentence`]), tokens with offsets ([`Token`]), and the document's casing
//! ([`Casing`]), so that recognition never depends on capital letters alone. A pure function
//! of the document.
#![deny(missing_docs)]

pub mod dates;
mod fold;
mod lexicon;
pub mod numbers;
mod sentences;
mod tokens;

pub use dates::{DateExpr, find_dates, find_dates_in};
pub use fold::Folded;
pub use numbers::{Kind, Qualifier, Quantity, Unit, find_quantities};
pub use sentences::{Sentence, split_sentences};
use sitrep_model::Document;
pub use tokens::{Token, TokenKind, tokenize};

/// How a document uses capital letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    /// Ordinary mixed case: capitals carry information.
    Mixed,
    /// (Nearly) all lower case, as MUC-4 and some wire copy.
    Lower,
    /// (Nearly) all upper case, as old wire copy.
    Upper,
}

impl Casing {
    /// Judges the casing of `text` from its letters.
    pub fn of(text: &str) -> Casing {
        let (mut upper, mut lower) = (0usize, 0usize);
        if text.is_ascii() {
            for b in text.bytes() {
                upper += usize::from(b.is_ascii_uppercase());
                lower += usize::from(b.is_ascii_lowercase());
            }
        } else {
            for c in text.chars() {
                upper += usize::from(c.is_uppercase());
                lower += usize::from(c.is_lowercase());
            }
        }
        let letters = upper + lower;
        if letters == 0 {
            Casing::Mixed
        } else if upper * 100 <= letters {
            Casing::Lower
        } else if lower * 100 <= letters * 5 {
            Casing::Upper
        } else {
            Casing::Mixed
        }
    }

    /// True when capitals carry information.
    pub fn is_mixed(self) -> bool {
        self == Casing::Mixed
    }
}

/// Everything analysis gives for one document.
#[derive(Debug)]
pub struct Analysis<'d> {
    /// The document analysed.
    pub doc: &'d Document,
    /// The folded text.
    pub folded: Folded,
    /// Sentences, in order, none inside a removed range.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order, none inside a removed range.
    pub tokens: Vec<Token>,
    /// The document's casing.
    pub casing: Casing,
}

impl<'d> Analysis<'d> {
    /// Analyses `doc`.
    pub fn new(doc: &'d Document) -> Self {
        let casing = Casing::of(&doc.text);
        let folded = Folded::new(&doc.text);
        let sentences = split_sentences(doc, casing);
        let tokens = doc
            .kept()
            .flat_map(|piece| tokenize(&doc.text, piece))
            .collect();
        Analysis {
            doc,
            folded,
            sentences,
            tokens,
            casing,
        }
    }

    /// The document text.
    pub fn text(&self) -> &'d str {
        &self.doc.text
    }

    /// The sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// Index of the first token starting at or after byte offset `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casing() {
        assert_eq!(
            Casing::of("the army said three guerrillas died."),
            Casing::Lower
        );
        assert_eq!(
            Casing::of("THE ARMY SAID THREE GUERRILLAS DIED."),
            Casing::Upper
        );
        assert_eq!(
            Casing::of("The Army said three guerrillas died."),
            Casing::Mixed
        );
    }
}
