//! The MUC-4 mention lexicon: `kb/models/muc4_mentions.tsv` (role, phrase, precision, written
//! by `scripts/train_muc4.py` from the training split) in; phrase lookups out.
//!
//! Precision is the share of training documents containing the phrase in which it fills the
//! role. Phrases widen the tagger's partial mentions ("marti" to "farabundo marti national
//! liberation front"), and phrases precise enough are fillers wherever they occur.

use std::sync::OnceLock;

use super::ROLES;
use super::hash::{HashMapU64, phrase_hash};

/// Longest phrase, in words.
pub const MAX_WORDS: usize = 6;

/// Phrase hash ([`phrase_hash`]) to (role index, precision) pairs.
#[derive(Debug, Default)]
pub struct Lexicon {
    phrases: HashMapU64<Vec<(u8, f32)>>,
}

static BUILTIN: OnceLock<Lexicon> = OnceLock::new();

impl Lexicon {
    /// The lexicon shipped in `kb/models/muc4_mentions.tsv`, or the `muc4_mentions.tsv` of
    /// the directory named by `SITREP_MUC4_MODELS`.
    pub fn builtin() -> &'static Lexicon {
        BUILTIN.get_or_init(|| {
            if let Some(dir) = std::env::var_os("SITREP_MUC4_MODELS") {
                let path = std::path::Path::new(&dir).join("muc4_mentions.tsv");
                let text =
                    std::fs::read_to_string(path).expect("SITREP_MUC4_MODELS/muc4_mentions.tsv");
                return Lexicon::parse(&text);
            }
            Lexicon::parse(include_str!("../../../kb/models/muc4_mentions.tsv"))
        })
    }

    /// Reads `role<TAB>phrase<TAB>precision` lines; `#` lines and bad lines are skipped.
    pub fn parse(text: &str) -> Lexicon {
        let mut phrases: HashMapU64<Vec<(u8, f32)>> = HashMapU64::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(role), Some(phrase), Some(p)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let (Some(r), Ok(p)) = (ROLES.iter().position(|x| *x == role), p.parse::<f32>()) else {
                continue;
            };
            phrases
                .entry(phrase_hash(phrase))
                .or_default()
                .push((r as u8, p));
        }
        Lexicon { phrases }
    }

    /// The roles and precisions of `phrase` (words separated by spaces), if it is in the
    /// lexicon.
    pub fn get(&self, phrase: &str) -> Option<&[(u8, f32)]> {
        self.get_hash(phrase_hash(phrase))
    }

    /// The roles and precisions of the phrase with this [`phrase_hash`].
    pub fn get_hash(&self, hash: u64) -> Option<&[(u8, f32)]> {
        self.phrases.get(&hash).map(Vec::as_slice)
    }
}
