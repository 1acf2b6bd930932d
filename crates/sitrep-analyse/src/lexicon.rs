//! The number lexicon (`data/numbers.txt`), parsed once: number words, scales, qualifiers,
//! currencies, units, months and weekdays, and the words that make a number a name, an age or
//! an idiom. Shared by the number and date scanners.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::numbers::Qualifier;

/// FNV-1a: short keys, no need for a keyed hash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type Map<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;
pub(crate) type Set = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// The first two bytes and the length of the words of a set, as a bit set: a cheap test
/// before a hash lookup.
pub(crate) struct Prefixes(Vec<u64>);

impl Prefixes {
    pub fn of<'a>(words: impl Iterator<Item = &'a str>) -> Prefixes {
        let mut t = vec![0u64; (1 << 18) / 64];
        for w in words {
            if let Some(k) = Self::key(w.as_bytes()) {
                t[k / 64] |= 1 << (k % 64);
            }
        }
        Prefixes(t)
    }

    fn key(w: &[u8]) -> Option<usize> {
        let b0 = *w.first()?;
        let b1 = w.get(1).copied().unwrap_or(0);
        let len = w.len().min(15);
        (b0 < 128 && b1 < 128).then(|| (usize::from(b0) << 11) | (usize::from(b1) << 4) | len)
    }

    /// False when no word of the set starts like `w` and has its length.
    pub fn maybe(&self, w: &[u8]) -> bool {
        Self::key(w).is_some_and(|k| self.0[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// Every section of `data/numbers.txt`.
pub(crate) struct Lexicon {
    pub words: Map<f64>,
    pub multipliers: Map<f64>,
    pub scales: Map<f64>,
    pub suffix_scales: Map<f64>,
    pub vague: Map<f64>,
    pub qualifiers: Map<Qualifier>,
    pub post_qualifiers: Map<Qualifier>,
    pub currency_before: Map<&'static str>,
    pub currency_after: Map<&'static str>,
    pub percent: Set,
    pub units: Map<&'static str>,
    pub suffix_units: Map<&'static str>,
    pub time_units: Set,
    pub name_before: Set,
    pub age_before: Set,
    pub one_nouns: Set,
    pub idioms: Set,
    pub change_words: Set,
    pub function_words: Set,
    pub months: Map<u32>,
    pub weekdays: Map<u32>,
    pub weekday_abbreviations: Map<u32>,
    /// Every word that can start a number expression: number words, vague plurals, "a",
    /// "an", "half".
    pub number_starts: Set,
    /// The first two bytes of [`Lexicon::number_starts`].
    pub number_prefixes: Prefixes,
    /// Longest word of [`Lexicon::words`], [`Lexicon::vague`] and the articles: longer words
    /// cannot start a number.
    pub longest_number_word: usize,
}

type Sections = HashMap<&'static str, Vec<(&'static str, Option<&'static str>)>>;

fn sections(text: &'static str) -> Sections {
    let mut out: Sections = HashMap::new();
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = &line[1..line.len() - 1];
            out.entry(section).or_default();
            continue;
        }
        let entry = match line.split_once(" = ") {
            Some((k, v)) => (k.trim(), Some(v.trim())),
            None => (line, None),
        };
        out.entry(section).or_default().push(entry);
    }
    out
}

fn entries(
    s: &Sections,
    name: &str,
) -> impl Iterator<Item = (&'static str, Option<&'static str>)> + use<> {
    s.get(name).cloned().unwrap_or_default().into_iter()
}

fn set(s: &Sections, name: &str) -> Set {
    entries(s, name).map(|(k, _)| k).collect()
}

fn numbers(s: &Sections, name: &str) -> Map<f64> {
    entries(s, name)
        .filter_map(|(k, v)| Some((k, v?.parse().ok()?)))
        .collect()
}

fn codes(s: &Sections, name: &str) -> Map<&'static str> {
    entries(s, name)
        .filter_map(|(k, v)| Some((k, v?)))
        .collect()
}

fn small(s: &Sections, name: &str) -> Map<u32> {
    entries(s, name)
        .filter_map(|(k, v)| Some((k, v?.parse().ok()?)))
        .collect()
}

fn qualifiers(s: &Sections, name: &str) -> Map<Qualifier> {
    entries(s, name)
        .filter_map(|(k, v)| Some((k, Qualifier::parse(v?)?)))
        .collect()
}

/// The lexicon, read on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let s = sections(include_str!("../data/numbers.txt"));
        let words = numbers(&s, "words");
        let vague = numbers(&s, "vague");
        let longest_number_word = words
            .keys()
            .chain(vague.keys())
            .map(|w| w.len())
            .max()
            .unwrap_or(0)
            .max("half".len());
        let number_starts: Set = words
            .keys()
            .chain(vague.keys())
            .chain(["a", "an", "half"].iter())
            .copied()
            .collect();
        let number_prefixes = Prefixes::of(Set::iter(&number_starts).copied());
        Lexicon {
            number_prefixes,
            number_starts,
            words,
            multipliers: numbers(&s, "multipliers"),
            scales: numbers(&s, "scales"),
            suffix_scales: numbers(&s, "suffix_scales"),
            vague,
            qualifiers: qualifiers(&s, "qualifiers"),
            post_qualifiers: qualifiers(&s, "post_qualifiers"),
            currency_before: codes(&s, "currency_before"),
            currency_after: codes(&s, "currency_after"),
            percent: set(&s, "percent"),
            units: codes(&s, "units"),
            suffix_units: codes(&s, "suffix_units"),
            time_units: set(&s, "time_units"),
            name_before: set(&s, "name_before"),
            age_before: set(&s, "age_before"),
            one_nouns: set(&s, "one_nouns"),
            idioms: set(&s, "idioms"),
            change_words: set(&s, "change_words"),
            function_words: set(&s, "function_words"),
            months: small(&s, "months"),
            weekdays: small(&s, "weekdays"),
            weekday_abbreviations: small(&s, "weekday_abbreviations"),
            longest_number_word,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_loads() {
        let l = lexicon();
        assert_eq!(l.words["seventeen"], 17.0);
        assert_eq!(l.scales["crore"], 1e7);
        assert_eq!(l.qualifiers["at least"], Qualifier::AtLeast);
        assert_eq!(l.currency_after["us dollars"], "USD");
        assert!(l.percent.contains("per cent"));
        assert!(l.time_units.contains("decades"));
        assert!(l.name_before.contains("resolution"));
        assert_eq!(l.months["sept"], 9);
        assert_eq!(l.weekdays["wednesday"], 3);
        assert!(l.function_words.contains("the"));
        assert!(!l.change_words.is_empty());
    }
}
