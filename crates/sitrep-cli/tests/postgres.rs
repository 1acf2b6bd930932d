//! The commands against PostgreSQL (`--db postgres://...`; skipped, with a note, when
//! `SITREP_TEST_POSTGRES` is unset): the example corpus gives the same incidents, counts and
//! export as in SQLite, and three `sitrep ingest` processes at once on overlapping inputs
//! neither duplicate nor lose a report and fuse the same incidents as one process.

use std::process::{Command, Output, Stdio};

use serde_json::Value;
use sitrep_store::testing::fresh_postgres;

mod synthetic;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");

fn sitrep(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "sitrep {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn ingest(db: &str, inputs: &[&str]) {
    sitrep(&[&["ingest", "--db", db], inputs].concat());
}

fn stats(db: &str) -> Value {
    serde_json::from_slice(&sitrep(&["stats", "--db", db, "--format", "json"]).stdout).unwrap()
}

/// `sitrep incidents --format jsonl`, each line parsed.
fn incidents(db: &str) -> Vec<Value> {
    let out = sitrep(&["incidents", "--db", db, "--format", "jsonl"]);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Incidents without their ids (which number them in the order they were first fused),
/// sorted.
fn incidents_without_ids(db: &str) -> Vec<String> {
    let mut out: Vec<String> = incidents(db)
        .into_iter()
        .map(|mut i| {
            i.as_object_mut().unwrap().remove("id");
            i.to_string()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_example_corpus_gives_what_sqlite_gives() {
    let Some(pg) = fresh_postgres("the_example_corpus_gives_what_sqlite_gives") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.db").display().to_string();
    let url = pg.url();
    ingest(&file, &[EXAMPLES]);
    ingest(&url, &[EXAMPLES]);
    let list = incidents(&url);
    assert!(list.len() > 3, "{list:?}");
    assert_eq!(list, incidents(&file));
    assert_eq!(stats(&url), stats(&file));
    let export = |db: &str| sitrep(&["export", "--db", db, "--format", "jsonl"]).stdout;
    assert!(
        export(&url) == export(&file),
        "export --format jsonl differs"
    );
    // Ingesting again changes nothing.
    let again = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["ingest", "--db", &url, EXAMPLES])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(said.contains(" 0 new,"), "{said}");
    assert_eq!(stats(&url), stats(&file));
}

#[test]
fn three_ingests_at_once_neither_duplicate_nor_lose_reports() {
    let Some(pg) = fresh_postgres("three_ingests_at_once_neither_duplicate_nor_lose_reports")
    else {
        return;
    };
    let Some(single) = fresh_postgres("three_ingests_at_once (single process)") else {
        return;
    };
    // Overlapping inputs: the first ten example files, the last ten, and all of them.
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(EXAMPLES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x != "md"))
        .collect();
    files.sort();
    let n = files.len();
    assert!(n >= 12, "{n} example files");
    let parts: [(&str, &[std::path::PathBuf]); 3] = [
        ("first", &files[..10]),
        ("last", &files[n - 10..]),
        ("all", &files[..]),
    ];
    for (name, part) in parts {
        let to = dir.path().join(name);
        std::fs::create_dir(&to).unwrap();
        for f in part {
            std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
        }
    }
    let url = pg.url();
    // One report per transaction, so the three processes' batches interleave.
    let children: Vec<_> = ["first", "last", "all"]
        .iter()
        .map(|name| {
            Command::new(env!("CARGO_BIN_EXE_sitrep"))
                .args(["ingest", "--batch", "1", "--db", &url])
                .arg(dir.path().join(name))
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut new = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{said}");
        new += new_count(&said);
    }
    ingest(
        &single.url(),
        &[&dir.path().join("all").display().to_string()],
    );
    let (together, alone) = (stats(&url), stats(&single.url()));
    assert!(alone["documents"].as_u64().unwrap() >= n as u64);
    assert_eq!(together, alone);
    assert_eq!(
        new,
        alone["documents"].as_u64().unwrap(),
        "new reports, summed"
    );
    assert_eq!(
        incidents_without_ids(&url),
        incidents_without_ids(&single.url())
    );
}

/// `N new` in an ingest summary.
fn new_count(summary: &str) -> u64 {
    let line = summary.lines().last().unwrap_or_default();
    let before = line.split(" new,").next().unwrap_or_default();
    before
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of new reports in {summary:?}"))
}

#[test]
fn a_missing_server_is_a_clear_error() {
    // Port 1 on loopback: nothing listens there.
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["stats", "--db", "postgres://me:s3cret@127.0.0.1:1/none"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("cannot open postgres://me:***@127.0.0.1:1/none"),
        "{said}"
    );
    assert!(!said.contains("s3cret"), "{said}");
}

/// `kill -9` at random moments during ingest into PostgreSQL: after every kill the stored
/// count never falls; a last run stores exactly what is missing, no report twice.
#[test]
fn kill_9_during_ingest_loses_and_duplicates_nothing() {
    let Some(pg) = fresh_postgres("kill_9_during_ingest_loses_and_duplicates_nothing") else {
        return;
    };
    const DOCS: usize = 300;
    let db = pg.url();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("gen.jsonl");
    synthetic::reports(&input, DOCS);
    let input = input.to_str().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args([
                "ingest",
                "--batch",
                "10",
                "--threads",
                "1",
                "--db",
                &db,
                input,
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut random = synthetic::Random::new();
    let (mut stored, mut kills) = (0u64, 0);
    for round in 0..8 {
        let wait = std::time::Duration::from_millis(300 + random.next() % 1500);
        let mut child = run();
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        let now = stats(&db)["documents"].as_u64().unwrap();
        assert!(
            now >= stored,
            "round {round}: reports lost ({stored} -> {now})"
        );
        eprintln!("round {round}: {wait:?}, {now} reports stored");
        stored = now;
        if now == DOCS as u64 {
            break;
        }
    }
    let out = run().wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "{} new, {stored} unchanged, 0 replaced, 0 failed",
            DOCS as u64 - stored
        )),
        "{err}"
    );
    assert_eq!(stats(&db)["documents"].as_u64().unwrap(), DOCS as u64);
    eprintln!("{kills} run(s) killed");
}
