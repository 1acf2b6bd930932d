//! The MUC-4 token tagger: words in, one label per word out (0 = none, 1..=5 = the roles of
//! [`super::ROLES`]).
//!
//! Each word gets hashed features (itself, its neighbours, neighbour pairs, a bag of words
//! four either side, the label given to the word before, and whether it and its neighbours
//! are rare, i.e. outside `kb/models/muc4_vocab.txt`, as names mostly are); each feature
//! indexes a row of six 16-bit weights; the label is the highest sum, words are tagged left
//! to right. The table (`kb/models/muc4.bin`: `MUC4TAG1`, bits, labels as little-endian
//! u32, then 2^bits x labels i16) is written by `scripts/train_muc4.py`, whose feature
//! function this mirrors exactly.

use std::sync::OnceLock;

use super::hash::{HashSetU64, word_hash};

/// Labels: none plus the five roles.
pub const LABELS: usize = 6;
/// Per-label score offsets (weights are scaled by 64): the tagger proposes more mentions than
/// its own argmax would, and the entity classifier ([`super::select`]) filters them. Chosen
/// by cross-validation on the training split.
pub const BIAS: [i32; LABELS] = [0, 1200, 800, 1200, 1400, 800];
/// Context words either side that enter the bag-of-words features.
const WINDOW: usize = 4;

/// A loaded tagger.
#[derive(Debug)]
pub struct Model {
    mask: u64,
    weights: Vec<i16>,
    vocab: HashSetU64,
}

/// Why a model file was refused.
#[derive(Debug, PartialEq, Eq)]
pub struct BadModel(pub &'static str);

static BUILTIN: OnceLock<Model> = OnceLock::new();

impl Model {
    /// The model shipped in `kb/models/muc4.bin`, or the `muc4.bin` and `muc4_vocab.txt`
    /// of the directory named by `SITREP_MUC4_MODELS` (for evaluating retrained models).
    pub fn builtin() -> &'static Model {
        BUILTIN.get_or_init(|| {
            if let Some(dir) = std::env::var_os("SITREP_MUC4_MODELS") {
                let dir = std::path::Path::new(&dir);
                let b = std::fs::read(dir.join("muc4.bin")).expect("SITREP_MUC4_MODELS/muc4.bin");
                let v = std::fs::read_to_string(dir.join("muc4_vocab.txt"))
                    .expect("SITREP_MUC4_MODELS/muc4_vocab.txt");
                return Model::from_bytes(&b, &v).expect("a valid model");
            }
            Model::from_bytes(
                include_bytes!("../../../kb/models/muc4.bin"),
                include_str!("../../../kb/models/muc4_vocab.txt"),
            )
            .expect("kb/models/muc4.bin is a valid model")
        })
    }

    /// Reads a model file and its frequent-word list (one word a line, `#` comments).
    pub fn from_bytes(b: &[u8], vocab: &str) -> Result<Model, BadModel> {
        if b.len() < 16 || &b[..8] != b"MUC4TAG1" {
            return Err(BadModel("not a MUC4TAG1 model"));
        }
        let bits = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        let labels = u32::from_le_bytes([b[12], b[13], b[14], b[15]]) as usize;
        if labels != LABELS || !(8..=24).contains(&bits) {
            return Err(BadModel("unexpected model dimensions"));
        }
        let n = (1usize << bits) * LABELS;
        if b.len() != 16 + 2 * n {
            return Err(BadModel("model file has the wrong length"));
        }
        let weights = b[16..]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        let vocab = vocab
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(word_hash)
            .collect();
        Ok(Model {
            mask: (1u64 << bits) - 1,
            weights,
            vocab,
        })
    }

    /// One label per word, given the words' hashes ([`word_hash`]).
    pub fn tag(&self, hashes: &[u64]) -> Vec<u8> {
        self.tag_biased(hashes, &BIAS).labels
    }

    /// [`Model::tag`] with `bias` added to each label's score, with the scores.
    pub fn tag_biased(&self, hashes: &[u64], bias: &[i32; LABELS]) -> Tagged {
        let rare: Vec<u64> = hashes
            .iter()
            .map(|h| u64::from(!self.vocab.contains(h)))
            .collect();
        // The bag-of-words rows of each word, summed once: prefix sums give every window.
        let mut left = vec![[0i32; LABELS]; hashes.len() + 1];
        let mut right = vec![[0i32; LABELS]; hashes.len() + 1];
        for (j, &h) in hashes.iter().enumerate() {
            left[j + 1] = add(&left[j], self.row(mix(11, h, 0, self.mask)));
            right[j + 1] = add(&right[j], self.row(mix(12, h, 0, self.mask)));
        }
        let mut feats = Vec::with_capacity(20);
        let mut out = Tagged {
            labels: Vec::with_capacity(hashes.len()),
            scores: Vec::with_capacity(hashes.len()),
        };
        let mut prev = 0u8;
        for i in 0..hashes.len() {
            features(hashes, &rare, i, u64::from(prev), self.mask, &mut feats);
            let (lo, hi) = (i.saturating_sub(WINDOW), (i + WINDOW + 1).min(hashes.len()));
            let mut scores = *bias;
            for k in 0..LABELS {
                scores[k] += left[i][k] - left[lo][k] + right[hi][k] - right[i + 1][k];
            }
            for &f in &feats {
                for (s, &w) in scores.iter_mut().zip(self.row(f)) {
                    *s += i32::from(w);
                }
            }
            prev = argmax(&scores);
            out.labels.push(prev);
            out.scores.push(scores);
        }
        out
    }
}

