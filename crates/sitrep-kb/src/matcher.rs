//! One matcher over every name and alias in the knowledge base.
//!
//! Patterns are folded exactly as the analysis layer folds text (lower case, no diacritics,
//! straight quotes), and then hyphens become spaces and white space is collapsed, so
//! "Khyber-Pakhtunkhwa", "KHYBER PAKHTUNKHWA" and "khyber pakhtunkhwa" are one pattern. The
//! haystack is prepared the same way ([`Matcher::prepare`]), byte for byte, so offsets are
//! offsets of the folded text. Choosing among overlapping matches is the caller's business.
//!
//! Matches start and end at word boundaries, so the matcher works on segments rather than
//! bytes: a segment is a run of word bytes (ASCII letters and digits, any non-ASCII byte) or
//! one other byte. Patterns form a trie over segments, keyed by a hash of each segment's
//! bytes; a match is a walk from the root starting at some segment of the text. Most words
//! of a text begin no name, and a bit set of first segments turns them away without touching
//! the trie, so a scan costs about one hash per word. Matches are checked byte for byte
//! against their pattern, so a hash collision can never produce a wrong match.

use std::hash::Hasher;

use rustc_hash::{FxHashMap as HashMap, FxHasher};
use sitrep_analyse::Folded;

use crate::KnowledgeBase;

/// What a pattern names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// `kb.actors[i]`.
    Actor(u32),
    /// `kb.offices[i]`.
    Office(u32),
    /// `kb.places[i]`.
    Place(u32),
}

/// One distinct folded pattern and everything it names.
#[derive(Clone, Debug, Default)]
pub struct Entry {
    /// The folded pattern.
    pub pattern: String,
    /// What it names (several when a name is shared, e.g. a district and its town).
    pub targets: Vec<Target>,
    /// The spellings in the data that fold to this pattern.
    pub forms: Vec<String>,
    /// True when the pattern is a single common English word ("tank", "us", "swat"): a match
    /// needs more evidence than the letters.
    pub common_word: bool,
    /// True when every spelling in the data is an acronym in capitals ("US", "IS", "TTP").
    pub acronym: bool,
}

/// A match: folded byte range and the entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First byte, in the prepared folded text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into [`Matcher::entries`].
    pub entry: u32,
}

/// The compiled matcher.
#[derive(Default)]
pub struct Matcher {
    trie: SegmentTrie,
    /// The distinct patterns.
    pub entries: Vec<Entry>,
}

/// Patterns as a trie over segment hashes.
struct SegmentTrie {
    /// (node, segment hash) to child node; node 0 is the root.
    edges: HashMap<(u32, u64), u32>,
    /// Per node, the entry whose pattern ends there, or [`NO_ENTRY`].
    ends: Vec<u32>,
    /// Bit set over hashes of first segments ([`FIRST_BITS`] bits).
    first: Vec<u64>,
}

const NO_ENTRY: u32 = u32::MAX;
const FIRST_BITS: u32 = 20;

impl Default for SegmentTrie {
    fn default() -> Self {
        SegmentTrie {
            edges: HashMap::default(),
            ends: vec![NO_ENTRY],
            first: vec![0; 1 << (FIRST_BITS - 6)],
        }
    }
}

impl SegmentTrie {
    fn insert(&mut self, pattern: &[u8], entry: u32) {
        let mut node = 0u32;
        for (i, (start, end)) in segments(pattern).enumerate() {
            let h = segment_hash(&pattern[start..end]);
            if i == 0 {
                let bit = first_bit(h);
                self.first[bit / 64] |= 1 << (bit % 64);
            }
            let next = self.ends.len() as u32;
            node = *self.edges.entry((node, h)).or_insert_with(|| next);
            if node == next {
                self.ends.push(NO_ENTRY);
            }
        }
        self.ends[node as usize] = entry;
    }

    fn may_start(&self, h: u64) -> bool {
        let bit = first_bit(h);
        self.first[bit / 64] & (1 << (bit % 64)) != 0
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matcher({} patterns)", self.entries.len())
    }
}

