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

fn tagged_mentions(c: &[decode::Candidate<'_>], role: usize) -> Vec<String> {
    c.iter()
        .filter(|c| c.role == role && c.kind == decode::Kind::Tagged)
        .map(|c| c.words.join(" "))
        .collect()
}

#[test]
fn candidates_are_runs_without_lone_function_words() {
    let text = "luis carlos galan and galan of the";
    let w = words::words(text);
    let labels = [4, 4, 4, 0, 4, 0, 4];
    let c = decode::decode(
        text,
        &w,
        &hashes(&w),
        &labels,
        &Lexicon::default(),
        &[false; 16][..w.len()],
        Tuning::get(),
    );
    assert_eq!(tagged_mentions(&c, 3), ["luis carlos galan", "galan"]);
    assert!(c.iter().all(|c| c.words != ["the"]), "{c:?}");
    let galan = c.iter().find(|c| c.words == ["galan"]).unwrap();
    assert_eq!((galan.spans.as_slice(), galan.tagged), (&[(4, 4)][..], 1));
}

#[test]
fn punctuation_splits_mentions_and_variants_are_offered() {
    let text = "army of national liberation (eln) and captain walter moscoso";
    let w = words::words(text);
    let rare: Vec<bool> = w
        .iter()
        .map(|w| matches!(w.text, "eln" | "walter" | "moscoso"))
        .collect();
    let c = decode::decode(
        text,
        &w,
        &hashes(&w),
        &[2, 2, 2, 2, 2, 0, 4, 4, 4],
        &Lexicon::default(),
        &rare,
        Tuning::get(),
    );
    assert_eq!(
        tagged_mentions(&c, 1),
        ["army of national liberation", "eln"]
    );
    let name = c.iter().find(|c| c.kind == decode::Kind::NameOnly).unwrap();
    assert_eq!(name.words, ["walter", "moscoso"]);
}

#[test]
fn best_of_overlapping_candidates_stays_and_inner_mentions_merge() {
    let spans = [(0, 2), (1, 2), (5, 5), (8, 9)];
    let kept = [
        select::Kept {
            role: 3,
            words: vec!["captain", "luis", "galan"],
            spans: &spans[0..1],
            score: 0.5,
        },
        select::Kept {
            role: 3,
            words: vec!["luis", "galan"],
            spans: &spans[1..2],
            score: 1.5,
        },
        select::Kept {
            role: 3,
            words: vec!["galan"],
            spans: &spans[2..3],
            score: 0.1,
        },
        select::Kept {
            role: 4,
            words: vec!["car", "bomb"],
            spans: &spans[3..4],
            score: 0.1,
        },
    ];
    let x = select::entities("", &kept);
    assert_eq!(x.victim, vec![vec!["luis galan".to_string()]]);
    assert_eq!(x.weapon, vec![vec!["car bomb".to_string()]]);
}

#[test]
fn classifier_sums_the_weights_of_known_features() {
    let c = select::Classifier::parse("# c\nVictim bias\t-1.5\nVictim len=2\t0.5\nbad\n");
    let s = c.score(&["Victim bias", "Victim len=2", "Victim unknown"]);
    assert!((s + 1.0).abs() < 1e-6, "{s}");
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

#[test]
fn a_name_and_its_bracketed_alias_are_one_entity() {
    let text = "the farabundo marti national liberation front (fmln) said the fmln";
    let spans = [(1, 5), (6, 6), (9, 9)];
    let kept = [
        select::Kept {
            role: 1,
            words: vec!["farabundo", "marti", "national", "liberation", "front"],
            spans: &spans[0..1],
            score: 0.5,
        },
        select::Kept {
            role: 1,
            words: vec!["fmln"],
            spans: &spans[1..3],
            score: 1.0,
        },
    ];
    let x = select::entities(text, &kept);
    assert_eq!(x.perp_org, vec![vec!["fmln".to_string()]]);
}

#[test]
fn runs_of_rare_words_are_candidates_for_people() {
    let text = "soldiers shot hector oqueli colindres";
    let w = words::words(text);
    let rare = [false, false, true, true, true];
    let c = decode::decode(
        text,
        &w,
        &hashes(&w),
        &[0; 5],
        &Lexicon::default(),
        &rare,
        Tuning::get(),
    );
    let names: Vec<(usize, String)> = c
        .iter()
        .filter(|c| c.kind == decode::Kind::Name)
        .map(|c| (c.role, c.words.join(" ")))
        .collect();
    assert_eq!(
        names,
        [
            (0, "hector oqueli colindres".to_string()),
            (3, "hector oqueli colindres".to_string())
        ]
    );
}

#[test]
fn role_relevance_reads_one_classifier_per_role() {
    let roles =
        relevance::parse_roles("# c\nVictim\t<bias>\t-1.0\nVictim\tkilled\t2.0\nNone\tx\t1\n");
    let text = "they killed him";
    let w = words::words(text);
    assert!((roles[3].score(&w, &hashes(&w)) - 1.0).abs() < 1e-5);
    assert!(roles[0].score(&w, &hashes(&w)).abs() < 1e-6);
}
