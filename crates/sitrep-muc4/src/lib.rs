//! MUC-4 role fillers: a document's text in, [`Extracts`] out (perpetrator individuals and
//! organisations, physical targets, named victims, weapons), the template slots of the MUC-4
//! terrorism benchmark as pooled by GRIT.
//!
//! Stages:
//! 0. [`relevance`]: logistic regressions over the document's word set: does it have any
//!    filler (documents very unlikely to get none), and one of each role.
//! 1. [`words`]: lower-cased words with byte spans (the tokeniser the trainer uses).
//! 2. [`model`]: a token tagger (averaged perceptron over hashed context features) trained by
//!    `scripts/train_muc4.py` on the MUC-4 training split and shipped as `kb/models/muc4.bin`;
//!    it scores each word for O and the five roles; per-role offsets ([`Tuning`]) make it
//!    propose more mentions than it would keep.
//! 3. [`lexicon`]: gold mentions of the training split with their precision
//!    (`kb/models/muc4_mentions.tsv`): they widen partial mentions, and phrases precise
//!    enough are candidates wherever they occur.
//! 4. [`decode`]: runs of one role between spaces become candidate mentions (names widen
//!    over the rare words next to them; function words at the edges are trimmed), with
//!    variants of each (without a leading title, with or without a number or the word
//!    before); every run of two to five rare words is also a candidate for the roles that
//!    name people; one candidate per distinct string and role.
//! 5. [`features`]: what the document says about each candidate (tagger margins over all
//!    its occurrences and at its edges, counts, position, its words and the words around
//!    it, lexicon precision, the document's relevance overall and for the role).
//! 6. [`select`]: a logistic regression over those features (`kb/models/muc4_entities.tsv`,
//!    `scripts/train_muc4_entities.py`, trained on candidates that taggers trained on other
//!    folds of the training split found) keeps candidates above a per-role threshold; of
//!    overlapping candidates (a mention and its variants) and of a name and its bracketed
//!    alias the best stays; mentions inside a longer one are merged into it and each entity
//!    is output with one mention.
//!
//! `scripts/train_muc4_all.py` retrains every model in `kb/models`; the example
//! `muc4_candidates` writes the candidates and features the classifier learns from.
#![deny(missing_docs)]

mod decode;
mod features;
mod hash;
mod lexicon;
mod model;
mod relevance;
mod select;
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

/// Decision thresholds, chosen by cross-validation on the training split (four contiguous
/// folds: models trained on three, candidates of the fourth). For calibration runs, the environment
/// variables `SITREP_MUC4_BIAS` (six comma-separated label offsets), `SITREP_MUC4_SURE`
/// (five lexicon precisions), `SITREP_MUC4_REL` (relevance threshold), `SITREP_MUC4_NAMES`
/// (role bits) and `SITREP_MUC4_KEEP` (five classifier thresholds) override them.
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
    /// Per role, the classifier score from which a candidate is kept.
    pub keep: [f32; 5],
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
                keep: select::KEEP,
            };
            parse_list("SITREP_MUC4_KEEP", &mut t.keep);
            parse_list("SITREP_MUC4_BIAS", &mut t.bias);
            parse_list("SITREP_MUC4_SURE", &mut t.sure);
            parse_list("SITREP_MUC4_REL", std::slice::from_mut(&mut t.relevance));
            parse_list("SITREP_MUC4_NAMES", std::slice::from_mut(&mut t.names));
            t
        })
    }
}

/// A candidate mention: its role, words, the classifier's features and score.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    /// Index into [`ROLES`].
    pub role: usize,
    /// The mention (words separated by spaces).
    pub mention: String,
    /// The classifier's feature names.
    pub features: Vec<String>,
    /// The classifier's score (log-odds of being a filler of the role).
    pub score: f32,
    /// Word ranges (first, last word index) where it was found.
    pub spans: Vec<(usize, usize)>,
}

/// Extracts the MUC-4 role fillers of `text` with the built-in model.
pub fn extract(text: &str) -> Extracts {
    extract_with(Model::builtin(), text)
}

/// Extracts the MUC-4 role fillers of `text` with `model`.
pub fn extract_with(model: &Model, text: &str) -> Extracts {
    let keep = &Tuning::get().keep;
    let lower = text.to_lowercase();
    let cands = candidates_of_lower(model, &lower);
    let kept: Vec<select::Kept<'_>> = cands
        .iter()
        .filter(|c| c.score >= keep[c.role])
        .map(|c| select::Kept {
            role: c.role,
            words: c.mention.split(' ').collect(),
            spans: &c.spans,
            score: c.score,
        })
        .collect();
    select::entities(&lower, &kept)
}

/// The candidate mentions of `text`, scored, in order of first occurrence (none when the
/// document is not relevant).
pub fn candidates(text: &str) -> Vec<Scored> {
    candidates_of_lower(Model::builtin(), &text.to_lowercase())
}

/// [`candidates`] of an already lower-cased text.
fn candidates_of_lower(model: &Model, lower: &str) -> Vec<Scored> {
    let words = words::words(lower);
    let hashes: Vec<u64> = words.iter().map(|w| hash::word_hash(w.text)).collect();
    let tuning = Tuning::get();
    let relevance = Relevance::builtin().score(&words, &hashes);
    if relevance < tuning.relevance {
        return Vec::new();
    }
    let tagged = model.tag_biased(&hashes, &tuning.bias);
    let rare: Vec<bool> = hashes.iter().map(|&h| model.is_rare(h)).collect();
    let lexicon = Lexicon::builtin();
    let cands = decode::decode(
        lower,
        &words,
        &hashes,
        &tagged.labels,
        lexicon,
        &rare,
        tuning,
    );
    let doc = features::Document {
        text: lower,
        words: &words,
        tagged: &tagged,
        rare: &rare,
        lexicon,
        relevance,
        role_relevance: relevance::roles()
            .each_ref()
            .map(|r| r.score(&words, &hashes)),
    };
    let classifier = select::Classifier::builtin();
    cands
        .iter()
        .zip(features::features(&doc, &cands))
        .map(|(c, features)| Scored {
            role: c.role,
            mention: c.words.join(" "),
            score: classifier.score(&features),
            features,
            spans: c.spans.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests;
