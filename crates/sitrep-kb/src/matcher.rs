//! One automaton over every name and alias in the knowledge base.
//!
//! Patterns are folded exactly as the analysis layer folds text (lower case, no diacritics,
//! straight quotes), and then hyphens become spaces and white space is collapsed, so
//! "Khyber-Pakhtunkhwa", "KHYBER PAKHTUNKHWA" and "khyber pakhtunkhwa" are one pattern. The
//! haystack is prepared the same way ([`Matcher::prepare`]), byte for byte, so offsets are
//! offsets of the folded text. Matches are checked for word boundaries; choosing among
//! overlapping matches is the caller's business.

use daachorse::DoubleArrayAhoCorasick;
use rustc_hash::FxHashMap as HashMap;
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
    automaton: Option<DoubleArrayAhoCorasick<u32>>,
    /// The distinct patterns.
    pub entries: Vec<Entry>,
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
        let automaton = (!entries.is_empty()).then(|| crate::cache::automaton(&entries));
        Matcher { automaton, entries }
    }

    /// Prepares folded text for matching: hyphens become spaces, byte for byte.
    pub fn prepare(folded: &str) -> Vec<u8> {
        folded
            .bytes()
            .map(|b| if b == b'-' { b' ' } else { b })
            .collect()
    }

    /// Every match in `haystack` (prepared folded text) that starts and ends at a word
    /// boundary, in order of end.
    pub fn find(&self, haystack: &[u8]) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        ac.find_overlapping_iter(haystack)
            .filter(|m| boundary_before(haystack, m.start()) && boundary_after(haystack, m.end()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                entry: m.value(),
            })
            .collect()
    }

    /// The entry for a folded name, if the knowledge base has it.
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        let pattern = fold_pattern(name);
        let ac = self.automaton.as_ref()?;
        ac.find_iter(pattern.as_bytes())
            .find(|m| m.start() == 0 && m.end() == pattern.len())
            .map(|m| &self.entries[m.value() as usize])
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

fn boundary_before(h: &[u8], at: usize) -> bool {
    at == 0 || !is_word_byte(h[at - 1]) || !is_word_byte(h[at])
}

fn boundary_after(h: &[u8], at: usize) -> bool {
    at >= h.len() || !is_word_byte(h[at]) || !is_word_byte(h[at - 1])
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
