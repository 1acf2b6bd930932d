//! The compiled matcher, cached on disk so start-up stays fast.
//!
//! Compiling the automaton over every name and alias is most of the knowledge base's load
//! time, and its result depends only on the patterns. It is kept in the user's cache folder
//! (`$SITREP_CACHE_DIR`, else `$XDG_CACHE_HOME/sitrep`, else `~/.cache/sitrep`) under a name
//! derived from a hash of the patterns, with a checksum of its bytes; a missing, stale or
//! damaged file is rebuilt, and a folder that cannot be written only costs the rebuild.

use std::fs;
use std::path::PathBuf;

use daachorse::DoubleArrayAhoCorasick;

use crate::Entry;

const MAGIC: &[u8; 8] = b"SITREPM1";

/// The automaton for `entries` (pattern i has value i), from the cache when possible.
pub(crate) fn automaton(entries: &[Entry]) -> DoubleArrayAhoCorasick<u32> {
    automaton_in(entries, cache_dir().as_deref())
}

/// The automaton for `entries`, cached in `dir` when given.
fn automaton_in(entries: &[Entry], dir: Option<&std::path::Path>) -> DoubleArrayAhoCorasick<u32> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for e in entries {
        hasher.update(e.pattern.as_bytes());
        hasher.update(&[0]);
    }
    let key = hasher.finalize().to_hex();
    let path = dir.map(|d| d.join(format!("matcher-{}.bin", &key[..32])));
    if let Some(ac) = path.as_ref().and_then(load) {
        return ac;
    }
    let ac = DoubleArrayAhoCorasick::with_values(
        entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.pattern.as_bytes(), i as u32)),
    )
    .expect("knowledge-base patterns compile");
    if let Some(p) = path {
        store(&p, &ac);
    }
    ac
}

fn cache_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("SITREP_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME") {
        return Some(PathBuf::from(d).join("sitrep"));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache").join("sitrep"))
}

fn load(path: &PathBuf) -> Option<DoubleArrayAhoCorasick<u32>> {
    let bytes = fs::read(path).ok()?;
    let body = bytes.strip_prefix(MAGIC)?;
    let (sum, data) = body.split_at_checked(32)?;
    if blake3::hash(data).as_bytes() != sum {
        return None;
    }
    // SAFETY: `data` was written by `store` from a serialised automaton: the checksum above
    // rules out truncation and damage, and the file name pins the crate version and patterns.
    let (ac, rest) = unsafe { DoubleArrayAhoCorasick::<u32>::deserialize_unchecked(data) };
    rest.is_empty().then_some(ac)
}

fn store(path: &PathBuf, ac: &DoubleArrayAhoCorasick<u32>) {
    let data = ac.serialize();
    let mut bytes = Vec::with_capacity(data.len() + 40);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(blake3::hash(&data).as_bytes());
    bytes.extend_from_slice(&data);
    let Some(dir) = path.parent() else { return };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    // Write aside, then rename: readers never see half a file.
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if fs::write(&tmp, &bytes).is_ok() && fs::rename(&tmp, path).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(words: &[&str]) -> Vec<Entry> {
        words
            .iter()
            .map(|w| Entry {
                pattern: w.to_string(),
                ..Entry::default()
            })
            .collect()
    }

    #[test]
    fn cached_automaton_matches_like_a_fresh_one_and_survives_damage() {
        let dir = tempfile::tempdir().unwrap();
        let e = entries(&["quetta", "kech", "tank"]);
        let fresh = automaton_in(&e, Some(dir.path()));
        let file = fs::read_dir(dir.path())
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let cached = load(&file).expect("cache written and readable");
        let hay = b"kech and quetta";
        let a: Vec<_> = fresh.find_iter(hay).map(|m| m.value()).collect();
        let b: Vec<_> = cached.find_iter(hay).map(|m| m.value()).collect();
        assert_eq!(a, b);
        let mut bytes = fs::read(&file).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xFF;
        fs::write(&file, &bytes).unwrap();
        assert!(load(&file).is_none(), "damaged cache must be refused");
        let rebuilt = automaton_in(&e, Some(dir.path()));
        assert_eq!(rebuilt.find_iter(hay).count(), 2);
    }
}
