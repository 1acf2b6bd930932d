//! The read side of the PostgreSQL backend: the same queries as the SQLite one
//! ([`crate::read`]) in PostgreSQL's dialect (JSON functions on the stored JSON text,
//! `tsvector` search with `ts_headline` snippets). Every query is parameterised; user words
//! reach PostgreSQL only as parameters.

use std::collections::BTreeSet;

use postgres::types::ToSql;
use postgres::{Client, Row};
use sitrep_fuse::Incident;
use sitrep_fuse::names::key;
use sitrep_model::record::Mention;

use crate::StoreError;
use crate::views::{
    Actor, ActorDetail, ActorFilter, ActorReport, ClaimFilter, ClaimRef, DocumentMeta,
    IncidentDetail, Page, SearchHit, StoredClaim, StoredDocument,
};

/// `id, title, source, url, published` of `documents d`.
const META: &str = "d.id, d.title, d.source, d.url, d.published";

fn meta(r: &Row, at: usize) -> DocumentMeta {
    DocumentMeta {
        id: r.get(at),
        title: r.get(at + 1),
        source: r.get(at + 2),
        url: r.get(at + 3),
        published: r.get(at + 4),
    }
}

/// A report with its text and record.
pub fn document(c: &mut Client, id: &str) -> Result<Option<StoredDocument>, StoreError> {
    let Some(r) = c.query_opt(
        &format!(
            "SELECT {META}, d.content_hash, d.text, r.record
             FROM documents d JOIN records r ON r.doc_id = d.id WHERE d.id = $1"
        ),
        &[&id],
    )?
    else {
        return Ok(None);
    };
    Ok(Some(StoredDocument {
        meta: meta(&r, 0),
        content_hash: r.get(5),
        text: r.get(6),
        record: serde_json::from_str(r.get(7))?,
    }))
}

/// Reports, latest first (undated last).
pub fn documents(c: &mut Client, page: Page) -> Result<Vec<DocumentMeta>, StoreError> {
    let (limit, offset) = page.sql();
    let rows = c.query(
        &format!(
            "SELECT {META} FROM documents d
             ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT $1 OFFSET $2"
        ),
        &[&limit, &offset],
    )?;
    Ok(rows.iter().map(|r| meta(r, 0)).collect())
}

/// An incident with its members.
pub fn incident(c: &mut Client, id: i64) -> Result<Option<IncidentDetail>, StoreError> {
    let Some(r) = c.query_opt(
        "SELECT summary, members FROM incidents WHERE id = $1",
        &[&id],
    )?
    else {
        return Ok(None);
    };
    Ok(Some(IncidentDetail {
        incident: serde_json::from_str(r.get(0))?,
        members: serde_json::from_str(r.get(1))?,
    }))
}

/// The aggregate columns of an actor, grouped by `e.key`.
const ACTOR_COLUMNS: &str = "SELECT e.key, MAX(e.type), MAX(e.kb_id), COUNT(DISTINCT e.doc_id),
     SUM(json_array_length(e.mentions::json))::BIGINT, MIN(d.published), MAX(d.published)
     FROM entities e JOIN documents d ON d.id = e.doc_id";

fn actor_row(c: &mut Client, r: &Row) -> Result<Actor, StoreError> {
    let k: String = r.get(0);
    let (name, aliases) = names(c, &k)?;
    Ok(Actor {
        key: k,
        name,
        kind: r.get(1),
        kb_id: r.get(2),
        aliases,
        documents: r.get::<_, i64>(3) as u64,
        mentions: r.get::<_, Option<i64>>(4).unwrap_or(0) as u64,
        first_seen: r.get(5),
        last_seen: r.get(6),
    })
}

/// The name most reports give an entity, and every name and spelling used.
fn names(c: &mut Client, k: &str) -> Result<(String, Vec<String>), StoreError> {
    let canon: Vec<String> = c
        .query(
            "SELECT name FROM entities WHERE key = $1 GROUP BY name ORDER BY COUNT(*) DESC, name",
            &[&k],
        )?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut aliases: BTreeSet<String> = canon.iter().cloned().collect();
    for r in c.query(
        "SELECT DISTINCT m ->> 'text' FROM entities e, json_array_elements(e.mentions::json) m
         WHERE e.key = $1",
        &[&k],
    )? {
        aliases.extend(r.get::<_, Option<String>>(0));
    }
    Ok((
        canon.into_iter().next().unwrap_or_default(),
        aliases.into_iter().collect(),
    ))
}