impl Matcher {
    /// Compiles every actor, office and place name and alias of `kb`.
    pub fn build(kb: &KnowledgeBase) -> Matcher {
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut entries: Vec<Entry> = Vec::new();
        let mut add = |name: &str, target: Target| {
            let pattern = fold_pattern(name);
            if pattern.len() < 2 {
                return;
            }
            let i = *index.entry(pattern.clone()).or_insert_with(|| {
                entries.push(Entry {
                    pattern: pattern.clone(),
                    acronym: true,
                    ..Entry::default()
                });
                entries.len() - 1
            });
            let e = &mut entries[i];
            if !e.targets.contains(&target) {
                e.targets.push(target);
            }
            if !e.forms.iter().any(|f| f == name) {
                e.forms.push(name.to_string());
            }
            e.acronym &= is_acronym(name);
        };
        for (i, a) in kb.actors.iter().enumerate() {
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                add(n, Target::Actor(i as u32));
            }
        }
        for (i, o) in kb.offices.iter().enumerate() {
            for n in std::iter::once(&o.title).chain(&o.aliases) {
                add(n, Target::Office(i as u32));
            }
        }
        for (i, p) in kb.places.iter().enumerate() {
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                add(n, Target::Place(i as u32));
            }
        }
        for e in &mut entries {
            e.common_word = !e.pattern.contains(' ') && kb.is_common_word(&e.pattern);
        }
        let mut trie = SegmentTrie::default();
        for (i, e) in entries.iter().enumerate() {
            trie.insert(e.pattern.as_bytes(), i as u32);
        }
        Matcher { trie, entries }
    }

    /// Prepares folded text for matching: hyphens become spaces, byte for byte.
    pub fn prepare(folded: &str) -> Vec<u8> {
        folded
            .bytes()
            .map(|b| if b == b'-' { b' ' } else { b })
            .collect()
    }

    /// Every match in `haystack` (prepared folded text) that starts and ends at a word
    /// boundary, in order of start.
    pub fn find(&self, haystack: &[u8]) -> Vec<Hit> {
        let segs: Vec<(usize, usize, u64)> = segments(haystack)
            .map(|(s, e)| (s, e, segment_hash(&haystack[s..e])))
            .collect();
        let mut hits = Vec::new();
        for (i, &(start, _, h)) in segs.iter().enumerate() {
            if !self.trie.may_start(h) {
                continue;
            }
            let mut node = 0u32;
            for &(_, end, h) in &segs[i..] {
                let Some(&next) = self.trie.edges.get(&(node, h)) else {
                    break;
                };
                node = next;
                let entry = self.trie.ends[node as usize];
                if entry != NO_ENTRY
                    && self.entries[entry as usize].pattern.as_bytes() == &haystack[start..end]
                {
                    hits.push(Hit { start, end, entry });
                }
            }
        }
        hits
    }

    /// The entry for a folded name, if the knowledge base has it.
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let pattern = fold_pattern(name);
        let end = pattern.len();
        self.find(pattern.as_bytes())
            .into_iter()
            .find(|h| h.start == 0 && h.end == end)
            .map(|h| &self.entries[h.entry as usize])
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The segments of `h` as byte ranges: runs of word bytes, and every other byte alone.
fn segments(h: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        let first = *h.get(start)?;
        at += 1;
        if is_word_byte(first) {
            while h.get(at).is_some_and(|&b| is_word_byte(b)) {
                at += 1;
            }
        }
        Some((start, at))
    })
}

fn segment_hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

fn first_bit(h: u64) -> usize {
    (h >> (64 - FIRST_BITS)) as usize
}

/// Folds a name into its pattern form.
pub fn fold_pattern(name: &str) -> String {
    let folded = Folded::new(name.trim()).text.replace('-', " ");
    let folded = folded.strip_prefix("the ").unwrap_or(&folded);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::small;

    fn names(kb: &KnowledgeBase, text: &str) -> Vec<String> {
        let hay = Matcher::prepare(&Folded::new(text).text);
        kb.matcher
            .find(&hay)
            .iter()
            .map(|h| kb.matcher.entries[h.entry as usize].pattern.clone())
            .collect()
    }

    #[test]
    fn folds_case_hyphens_and_diacritics() {
        let kb = small();
        assert_eq!(
            names(&kb, "TEHRIK-I-TALIBAN PAKISTAN and the ttp"),
            ["tehrik i taliban pakistan", "ttp"]
        );
        assert_eq!(
            names(&kb, "Fitna al Khawarij in Khyber-Pakhtunkhwa"),
            ["fitna al khawarij", "khyber pakhtunkhwa"]
        );
        assert_eq!(names(&kb, "Ṭānk"), ["tank"]);
    }

    #[test]
    fn word_boundaries() {
        let kb = small();
        assert!(names(&kb, "the tanker and the KPKs").is_empty());
        assert_eq!(names(&kb, "(KP)"), ["kp"]);
    }

    #[test]
    fn entries_know_common_words_and_acronyms() {
        let kb = small();
        let tank = kb.matcher.lookup("Tank").unwrap();
        assert!(tank.common_word && !tank.acronym);
        let ttp = kb.matcher.lookup("TTP").unwrap();
        assert!(ttp.acronym && !ttp.common_word);
        assert!(kb.matcher.lookup("defense minister").is_some());
    }
}
