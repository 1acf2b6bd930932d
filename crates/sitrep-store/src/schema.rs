//! The schema and its migrations: each step runs once, in order, recorded in
//! `schema_version`.

use rusqlite::Connection;

use crate::StoreError;

/// The migrations, oldest first; the schema version is the number applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: documents, records, incidents, full-text search.
    "
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        url TEXT,
        source TEXT,
        title TEXT,
        published TEXT,
        content_hash TEXT NOT NULL,
        text TEXT NOT NULL,
        origin TEXT NOT NULL
    );
    CREATE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
    CREATE INDEX documents_hash ON documents(content_hash);
    CREATE TABLE records (doc_id TEXT PRIMARY KEY, record TEXT NOT NULL);
    CREATE TABLE entities (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, key TEXT NOT NULL, kb_id TEXT,
        name TEXT NOT NULL, type TEXT NOT NULL, mentions TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX entities_key ON entities(key);
    CREATE TABLE events (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, sub_type TEXT,
        date_start TEXT, date_end TEXT, admin1 TEXT, admin2 TEXT, country TEXT,
        event TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE claims (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker TEXT NOT NULL,
        speaker_key TEXT NOT NULL, kind TEXT NOT NULL, claim TEXT NOT NULL,
        denies_doc TEXT, denies_idx INTEGER,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX claims_speaker ON claims(speaker_key);
    CREATE TABLE claim_about (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, about_key TEXT NOT NULL);
    CREATE INDEX claim_about_key ON claim_about(about_key);
    CREATE INDEX claim_about_doc ON claim_about(doc_id);
    CREATE TABLE figures (
        doc_id TEXT NOT NULL, idx INTEGER NOT NULL, measure TEXT, place TEXT, period TEXT,
        figure TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        admin1 TEXT, country TEXT, day_start INTEGER, day_end INTEGER,
        type TEXT NOT NULL, summary TEXT NOT NULL, members TEXT NOT NULL
    );
    CREATE INDEX incidents_admin1_day ON incidents(admin1, day_start);
    CREATE INDEX incidents_country_day ON incidents(country, day_start);
    CREATE TABLE incident_events (
        incident_id INTEGER NOT NULL, doc_id TEXT NOT NULL, event_idx INTEGER NOT NULL,
        PRIMARY KEY (doc_id, event_idx)
    );
    CREATE INDEX incident_events_incident ON incident_events(incident_id);
    CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, text);
    CREATE VIRTUAL TABLE claims_fts USING fts5(doc_id UNINDEXED, speaker, text);
    ",
    // 2: the publication day of each claim-about row (days from 0001-01-01 = 1), so a
    // denial reads only the claims of the weeks before it, not every claim ever stored.
    "
    ALTER TABLE claim_about ADD COLUMN day INTEGER;
    UPDATE claim_about SET day = (
        SELECT CAST(julianday(substr(d.published, 1, 10)) - 1721425.5 AS INTEGER) + 1
        FROM documents d WHERE d.id = claim_about.doc_id
    );
    CREATE INDEX claim_about_key_day ON claim_about(about_key, day);
    ",
    // 3: each watched feed's HTTP validators (`sitrep watch`), so a restart asks
    // "changed since?" instead of fetching every feed again.
    "
    CREATE TABLE feed_validators (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT
    );
    ",
];

/// Brings the database up to the latest schema, one transaction per step.
pub fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    conn.execute_batch("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")?;
    let known = MIGRATIONS.len() as i64;
    loop {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found: i64 = tx.query_row(
            "SELECT COALESCE(MAX(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )?;
        if found > known {
            return Err(StoreError::NewerSchema { found, known });
        }
        if found == known {
            return Ok(found);
        }
        tx.execute_batch(MIGRATIONS[found as usize])?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [found + 1],
        )?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    #[test]
    fn a_version_1_database_is_brought_up_with_its_claim_days() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);
             INSERT INTO schema_version (version) VALUES (1);
             INSERT INTO documents (id, published, content_hash, text, origin)
                 VALUES ('d', '2026-03-08', 'h', 't', 'o'), ('u', NULL, 'h2', 't', 'o');
             INSERT INTO claim_about (doc_id, idx, about_key) VALUES ('d', 0, 'x'), ('u', 0, 'x');",
        )
        .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), MIGRATIONS.len() as i64);
        let days: Vec<Option<i32>> = conn
            .prepare("SELECT day FROM claim_about ORDER BY doc_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let march_8 = chrono::NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(days, [Some(march_8.num_days_from_ce()), None]);
    }
}
