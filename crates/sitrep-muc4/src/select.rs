//! The entity classifier: candidates with their feature names ([`super::features`]) in;
//! the [`Extracts`] out.
//!
//! A logistic regression (`kb/models/muc4_entities.tsv`, `feature<TAB>weight` lines written by
//! `scripts/train_muc4_entities.py` from candidates of the training split found by taggers
//! that did not see those documents) scores each candidate; candidates scoring at least the
//! role's threshold ([`KEEP`]) are kept. Within a role, a kept mention whose words all occur
//! in a longer kept mention ("galan" in "luis carlos galan") is the same entity, and the
//! entity keeps its longest mention: strict scoring credits an entity only if every mention
//! in it is right, so one mention per entity is the safe output.

use std::sync::OnceLock;

use super::hash::{HashMapU64, word_hash};
use super::{Extracts, ROLES};

/// Per role, the score (log-odds) from which a candidate is kept, calibrated on the training
/// split by cross-validation.
pub const KEEP: [f32; 5] = [-1.5, -1.25, -1.5, -1.5, -1.5];

/// Feature-name hash to weight.
#[derive(Debug, Default)]
pub struct Classifier {
    weights: HashMapU64<f32>,
}

static BUILTIN: OnceLock<Classifier> = OnceLock::new();

impl Classifier {
    /// The classifier shipped in `kb/models/muc4_entities.tsv`, or the `muc4_entities.tsv` of
    /// the directory named by `SITREP_MUC4_MODELS`.
    pub fn builtin() -> &'static Classifier {
        BUILTIN.get_or_init(|| {
            if let Some(dir) = std::env::var_os("SITREP_MUC4_MODELS") {
                let path = std::path::Path::new(&dir).join("muc4_entities.tsv");
                if let Ok(text) = std::fs::read_to_string(path) {
                    return Classifier::parse(&text);
                }
            }
            Classifier::parse(include_str!("../../../kb/models/muc4_entities.tsv"))
        })
    }

    /// Reads `feature<TAB>weight` lines; `#` lines and bad lines are skipped.
    pub fn parse(text: &str) -> Classifier {
        let mut weights = HashMapU64::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((f, v)) = line.rsplit_once('\t') else {
                continue;
            };
            if let Ok(v) = v.parse::<f32>() {
                weights.insert(word_hash(f), v);
            }
        }
        Classifier { weights }
    }

    /// The score (log-odds) of a candidate with these features.
    pub fn score<S: AsRef<str>>(&self, features: &[S]) -> f32 {
        features
            .iter()
            .filter_map(|f| self.weights.get(&word_hash(f.as_ref())))
            .sum()
    }
}

/// A candidate the classifier kept.
#[derive(Clone, Debug)]
pub struct Kept<'c> {
    /// Index into [`ROLES`].
    pub role: usize,
    /// The mention's words.
    pub words: Vec<&'c str>,
    /// Word ranges where it was found.
    pub spans: &'c [(usize, usize)],
    /// The classifier's score.
    pub score: f32,
}

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> bool {
    a.iter()
        .any(|&(s, e)| b.iter().any(|&(t, f)| s <= f && t <= e))
}

/// Whether the text names `a` with `b` in brackets after it ("farabundo marti national
/// liberation front (fmln)"): then they are one entity.
fn bracketed(text: &str, a: &[&str], b: &[&str]) -> bool {
    text.contains(&format!("{} ({})", a.join(" "), b.join(" ")))
}

/// The entities of the kept mentions (in order of first occurrence) of the lower-cased
/// `text`. Within a role, of mentions found at overlapping words (a mention and its
/// variants) the best-scoring one stays, and so does the better of a name and its bracketed
/// alias; then mentions whose words all occur in a longer one are merged into it.
pub fn entities(text: &str, kept: &[Kept<'_>]) -> Extracts {
    let mut out = Extracts::default();
    for r in 0..ROLES.len() {
        let mut by_score: Vec<&Kept<'_>> = kept.iter().filter(|k| k.role == r).collect();
        by_score.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut chosen: Vec<&Kept<'_>> = Vec::new();
        for k in by_score {
            if !chosen.iter().any(|c| {
                overlap(c.spans, k.spans)
                    || bracketed(text, &c.words, &k.words)
                    || bracketed(text, &k.words, &c.words)
            }) {
                chosen.push(k);
            }
        }
        chosen.sort_by_key(|k| k.spans.first().copied());
        let mentions: Vec<&Vec<&str>> = chosen.iter().map(|k| &k.words).collect();
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
