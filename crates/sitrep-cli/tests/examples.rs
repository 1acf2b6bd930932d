//! The bundled example corpus: every report is read, with the id and publication date
//! `examples/reports/EXPECTED.md` lists, and its boilerplate is set aside.

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;

fn extract_examples() -> Vec<Value> {
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
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn ids_and_publication_dates() {
    let got: BTreeMap<String, Option<String>> = extract_examples()
        .iter()
        .map(|r| {
            (
                r["doc_id"].as_str().unwrap().to_string(),
                r["published"].as_str().map(str::to_string),
            )
        })
        .collect();
    let want = [
        ("lakki-market-blast", Some("2026-03-06")),
        ("wire-laki-toll-31", Some("2026-03-07")),
        (
            "khyberchronicle-2026-03-07-lakki-daesh-toll-31",
            Some("2026-03-07"),
        ),
        ("pakhtunherald-lakki-toll-36", Some("2026-03-08")),
        (
            "tag:sarhadmail.example,2026-03-08:laki-marwat-elders-69",
            Some("2026-03-08"),
        ),
        ("lakki-toll-36-caps", Some("2026-03-08")),
        ("lakki-traders-strike", None),
        ("kp-apex-committee", Some("2026-03-09")),
        ("ispr-annual-briefing", Some("2026-03-10")),
        ("wire-ispr-briefing", Some("2026-03-10")),
        ("kech-checkpost-attack", Some("2026-02-25")),
        ("wire-kech-checkpost", Some("2026-02-25")),
        ("kech-soldiers-funeral", Some("2026-02-26")),
        (
            "khyberchronicle-2026-03-02-nw-engineers-abducted",
            Some("2026-03-02"),
        ),
        (
            "tag:sarhadmail.example,2026-03-12:nw-engineers-released",
            Some("2026-03-12"),
        ),
        ("kandhkot-police-van-ied", Some("2026-03-12")),
        (
            "khyberchronicle-2026-03-16-paktika-strikes-kabul",
            Some("2026-03-16"),
        ),
        ("nationaldispatch-paktika-strikes", Some("2026-03-16")),
        ("kp-supplementary-budget", Some("2026-02-27")),
        ("warsak-road-library", Some("2026-02-21")),
    ];
    let want: BTreeMap<String, Option<String>> = want
        .iter()
        .map(|(id, d)| (id.to_string(), d.map(str::to_string)))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn html_pages_lose_their_boilerplate() {
    for r in extract_examples()
        .iter()
        .filter(|r| r["doc_id"] == "pakhtunherald-lakki-toll-36")
    {
        assert_eq!(r["source"], "The Pakhtun Herald");
        let kinds: Vec<&str> = r["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["kind"].as_str().unwrap())
            .collect();
        assert!(kinds.contains(&"related_link"), "{kinds:?}");
    }
}
