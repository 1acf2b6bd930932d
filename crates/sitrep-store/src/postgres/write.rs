//! Writing one document and its record into PostgreSQL, and taking them out again, inside
//! the caller's transaction: the same rows as the SQLite writer ([`crate::write`]), whose
//! decisions (which stored report a document is a version of, which claim a denial denies)
//! it shares.

use postgres::types::ToSql;
use postgres::{GenericClient, Transaction};
use sitrep_fuse::names::key;
use sitrep_fuse::{Member, day_number, fuse, remove_doc};
use sitrep_model::Document;
use sitrep_model::record::{Claim, Record};

use super::index::PgIndex;
use crate::StoreError;
use crate::write::{
    Candidate, DENIAL_CANDIDATES, denial_keys, denial_window, denied_among, entity_key,
};

/// The stored report a document is a version of: same id, else same URL. `(id, hash)`.
pub fn existing(
    tx: &mut impl GenericClient,
    doc: &Document,
) -> Result<Option<(String, String)>, StoreError> {
    let pair = |r: postgres::Row| (r.get(0), r.get(1));
    if let Some(r) = tx.query_opt(
        "SELECT id, content_hash FROM documents WHERE id = $1",
        &[&doc.id],
    )? {
        return Ok(Some(pair(r)));
    }
    let Some(url) = &doc.url else { return Ok(None) };
    Ok(tx
        .query_opt(
            "SELECT id, content_hash FROM documents WHERE url = $1 ORDER BY id LIMIT 1",
            &[url],
        )?
        .map(pair))
}

/// True when a report with this exact content is stored (under any id).
pub fn has_content(tx: &mut impl GenericClient, hash: &str) -> Result<bool, StoreError> {
    Ok(tx
        .query_opt(
            "SELECT 1 FROM documents WHERE content_hash = $1 LIMIT 1",
            &[&hash],
        )?
        .is_some())
}

/// Removes a report, its record and its events from every table and incident.
pub fn delete(tx: &mut Transaction<'_>, id: &str) -> Result<(), StoreError> {
    remove_doc(&mut PgIndex(tx), id)?;
    for table in [
        "records",
        "entities",
        "events",
        "claims",
        "claim_about",
        "figures",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc_id = $1"), &[&id])?;
    }
    tx.execute(
        "UPDATE claims SET denies_doc = NULL, denies_idx = NULL WHERE denies_doc = $1",
        &[&id],
    )?;
    tx.execute("DELETE FROM documents WHERE id = $1", &[&id])?;
    Ok(())
}