/// The tagger's output: per word, the label and the (biased) score of every label.
#[derive(Clone, Debug, Default)]
pub struct Tagged {
    /// Per word, the highest-scoring label.
    pub labels: Vec<u8>,
    /// Per word, the scores of the labels (weights x 64, offsets included).
    pub scores: Vec<[i32; LABELS]>,
}

impl Model {
    /// Whether the word with this hash is outside the frequent-word list (names, mostly).
    pub fn is_rare(&self, hash: u64) -> bool {
        !self.vocab.contains(&hash)
    }

    fn row(&self, f: u64) -> &[i16] {
        &self.weights[f as usize * LABELS..][..LABELS]
    }
}

fn add(a: &[i32; LABELS], row: &[i16]) -> [i32; LABELS] {
    let mut out = *a;
    for (o, &w) in out.iter_mut().zip(row) {
        *o += i32::from(w);
    }
    out
}

/// The first highest score's index (ties go to the lower label, as in the trainer).
fn argmax(scores: &[i32; LABELS]) -> u8 {
    let mut best = 0;
    for k in 1..LABELS {
        if scores[k] > scores[best] {
            best = k;
        }
    }
    best as u8
}

fn mix(t: u64, a: u64, b: u64, mask: u64) -> u64 {
    let mut h = (t + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h = (h ^ a).wrapping_mul(0x100_0000_01B3);
    h = (h ^ b).wrapping_mul(0x100_0000_01B3);
    h ^= h >> 29;
    h & mask
}

/// The feature indices of word `i` into `out` (all but the bag of words, which
/// [`Model::tag`] sums with prefix sums): `hs` are the word hashes, `rare` 1 for rare
/// words, `prev` the label of word `i - 1`.
fn features(hs: &[u64], rare: &[u64], i: usize, prev: u64, mask: u64, out: &mut Vec<u64>) {
    const PAD: u64 = 0x5A2B_6936_24FE_3EA6; // word_hash("<pad>"), checked in tests
    let pad = PAD;
    let w = |d: isize| -> u64 {
        let j = i as isize + d;
        if j >= 0 && (j as usize) < hs.len() {
            hs[j as usize]
        } else {
            pad
        }
    };
    let r = |d: isize| -> u64 {
        let j = i as isize + d;
        if j >= 0 && (j as usize) < rare.len() {
            rare[j as usize]
        } else {
            2
        }
    };
    out.clear();
    out.extend([
        mix(0, 0, 0, mask),
        mix(1, w(0), 0, mask),
        mix(2, w(-1), 0, mask),
        mix(3, w(1), 0, mask),
        mix(4, w(-2), 0, mask),
        mix(5, w(2), 0, mask),
        mix(6, w(-1), w(0), mask),
        mix(7, w(0), w(1), mask),
        mix(8, w(-2), w(-1), mask),
        mix(9, w(1), w(2), mask),
        mix(10, w(-1), w(1), mask),
        mix(13, prev, 0, mask),
        mix(14, prev, w(0), mask),
        mix(15, r(0), 0, mask),
        mix(16, r(-1), r(0), mask),
        mix(17, r(0), r(1), mask),
        mix(18, w(-1), r(0), mask),
        mix(19, r(0), w(1), mask),
        mix(23, w(-2), r(0), mask),
        mix(24, prev, r(0), mask),
    ]);
}
