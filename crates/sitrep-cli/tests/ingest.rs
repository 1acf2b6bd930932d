//! `sitrep ingest`, `stats`, `incidents` and `assess` on the example corpus: summaries and
//! exit codes, re-ingest is a no-op, a changed report replaces the old one, shuffled input
//! order gives the same incidents, and (once extraction gives every report's toll) the
//! incidents EXPECTED.md describes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .unwrap()
}

fn ingest(db: &Path, inputs: &[String]) -> (Output, String) {
    let mut args = vec![
        "ingest".to_string(),
        "--db".into(),
        db.display().to_string(),
    ];
    args.extend(inputs.iter().cloned());
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(&args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    (out, err)
}

fn example_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(EXAMPLES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    files
}

fn stats(db: &Path) -> Value {
    let out = sitrep(&[
        "stats",
        "--db",
        &db.display().to_string(),
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

fn incidents(db: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["incidents", "--db"];
    let d = db.display().to_string();
    args.push(&d);
    args.extend(extra);
    let out = sitrep(&args);
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

fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("sitrep.db")
}

#[test]
fn ingest_then_reingest_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let (out, err) = ingest(&db, &[EXAMPLES.to_string()]);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("20 new, 0 unchanged, 0 replaced, 0 failed"),
        "{err}"
    );
    let first = stats(&db);
    assert_eq!(first["documents"], 20);
    assert!(first["entities"].as_u64().unwrap() > 0);
    let before = incidents(&db, &[]);
    let (out, err) = ingest(&db, &[EXAMPLES.to_string()]);
    assert!(out.status.success());
    assert!(
        err.contains("0 new, 20 unchanged, 0 replaced, 0 failed"),
        "{err}"
    );
    assert_eq!(stats(&db), first);
    assert_eq!(incidents(&db, &[]), before);
    let text = sitrep(&["stats", "--db", &db.display().to_string()]);
    assert!(String::from_utf8_lossy(&text.stdout).contains("documents  20"));
}

#[test]
fn a_changed_report_replaces_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    let file = dir.path().join("kandhkot-police-van-ied.txt");
    let text = std::fs::read_to_string(format!("{EXAMPLES}/kandhkot-police-van-ied.txt")).unwrap();
    std::fs::write(&file, &text).unwrap();
    let input = vec![file.display().to_string()];
    let (_, err) = ingest(&db, &input);
    assert!(err.contains("1 new"), "{err}");
    std::fs::write(
        &file,
        format!("{text}\nA third policeman died in hospital on Friday, officials said.\n"),
    )
    .unwrap();
    let (out, err) = ingest(&db, &input);
    assert!(out.status.success());
    assert!(
        err.contains("0 new, 0 unchanged, 1 replaced, 0 failed"),
        "{err}"
    );
    let s = stats(&db);
    assert_eq!(s["documents"], 1);
    // Every incident still points at the one stored version.
    for i in incidents(&db, &[]) {
        assert_eq!(i["reports"], serde_json::json!(["kandhkot-police-van-ied"]));
    }
}

#[test]
fn a_failed_input_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (out, err) = ingest(
        &db_in(&dir),
        &[dir.path().join("missing.txt").display().to_string()],
    );
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("0 new, 0 unchanged, 0 replaced, 1 failed"),
        "{err}"
    );
}

/// Incidents as (reports, killed best/low/high): what must not depend on input order.
fn shape(list: &[Value]) -> BTreeSet<String> {
    list.iter()
        .map(|i| {
            let f = &i["fatalities"];
            format!(
                "{} {} {} {} {}",
                i["reports"], f["best"], f["low"], f["high"], i["type"]
            )
        })
        .collect()
}

#[test]
fn shuffled_input_order_gives_the_same_incidents() {
    let files = example_files();
    let mut want = None;
    let mut seed: u64 = 0x853c_49e6_748f_ea9b;
    for round in 0..4 {
        let mut order = files.clone();
        if round == 1 {
            order.reverse();
        } else if round > 1 {
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let db = db_in(&dir);
        let (out, err) = ingest(&db, &order);
        assert!(out.status.success(), "{err}");
        let got = shape(&incidents(&db, &[]));
        assert!(
            !got.is_empty(),
            "the extractor gives no events: nothing was fused"
        );
        match &want {
            None => want = Some(got),
            Some(w) => assert_eq!(&got, w, "order {order:?}"),
        }
    }
}

#[test]
fn incidents_jsonl_table_filters_and_assess() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    ingest(&db, &[EXAMPLES.to_string()]);
    let all = incidents(&db, &[]);
    assert!(!all.is_empty());
    for i in &all {
        for k in [
            "id",
            "type",
            "sub_type",
            "date",
            "location",
            "perpetrators",
            "fatalities",
            "injured",
            "reports",
            "conflicts",
        ] {
            assert!(i.get(k).is_some(), "{k} missing in {i}");
        }
        if let Some(f) = i["fatalities"].as_object() {
            let (b, l, h) = (
                f["best"].as_u64().unwrap(),
                f["low"].as_u64().unwrap(),
                f["high"].as_u64().unwrap(),
            );
            assert!(l <= b && b <= h, "{i}");
            for r in f["reports"].as_array().unwrap() {
                assert!(
                    r.get("doc_id").is_some()
                        && r.get("value").is_some()
                        && r.get("qualifier").is_some()
                );
            }
        }
    }
    let kandhkot = incidents(&db, &["--place", "Kandhkot"]);
    assert!(kandhkot.iter().any(|i| {
        i["reports"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "kandhkot-police-van-ied")
    }));
    assert!(kandhkot.len() < all.len());
    assert!(incidents(&db, &["--since", "2030-01-01"]).is_empty());
    let d = db.display().to_string();
    let table = sitrep(&["incidents", "--db", &d, "--format", "table"]);
    assert!(String::from_utf8_lossy(&table.stdout).starts_with("   id  date"));
    let assess = sitrep(&["assess", "--db", &d, "--format", "json"]);
    assert!(
        assess.status.success(),
        "{}",
        String::from_utf8_lossy(&assess.stderr)
    );
    let a: Value = serde_json::from_slice(&assess.stdout).unwrap();
    let places = a["places"].as_array().unwrap();
    assert!(
        places
            .iter()
            .any(|p| p["level"] == "province" && p["name"] == "Khyber Pakhtunkhwa")
    );
    assert!(a["indicators"].is_array());
    assert!(sitrep(&["assess", "--db", &d]).status.success());
}

