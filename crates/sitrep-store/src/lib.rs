//! Storage: documents and their extraction records in, queryable tables and fused incidents
//! out.
//!
//! [`Store`] is what every backend implements. [`SqliteStore`] keeps one file: WAL journal,
//! versioned schema migrations ([`schema`]), FTS5 over report text and claims. [`PgStore`]
//! keeps a PostgreSQL database a team shares ([`postgres::schema`], `tsvector` search), with
//! concurrent writers serialised per batch. [`open`] picks the backend from what `--db`
//! names ([`DbSpec`]). [`Store::ingest`] takes a batch of documents with their records and, in
//! one transaction, stores new documents, skips unchanged ones (same content hash, or same
//! id/URL with the same hash), replaces changed versions (same id or URL, new hash) and fuses
//! their events into incidents, so a crash at any moment leaves the previous batch's state.
#![deny(missing_docs)]

mod index;
pub mod postgres;
mod read;
pub mod schema;
mod shape;
mod spec;
mod sqlite;
pub mod testing;
mod views;
mod write;

use serde::Serialize;
use sitrep_fuse::Incident;
use sitrep_model::Document;
use sitrep_model::record::Record;

pub use postgres::PgStore;
pub use read::fts_query;
pub use spec::{DbSpec, open};
pub use sqlite::SqliteStore;
pub use views::{
    Actor, ActorDetail, ActorFilter, ActorReport, ClaimFilter, ClaimRef, DocumentMeta,
    IncidentDetail, MATCH_END, MATCH_START, Page, SearchHit, StoredClaim, StoredDocument,
};

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database said no.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The PostgreSQL server said no (or could not be reached).
    #[error("postgresql: {}", pg_message(.0))]
    Postgres(::postgres::Error),
    /// A stored JSON value did not read back.
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The file was written by a newer sitrep.
    #[error("database schema version {found} is newer than this sitrep knows ({known})")]
    NewerSchema {
        /// In the file.
        found: i64,
        /// Known here.
        known: i64,
    },
}

impl From<::postgres::Error> for StoreError {
    fn from(e: ::postgres::Error) -> StoreError {
        StoreError::Postgres(e)
    }
}

/// The server's own words (`ERROR: duplicate key ...`), else the client's with its cause
/// (`error connecting to server: Connection refused`), on one line.
fn pg_message(e: &::postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{}: {}", db.severity(), db.message());
    }
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

/// What happened to one document of a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Not seen before: stored and fused.
    New,
    /// Same content already stored: nothing done.
    Unchanged,
    /// A new version of a stored report (same id or URL): the old extraction replaced.
    Replaced,
}

/// Row counts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Reports.
    pub documents: u64,
    /// Extracted events.
    pub events: u64,
    /// Fused incidents.
    pub incidents: u64,
    /// Attributed statements.
    pub claims: u64,
    /// Quantities.
    pub figures: u64,
    /// Entities resolved across reports (knowledge-base id, else type and normalised name).
    pub entities: u64,
    /// Entity occurrences, one per entity per report.
    pub entity_records: u64,
}

/// Which incidents to list.
#[derive(Clone, Debug, Default)]
pub struct IncidentFilter {
    /// Incidents ending on or after this day (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Incidents starting on or before this day.
    pub until: Option<String>,
    /// A place name (location, district or province) the incident must mention.
    pub place: Option<String>,
    /// An actor name the incident must mention.
    pub actor: Option<String>,
    /// Words the type or sub-type must contain.
    pub kind: Option<String>,
}

/// A stored figure with its report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredFigure {
    /// The report.
    pub doc_id: String,
    /// The report's publication date.
    pub published: Option<String>,
    /// The figure.
    pub figure: sitrep_model::record::Figure,
}

/// Claims of one speaker across reports, grouped by topic (claims about the same entity
/// together, then those about nothing named), each group by report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerClaims {
    /// The speaker as most reports name them.
    pub speaker: String,
    /// The claims, by report.
    pub claims: Vec<SpeakerClaim>,
}

/// One claim of a speaker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerClaim {
    /// The report.
    pub doc_id: String,
    /// The claim's index in the report's record.
    pub idx: usize,
    /// `assertion`, `accusation`, `denial`, ...
    pub kind: String,
    /// What was said.
    pub text: String,
    /// What it is about: the first entity it names (a group, a place, a person), by which
    /// a speaker's claims are grouped; `None` when it names none.
    pub topic: Option<String>,
    /// For a denial: the claim it denies, as (report, index).
    pub denies: Option<(String, usize)>,
}

/// What a feed's server said identifies the version last read (HTTP `ETag` and
/// `Last-Modified`), sent back to ask only for something newer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedValidators {
    /// The entity tag, as the server wrote it (quotes and `W/` included).
    pub etag: Option<String>,
    /// The last-modified date, as the server wrote it.
    pub last_modified: Option<String>,
}

