//! The SQLite backend: one file, WAL, one transaction per batch.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};
use sitrep_fuse::{Incident, day_number};
use sitrep_model::Document;
use sitrep_model::record::Record;

use crate::shape::SpeakerRow;
use crate::views::{
    Actor, ActorDetail, ActorFilter, ClaimFilter, DocumentMeta, IncidentDetail, Page, SearchHit,
    StoredClaim, StoredDocument,
};
use crate::{
    FeedValidators, IncidentFilter, Outcome, SpeakerClaims, Stats, Store, StoreError, StoredFigure,
    read, schema, shape, write,
};

/// A sitrep database in one SQLite file.
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating when missing) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A page cache that holds the indexes' working set (ids and content hashes arrive
        // in no order), so inserts stay cheap as the file grows.
        conn.pragma_update(None, "cache_size", -65536)?;
        schema::migrate(&mut conn)?;
        Ok(SqliteStore { conn })
    }

    /// `PRAGMA integrity_check`: `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The schema version.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT MAX(version) FROM schema_version", [], |r| r.get(0))?)
    }

    /// The underlying connection, for read-only queries the trait does not cover.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn count(&self, sql: &str) -> Result<u64, StoreError> {
        Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
    }
}

impl Store for SqliteStore {
    fn feed_validators(&self, url: &str) -> Result<FeedValidators, StoreError> {
        let found = self.conn.query_row(
            "SELECT etag, last_modified FROM feed_validators WHERE url = ?1",
            [url],
            |r| {
                Ok(FeedValidators {
                    etag: r.get(0)?,
                    last_modified: r.get(1)?,
                })
            },
        );
        match found {
            Ok(v) => Ok(v),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(FeedValidators::default()),
            Err(e) => Err(e.into()),
        }
    }

    fn save_feed_validators(&mut self, url: &str, v: &FeedValidators) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO feed_validators (url, etag, last_modified) VALUES (?1, ?2, ?3)
             ON CONFLICT(url) DO UPDATE SET etag = ?2, last_modified = ?3",
            rusqlite::params![url, v.etag, v.last_modified],
        )?;
        Ok(())
    }

    fn is_unchanged(&self, doc: &Document) -> Result<bool, StoreError> {
        Ok(match write::existing(&self.conn, doc)? {
            Some((_, hash)) => hash == doc.content_hash,
            None => write::has_content(&self.conn, &doc.content_hash)?,
        })
    }

    fn ingest(&mut self, batch: &[(Document, Record)]) -> Result<Vec<Outcome>, StoreError> {
        let mut tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcomes = write::apply(&mut tx, batch)?;
        tx.commit()?;
        Ok(outcomes)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        Ok(Stats {
            documents: self.count("SELECT COUNT(*) FROM documents")?,
            events: self.count("SELECT COUNT(*) FROM events")?,
            incidents: self.count("SELECT COUNT(*) FROM incidents")?,
            claims: self.count("SELECT COUNT(*) FROM claims")?,
            figures: self.count("SELECT COUNT(*) FROM figures")?,
            entities: self.count("SELECT COUNT(DISTINCT key) FROM entities")?,
            entity_records: self.count("SELECT COUNT(*) FROM entities")?,
        })
    }

    fn incidents(&self, f: &IncidentFilter) -> Result<Vec<Incident>, StoreError> {
        let since = f.since.as_deref().and_then(day_number).unwrap_or(i32::MIN);
        let until = f.until.as_deref().and_then(day_number).unwrap_or(i32::MAX);
        let dated = f.since.is_some() || f.until.is_some();
        let mut st = self.conn.prepare(
            "SELECT summary FROM incidents
             WHERE (?1 = 0 OR (day_end >= ?2 AND day_start <= ?3))
             ORDER BY day_start IS NULL, day_start, id",
        )?;
        let rows = st.query_map(rusqlite::params![dated as i32, since, until], |r| {
            r.get::<_, String>(0)
        })?;
        let summaries = rows.collect::<Result<Vec<String>, _>>()?;
        shape::matching_incidents(summaries, f)
    }

    fn figures(&self) -> Result<Vec<StoredFigure>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT f.doc_id, d.published, f.figure FROM figures f JOIN documents d ON d.id = f.doc_id
             ORDER BY d.published, f.doc_id, f.idx",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc_id, published, json) = row?;
            out.push(StoredFigure {
                doc_id,
                published,
                figure: serde_json::from_str(&json)?,
            });
        }
        Ok(out)
    }

    fn claims_by_speaker(&self) -> Result<Vec<SpeakerClaims>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT speaker_key, speaker, doc_id, idx, claim, denies_doc, denies_idx FROM claims
             ORDER BY speaker_key, doc_id, idx",
        )?;
        let rows = st.query_map([], |r| -> rusqlite::Result<SpeakerRow> {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        shape::group_by_speaker(rows.collect::<Result<Vec<_>, _>>()?)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT doc_id FROM documents_fts WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(rusqlite::params![query, limit as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        read::document(&self.conn, id)
    }

    fn documents(&self, page: Page) -> Result<Vec<DocumentMeta>, StoreError> {
        read::documents(&self.conn, page)
    }

    fn incident(&self, id: i64) -> Result<Option<IncidentDetail>, StoreError> {
        read::incident(&self.conn, id)
    }

    fn actors(&self, filter: &ActorFilter, page: Page) -> Result<Vec<Actor>, StoreError> {
        read::actors(&self.conn, filter, page)
    }

    fn actor(&self, key: &str) -> Result<Option<ActorDetail>, StoreError> {
        let incidents = self.incidents(&IncidentFilter::default())?;
        read::actor(&self.conn, key, incidents)
    }

    fn claims(&self, filter: &ClaimFilter, page: Page) -> Result<Vec<StoredClaim>, StoreError> {
        read::claims(&self.conn, filter, page)
    }

    fn search_hits(&self, text: &str, page: Page) -> Result<Vec<SearchHit>, StoreError> {
        read::search_hits(&self.conn, text, page)
    }
}
