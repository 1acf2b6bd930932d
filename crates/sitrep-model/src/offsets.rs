//! Byte to character offset conversion.

/// Converts byte offsets of one text into Unicode scalar (character) offsets.
///
/// For ASCII text the two are equal and no table is kept; otherwise a table of the byte
/// offset of every 64th character makes each lookup a short scan.
#[derive(Debug)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset of character `i * STRIDE`, present only for non-ASCII text.
    checkpoints: Option<Vec<usize>>,
}

const STRIDE: usize = 64;

impl<'a> CharIndex<'a> {
    /// Builds the index for `text`.
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                text,
                checkpoints: None,
            };
        }
        let checkpoints = text
            .char_indices()
            .step_by(STRIDE)
            .map(|(b, _)| b)
            .collect();
        CharIndex {
            text,
            checkpoints: Some(checkpoints),
        }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary or the end).
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let Some(cps) = &self.checkpoints else {
            return byte;
        };
        // Last checkpoint at or before `byte`.
        let k = match cps.binary_search(&byte) {
            Ok(k) => return k * STRIDE,
            Err(0) => 0,
            Err(k) => k - 1,
        };
        let from = cps[k];
        k * STRIDE + self.text[from..byte].chars().count()
    }

    /// The byte offset of character offset `ch`, or the text length when past the end.
    pub fn byte_offset(&self, ch: usize) -> usize {
        let Some(cps) = &self.checkpoints else {
            return ch.min(self.text.len());
        };
        let k = (ch / STRIDE).min(cps.len().saturating_sub(1));
        let rest = ch - k * STRIDE;
        let from = cps.get(k).copied().unwrap_or(0);
        self.text[from..]
            .char_indices()
            .nth(rest)
            .map(|(b, _)| from + b)
            .unwrap_or(self.text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let ix = CharIndex::new("hello world");
        assert_eq!(ix.char_offset(6), 6);
        assert_eq!(ix.byte_offset(6), 6);
    }

    #[test]
    fn non_ascii_round_trips() {
        let text = "Pakistan’s “army” — ".repeat(40) + "end";
        let ix = CharIndex::new(&text);
        for (ci, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(ix.char_offset(b), ci);
            assert_eq!(ix.byte_offset(ci), b);
        }
        assert_eq!(ix.char_offset(text.len()), text.chars().count());
    }
}
