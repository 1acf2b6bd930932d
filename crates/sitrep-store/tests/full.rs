//! A full disk: a batch the database has no room for fails with a clear error, changes
//! nothing, and the batches before it stay whole. (SQLite's `max_page_count` makes the file
//! "full" without filling a real disk; SQLite then answers exactly as on a full disk.)

use sitrep_model::Document;
use sitrep_model::record::Record;
use sitrep_store::{SqliteStore, Store};

fn doc(id: &str, words: usize) -> Document {
    let text = format!("{id}: {}", "a report of a bombing in Bannu. ".repeat(words));
    let mut d = Document::from_text(id, &text, chrono::NaiveDate::from_ymd_opt(2026, 3, 7));
    d.content_hash = format!("hash-of-{id}");
    d
}

#[test]
fn a_full_disk_fails_the_batch_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("full.db");
    let mut s = SqliteStore::open(&path).unwrap();
    let small = doc("small", 10);
    s.ingest(&[(small.clone(), Record::default())]).unwrap();
    let pages: i64 = s
        .connection()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    s.connection()
        .query_row(&format!("PRAGMA max_page_count = {}", pages + 2), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap();
    let big = doc("big", 20_000);
    let err = s
        .ingest(&[(big.clone(), Record::default())])
        .expect_err("a batch larger than the room left must fail");
    let message = err.to_string();
    assert!(message.contains("full"), "unclear error: {message}");
    drop(s);
    // Reopened: sound, the earlier batch whole, nothing of the failed one.
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    assert_eq!(s.stats().unwrap().documents, 1);
    assert!(s.is_unchanged(&small).unwrap());
    assert!(!s.is_unchanged(&big).unwrap());
}
