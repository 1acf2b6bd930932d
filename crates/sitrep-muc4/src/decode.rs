//! From word labels to [`Extracts`]: the lower-cased text, its words and one label per word
//! in; per role, entities with one mention each out.
//!
//! A mention is a run of words with the same role separated only by spaces. Leading articles
//! are trimmed; mentions that are only function words are dropped. Within a role, a mention
//! whose words all occur in another mention ("galan" in "luis carlos galan") is the same
//! entity, and the entity keeps its longest mention: strict scoring credits an entity only if
//! every mention in it is right, so one mention per entity is the safe output.

use super::hash::{PHRASE_SEED, phrase_step};
use super::lexicon::{Lexicon, MAX_WORDS};
use super::words::Word;
use super::{Extracts, ROLES, Tuning};

/// Lexicon phrases at least this precise are fillers wherever they occur.
pub const SURE: [f32; 5] = [0.3, 0.3, 0.3, 0.3, 0.3];

/// Roles (bit i for role i) whose mentions containing a rare word are widened over the
/// rare words next to them: names.
pub const NAME_ROLES: usize = 0b01111;

/// Words never a mention on their own.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "by", "for", "from", "with", "la",
    "el", "de", "del", "los", "las", "y", "kg", "its", "his", "their", "who", "which", "that",
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

/// Mentions per role, in order of first occurrence.
pub fn decode(
    text: &str,
    words: &[Word<'_>],
    hashes: &[u64],
    labels: &[u8],
    lexicon: &Lexicon,
    rare: &[bool],
    tuning: &Tuning,
) -> Extracts {
    let (ext, sure) = (tuning.names, tuning.sure);
    let joined = |a: usize, b: usize| text[words[a].end..words[b].start] == *" ";
    let name_word = |k: usize| {
        rare[k] && !is_function(words[k].text) && !words[k].text.as_bytes()[0].is_ascii_digit()
    };
    let occ = occurrences(text, words, hashes, lexicon);
    let mut spans: Vec<(u8, usize, usize)> = Vec::new();
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
            spans.push((label, a, b));
        }
        i = j;
    }
    for &(s, e, roles) in &occ {
        for &(r, p) in roles {
            if p >= sure[usize::from(r)] {
                spans.push((r + 1, s, e));
            }
        }
    }
    let mut per_role: Vec<Vec<Vec<&str>>> = vec![Vec::new(); ROLES.len()];
    for (label, a, b) in spans {
        {
            let mut span: Vec<&str> = words[a..=b].iter().map(|w| w.text).collect();
            while span
                .first()
                .is_some_and(|w| matches!(*w, "a" | "an" | "the"))
            {
                span.remove(0);
            }
            if !span.iter().all(|w| is_function(w)) {
                let role = &mut per_role[usize::from(label) - 1];
                if !role.contains(&span) {
                    role.push(span);
                }
            }
        }
    }
    let mut out = Extracts::default();
    for (r, mentions) in per_role.iter().enumerate() {
        let entities = out.role_mut(r);
        for (k, m) in mentions.iter().enumerate() {
            let inside_longer = mentions.iter().enumerate().any(|(o, other)| {
                o != k
                    && (other.len() > m.len() || (other.len() == m.len() && o < k))
                    && m.iter().all(|w| other.contains(w))
            });
            if !inside_longer {
                entities.push(vec![m.join(" ")]);
            }
        }
    }
    out
}
