//! `sitrep muc4` on an invented lower-case wire report: one line per document with the
//! five roles, and the obvious fillers found.

use std::io::Write;
use std::process::Command;

use serde_json::Value;

const REPORTS: &str = concat!(
    r#"{"docid": "INVENTED-0001", "doctext": "urban guerrillas of the farabundo marti national liberation front (fmln) today exploded a car bomb in front of the national guard headquarters in the capital. the explosion destroyed two vehicles and damaged the building. police said the terrorists also used dynamite to blow up power towers near the city.  the fmln claimed responsibility for the attack."}"#,
    "\n",
    r#"{"docid": "INVENTED-0002", "doctext": "the legislative assembly today approved the budget for next year after a long debate about taxes and coffee prices."}"#,
    "\n",
);

fn run() -> Vec<Value> {
    let mut f = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .unwrap();
    f.write_all(REPORTS.as_bytes()).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .arg("muc4")
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn mentions(doc: &Value, role: &str) -> Vec<String> {
    doc["extracts"][role]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            e.as_array()
                .unwrap()
                .iter()
                .map(|m| m.as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn one_line_per_document_with_every_role() {
    let docs = run();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["docid"], "INVENTED-0001");
    assert_eq!(docs[1]["docid"], "INVENTED-0002");
    for doc in &docs {
        for role in ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"] {
            assert!(doc["extracts"][role].is_array(), "{role} missing in {doc}");
        }
    }
}

#[test]
fn finds_the_attack_fillers_and_nothing_in_a_quiet_report() {
    let docs = run();
    let weapons = mentions(&docs[0], "Weapon");
    assert!(
        weapons.iter().any(|m| m == "car bomb" || m == "dynamite"),
        "{weapons:?}"
    );
    let people = mentions(&docs[0], "PerpInd");
    assert!(
        people.iter().any(|m| m.contains("guerrillas")),
        "{people:?}"
    );
    assert!(!mentions(&docs[0], "Target").is_empty(), "{}", docs[0]);
    let quiet: usize = ["PerpInd", "PerpOrg", "Target", "Victim", "Weapon"]
        .iter()
        .map(|r| mentions(&docs[1], r).len())
        .sum();
    assert_eq!(quiet, 0, "{}", docs[1]);
}
