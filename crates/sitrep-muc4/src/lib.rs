//! MUC-4 role fillers: a document's text in, [`Extracts`] out (perpetrator individuals and
//! organisations, physical targets, named victims, weapons), the template slots of the MUC-4
//! terrorism benchmark as pooled by GRIT.
//!
//! Stages:
//! 0. [`relevance`]: a logistic regression over the document's word set; documents unlikely
//!    to have any filler get none.
//! 1. [`words`]: lower-cased words with byte spans (the tokeniser the trainer uses).
//! 2. [`model`]: a token tagger (averaged perceptron over hashed context features) trained by
//!    `scripts/train_muc4.py` on the MUC-4 training split and shipped as `kb/models/muc4.bin`;
//!    it labels each word O or one of the five roles, with per-role score offsets
//!    ([`Tuning`]) that trade precision for recall where the holdout says it pays.
//! 3. [`lexicon`]: gold mentions of the training split with their precision
//!    (`kb/models/muc4_mentions.tsv`): they widen partial mentions and precise ones are
//!    fillers wherever they occur.
//! 4. [`decode`]: runs of one role between spaces become mentions; function words alone are
//!    dropped; mentions whose words are all inside a longer mention of the same role are
//!    merged into it, and each entity is output with one mention. Names (mentions with a
//!    rare word) widen over the rare words next to them.
#![deny(missing_docs)]

mod decode;
mod hash;
mod lexicon;
mod model;
mod relevance;
mod words;

pub use lexicon::Lexicon;
pub use model::Model;
pub use relevance::Relevance;

use serde::Serialize;

/// The five MUC-4 roles, in output order.
pub const ROLES: [&str; 5] = ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"];

/// Role fillers of one document: per role, entities, each a list of mention strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Extracts {
    /// Individual perpetrators ("guerrillas", "gunmen").
    #[serde(rename = "PerpInd")]
    pub perp_ind: Vec<Vec<String>>,
    /// Perpetrator organisations ("fmln").
    #[serde(rename = "PerpOrg")]
    pub perp_org: Vec<Vec<String>>,
    /// Physical targets ("embassy", "bus").
    #[serde(rename = "Target")]
    pub target: Vec<Vec<String>>,
    /// Named victims.
    #[serde(rename = "Victim")]
    pub victim: Vec<Vec<String>>,
    /// Weapons ("car bomb", "dynamite").
    #[serde(rename = "Weapon")]
    pub weapon: Vec<Vec<String>>,
}

impl Extracts {
    /// The entity list of role `i` (an index into [`ROLES`]).
    pub fn role_mut(&mut self, i: usize) -> &mut Vec<Vec<String>> {
        match i {
            0 => &mut self.perp_ind,
            1 => &mut self.perp_org,
            2 => &mut self.target,
            3 => &mut self.victim,
            _ => &mut self.weapon,
        }
    }

    /// The entity list of role `i` (an index into [`ROLES`]).
    pub fn role(&self, i: usize) -> &[Vec<String>] {
        match i {
            0 => &self.perp_ind,
            1 => &self.perp_org,
            2 => &self.target,
            3 => &self.victim,
            _ => &self.weapon,
        }
    }
}

/// Decision thresholds, calibrated on a holdout of the training split (the last 200
/// documents, with models trained on the rest). For calibration runs, the environment
/// variables `SITREP_MUC4_BIAS` (six comma-separated label offsets), `SITREP_MUC4_SURE`
/// (five lexicon precisions), `SITREP_MUC4_REL` (relevance threshold) and
/// `SITREP_MUC4_NAMES` (role bits) override them.
#[derive(Clone, Debug)]
pub struct Tuning {
    /// Offsets added to the tagger's label scores ([`model::BIAS`]).
    pub bias: [i32; model::LABELS],
    /// Per role, the lexicon precision from which a phrase is a filler wherever it occurs.
    pub sure: [f32; 5],
    /// Documents whose relevance score is below this get no fillers.
    pub relevance: f32,
    /// Roles (bit i for role i) whose mentions with a rare word widen over rare neighbours.
    pub names: usize,
}

static TUNING: std::sync::OnceLock<Tuning> = std::sync::OnceLock::new();

fn parse_list<T: std::str::FromStr + Copy>(var: &str, out: &mut [T]) {
    if let Ok(v) = std::env::var(var) {
        for (o, x) in out.iter_mut().zip(v.split(',')) {
            if let Ok(x) = x.trim().parse() {
                *o = x;
            }
        }
    }
}

impl Tuning {
    /// The built-in thresholds, with any environment overrides.
    pub fn get() -> &'static Tuning {
        TUNING.get_or_init(|| {
            let mut t = Tuning {
                bias: model::BIAS,
                sure: decode::SURE,
                relevance: relevance::THRESHOLD,
                names: decode::NAME_ROLES,
            };
            parse_list("SITREP_MUC4_BIAS", &mut t.bias);
            parse_list("SITREP_MUC4_SURE", &mut t.sure);
            parse_list("SITREP_MUC4_REL", std::slice::from_mut(&mut t.relevance));
            parse_list("SITREP_MUC4_NAMES", std::slice::from_mut(&mut t.names));
            t
        })
    }
}

/// Extracts the MUC-4 role fillers of `text` with the built-in model.
pub fn extract(text: &str) -> Extracts {
    extract_with(Model::builtin(), text)
}

/// Extracts the MUC-4 role fillers of `text` with `model`.
pub fn extract_with(model: &Model, text: &str) -> Extracts {
    let lower = text.to_lowercase();
    let words = words::words(&lower);
    let hashes: Vec<u64> = words.iter().map(|w| hash::word_hash(w.text)).collect();
    let tuning = Tuning::get();
    if Relevance::builtin().score(&words, &hashes) < tuning.relevance {
        return Extracts::default();
    }
    let labels = model.tag_biased(&hashes, &tuning.bias);
    let rare: Vec<bool> = hashes.iter().map(|&h| model.is_rare(h)).collect();
    decode::decode(
        &lower,
        &words,
        &hashes,
        &labels,
        Lexicon::builtin(),
        &rare,
        tuning,
    )
}

#[cfg(test)]
mod tests;
