//! `kill -9` at random moments during `sitrep ingest` leaves a sound database: after every
//! kill the file passes `PRAGMA integrity_check` and every stored report is whole (record,
//! search row, events all in incidents); rerunning completes the work with no duplicates and
//! no lost reports.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use sitrep_store::{SqliteStore, Store};

mod synthetic;

const DOCS: usize = 600;

fn ingest(db: &Path, input: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    c.args(["ingest", "--batch", "20", "--threads", "1", "--db"])
        .arg(db)
        .arg(input);
    c.stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

/// Checks the database is sound and whole; returns the number of stored reports.
fn check(db: &Path) -> u64 {
    let s = SqliteStore::open(db).unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    let c = s.connection();
    let n = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap() as u64;
    let docs = n("SELECT COUNT(*) FROM documents");
    assert_eq!(
        n("SELECT COUNT(DISTINCT content_hash) FROM documents"),
        docs,
        "duplicate content"
    );
    assert_eq!(
        n("SELECT COUNT(*) FROM records"),
        docs,
        "a report without its record"
    );
    assert_eq!(
        n("SELECT COUNT(*) FROM documents_fts"),
        docs,
        "a report without its search row"
    );
    assert_eq!(
        n(
            "SELECT COUNT(*) FROM events e LEFT JOIN incident_events l ON l.doc_id = e.doc_id AND l.event_idx = e.idx WHERE l.incident_id IS NULL"
        ),
        0,
        "an event in no incident"
    );
    assert_eq!(
        n("SELECT COUNT(*) FROM incident_events"),
        n("SELECT COUNT(*) FROM events"),
        "an event in two incidents"
    );
    assert_eq!(
        n(
            "SELECT COUNT(*) FROM incident_events l LEFT JOIN incidents i ON i.id = l.incident_id WHERE i.id IS NULL"
        ),
        0
    );
    assert_eq!(s.stats().unwrap().documents, docs);
    docs
}

#[test]
fn kill_9_at_random_moments_then_rerun() {
    let dir = tempfile::tempdir().unwrap();
    let (db, input) = (dir.path().join("k.db"), dir.path().join("gen.jsonl"));
    synthetic::reports(&input, DOCS);
    // A full run on another file sets the range the kills are drawn from; a rerun with
    // nothing left to do, what starting up costs (loading the knowledge base).
    let timed_reference_run = || {
        let start = std::time::Instant::now();
        let done = ingest(&dir.path().join("reference.db"), &input).status();
        assert!(done.unwrap().success());
        start.elapsed().as_millis() as u64
    };
    let full = timed_reference_run();
    let startup = timed_reference_run();
    let mut random = synthetic::Random::new();
    let mut stored = 0;
    let mut kills = 0;
    let mut range = full.saturating_sub(startup).max(200);
    let mut round = 0;
    // At least six rounds and three kills: a run that finishes first (the machine was quick,
    // or little was left) narrows the range, and a finished database starts over.
    while round < 6 || kills < 3 {
        assert!(
            round < 30,
            "only {kills} of {round} runs could be interrupted"
        );
        let r = random.next();
        // Later runs have less left to do: draw from the share still to come.
        let left = range * (DOCS as u64 - stored).max(DOCS as u64 / 10) / DOCS as u64;
        let wait = Duration::from_millis(startup / 2 + r % (startup / 2 + left.max(100)));
        let mut child = ingest(&db, &input).spawn().unwrap();
        std::thread::sleep(wait);
        let killed = child.try_wait().unwrap().is_none();
        if killed {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        } else {
            range = (range / 2).max(100);
        }
        child.wait().unwrap();
        let now = if db.exists() { check(&db) } else { 0 };
        assert!(
            now >= stored,
            "round {round}: reports lost ({stored} -> {now})"
        );
        let how = if killed { "killed" } else { "finished before" };
        eprintln!("round {round}: {how} {wait:?}, {now} reports stored");
        stored = now;
        if now == DOCS as u64 {
            for f in ["k.db", "k.db-wal", "k.db-shm"] {
                let _ = std::fs::remove_file(dir.path().join(f));
            }
            stored = 0;
        }
        round += 1;
    }
    let out = ingest(&db, &input).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!(
            "{} new, {stored} unchanged, 0 replaced, 0 failed",
            DOCS as u64 - stored
        )),
        "{err}"
    );
    assert_eq!(check(&db), DOCS as u64);
}
