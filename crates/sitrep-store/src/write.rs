//! Writing one document and its record, and taking them out again, inside the caller's
//! transaction; and what every backend shares when it writes: the rules of a batch
//! ([`apply`]) and of a denial's target ([`denied_among`]).

use rusqlite::{Connection, OptionalExtension, params};
use sitrep_fuse::names::key;
use sitrep_fuse::{ClaimRef, Member, day_number, fuse, link_denials, remove_doc};
use sitrep_model::Document;
use sitrep_model::record::{Claim, Record};

use crate::index::SqlIndex;
use crate::{Outcome, StoreError};

/// The stored report a document is a version of: same id, else same URL. `(id, hash)`.
pub fn existing(tx: &Connection, doc: &Document) -> Result<Option<(String, String)>, StoreError> {
    let by_id = tx
        .query_row(
            "SELECT id, content_hash FROM documents WHERE id = ?1",
            [&doc.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if by_id.is_some() {
        return Ok(by_id);
    }
    let Some(url) = &doc.url else { return Ok(None) };
    Ok(tx
        .query_row(
            "SELECT id, content_hash FROM documents WHERE url = ?1 ORDER BY id LIMIT 1",
            [url],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// True when a report with this exact content is stored (under any id).
pub fn has_content(tx: &Connection, hash: &str) -> Result<bool, StoreError> {
    Ok(tx
        .query_row(
            "SELECT 1 FROM documents WHERE content_hash = ?1 LIMIT 1",
            [hash],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Removes a report, its record and its events from every table and incident.
pub fn delete(tx: &Connection, id: &str) -> Result<(), StoreError> {
    remove_doc(&mut SqlIndex(tx), id)?;
    for table in [
        "records",
        "entities",
        "events",
        "claims",
        "claim_about",
        "figures",
        "documents_fts",
        "claims_fts",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc_id = ?1"), [id])?;
    }
    tx.execute(
        "UPDATE claims SET denies_doc = NULL, denies_idx = NULL WHERE denies_doc = ?1",
        [id],
    )?;
    tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
    Ok(())
}

/// The key entities are resolved across reports by: the knowledge-base id, else the type
/// and the normalised name (unknown groups by name, persons by name).
pub fn entity_key(kb_id: Option<&str>, kind: &str, name: &str) -> String {
    match kb_id {
        Some(id) => format!("kb:{id}"),
        None => format!("{kind}:{}", key(name)),
    }
}

/// Stores a report and its record, and fuses its events.
pub fn insert(tx: &Connection, doc: &Document, rec: &Record) -> Result<(), StoreError> {
    let origin = serde_json::to_string(&doc.origin)?;
    let published = doc.published.map(|d| d.to_string());
    tx.execute(
        "INSERT INTO documents (id, url, source, title, published, content_hash, text, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            doc.id,
            doc.url,
            doc.source,
            doc.title,
            published,
            doc.content_hash,
            doc.text,
            origin
        ],
    )?;
    tx.execute(
        "INSERT INTO documents_fts (doc_id, title, text) VALUES (?1, ?2, ?3)",
        params![doc.id, doc.title, doc.text],
    )?;
    tx.execute(
        "INSERT INTO records (doc_id, record) VALUES (?1, ?2)",
        params![doc.id, serde_json::to_string(rec)?],
    )?;
    let mut ent = tx.prepare_cached(
        "INSERT INTO entities (doc_id, idx, key, kb_id, name, type, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, e) in rec.entities.iter().enumerate() {
        let k = entity_key(e.id.as_deref(), &e.kind, &e.name);
        ent.execute(params![
            doc.id,
            i as i64,
            k,
            e.id,
            e.name,
            e.kind,
            serde_json::to_string(&e.mentions)?
        ])?;
    }
    let mut ev = tx.prepare_cached(
        "INSERT INTO events (doc_id, idx, type, sub_type, date_start, date_end, admin1, admin2, country, event)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, e) in rec.events.iter().enumerate() {
        let (l, d) = (e.location.as_ref(), e.date.as_ref());
        ev.execute(params![
            doc.id,
            i as i64,
            e.kind,
            e.sub_type,
            d.map(|d| &d.start),
            d.map(|d| &d.end),
            l.and_then(|l| l.admin1.as_ref()),
            l.and_then(|l| l.admin2.as_ref()),
            l.and_then(|l| l.country.as_ref()),
            serde_json::to_string(e)?
        ])?;
    }
    let mut fig = tx.prepare_cached(
        "INSERT INTO figures (doc_id, idx, measure, place, period, figure) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, f) in rec.figures.iter().enumerate() {
        fig.execute(params![
            doc.id,
            i as i64,
            f.measure,
            f.place,
            f.period,
            serde_json::to_string(f)?
        ])?;
    }
    insert_claims(tx, &doc.id, published.as_deref(), &rec.claims)?;
    let mut index = SqlIndex(tx);
    let mut order: Vec<(usize, &sitrep_model::record::Event)> =
        rec.events.iter().enumerate().collect();
    order.sort_by_key(|(i, e)| (e.location.is_none(), *i));
    for (i, e) in order {
        let m = Member {
            doc_id: doc.id.clone(),
            event_idx: i,
            published: published.clone(),
            source: doc.source.clone(),
            event: e.clone(),
        };
        fuse(&mut index, m)?;
    }
    Ok(())
}

fn insert_claims(
    tx: &Connection,
    doc_id: &str,
    published: Option<&str>,
    claims: &[Claim],
) -> Result<(), StoreError> {
    let mut ins = tx.prepare_cached(
        "INSERT INTO claims (doc_id, idx, speaker, speaker_key, kind, claim) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let day = published.and_then(day_number);
    let mut about = tx.prepare_cached(
        "INSERT INTO claim_about (doc_id, idx, about_key, day) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut fts =
        tx.prepare_cached("INSERT INTO claims_fts (doc_id, speaker, text) VALUES (?1, ?2, ?3)")?;
    for (i, c) in claims.iter().enumerate() {
        ins.execute(params![
            doc_id,
            i as i64,
            c.speaker,
            key(&c.speaker),
            c.kind,
            serde_json::to_string(c)?
        ])?;
        fts.execute(params![doc_id, c.speaker, c.text])?;
        for a in &c.about {
            about.execute(params![doc_id, i as i64, key(a), day])?;
        }
    }
    for (i, c) in claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == "denial")
    {
        if let Some((d, j)) = denied(tx, doc_id, published, c)? {
            tx.execute(
                "UPDATE claims SET denies_doc = ?1, denies_idx = ?2 WHERE doc_id = ?3 AND idx = ?4",
                params![d, j as i64, doc_id, i as i64],
            )?;
        }
    }
    Ok(())
}

/// How many days before a denial the claims it may deny are looked for.
const DENIAL_WINDOW_DAYS: i32 = 30;
/// At most this many candidate claims per name, the most recent first.
pub const DENIAL_CANDIDATES: i64 = 50;

/// A stored claim a denial may deny: `(doc_id, idx, claim, published)`.
pub type Candidate = (String, usize, Claim, Option<String>);

/// The names whose recent claims a denial may deny: what it is about, and its speaker.
pub fn denial_keys(denial: &Claim) -> Vec<String> {
    let mut keys: Vec<String> = denial.about.iter().map(|a| key(a)).collect();
    keys.push(key(&denial.speaker));
    keys
}

/// The publication days (inclusive) whose claims a denial published on `published` may
/// deny; undated denials look at the most recent claims about the same names.
pub fn denial_window(published: Option<&str>) -> (i32, i32) {
    match published.and_then(day_number) {
        Some(d) => (d - DENIAL_WINDOW_DAYS, d + 1),
        None => (i32::MIN, i32::MAX),
    }
}

/// The candidate a denial most likely denies (see [`link_denials`]), as (report, index).
pub fn denied_among(
    found: &[Candidate],
    doc_id: &str,
    published: Option<&str>,
    denial: &Claim,
) -> Option<(String, usize)> {
    let mut refs: Vec<ClaimRef<'_>> = found
        .iter()
        .map(|(d, _, c, p)| ClaimRef {
            doc_id: d,
            published: p.as_deref(),
            claim: c,
        })
        .collect();
    refs.push(ClaimRef {
        doc_id,
        published,
        claim: denial,
    });
    let me = refs.len() - 1;
    link_denials(&refs)
        .into_iter()
        .find(|(i, _)| *i == me)
        .map(|(_, j)| (found[j].0.clone(), found[j].1))
}

/// The stored claim a denial most likely denies, among the claims about the denier (or
/// what the denial is about) published in the weeks before it, so the cost stays flat as
/// the database grows.
fn denied(
    tx: &Connection,
    doc_id: &str,
    published: Option<&str>,
    denial: &Claim,
) -> Result<Option<(String, usize)>, StoreError> {
    let (from, to) = denial_window(published);
    let mut q = tx.prepare_cached(
        "SELECT c.doc_id, c.idx, c.claim, d.published FROM claim_about a
         JOIN claims c ON c.doc_id = a.doc_id AND c.idx = a.idx
         JOIN documents d ON d.id = c.doc_id
         WHERE a.about_key = ?1 AND a.day BETWEEN ?2 AND ?3
         ORDER BY a.day DESC, c.doc_id, c.idx LIMIT ?4",
    )?;
    let mut found: Vec<Candidate> = Vec::new();
    for k in &denial_keys(denial) {
        let rows = q.query_map(params![k, from, to, DENIAL_CANDIDATES], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)? as usize,
                r.get::<_, String>(2)?,
                r.get(3)?,
            ))
        })?;
        for row in rows {
            let (d, i, json, p) = row?;
            if !found.iter().any(|f| f.0 == d && f.1 == i) {
                found.push((d, i, serde_json::from_str(&json)?, p));
            }
        }
    }
    Ok(denied_among(&found, doc_id, published, denial))
}

/// The writes a batch is made of, in the backend's open transaction: what [`apply`] needs
/// to decide, for each document, whether it is new, unchanged or a new version.
pub trait Versions {
    /// The stored report `doc` is a version of (same id, else same URL): `(id, hash)`.
    fn existing(&mut self, doc: &Document) -> Result<Option<(String, String)>, StoreError>;
    /// True when this exact content is stored under any id.
    fn has_content(&mut self, hash: &str) -> Result<bool, StoreError>;
    /// Removes a stored report and its record.
    fn delete(&mut self, id: &str) -> Result<(), StoreError>;
    /// Stores a report with its record and fuses its events.
    fn insert(&mut self, doc: &Document, rec: &Record) -> Result<(), StoreError>;
}

/// Stores a batch: new documents are inserted, unchanged ones (same content hash, or same
/// id/URL with the same hash) skipped, changed versions (same id or URL, new hash) replace
/// the stored one. The one place these rules live, for every backend.
pub fn apply(
    tx: &mut impl Versions,
    batch: &[(Document, Record)],
) -> Result<Vec<Outcome>, StoreError> {
    let mut outcomes = Vec::with_capacity(batch.len());
    for (doc, rec) in batch {
        let outcome = match tx.existing(doc)? {
            Some((_, hash)) if hash == doc.content_hash => Outcome::Unchanged,
            Some((old, _)) => {
                tx.delete(&old)?;
                if old != doc.id {
                    tx.delete(&doc.id)?;
                }
                tx.insert(doc, rec)?;
                Outcome::Replaced
            }
            None if tx.has_content(&doc.content_hash)? => Outcome::Unchanged,
            None => {
                tx.insert(doc, rec)?;
                Outcome::New
            }
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// The SQLite transaction as the writes of a batch.
impl Versions for rusqlite::Transaction<'_> {
    fn existing(&mut self, doc: &Document) -> Result<Option<(String, String)>, StoreError> {
        existing(self, doc)
    }
    fn has_content(&mut self, hash: &str) -> Result<bool, StoreError> {
        has_content(self, hash)
    }
    fn delete(&mut self, id: &str) -> Result<(), StoreError> {
        delete(self, id)
    }
    fn insert(&mut self, doc: &Document, rec: &Record) -> Result<(), StoreError> {
        insert(self, doc, rec)
    }
}