/// Actors (and places when asked), most reported first.
pub fn actors(c: &mut Client, f: &ActorFilter, page: Page) -> Result<Vec<Actor>, StoreError> {
    let (limit, offset) = page.sql();
    let name = f.name.as_deref().map(str::to_lowercase);
    let places = f.include_places || f.kind.as_deref() == Some("place");
    let rows = c.query(
        &format!(
            "{ACTOR_COLUMNS}
             WHERE ($1::TEXT IS NULL OR e.type = $1) AND ($2 OR e.type <> 'place')
               AND ($3::TEXT IS NULL OR e.key IN
                    (SELECT key FROM entities WHERE strpos(lower(name), $3) > 0))
             GROUP BY e.key ORDER BY COUNT(DISTINCT e.doc_id) DESC, e.key LIMIT $4 OFFSET $5"
        ),
        &[&f.kind, &places, &name, &limit, &offset],
    )?;
    rows.iter().map(|r| actor_row(c, r)).collect()
}

/// One actor with its reports, incidents and claims.
pub fn actor(
    c: &mut Client,
    k: &str,
    incidents: Vec<Incident>,
) -> Result<Option<ActorDetail>, StoreError> {
    let Some(r) = c.query_opt(
        &format!("{ACTOR_COLUMNS} WHERE e.key = $1 GROUP BY e.key"),
        &[&k],
    )?
    else {
        return Ok(None);
    };
    let actor = actor_row(c, &r)?;
    let rows = c.query(
        &format!(
            "SELECT {META}, e.mentions FROM entities e JOIN documents d ON d.id = e.doc_id
             WHERE e.key = $1 ORDER BY d.published IS NULL, d.published, d.id, e.idx"
        ),
        &[&k],
    )?;
    let mut reports: Vec<ActorReport> = Vec::new();
    for r in &rows {
        let document = meta(r, 0);
        let mentions: Vec<Mention> = serde_json::from_str(r.get(5))?;
        match reports.last_mut() {
            Some(last) if last.document.id == document.id => last.mentions.extend(mentions),
            _ => reports.push(ActorReport { document, mentions }),
        }
    }
    let keys: BTreeSet<String> = actor.aliases.iter().map(|a| key(a)).collect();
    let key_list: Vec<String> = keys.iter().cloned().collect();
    let incidents = incidents
        .into_iter()
        .filter(|i| i.actors.iter().any(|a| keys.contains(&key(a))))
        .collect();
    let all = ClaimFilter::default();
    let claims_by = claims_where(c, &all, Some(&key_list), None, Page::all())?;
    let claims_about = claims_where(c, &all, None, Some(&key_list), Page::all())?;
    Ok(Some(ActorDetail {
        actor,
        reports,
        incidents,
        claims_by,
        claims_about,
    }))
}

/// Claims matching a filter, by publication date.
pub fn claims(c: &mut Client, f: &ClaimFilter, page: Page) -> Result<Vec<StoredClaim>, StoreError> {
    claims_where(c, f, None, None, page)
}

