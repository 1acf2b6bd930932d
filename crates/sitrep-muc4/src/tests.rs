use super::*;

#[test]
fn builtin_model_loads_and_finds_fillers() {
    let text = "guerrillas of the fmln exploded a car bomb near the embassy, killing \
                judge roberto mendez. the farabundo marti national liberation front claimed it.";
    let x = extract(text);
    let all: Vec<&str> = (0..ROLES.len())
        .flat_map(|r| {
            x.role(r)
                .iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(!all.is_empty(), "{x:?}");
    assert!(x.weapon.iter().flatten().any(|m| m == "car bomb"), "{x:?}");
}

#[test]
fn refuses_bad_model_files() {
    assert!(Model::from_bytes(b"nonsense", "").is_err());
    let mut b = b"MUC4TAG1".to_vec();
    b.extend(8u32.to_le_bytes());
    b.extend(6u32.to_le_bytes());
    assert!(Model::from_bytes(&b, "").is_err());
    b.extend(vec![0u8; 2 * 256 * 6]);
    assert!(Model::from_bytes(&b, "").is_ok());
}

#[test]
fn one_mention_per_entity_and_no_lone_function_words() {
    let text = "luis carlos galan and galan of the";
    let w = words::words(text);
    let labels = [4, 4, 4, 0, 4, 0, 4];
    let x = decode::decode(
        text,
        &w,
        &hashes(&w),
        &labels,
        &Lexicon::default(),
        &[false; 16][..w.len()],
        Tuning::get(),
    );
    assert_eq!(x.victim, vec![vec!["luis carlos galan".to_string()]]);
}

#[test]
fn punctuation_splits_mentions() {
    let text = "army of national liberation (eln)";
    let w = words::words(text);
    let x = decode::decode(
        text,
        &w,
        &hashes(&w),
        &[2, 2, 2, 2, 2],
        &Lexicon::default(),
        &[false; 16][..w.len()],
        Tuning::get(),
    );
    assert_eq!(x.perp_org.len(), 2, "{x:?}");
}

fn hashes(w: &[words::Word<'_>]) -> Vec<u64> {
    w.iter().map(|w| hash::word_hash(w.text)).collect()
}

#[test]
fn pad_constant_is_the_hash_of_pad() {
    assert_eq!(hash::word_hash("<pad>"), 0x5A2B_6936_24FE_3EA6);
}

#[test]
fn lexicon_finds_phrases_by_hash() {
    let lex = Lexicon::parse("# c\nWeapon\tcar bomb\t0.5\nbad line\n");
    assert_eq!(lex.get("car bomb"), Some(&[(4u8, 0.5f32)][..]));
    assert!(lex.get("car").is_none());
}

#[test]
fn relevance_scores_known_words_once() {
    let rel = Relevance::parse("# c\n<bias>\t-1.0\nbomb\t2.0\nbudget\t-1.0\nbad\n");
    let text = "a bomb and a bomb and a budget";
    let w = words::words(text);
    let s = rel.score(&w, &hashes(&w));
    // (2.0 - 1.0) / sqrt(2) - 1.0
    assert!((s - (1.0 / 2f32.sqrt() - 1.0)).abs() < 1e-5, "{s}");
}
