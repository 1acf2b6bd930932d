//! `sitrep export` on a few example reports stored in a temporary database: each format's
//! shape and contents against what `sitrep stats` and `sitrep incidents` say, STIX checked
//! by the specification's rules (`sitrep_export::stix::validate`), ids stable across
//! re-export and ingest order, and the errors: no database, a broken one, an unwritable
//! output, none of which leaves a file behind or touches an existing one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");

/// Two incidents told by several outlets, an undated follow-up, an HTML page with a denial
/// and a JSON Lines wire.
const FILES: &[&str] = &[
    "lakki-market-blast.txt",
    "lakki-toll-36-caps.txt",
    "lakki-traders-strike.txt",
    "pakhtunherald-lakki-toll-36.html",
    "kech-checkpost-attack.txt",
    "kech-soldiers-funeral.txt",
    "wire.jsonl",
];

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// A database holding `files`, ingested in that order.
fn database(dir: &Path, name: &str, files: &[&str]) -> PathBuf {
    let db = dir.join(name);
    let mut args = vec![
        "ingest".to_string(),
        "--db".into(),
        db.display().to_string(),
    ];
    args.extend(files.iter().map(|f| format!("{EXAMPLES}/{f}")));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = sitrep(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn export(db: &Path, format: &str) -> String {
    let out = sitrep(&[
        "export",
        "--db",
        &db.display().to_string(),
        "--format",
        format,
    ]);
    assert!(out.status.success(), "{format}: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

fn stats(db: &Path) -> Value {
    let out = sitrep(&[
        "stats",
        "--db",
        &db.display().to_string(),
        "--format",
        "json",
    ]);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `sitrep incidents` by id.
fn incidents(db: &Path) -> BTreeMap<i64, Value> {
    let out = sitrep(&["incidents", "--db", &db.display().to_string()]);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|v| (v["id"].as_i64().unwrap(), v))
        .collect()
}

fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path(), "sitrep.db", FILES);
    (dir, db)
}

#[test]
fn acled_csv_one_row_per_incident_under_acled_columns() {
    let (_dir, db) = setup();
    let text = export(&db, "acled-csv");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..22],
        [
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "disorder_type",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "actor2",
            "assoc_actor_2",
            "country",
            "admin1",
            "admin2",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
            "fatalities",
            "tags"
        ]
    );
    let rows: Vec<BTreeMap<String, String>> = r
        .records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    let known = incidents(&db);
    assert_eq!(rows.len(), known.len());
    assert_eq!(rows.len() as u64, stats(&db)["incidents"].as_u64().unwrap());
    for row in &rows {
        let id: i64 = row["event_id_cnty"]
            .trim_start_matches(char::is_alphabetic)
            .parse()
            .unwrap();
        let inc = &known[&id];
        assert_eq!(row["event_type"], inc["type"].as_str().unwrap());
        let best = inc["fatalities"]["best"]
            .as_u64()
            .map(|b| b.to_string())
            .unwrap_or_default();
        assert_eq!(row["fatalities"], best, "{row:?}");
        assert!(
            !row["reports"].is_empty() && !row["evidence"].is_empty(),
            "{row:?}"
        );
        for part in row["fatalities_by_report"]
            .split("; ")
            .filter(|p| !p.is_empty())
        {
            let (doc, value) = part.rsplit_once('=').unwrap();
            assert!(row["reports"].split("; ").any(|r| r == doc), "{part}");
            let value: u64 = value.parse().unwrap();
            let low: u64 = row["fatalities_low"].parse().unwrap();
            let high: u64 = row["fatalities_high"].parse().unwrap();
            assert!(low <= value && value <= high, "{row:?}");
        }
        for span in row["evidence"].split("; ") {
            let (doc, range) = span.rsplit_once(':').unwrap();
            assert!(row["reports"].split("; ").any(|r| r == doc), "{span}");
            let (s, e) = range.split_once('-').unwrap();
            assert!(s.parse::<usize>().unwrap() < e.parse::<usize>().unwrap());
        }
        if let Some(lat) = inc["location"]["lat"].as_f64() {
            assert_eq!(row["latitude"].parse::<f64>().unwrap(), lat);
            assert_eq!(row["country"], "Pakistan", "{row:?}");
        }
    }
    let lakki = rows
        .iter()
        .find(|r| r["admin2"] == "Lakki Marwat" && r["reports"].split("; ").count() > 3)
        .expect("the Lakki Marwat bombing, fused from several reports");
    assert_eq!(lakki["admin1"], "Khyber Pakhtunkhwa");
    for row in &rows {
        let id: i64 = row["event_id_cnty"]
            .trim_start_matches(char::is_alphabetic)
            .parse()
            .unwrap();
        let outlets: Vec<&str> = known[&id]["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap())
            .collect();
        assert_eq!(row["source"], outlets.join("; "));
    }
    assert!(lakki["source"].contains("The Pakhtun Herald"), "{lakki:?}");
}

#[test]
fn geojson_feature_collection_of_incidents() {
    let (_dir, db) = setup();
    let v: Value = serde_json::from_str(&export(&db, "geojson")).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    let known = incidents(&db);
    assert_eq!(features.len(), known.len());
    let mut located = 0;
    for f in features {
        assert_eq!(f["type"], "Feature");
        let inc = &known[&f["id"].as_i64().unwrap()];
        let p = &f["properties"];
        assert_eq!(p["event_type"], inc["type"]);
        assert_eq!(p["reports"], inc["reports"]);
        assert_eq!(p["fatalities_best"], inc["fatalities"]["best"]);
        assert_eq!(p["fatalities_low"], inc["fatalities"]["low"]);
        assert_eq!(p["fatalities_high"], inc["fatalities"]["high"]);
        assert!(!p["evidence"].as_array().unwrap().is_empty());
        match (
            inc["location"]["lon"].as_f64(),
            inc["location"]["lat"].as_f64(),
        ) {
            (Some(lon), Some(lat)) => {
                located += 1;
                assert_eq!(f["geometry"]["type"], "Point");
                assert_eq!(f["geometry"]["coordinates"], serde_json::json!([lon, lat]));
                // Pakistan: longitude east of 60, latitude north of 23.
                assert!(lon > 60.0 && lat > 23.0 && lat < 38.0, "{f}");
            }
            _ => assert!(f["geometry"].is_null(), "{f}"),
        }
    }
    assert!(located > 0);
}

fn ids(bundle: &Value) -> BTreeSet<String> {
    bundle["objects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn stix_bundle_is_valid_and_its_ids_stable() {
    let (dir, db) = setup();
    let bundle: Value = serde_json::from_str(&export(&db, "stix")).unwrap();
    let problems: Vec<String> = sitrep_export::stix::validate::validate(&bundle)
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(problems, Vec::<String>::new());
    let objects = bundle["objects"].as_array().unwrap();
    let count = |t: &str| objects.iter().filter(|o| o["type"] == t).count();
    assert_eq!(count("incident"), incidents(&db).len());
    assert!(
        count("report") > 0 && count("report") as u64 <= stats(&db)["documents"].as_u64().unwrap()
    );
    for t in [
        "identity",
        "location",
        "threat-actor",
        "note",
        "relationship",
    ] {
        assert!(count(t) > 0, "no {t}");
    }
    for o in objects.iter().filter(|o| o["type"] != "identity") {
        assert!(
            o["x_sitrep_reports"]
                .as_array()
                .is_some_and(|r| !r.is_empty()),
            "{o}"
        );
    }
    // The same reports, ingested in the opposite order into another database, export to
    // the same ids (but for claims: the store links a denial only to a claim stored before
    // it, so which claims are opinions depends on the order); exporting again gives the
    // same ids.
    let reversed: Vec<&str> = FILES.iter().rev().copied().collect();
    let other = database(dir.path(), "reversed.db", &reversed);
    let again: Value = serde_json::from_str(&export(&other, "stix")).unwrap();
    let not_claims = |b: &Value| -> BTreeSet<String> {
        ids(b)
            .into_iter()
            .filter(|i| !i.starts_with("note--") && !i.starts_with("opinion--"))
            .collect()
    };
    assert_eq!(not_claims(&bundle), not_claims(&again));
    assert_eq!(ids(&bundle).len(), ids(&again).len());
    let twice: Value = serde_json::from_str(&export(&db, "stix")).unwrap();
    assert_eq!(ids(&bundle), ids(&twice));
    assert_eq!(bundle["id"], twice["id"]);
}

#[test]
fn jsonl_every_item_tagged_and_traceable() {
    let (_dir, db) = setup();
    let text = export(&db, "jsonl");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut by_item: BTreeMap<String, usize> = BTreeMap::new();
    for l in &lines {
        *by_item
            .entry(l["item"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let s = stats(&db);
    assert_eq!(by_item["document"] as u64, s["documents"].as_u64().unwrap());
    assert_eq!(by_item["event"] as u64, s["events"].as_u64().unwrap());
    assert_eq!(by_item["claim"] as u64, s["claims"].as_u64().unwrap());
    assert_eq!(by_item["figure"] as u64, s["figures"].as_u64().unwrap());
    assert_eq!(by_item["incident"] as u64, s["incidents"].as_u64().unwrap());
    let docs: BTreeSet<&str> = lines
        .iter()
        .filter(|l| l["item"] == "document")
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    for l in lines
        .iter()
        .filter(|l| !matches!(l["item"].as_str(), Some("document" | "incident")))
    {
        assert!(docs.contains(l["doc_id"].as_str().unwrap()), "{l}");
    }
    for l in lines
        .iter()
        .filter(|l| l["item"] == "claim" || l["item"] == "figure")
    {
        assert!(
            l["start"].as_u64().unwrap() < l["end"].as_u64().unwrap(),
            "{l}"
        );
    }
    let events_in_incidents = lines
        .iter()
        .filter(|l| l["item"] == "event" && l["incident_id"].is_i64())
        .count();
    let members: usize = lines
        .iter()
        .filter(|l| l["item"] == "incident")
        .map(|l| l["members"].as_array().unwrap().len())
        .sum();
    assert_eq!(events_in_incidents, members);
}

#[test]
fn output_file_is_the_same_export_as_standard_output() {
    let (dir, db) = setup();
    let file = dir.path().join("out.jsonl");
    let out = sitrep(&[
        "export",
        "--db",
        &db.display().to_string(),
        "--format",
        "jsonl",
        "-o",
        &file.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        export(&db, "jsonl")
    );
    assert!(stderr(&out).contains("out.jsonl"));
}

/// Files in `dir` other than the databases.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with("sitrep.db") && n != "keep.csv")
        .collect()
}

#[test]
fn errors_are_clear_and_leave_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let out = sitrep(&[
        "export",
        "--db",
        &missing.display().to_string(),
        "--format",
        "stix",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no database at") && stderr(&out).contains("missing.db"),
        "{}",
        stderr(&out)
    );
    assert!(!missing.exists(), "a missing database is not created");

    let broken = dir.path().join("sitrep.db");
    std::fs::write(&broken, "this is not a database, just text ".repeat(200)).unwrap();
    let keep = dir.path().join("keep.csv");
    std::fs::write(&keep, "an earlier export\n").unwrap();
    let out = sitrep(&[
        "export",
        "--db",
        &broken.display().to_string(),
        "--format",
        "acled-csv",
        "-o",
        &keep.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sitrep.db"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&keep).unwrap(),
        "an earlier export\n"
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());

    let db = database(
        dir.path(),
        "sitrep.db.good",
        &["kandhkot-police-van-ied.txt"],
    );
    let nowhere = dir.path().join("no-such-folder").join("out.json");
    let out = sitrep(&[
        "export",
        "--db",
        &db.display().to_string(),
        "--format",
        "geojson",
        "-o",
        &nowhere.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot write") && stderr(&out).contains("out.json"),
        "{}",
        stderr(&out)
    );
    assert!(!nowhere.exists());

    let size = std::fs::metadata(&db).unwrap().len();
    let out = sitrep(&[
        "export",
        "--db",
        &db.display().to_string(),
        "--format",
        "jsonl",
        "-o",
        &db.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is the database"), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), size);

    let out = sitrep(&[
        "export",
        "--db",
        &db.display().to_string(),
        "--format",
        "kml",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kml"));
}

#[test]
fn a_closed_pipe_ends_the_export_quietly() {
    let (_dir, db) = setup();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args([
            "export",
            "--db",
            &db.display().to_string(),
            "--format",
            "stix",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

/// A full disk: `-o /dev/full` fails with the device's error, and the device is written, not
/// replaced by a file.
#[cfg(target_os = "linux")]
#[test]
fn a_full_device_fails_clearly_and_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let (_dir, db) = setup();
    let out = sitrep(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "jsonl",
        "-o",
        "/dev/full",
    ]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("/dev/full") && err.contains("No space left"),
        "{err}"
    );
    let kind = std::fs::metadata("/dev/full").unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/full was replaced");
}
