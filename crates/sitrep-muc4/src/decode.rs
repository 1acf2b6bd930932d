//! From word labels to [`Candidate`]s: the lower-cased text, its words and one label per word
//! in; per role, the distinct mention strings found, with where they were found, out.
//!
//! A mention is a run of words with the same role separated only by spaces, widened to a
//! lexicon phrase of that role containing it ("marti" to "farabundo marti national liberation
//! front"); names (runs with a rare word) widen over the rare words next to them; lexicon
//! phrases at least [`SURE`] precise are mentions wherever they occur. Leading and trailing
//! function words are trimmed; mentions of only function words or numbers are dropped. Each
//! of the tagger's mentions also yields variants ([`Kind`]), and runs of rare words are
//! candidates for the roles that name people ([`PEOPLE_ROLES`]): the entity classifier
//! chooses.

use super::hash::{PHRASE_SEED, phrase_step};
use super::lexicon::{Lexicon, MAX_WORDS};
use super::words::Word;
use super::{ROLES, Tuning};

/// Lexicon phrases at least this precise are candidates wherever they occur.
pub const SURE: [f32; 5] = [0.1, 0.1, 0.1, 0.1, 0.1];

/// Roles (bit i for role i) whose mentions containing a rare word are widened over the
/// rare words next to them: names.
pub const NAME_ROLES: usize = 0b01111;

/// Roles (bit i for role i) for which every run of rare words is a candidate: named people.
pub const PEOPLE_ROLES: usize = 0b01001;

/// Words never a mention on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "by", "for", "from", "with", "la",
    "el", "de", "del", "los", "las", "y", "kg", "its", "his", "their", "who", "which", "that",
];

/// Words that count things: a mention may or may not include them ("two bombs").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
    "some", "many", "dozens", "hundreds", "various", "numerous",
];

fn is_function(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

/// A lexicon phrase in the text: first word, last word, (role, precision) pairs.
type Occurrence<'l> = (usize, usize, &'l [(u8, f32)]);

/// Lexicon phrases in the text (words separated by exactly one space), longest first at
/// each word.
fn occurrences<'l>(
    text: &str,
    words: &[Word<'_>],
    hashes: &[u64],
    lexicon: &'l Lexicon,
) -> Vec<Occurrence<'l>> {
    let mut out = Vec::new();
    let mut found = Vec::with_capacity(MAX_WORDS);
    for i in 0..words.len() {
        found.clear();
        let mut h = PHRASE_SEED;
        for j in i..(i + MAX_WORDS).min(words.len()) {
            if j > i && &text[words[j - 1].end..words[j].start] != " " {
                break;
            }
            h = phrase_step(h, hashes[j]);
            if let Some(roles) = lexicon.get_hash(h) {
                found.push((i, j, roles));
            }
        }
        out.extend(found.drain(..).rev());
    }
    out
}

/// One distinct mention string of a role in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'t> {
    /// Index into [`ROLES`].
    pub role: usize,
    /// The mention's words.
    pub words: Vec<&'t str>,
    /// Word ranges (first, last) where the tagger or the lexicon found it, in text order.
    pub spans: Vec<(usize, usize)>,
    /// How many of those the tagger found (the others are sure lexicon phrases or variants).
    pub tagged: usize,
    /// How it was found (the most direct way, if several).
    pub kind: Kind,
}

/// How a candidate was found: by the tagger, as a sure lexicon phrase, or as a variant of a
/// tagger's mention (the classifier chooses between a mention and its variants).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A run of words the tagger labelled with the role.
    Tagged,
    /// A lexicon phrase precise enough to be a candidate wherever it occurs.
    Lexicon,
    /// The tagger's mention from its first rare word on ("walter moscoso" of "captain walter
    /// moscoso").
    NameOnly,
    /// The tagger's mention with the number before it ("two" + "bombs").
    WithNumber,
    /// The tagger's mention without its leading number.
    WithoutNumber,
    /// The tagger's mention with the word before it.
    WiderLeft,
    /// The tagger's mention without its first word.
    NarrowerLeft,
    /// A run of rare words, for a role naming people.
    Name,
}

