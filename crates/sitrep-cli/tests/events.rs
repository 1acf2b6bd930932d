//! Events from the bundled example corpus: type, place, date and toll of a few incidents
//! `examples/reports/EXPECTED.md` lists.

use std::process::Command;

use serde_json::Value;

fn events_of(doc_id: &str) -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", dir])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rec: Value = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|r| r["doc_id"] == doc_id)
        .unwrap_or_else(|| panic!("no record for {doc_id}"));
    rec["events"].as_array().unwrap().clone()
}

fn find<'a>(events: &'a [Value], kind: &str, sub: &str) -> &'a Value {
    events
        .iter()
        .find(|e| e["type"] == kind && e["sub_type"] == sub)
        .unwrap_or_else(|| panic!("no {kind} / {sub} in {events:#?}"))
}

#[test]
fn lakki_market_suicide_bombing() {
    let events = events_of("lakki-market-blast");
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = find(&events, "Explosions/Remote violence", "Suicide bomb");
    assert_eq!(e["date"]["start"], "2026-03-06");
    assert_eq!(e["date"]["end"], "2026-03-06");
    assert!(
        e["location"]["name"].as_str().unwrap().starts_with("Lakki"),
        "{e:#?}"
    );
    assert_eq!(e["location"]["admin1"], "Khyber Pakhtunkhwa");
    assert_eq!(e["fatalities"]["total"], 15);
    assert_eq!(e["fatalities"]["qualifier"], "at_least");
    assert_eq!(e["injured"]["total"], 30);
    assert!(e["evidence"].as_array().unwrap().len() > 1);
}

#[test]
fn kandhkot_police_van_ied() {
    let events = events_of("kandhkot-police-van-ied");
    let e = find(
        &events,
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    );
    assert_eq!(e["location"]["name"], "Kandhkot");
    assert_eq!(e["date"]["start"], "2026-03-12");
    assert_eq!(e["fatalities"]["total"], 2);
}

#[test]
fn kech_checkpost_attack_is_a_battle_on_tuesday() {
    let events = events_of("wire-kech-checkpost");
    let e = find(&events, "Battles", "Armed clash");
    assert_eq!(e["date"]["start"], "2026-02-24");
}

#[test]
fn budget_report_has_no_events() {
    assert!(events_of("kp-supplementary-budget").is_empty());
}