/// Claims matching a filter and, when given, whose speaker key (or a key they are about) is
/// one of a list of keys.
fn claims_where(
    c: &mut Client,
    f: &ClaimFilter,
    speakers: Option<&Vec<String>>,
    about: Option<&Vec<String>>,
    page: Page,
) -> Result<Vec<StoredClaim>, StoreError> {
    let (limit, offset) = page.sql();
    let speaker = f.speaker.as_deref().map(key).filter(|k| !k.is_empty());
    let about_words = f.about.as_deref().map(key).filter(|k| !k.is_empty());
    let args: [&(dyn ToSql + Sync); 8] = [
        &speaker,
        &about_words,
        &f.kind,
        &f.doc_id,
        &speakers,
        &about,
        &limit,
        &offset,
    ];
    let rows = c.query(
        "SELECT c.doc_id, d.published, c.idx, c.claim, c.denies_doc, c.denies_idx, dd.published, den.claim
         FROM claims c JOIN documents d ON d.id = c.doc_id
         LEFT JOIN claims den ON den.doc_id = c.denies_doc AND den.idx = c.denies_idx
         LEFT JOIN documents dd ON dd.id = c.denies_doc
         WHERE ($1::TEXT IS NULL OR strpos(c.speaker_key, $1) > 0)
           AND ($2::TEXT IS NULL OR EXISTS (SELECT 1 FROM claim_about a
                WHERE a.doc_id = c.doc_id AND a.idx = c.idx AND strpos(a.about_key, $2) > 0))
           AND ($3::TEXT IS NULL OR c.kind = $3)
           AND ($4::TEXT IS NULL OR c.doc_id = $4)
           AND ($5::TEXT[] IS NULL OR c.speaker_key = ANY($5))
           AND ($6::TEXT[] IS NULL OR EXISTS (SELECT 1 FROM claim_about a WHERE a.doc_id = c.doc_id
                AND a.idx = c.idx AND a.about_key = ANY($6)))
         ORDER BY d.published IS NULL, d.published, c.doc_id, c.idx LIMIT $7 OFFSET $8",
        &args,
    )?;
    let mut out = Vec::new();
    for r in &rows {
        let (doc_id, idx): (String, i64) = (r.get(0), r.get(2));
        let denies = match (r.get(4), r.get::<_, Option<i64>>(5), r.get(7)) {
            (Some(doc_id), Some(idx), Some(claim)) => Some(ClaimRef {
                doc_id,
                published: r.get(6),
                idx: idx as usize,
                claim: serde_json::from_str(claim)?,
            }),
            _ => None,
        };
        let denied_by = denials_of(c, &doc_id, idx)?;
        out.push(StoredClaim {
            doc_id,
            published: r.get(1),
            idx: idx as usize,
            claim: serde_json::from_str(r.get(3))?,
            denies,
            denied_by,
        });
    }
    Ok(out)
}

fn denials_of(c: &mut Client, doc_id: &str, idx: i64) -> Result<Vec<ClaimRef>, StoreError> {
    let rows = c.query(
        "SELECT c.doc_id, d.published, c.idx, c.claim FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE c.denies_doc = $1 AND c.denies_idx = $2 ORDER BY d.published NULLS FIRST, c.doc_id, c.idx",
        &[&doc_id, &idx],
    )?;
    rows.iter()
        .map(|r| {
            Ok(ClaimRef {
                doc_id: r.get(0),
                published: r.get(1),
                idx: r.get::<_, i64>(2) as usize,
                claim: serde_json::from_str(r.get(3))?,
            })
        })
        .collect()
}

/// A person's words as PostgreSQL full-text terms: the same words FTS5 would be given
/// ([`crate::fts_query`]), each required. `None` when there is no word.
fn words(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Reports matching a person's words, best first, with a snippet around the matches.
pub fn search_hits(c: &mut Client, text: &str, page: Page) -> Result<Vec<SearchHit>, StoreError> {
    let Some(q) = words(text) else {
        return Ok(vec![]);
    };
    let (limit, offset) = page.sql();
    let rows = c.query(
        &format!(
            "SELECT {META}, ts_headline('simple', d.text, q,
                 'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=12')
             FROM documents d, plainto_tsquery('simple', $1) q
             WHERE d.search @@ q ORDER BY ts_rank(d.search, q) DESC, d.id LIMIT $2 OFFSET $3"
        ),
        &[&q, &limit, &offset],
    )?;
    Ok(rows
        .iter()
        .map(|r| SearchHit {
            document: meta(r, 0),
            snippet: r.get(5),
        })
        .collect())
}

/// Ids of reports matching a query in web-search syntax (`"a phrase"`, `or`, `-word`),
/// best first.
pub fn search(c: &mut Client, query: &str, limit: usize) -> Result<Vec<String>, StoreError> {
    let limit = limit.min(i64::MAX as usize) as i64;
    let rows = c.query(
        "SELECT d.id FROM documents d, websearch_to_tsquery('simple', $1) q
         WHERE d.search @@ q ORDER BY ts_rank(d.search, q) DESC, d.id LIMIT $2",
        &[&query, &limit],
    )?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}
