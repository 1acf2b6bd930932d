//! Sentence splitting that survives "Lt. Gen.", "Dr.", "U.S.", "No. 1", quotes and headlines.
//!
//! A line break always ends a sentence (headlines and subheadings carry no full stop); inside
//! a line, `.`, `!` or `?` (with any closing quotes or brackets after it) followed by white
//! space ends one, unless the word before is an abbreviation or an initial, or, in mixed-case
//! text, the next word starts with a small letter. Removed ranges hold no sentences.

use std::collections::HashSet;
use std::sync::OnceLock;

use sitrep_model::{Document, Span};

use crate::Casing;

/// A sentence: its byte span in the document text, trimmed of white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where.
    pub span: Span,
    /// True when the sentence is a whole line on its own (a headline, subheading or
    /// one-sentence paragraph).
    pub whole_line: bool,
}

struct Abbreviations {
    plain: HashSet<&'static str>,
    numbered: HashSet<&'static str>,
}

fn abbreviations() -> &'static Abbreviations {
    static ABBR: OnceLock<Abbreviations> = OnceLock::new();
    ABBR.get_or_init(|| {
        let mut plain = HashSet::new();
        let mut numbered = HashSet::new();
        let mut section = "";
        for line in include_str!("../data/abbreviations.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            if section == "[numbered]" {
                numbered.insert(line);
            } else {
                plain.insert(line);
            }
        }
        Abbreviations { plain, numbered }
    })
}

/// Splits the kept text of `doc` into sentences.
pub fn split_sentences(doc: &Document, casing: Casing) -> Vec<Sentence> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for piece in doc.kept() {
        let mut line_start = piece.start;
        for line in piece.of(text).split_inclusive('\n') {
            let span = Span::new(
                line_start,
                line_start + line.trim_end_matches(['\n', '\r']).len(),
            );
            line_start += line.len();
            split_line(text, span, casing, &mut out);
        }
    }
    out
}

fn split_line(text: &str, line: Span, casing: Casing, out: &mut Vec<Sentence>) {
    let s = line.of(text);
    let first = out.len();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Swallow further terminators and closing quotes/brackets.
            let mut j = i + 1;
            loop {
                let rest = &s[j..];
                match rest.chars().next() {
                    Some(
                        c @ ('.' | '!' | '?' | '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}'),
                    ) => j += c.len_utf8(),
                    _ => break,
                }
            }
            let followed_by_space = s[j..].chars().next().is_none_or(char::is_whitespace);
            if followed_by_space && j < s.len() && ends_sentence(s, i, j, b, casing) {
                push(line.start + start, line.start + j, text, out);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(line.start + start, line.end, text, out);
    let whole = out.len() == first + 1;
    if let Some(last) = out.last_mut().filter(|_| whole) {
        last.whole_line = true;
    }
}

fn push(start: usize, end: usize, text: &str, out: &mut Vec<Sentence>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    let span = Span::new(start + lead, end - trail);
    if !span.is_empty() {
        out.push(Sentence {
            span,
            whole_line: false,
        });
    }
}

/// Whether the terminator at `at` (ending before `after`) ends a sentence.
fn ends_sentence(s: &str, at: usize, after: usize, terminator: u8, casing: Casing) -> bool {
    let next_word: &str = s[after..].split_whitespace().next().unwrap_or("");
    let next_char = next_word
        .trim_start_matches(['"', '\'', '(', '\u{201C}', '\u{2018}'])
        .chars()
        .next();
    if casing.is_mixed() && next_char.is_some_and(char::is_lowercase) {
        return false;
    }
    if terminator != b'.' {
        return true;
    }
    let before = &s[..at];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '\u{2018}'))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let abbr = abbreviations();
    // Initials and dotted abbreviations: "A.", "U.S.", "D.I.".
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && lower.chars().all(|c| c.is_alphabetic() || c == '.') {
        return false;
    }
    if lower.contains('.') && lower.split('.').all(|p| p.chars().count() <= 2) {
        return false;
    }
    if abbr.plain.contains(lower.as_str()) {
        return false;
    }
    if abbr.numbered.contains(lower.as_str()) {
        return !next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{DateOrigin, Origin, Removal, RemovalKind, SourceFormat};

    fn doc(text: &str, removed: Vec<Removal>) -> Document {
        Document {
            id: "t".into(),
            url: None,
            source: None,
            title: None,
            published: None,
            published_from: DateOrigin::None,
            text: text.into(),
            removed,
            content_hash: String::new(),
            origin: Origin {
                input: "-".into(),
                line: None,
                format: SourceFormat::Text,
            },
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let d = doc(text, vec![]);
        let casing = Casing::of(text);
        split_sentences(&d, casing)
            .into_iter()
            .map(|s| s.span.of(text))
            .collect::<Vec<_>>()
            .into_iter()
            .map(|s| &text[text.find(s).unwrap()..][..s.len()])
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Lt. Gen. Ahmed spoke. He left.",
                &["Lt. Gen. Ahmed spoke.", "He left."],
            ),
            (
                "Dr. Khan met U.S. officials. Talks ended.",
                &["Dr. Khan met U.S. officials.", "Talks ended."],
            ),
            (
                "He lives at No. 1 Mall Road. He said no. Then he left.",
                &[
                    "He lives at No. 1 Mall Road.",
                    "He said no.",
                    "Then he left.",
                ],
            ),
            (
                "“We will not stop.” He added that talks failed.",
                &["“We will not stop.”", "He added that talks failed."],
            ),
            (
                "“We will not stop. Never,” he said.",
                &["“We will not stop.", "Never,” he said."],
            ),
            (
                "Headline Without Stop\nBody sentence one. Body two.",
                &["Headline Without Stop", "Body sentence one.", "Body two."],
            ),
            (
                "Worth $7.2 billion. Next.",
                &["Worth $7.2 billion.", "Next."],
            ),
            (
                "Approx. five died, said D.I. Khan police.",
                &["Approx. five died, said D.I. Khan police."],
            ),
            (
                "the army said. guerrillas fled. col. isaacs added.",
                &["the army said.", "guerrillas fled.", "col. isaacs added."],
            ),
            ("Is it over? Not yet!", &["Is it over?", "Not yet!"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn removed_ranges_hold_no_sentences() {
        let text = "First one.\nRead more: Other story\nLast one.";
        let start = text.find("Read").unwrap();
        let d = doc(
            text,
            vec![Removal {
                span: Span::new(start, start + 22),
                kind: RemovalKind::RelatedLink,
            }],
        );
        let got: Vec<_> = split_sentences(&d, Casing::Mixed)
            .iter()
            .map(|s| s.span.of(text))
            .collect();
        assert_eq!(got, ["First one.", "Last one."]);
    }
}
