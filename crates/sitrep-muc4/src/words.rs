//! Words for the MUC-4 tagger: a lower-cased text in, its words with byte spans out.
//!
//! A word is `[a-z0-9]+` followed by any number of `['.-][a-z0-9]+` (so "car-bomb", "u.s",
//! "cristiani's" are one word); everything else separates words. This mirrors the regular
//! expression of `scripts/train_muc4.py`, and the two must stay identical.

/// One word: its text and byte span in the lower-cased text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'t> {
    /// The word.
    pub text: &'t str,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset after its last byte.
    pub end: usize,
}

fn alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// The words of `text` (already lower-cased).
pub fn words(text: &str) -> Vec<Word<'_>> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    while i < b.len() {
        if !alnum(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && alnum(b[i]) {
            i += 1;
        }
        while i + 1 < b.len() && matches!(b[i], b'\'' | b'.' | b'-') && alnum(b[i + 1]) {
            i += 1;
            while i < b.len() && alnum(b[i]) {
                i += 1;
            }
        }
        out.push(Word {
            text: &text[start..i],
            start,
            end: i,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inner_punctuation_only() {
        let w: Vec<&str> = words("a car-bomb (u.s. fmln's) -x 3.5")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["a", "car-bomb", "u.s", "fmln's", "x", "3.5"]);
    }
}
