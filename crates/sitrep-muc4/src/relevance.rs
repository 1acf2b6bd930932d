//! Document relevance: does a report describe a terrorist incident with role fillers at all?
//! About half the MUC-4 documents have none, and every filler predicted there costs
//! precision. A logistic regression over the set of a document's words
//! (`kb/models/muc4_relevance.tsv`, written by `scripts/train_muc4_relevance.py`: the bias as
//! `<bias>`, then `word<TAB>weight`; the summed weights of the known words are divided by the
//! square root of their number) scores the document; below [`THRESHOLD`] nothing is output.
//! Classifiers of the same form per role ([`roles`]: does the document have a filler of the
//! role?) give the entity classifier a document-level view of each role.

use std::sync::OnceLock;

use super::ROLES;
use super::hash::{HashMapU64, HashSetU64, word_hash};
use super::words::Word;

/// Documents scoring below this are taken to have no fillers. Low, because the entity
/// classifier also weighs the score (chosen by cross-validation on the training split).
pub const THRESHOLD: f32 = -2.0;

/// Word hash to weight, and the bias.
#[derive(Debug, Default)]
pub struct Relevance {
    bias: f32,
    weights: HashMapU64<f32>,
}

static BUILTIN: OnceLock<Relevance> = OnceLock::new();
static ROLES_BUILTIN: OnceLock<[Relevance; 5]> = OnceLock::new();

/// Per role, a classifier of whether the document has a filler of that role
/// (`kb/models/muc4_roles.tsv`: `role<TAB>word<TAB>weight` lines, written by
/// `scripts/train_muc4_relevance.py --roles-out`), or that of the directory named by
/// `SITREP_MUC4_MODELS`.
pub fn roles() -> &'static [Relevance; 5] {
    ROLES_BUILTIN.get_or_init(|| {
        if let Some(dir) = std::env::var_os("SITREP_MUC4_MODELS") {
            let path = std::path::Path::new(&dir).join("muc4_roles.tsv");
            let text = std::fs::read_to_string(path).expect("SITREP_MUC4_MODELS/muc4_roles.tsv");
            return parse_roles(&text);
        }
        parse_roles(include_str!("../../../kb/models/muc4_roles.tsv"))
    })
}

/// Reads `role<TAB>word<TAB>weight` lines into one classifier per role of [`ROLES`].
pub fn parse_roles(text: &str) -> [Relevance; 5] {
    let mut per_role: [String; 5] = Default::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        if let Some((role, rest)) = line.split_once('\t')
            && let Some(r) = ROLES.iter().position(|x| *x == role)
        {
            per_role[r].push_str(rest);
            per_role[r].push('\n');
        }
    }
    per_role.map(|t| Relevance::parse(&t))
}

impl Relevance {
    /// The classifier shipped in `kb/models/muc4_relevance.tsv`, or the `muc4_relevance.tsv`
    /// of the directory named by `SITREP_MUC4_MODELS`.
    pub fn builtin() -> &'static Relevance {
        BUILTIN.get_or_init(|| {
            if let Some(dir) = std::env::var_os("SITREP_MUC4_MODELS") {
                let path = std::path::Path::new(&dir).join("muc4_relevance.tsv");
                let text =
                    std::fs::read_to_string(path).expect("SITREP_MUC4_MODELS/muc4_relevance.tsv");
                return Relevance::parse(&text);
            }
            Relevance::parse(include_str!("../../../kb/models/muc4_relevance.tsv"))
        })
    }

    /// Reads `word<TAB>weight` lines (`<bias>` is the bias); `#` lines and bad lines are
    /// skipped.
    pub fn parse(text: &str) -> Relevance {
        let mut out = Relevance::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((w, v)) = line.split_once('\t') else {
                continue;
            };
            let Ok(v) = v.parse::<f32>() else { continue };
            if w == "<bias>" {
                out.bias = v;
            } else {
                out.weights.insert(word_hash(w), v);
            }
        }
        out
    }

    /// The document's score (log-odds of having fillers) from its words and their hashes.
    pub fn score(&self, words: &[Word<'_>], hashes: &[u64]) -> f32 {
        let mut seen = HashSetU64::default();
        let (mut sum, mut n) = (0.0f32, 0usize);
        for (w, &h) in words.iter().zip(hashes) {
            if w.text.as_bytes()[0].is_ascii_digit() || !seen.insert(h) {
                continue;
            }
            if let Some(&v) = self.weights.get(&h) {
                sum += v;
                n += 1;
            }
        }
        self.bias + sum / (n.max(1) as f32).sqrt()
    }
}