/// What every storage backend does.
pub trait Store {
    /// True when this exact content is already stored (so extracting it again is wasted work).
    fn is_unchanged(&self, doc: &Document) -> Result<bool, StoreError>;
    /// Stores a batch of documents with their records and fuses their events, atomically.
    fn ingest(&mut self, batch: &[(Document, Record)]) -> Result<Vec<Outcome>, StoreError>;
    /// Row counts.
    fn stats(&self) -> Result<Stats, StoreError>;
    /// Fused incidents, by date then id.
    fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<Incident>, StoreError>;
    /// Every stored figure with its report.
    fn figures(&self) -> Result<Vec<StoredFigure>, StoreError>;
    /// Claims grouped by speaker and, within a speaker, by topic; each denial with the claim
    /// it denies.
    fn claims_by_speaker(&self) -> Result<Vec<SpeakerClaims>, StoreError>;
    /// Ids of reports whose text matches a full-text query, best first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>, StoreError>;
    /// A report with its text and record; `None` when there is no such report.
    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;
    /// Reports' metadata, latest first (undated last).
    fn documents(&self, page: Page) -> Result<Vec<DocumentMeta>, StoreError>;
    /// A fused incident with each report's event; `None` when there is no such incident.
    fn incident(&self, id: i64) -> Result<Option<IncidentDetail>, StoreError>;
    /// Entities resolved across reports, most reported first.
    fn actors(&self, filter: &ActorFilter, page: Page) -> Result<Vec<Actor>, StoreError>;
    /// One entity (by [`Actor::key`]) with its reports, incidents and the claims by and
    /// about it; `None` when there is no such entity.
    fn actor(&self, key: &str) -> Result<Option<ActorDetail>, StoreError>;
    /// Claims, by publication date, each denial with what it denies and each claim with its
    /// denials.
    fn claims(&self, filter: &ClaimFilter, page: Page) -> Result<Vec<StoredClaim>, StoreError>;
    /// Reports matching a person's words (every word required; no query syntax), best
    /// first, with a snippet.
    fn search_hits(&self, text: &str, page: Page) -> Result<Vec<SearchHit>, StoreError>;
    /// The validators saved for a watched feed URL (empty when none are).
    fn feed_validators(&self, url: &str) -> Result<FeedValidators, StoreError>;
    /// Saves a watched feed's validators, replacing the previous ones.
    fn save_feed_validators(
        &mut self,
        url: &str,
        validators: &FeedValidators,
    ) -> Result<(), StoreError>;
}

/// A boxed store (what [`open`] gives) is a store.
impl<S: Store + ?Sized> Store for Box<S> {
    fn is_unchanged(&self, doc: &Document) -> Result<bool, StoreError> {
        (**self).is_unchanged(doc)
    }
    fn ingest(&mut self, batch: &[(Document, Record)]) -> Result<Vec<Outcome>, StoreError> {
        (**self).ingest(batch)
    }
    fn stats(&self) -> Result<Stats, StoreError> {
        (**self).stats()
    }
    fn incidents(&self, filter: &IncidentFilter) -> Result<Vec<Incident>, StoreError> {
        (**self).incidents(filter)
    }
    fn figures(&self) -> Result<Vec<StoredFigure>, StoreError> {
        (**self).figures()
    }
    fn claims_by_speaker(&self) -> Result<Vec<SpeakerClaims>, StoreError> {
        (**self).claims_by_speaker()
    }
    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        (**self).search(query, limit)
    }
    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        (**self).document(id)
    }
    fn documents(&self, page: Page) -> Result<Vec<DocumentMeta>, StoreError> {
        (**self).documents(page)
    }
    fn incident(&self, id: i64) -> Result<Option<IncidentDetail>, StoreError> {
        (**self).incident(id)
    }
    fn actors(&self, filter: &ActorFilter, page: Page) -> Result<Vec<Actor>, StoreError> {
        (**self).actors(filter, page)
    }
    fn actor(&self, key: &str) -> Result<Option<ActorDetail>, StoreError> {
        (**self).actor(key)
    }
    fn claims(&self, filter: &ClaimFilter, page: Page) -> Result<Vec<StoredClaim>, StoreError> {
        (**self).claims(filter, page)
    }
    fn search_hits(&self, text: &str, page: Page) -> Result<Vec<SearchHit>, StoreError> {
        (**self).search_hits(text, page)
    }
    fn feed_validators(&self, url: &str) -> Result<FeedValidators, StoreError> {
        (**self).feed_validators(url)
    }
    fn save_feed_validators(
        &mut self,
        url: &str,
        validators: &FeedValidators,
    ) -> Result<(), StoreError> {
        (**self).save_feed_validators(url, validators)
    }
}
