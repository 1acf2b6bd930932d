//! Hashing for the MUC-4 tagger: word hashes (FNV-1a, as `scripts/train_muc4.py` computes
//! them), phrase hashes built from word hashes, and an identity hasher so tables keyed by
//! these hashes are not hashed twice.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
pub fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in w.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
    }
    h
}

/// Seed of [`phrase_step`].
pub const PHRASE_SEED: u64 = 0x2545_F491_4F6C_DD1D;

/// The hash of a phrase extended by one word.
pub fn phrase_step(h: u64, word: u64) -> u64 {
    (h ^ word)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(23)
}

/// The hash of the words of `phrase` (separated by spaces).
pub fn phrase_hash(phrase: &str) -> u64 {
    phrase
        .split(' ')
        .filter(|w| !w.is_empty())
        .fold(PHRASE_SEED, |h, w| phrase_step(h, word_hash(w)))
}

/// Passes a `u64` key through, mixed so high and low bits both vary.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01B3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n ^ (n >> 32).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by hashes.
pub type HashMapU64<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;
/// A set of hashes.
pub type HashSetU64 = HashSet<u64, BuildHasherDefault<IdHasher>>;
