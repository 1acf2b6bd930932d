//! Figure consistency checks end to end: `sitrep extract` on the example corpus finds the
//! planted inconsistencies (examples/reports/EXPECTED.md, sections 5 and 6) and reports the
//! consistent arithmetic as consistent.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/reports")
        .join(name)
}

fn extract(name: &str) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "--format", "jsonl"])
        .arg(example(name))
        .output()
        .expect("run sitrep");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// (kind, consistent, values of the figures named) of every check of `rec`.
fn checks(rec: &Value) -> Vec<(String, bool, Vec<f64>)> {
    let figures = rec["figures"].as_array().unwrap();
    rec["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let values = c["figures"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| {
                    let f = &figures[i.as_u64().unwrap() as usize];
                    f["value"].as_f64().or(f["low"].as_f64()).unwrap()
                })
                .collect();
            (
                c["kind"].as_str().unwrap().to_string(),
                c["consistent"].as_bool().unwrap(),
                values,
            )
        })
        .collect()
}

#[test]
fn scorecard_conviction_rate_is_inconsistent() {
    let recs = extract("kp-apex-committee.txt");
    let c = checks(&recs[0]);
    // 38 per cent of 1,640 cases is 623, not 712.
    assert!(
        c.iter().any(|(k, ok, v)| k == "percent_of_counts"
            && !ok
            && v.contains(&38.0)
            && v.contains(&712.0)
            && v.contains(&1640.0)),
        "{c:?}"
    );
    // 5,236 of 7,480 is 70 per cent; 2,350 of 6,500 is 36pc.
    for (p, a) in [(70.0, 5236.0), (36.0, 2350.0)] {
        assert!(
            c.iter().any(|(k, ok, v)| k == "percent_of_counts"
                && *ok
                && v.contains(&p)
                && v.contains(&a)),
            "{c:?}"
        );
    }
    // The message says so in words.
    let msg = recs[0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["consistent"] == false)
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(msg.contains("inconsistent"), "{msg}");
}

#[test]
fn part_larger_than_whole_is_inconsistent() {
    let recs = extract("wire.jsonl");
    let briefing = recs
        .iter()
        .find(|r| r["doc_id"] == "wire-ispr-briefing")
        .expect("wire-ispr-briefing");
    let c = checks(briefing);
    // 1,047 "including" in 1,012 killed.
    assert!(
        c.iter()
            .any(|(k, ok, v)| k == "part_of_whole" && !ok && v == &vec![1012.0, 1047.0]),
        "{c:?}"
    );
    // 136 Afghans among 1,873 is fine.
    assert!(
        c.iter()
            .any(|(k, ok, v)| k == "part_of_whole" && *ok && v == &vec![1873.0, 136.0]),
        "{c:?}"
    );
}

#[test]
fn briefing_arithmetic_is_consistent() {
    let recs = extract("ispr-annual-briefing.txt");
    let c = checks(&recs[0]);
    assert!(c.iter().all(|(_, ok, _)| *ok), "{c:?}");
    for want in [
        ("parts_sum", 67023.0),
        ("parts_sum", 584.0),
        ("percent_of_counts", 69.0),
        ("percent_of_counts", 64.6),
    ] {
        assert!(
            c.iter().any(|(k, _, v)| k == want.0 && v.contains(&want.1)),
            "{want:?} missing from {c:?}"
        );
    }
}

#[test]
fn budget_breakdown_adds_up() {
    let recs = extract("kp-supplementary-budget.txt");
    let c = checks(&recs[0]);
    assert!(
        c.iter()
            .any(|(k, ok, v)| k == "parts_sum" && *ok && v[0] == 96e9 && v.len() == 5),
        "{c:?}"
    );
    assert!(
        c.iter()
            .any(|(k, ok, v)| k == "percent_of_counts" && *ok && v.contains(&58.0)),
        "{c:?}"
    );
}