/// Candidates per role, in order of first occurrence.
pub fn decode<'t>(
    text: &'t str,
    words: &[Word<'t>],
    hashes: &[u64],
    labels: &[u8],
    lexicon: &Lexicon,
    rare: &[bool],
    tuning: &Tuning,
) -> Vec<Candidate<'t>> {
    let (ext, sure) = (tuning.names, tuning.sure);
    let joined = |a: usize, b: usize| text[words[a].end..words[b].start] == *" ";
    let name_word = |k: usize| {
        rare[k] && !is_function(words[k].text) && !words[k].text.as_bytes()[0].is_ascii_digit()
    };
    let occ = occurrences(text, words, hashes, lexicon);
    // (label, first word, last word, found by the tagger)
    let mut spans: Vec<(u8, usize, usize, bool)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let label = labels[i];
        let mut j = i + 1;
        while j < words.len()
            && labels[j] == label
            && text[words[j - 1].end..words[j].start]
                .bytes()
                .all(|b| b == b' ')
        {
            j += 1;
        }
        if label != 0 {
            let (mut a, mut b) = (i, j - 1);
            for &(s, e, roles) in &occ {
                if s <= a && e >= b && e - s > b - a && roles.iter().any(|r| r.0 + 1 == label) {
                    (a, b) = (s, e);
                }
            }
            if ext >> (label - 1) & 1 == 1 && (a..=b).any(name_word) {
                // A name: take in the rare words next to it ("bernardo" + "jaramillo ossa").
                while a > 0 && b - a < 4 && joined(a - 1, a) && name_word(a - 1) {
                    a -= 1;
                }
                while b + 1 < words.len() && b - a < 4 && joined(b, b + 1) && name_word(b + 1) {
                    b += 1;
                }
            }
            spans.push((label, a, b, true));
        }
        i = j;
    }
    for &(s, e, roles) in &occ {
        for &(r, p) in roles {
            if p >= sure[usize::from(r)] {
                spans.push((r + 1, s, e, false));
            }
        }
    }
    let number = |k: usize| {
        let w = words[k].text;
        w.as_bytes()[0].is_ascii_digit() || NUMBER_WORDS.contains(&w)
    };
    let mut found: Vec<(u8, usize, usize, Kind)> = Vec::with_capacity(spans.len() * 3);
    for (label, mut a, mut b, tagged) in spans {
        while a <= b && is_function(words[a].text) {
            a += 1;
        }
        while b > a && is_function(words[b].text) {
            b -= 1;
        }
        if a > b {
            continue;
        }
        if !tagged {
            found.push((label, a, b, Kind::Lexicon));
            continue;
        }
        found.push((label, a, b, Kind::Tagged));
        // Other readings of the tagger's mention, for the classifier to weigh.
        if let Some(first_rare) = (a..=b).find(|&k| name_word(k))
            && first_rare > a
        {
            found.push((label, first_rare, b, Kind::NameOnly));
        }
        if a > 0 && joined(a - 1, a) && !is_function(words[a - 1].text) {
            let kind = if number(a - 1) {
                Kind::WithNumber
            } else {
                Kind::WiderLeft
            };
            found.push((label, a - 1, b, kind));
        }
        if a < b {
            let kind = if number(a) {
                Kind::WithoutNumber
            } else {
                Kind::NarrowerLeft
            };
            found.push((label, a + 1, b, kind));
        }
    }
    // Runs of two or more rare words (names) are candidates of the roles that name people,
    // whatever the tagger said.
    let mut k = 0;
    while k < words.len() {
        let mut e = k;
        while e < words.len() && name_word(e) && (e == k || joined(e - 1, e)) {
            e += 1;
        }
        if e - k >= 2 && e - k <= 5 {
            for r in 0..ROLES.len() {
                if PEOPLE_ROLES >> r & 1 == 1 {
                    found.push((r as u8 + 1, k, e - 1, Kind::Name));
                }
            }
        }
        k = e.max(k + 1);
    }
    found.sort_by_key(|s| (s.1, s.2, s.3));
    let mut out: Vec<Candidate<'t>> = Vec::new();
    for (label, a, b, kind) in found {
        if (a..=b).all(|k| is_function(words[k].text) || number(k)) {
            continue;
        }
        let role = usize::from(label) - 1;
        let mention: Vec<&str> = words[a..=b].iter().map(|w| w.text).collect();
        let c = match out
            .iter_mut()
            .find(|c| c.role == role && c.words == mention)
        {
            Some(c) => c,
            None => {
                out.push(Candidate {
                    role,
                    words: mention,
                    spans: Vec::new(),
                    tagged: 0,
                    kind,
                });
                out.last_mut().expect("just pushed")
            }
        };
        c.kind = c.kind.min(kind);
        if kind == Kind::Tagged {
            c.tagged += 1;
        }
        if !c.spans.contains(&(a, b)) {
            c.spans.push((a, b));
        }
    }
    out.sort_by_key(|c| c.spans[0]);
    out
}