fn with_report<'a>(list: &'a [Value], doc: &str) -> &'a Value {
    list.iter()
        .find(|i| i["reports"].as_array().unwrap().iter().any(|r| r == doc))
        .unwrap_or_else(|| panic!("no incident has {doc}"))
}

fn toll(v: &Value) -> (u64, u64, u64) {
    (
        v["best"].as_u64().unwrap(),
        v["low"].as_u64().unwrap(),
        v["high"].as_u64().unwrap(),
    )
}

/// EXPECTED.md §4 and §9 on the real corpus. The fusion rules themselves are tested on
/// hand-made records mirroring EXPECTED.md in `crates/sitrep-fuse/tests/expected.rs`.
#[test]
fn expected_incidents_from_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_in(&dir);
    ingest(&db, &[EXAMPLES.to_string()]);
    let list = incidents(&db, &[]);
    let a = with_report(&list, "lakki-market-blast");
    for doc in [
        "wire-laki-toll-31",
        "khyberchronicle-2026-03-07-lakki-daesh-toll-31",
        "pakhtunherald-lakki-toll-36",
        "tag:sarhadmail.example,2026-03-08:laki-marwat-elders-69",
        "lakki-toll-36-caps",
        "lakki-traders-strike",
    ] {
        assert!(
            a["reports"].as_array().unwrap().iter().any(|r| r == doc),
            "{doc} not in incident A: {a}"
        );
    }
    assert_eq!(a["sub_type"], "Suicide bomb");
    assert_eq!(a["date"]["start"], "2026-03-06");
    assert_eq!(toll(&a["fatalities"]), (36, 15, 69));
    assert_eq!(
        a["fatalities"]["revisions"],
        serde_json::json!([15, 31, 36])
    );
    assert!(
        a["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "outlier" && c["values"] == serde_json::json!([69]))
    );
    assert_eq!(toll(&a["injured"]), (60, 30, 100));
    // EXPECTED.md: the TTP claimed it in one report and denied it in three; contested.
    let ttp = a["perpetrators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Tehreek-e-Taliban Pakistan")
        .unwrap_or_else(|| panic!("no TTP in {a}"));
    assert_eq!(ttp["statuses"]["claimed"], 1, "{ttp}");
    assert_eq!(ttp["statuses"]["denied"], 3, "{ttp}");
    assert!(
        a["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "attribution")
    );
    let b = with_report(&list, "kech-checkpost-attack");
    assert_eq!(b["reports"].as_array().unwrap().len(), 3, "{b}");
    assert_eq!(toll(&b["fatalities"]), (11, 11, 12));
    let c = with_report(&list, "khyberchronicle-2026-03-02-nw-engineers-abducted");
    assert_eq!(c["reports"].as_array().unwrap().len(), 2);
    let d = with_report(&list, "kandhkot-police-van-ied");
    assert_eq!(
        (toll(&d["fatalities"]), toll(&d["injured"])),
        ((2, 2, 2), (3, 3, 3))
    );
    let e = with_report(&list, "nationaldispatch-paktika-strikes");
    assert!(
        e["reports"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r == "khyberchronicle-2026-03-16-paktika-strikes-kabul")
    );
    assert_eq!(toll(&e["fatalities"]), (9, 9, 22));
    for distractor in ["kp-supplementary-budget", "warsak-road-library"] {
        assert!(
            list.iter().all(|i| i["reports"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r != distractor)
                || i["date"]["start"].as_str() < Some("2026-01-01")),
            "{distractor} fused into an in-window incident"
        );
    }
}

/// A database where nothing can be written (`/proc` refuses new files, even to root): a
/// clear error naming it, a failing exit code.
#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_database_is_a_clear_error() {
    let (out, err) = ingest(
        Path::new("/proc/sitrep-cannot-write.db"),
        &[example_files()[0].clone()],
    );
    assert!(!out.status.success());
    assert!(
        err.contains("cannot open /proc/sitrep-cannot-write.db"),
        "{err}"
    );
}

/// Commands that only read refuse a database that does not exist instead of creating an
/// empty one (a mistyped `--db` would otherwise show nothing and leave a file behind).
#[test]
fn reading_commands_refuse_a_missing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("missing.db");
    for command in ["stats", "incidents", "assess"] {
        let out = sitrep(&[command, "--db", &db.display().to_string()]);
        assert!(!out.status.success(), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no database at") && err.contains("missing.db"),
            "{command}: {err}"
        );
        assert!(!db.exists(), "{command} created the database");
    }
}