/// Stores a report and its record, and fuses its events.
pub fn insert(tx: &mut Transaction<'_>, doc: &Document, rec: &Record) -> Result<(), StoreError> {
    let origin = serde_json::to_string(&doc.origin)?;
    let published = doc.published.map(|d| d.to_string());
    tx.execute(
        "INSERT INTO documents (id, url, source, title, published, content_hash, text, origin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            &doc.id,
            &doc.url,
            &doc.source,
            &doc.title,
            &published,
            &doc.content_hash,
            &doc.text,
            &origin,
        ],
    )?;
    tx.execute(
        "INSERT INTO records (doc_id, record) VALUES ($1, $2)",
        &[&doc.id, &serde_json::to_string(rec)?],
    )?;
    let ent = tx.prepare(
        "INSERT INTO entities (doc_id, idx, key, kb_id, name, type, mentions)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )?;
    for (i, e) in rec.entities.iter().enumerate() {
        let k = entity_key(e.id.as_deref(), &e.kind, &e.name);
        tx.execute(
            &ent,
            &[
                &doc.id,
                &(i as i64),
                &k,
                &e.id,
                &e.name,
                &e.kind,
                &serde_json::to_string(&e.mentions)?,
            ],
        )?;
    }
    let ev = tx.prepare(
        "INSERT INTO events (doc_id, idx, type, sub_type, date_start, date_end, admin1, admin2, country, event)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )?;
    for (i, e) in rec.events.iter().enumerate() {
        let (l, d) = (e.location.as_ref(), e.date.as_ref());
        tx.execute(
            &ev,
            &[
                &doc.id,
                &(i as i64),
                &e.kind,
                &e.sub_type,
                &d.map(|d| &d.start),
                &d.map(|d| &d.end),
                &l.and_then(|l| l.admin1.as_ref()),
                &l.and_then(|l| l.admin2.as_ref()),
                &l.and_then(|l| l.country.as_ref()),
                &serde_json::to_string(e)?,
            ],
        )?;
    }
    let fig = tx.prepare(
        "INSERT INTO figures (doc_id, idx, measure, place, period, figure) VALUES ($1, $2, $3, $4, $5, $6)",
    )?;
    for (i, f) in rec.figures.iter().enumerate() {
        tx.execute(
            &fig,
            &[
                &doc.id,
                &(i as i64),
                &f.measure,
                &f.place,
                &f.period,
                &serde_json::to_string(f)?,
            ],
        )?;
    }
    insert_claims(tx, &doc.id, published.as_deref(), &rec.claims)?;
    let mut order: Vec<(usize, &sitrep_model::record::Event)> =
        rec.events.iter().enumerate().collect();
    order.sort_by_key(|(i, e)| (e.location.is_none(), *i));
    let mut index = PgIndex(tx);
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
    tx: &mut Transaction<'_>,
    doc_id: &str,
    published: Option<&str>,
    claims: &[Claim],
) -> Result<(), StoreError> {
    let ins = tx.prepare(
        "INSERT INTO claims (doc_id, idx, speaker, speaker_key, kind, claim) VALUES ($1, $2, $3, $4, $5, $6)",
    )?;
    let about = tx
        .prepare("INSERT INTO claim_about (doc_id, idx, about_key, day) VALUES ($1, $2, $3, $4)")?;
    let day = published.and_then(day_number);
    for (i, c) in claims.iter().enumerate() {
        let i = i as i64;
        tx.execute(
            &ins,
            &[
                &doc_id,
                &i,
                &c.speaker,
                &key(&c.speaker),
                &c.kind,
                &serde_json::to_string(c)?,
            ],
        )?;
        for a in &c.about {
            tx.execute(&about, &[&doc_id, &i, &key(a), &day])?;
        }
    }
    for (i, c) in claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == "denial")
    {
        if let Some((d, j)) = denied(tx, doc_id, published, c)? {
            tx.execute(
                "UPDATE claims SET denies_doc = $1, denies_idx = $2 WHERE doc_id = $3 AND idx = $4",
                &[&d, &(j as i64), &doc_id, &(i as i64)],
            )?;
        }
    }
    Ok(())
}

/// The stored claim a denial most likely denies, among the recent claims about the same
/// names (see [`crate::write`]).
fn denied(
    tx: &mut Transaction<'_>,
    doc_id: &str,
    published: Option<&str>,
    denial: &Claim,
) -> Result<Option<(String, usize)>, StoreError> {
    let (from, to) = denial_window(published);
    let q = tx.prepare(
        "SELECT c.doc_id, c.idx, c.claim, d.published FROM claim_about a
         JOIN claims c ON c.doc_id = a.doc_id AND c.idx = a.idx
         JOIN documents d ON d.id = c.doc_id
         WHERE a.about_key = $1 AND a.day BETWEEN $2 AND $3
         ORDER BY a.day DESC, c.doc_id, c.idx LIMIT $4",
    )?;
    let mut found: Vec<Candidate> = Vec::new();
    for k in denial_keys(denial) {
        let args: [&(dyn ToSql + Sync); 4] = [&k, &from, &to, &DENIAL_CANDIDATES];
        for r in tx.query(&q, &args)? {
            let (d, i): (String, i64) = (r.get(0), r.get(1));
            if !found.iter().any(|f| f.0 == d && f.1 == i as usize) {
                found.push((d, i as usize, serde_json::from_str(r.get(2))?, r.get(3)));
            }
        }
    }
    Ok(denied_among(&found, doc_id, published, denial))
}
