//! The PostgreSQL backend: one database shared by a team, several writers at once.
//!
//! Each ingest batch is one transaction that first takes a transaction-scoped advisory lock
//! ([`INGEST_LOCK`]), so batches from concurrent `sitrep ingest` processes run one after
//! another: each sees every report the others committed (nothing is stored twice) and
//! fusion sees a consistent incidents table. Reads take no lock.

mod index;
mod read;
pub mod schema;
mod write;

use std::cell::RefCell;

use postgres::{Client, NoTls};
use sitrep_fuse::{Incident, day_number};
use sitrep_model::Document;
use sitrep_model::record::Record;

use crate::views::{
    Actor, ActorDetail, ActorFilter, ClaimFilter, DocumentMeta, IncidentDetail, Page, SearchHit,
    StoredClaim, StoredDocument,
};
use crate::write::Versions;
use crate::{
    FeedValidators, IncidentFilter, Outcome, SpeakerClaims, Stats, Store, StoreError, StoredFigure,
    shape,
};

/// The advisory lock every ingest batch takes (any fixed number; migrations use another).
pub const INGEST_LOCK: i64 = 0x5175_7265_7001;

/// A sitrep database in PostgreSQL.
pub struct PgStore {
    // The client's calls take `&mut`; the store's reads take `&self` and a store is used by
    // one thread at a time.
    conn: RefCell<Client>,
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/db`, any libpq-style
    /// parameter such as `options=-c search_path=NAME`) and migrates the database.
    pub fn open(url: &str) -> Result<PgStore, StoreError> {
        let mut conn = Client::connect(url, NoTls)?;
        schema::migrate(&mut conn)?;
        Ok(PgStore {
            conn: RefCell::new(conn),
        })
    }

    /// The schema version.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .borrow_mut()
            .query_one("SELECT MAX(version)::BIGINT FROM schema_version", &[])?
            .get(0))
    }

    fn count(&self, sql: &str) -> Result<u64, StoreError> {
        let n: i64 = self.conn.borrow_mut().query_one(sql, &[])?.get(0);
        Ok(n as u64)
    }
}

/// A PostgreSQL transaction as the writes of a batch.
impl Versions for postgres::Transaction<'_> {
    fn existing(&mut self, doc: &Document) -> Result<Option<(String, String)>, StoreError> {
        write::existing(self, doc)
    }
    fn has_content(&mut self, hash: &str) -> Result<bool, StoreError> {
        write::has_content(self, hash)
    }
    fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        write::delete(self, id)
    }
    fn insert(&mut self, doc: &Document, rec: &Record) -> Result<(), StoreError> {
        write::insert(self, doc, rec)
    }
}

impl Store for PgStore {
    fn is_unchanged(&self, doc: &Document) -> Result<bool, StoreError> {
        // A hint only (it saves extracting again): `ingest` decides again under the lock.
        let mut conn = self.conn.borrow_mut();
        Ok(match write::existing(&mut *conn, doc)? {
            Some((_, hash)) => hash == doc.content_hash,
            None => write::has_content(&mut *conn, &doc.content_hash)?,
        })
    }

    fn ingest(&mut self, batch: &[(Document, Record)]) -> Result<Vec<Outcome>, StoreError> {
        let conn = self.conn.get_mut();
        let mut tx = conn.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INGEST_LOCK])?;
        let outcomes = crate::write::apply(&mut tx, batch)?;
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
        let rows = self.conn.borrow_mut().query(
            "SELECT summary FROM incidents
             WHERE (NOT $1 OR (day_end >= $2 AND day_start <= $3))
             ORDER BY day_start IS NULL, day_start, id",
            &[&dated, &since, &until],
        )?;
        shape::matching_incidents(rows.iter().map(|r| r.get::<_, String>(0)), f)
    }

    fn figures(&self) -> Result<Vec<StoredFigure>, StoreError> {
        let rows = self.conn.borrow_mut().query(
            "SELECT f.doc_id, d.published, f.figure FROM figures f JOIN documents d ON d.id = f.doc_id
             ORDER BY d.published NULLS FIRST, f.doc_id, f.idx",
            &[],
        )?;
        rows.iter()
            .map(|r| {
                Ok(StoredFigure {
                    doc_id: r.get(0),
                    published: r.get(1),
                    figure: serde_json::from_str(r.get(2))?,
                })
            })
            .collect()
    }

    fn claims_by_speaker(&self) -> Result<Vec<SpeakerClaims>, StoreError> {
        let rows = self.conn.borrow_mut().query(
            "SELECT speaker_key, speaker, doc_id, idx, claim, denies_doc, denies_idx FROM claims
             ORDER BY speaker_key, doc_id, idx",
            &[],
        )?;
        shape::group_by_speaker(rows.iter().map(|r| {
            (
                r.get(0),
                r.get(1),
                r.get(2),
                r.get(3),
                r.get(4),
                r.get(5),
                r.get(6),
            )
        }))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        read::search(&mut self.conn.borrow_mut(), query, limit)
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        read::document(&mut self.conn.borrow_mut(), id)
    }

    fn documents(&self, page: Page) -> Result<Vec<DocumentMeta>, StoreError> {
        read::documents(&mut self.conn.borrow_mut(), page)
    }

    fn incident(&self, id: i64) -> Result<Option<IncidentDetail>, StoreError> {
        read::incident(&mut self.conn.borrow_mut(), id)
    }

    fn actors(&self, filter: &ActorFilter, page: Page) -> Result<Vec<Actor>, StoreError> {
        read::actors(&mut self.conn.borrow_mut(), filter, page)
    }

    fn actor(&self, key: &str) -> Result<Option<ActorDetail>, StoreError> {
        let incidents = self.incidents(&IncidentFilter::default())?;
        read::actor(&mut self.conn.borrow_mut(), key, incidents)
    }

    fn claims(&self, filter: &ClaimFilter, page: Page) -> Result<Vec<StoredClaim>, StoreError> {
        read::claims(&mut self.conn.borrow_mut(), filter, page)
    }

    fn search_hits(&self, text: &str, page: Page) -> Result<Vec<SearchHit>, StoreError> {
        read::search_hits(&mut self.conn.borrow_mut(), text, page)
    }

    fn feed_validators(&self, url: &str) -> Result<FeedValidators, StoreError> {
        let row = self.conn.borrow_mut().query_opt(
            "SELECT etag, last_modified FROM feed_validators WHERE url = $1",
            &[&url],
        )?;
        Ok(row
            .map(|r| FeedValidators {
                etag: r.get(0),
                last_modified: r.get(1),
            })
            .unwrap_or_default())
    }

    fn save_feed_validators(&mut self, url: &str, v: &FeedValidators) -> Result<(), StoreError> {
        self.conn.get_mut().execute(
            "INSERT INTO feed_validators (url, etag, last_modified) VALUES ($1, $2, $3)
             ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified",
            &[&url, &v.etag, &v.last_modified],
        )?;
        Ok(())
    }
}
