//! Folding: lower case, no diacritics, straight quotes, ASCII hyphens, offsets kept.

use sitrep_model::Span;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded copy of a text: lower-cased, diacritics dropped ("Ṭānk" to "tank"), curly quotes
/// made straight, dashes made `-`, odd spaces made ` `. Every folded byte maps back to the
/// original character it came from, so a match in the folded text is a span of the original.
#[derive(Debug)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For non-ASCII originals: the original byte offset of the character each folded byte
    /// came from, plus one entry for the end.
    map: Option<Vec<u32>>,
    /// Original text length in bytes.
    original_len: usize,
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Self {
        if original.is_ascii() {
            return Folded {
                text: original.to_ascii_lowercase(),
                map: None,
                original_len: original.len(),
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            map.extend(std::iter::repeat_n(at as u32, text.len() - before));
        }
        map.push(original.len() as u32);
        Folded {
            text,
            map: Some(map),
            original_len: original.len(),
        }
    }

    /// The original span of a folded span.
    pub fn to_original(&self, folded: Span, original: &str) -> Span {
        let Some(map) = &self.map else {
            return folded;
        };
        let start = map[folded.start.min(map.len() - 1)] as usize;
        let end = if folded.end == 0 {
            0
        } else if folded.end >= self.text.len() {
            self.original_len
        } else {
            // The character that produced the span's last byte, to its end.
            let last = map[folded.end - 1] as usize;
            last + original[last..].chars().next().map_or(0, char::len_utf8)
        };
        Span::new(start, end)
    }

    /// The folded offset of original byte `at`: the first folded byte that came from it or
    /// from a later character.
    pub fn folded_offset(&self, at: usize) -> usize {
        match &self.map {
            None => at.min(self.text.len()),
            Some(map) => map[..map.len() - 1].partition_point(|&o| (o as usize) < at),
        }
    }

    /// The original offset of folded byte `at`.
    pub fn original_offset(&self, at: usize) -> usize {
        match &self.map {
            None => at,
            Some(map) => map[at.min(map.len() - 1)] as usize,
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
            out.push('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push('-')
        }
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            out.push(' ')
        }
        '\u{2026}' => out.push_str("..."),
        c => {
            let start = out.len();
            for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
            if out.len() == start {
                // A lone combining mark: keep a placeholder so offsets stay dense.
                out.push(' ');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let original = "Ṭānk’s “Türkiye” — KPK";
        let f = Folded::new(original);
        assert_eq!(f.text, "tank's \"turkiye\" - kpk");
        let at = f.text.find("turkiye").unwrap();
        let span = f.to_original(Span::new(at, at + 7), original);
        assert_eq!(span.of(original), "Türkiye");
        let at = f.text.find("tank").unwrap();
        assert_eq!(
            f.to_original(Span::new(at, at + 4), original).of(original),
            "Ṭānk"
        );
        let end = f.text.len();
        assert_eq!(
            f.to_original(Span::new(end - 3, end), original)
                .of(original),
            "KPK"
        );
    }

    #[test]
    fn folded_offsets_invert_the_map() {
        let original = "Ṭānk’s “Türkiye” — KPK";
        let f = Folded::new(original);
        for (at, _) in original.char_indices() {
            let fo = f.folded_offset(at);
            assert_eq!(f.original_offset(fo), at);
        }
        assert_eq!(f.folded_offset(original.len()), f.text.len());
    }

    #[test]
    fn ascii_is_lowercased_in_place() {
        let f = Folded::new("Quetta Railway Station");
        assert_eq!(f.text, "quetta railway station");
        assert_eq!(
            f.to_original(Span::new(7, 14), "Quetta Railway Station"),
            Span::new(7, 14)
        );
    }

    #[test]
    fn expansions_map_to_their_character() {
        let original = "ﬁve… done";
        let f = Folded::new(original);
        assert_eq!(f.text, "five... done");
        assert_eq!(f.to_original(Span::new(0, 2), original).of(original), "ﬁ");
    }
}
