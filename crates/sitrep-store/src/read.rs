//! The read side of the SQLite backend: the SQL behind the read methods of [`crate::Store`]
//! (documents, incidents with their members, actors, claims, full-text search with
//! snippets). Every query is parameterised; user words reach SQLite only as parameters.

use std::collections::BTreeSet;

use rusqlite::{Connection, OptionalExtension, Row, params};
use sitrep_fuse::Incident;
use sitrep_fuse::names::key;
use sitrep_model::record::{Claim, Mention};

use crate::StoreError;
use crate::views::{
    Actor, ActorDetail, ActorFilter, ActorReport, ClaimFilter, ClaimRef, DocumentMeta,
    IncidentDetail, Page, SearchHit, StoredClaim, StoredDocument,
};

/// `id, title, source, url, published` of `documents d`.
const META: &str = "d.id, d.title, d.source, d.url, d.published";

fn meta(r: &Row, at: usize) -> rusqlite::Result<DocumentMeta> {
    Ok(DocumentMeta {
        id: r.get(at)?,
        title: r.get(at + 1)?,
        source: r.get(at + 2)?,
        url: r.get(at + 3)?,
        published: r.get(at + 4)?,
    })
}

/// A report with its text and record.
pub fn document(conn: &Connection, id: &str) -> Result<Option<StoredDocument>, StoreError> {
    let row = conn
        .query_row(
            &format!(
                "SELECT {META}, d.content_hash, d.text, r.record
                 FROM documents d JOIN records r ON r.doc_id = d.id WHERE d.id = ?1"
            ),
            [id],
            |r| Ok((meta(r, 0)?, r.get(5)?, r.get(6)?, r.get::<_, String>(7)?)),
        )
        .optional()?;
    let Some((meta, content_hash, text, record)) = row else {
        return Ok(None);
    };
    Ok(Some(StoredDocument {
        meta,
        content_hash,
        text,
        record: serde_json::from_str(&record)?,
    }))
}

/// Reports, latest first (undated last).
pub fn documents(conn: &Connection, page: Page) -> Result<Vec<DocumentMeta>, StoreError> {
    let (limit, offset) = page.sql();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {META} FROM documents d
         ORDER BY d.published IS NULL, d.published DESC, d.id LIMIT ?1 OFFSET ?2"
    ))?;
    let rows = st.query_map(params![limit, offset], |r| meta(r, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// An incident with its members.
pub fn incident(conn: &Connection, id: i64) -> Result<Option<IncidentDetail>, StoreError> {
    let row = conn
        .query_row(
            "SELECT summary, members FROM incidents WHERE id = ?1",
            [id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .optional()?;
    let Some((summary, members)) = row else {
        return Ok(None);
    };
    Ok(Some(IncidentDetail {
        incident: serde_json::from_str(&summary)?,
        members: serde_json::from_str(&members)?,
    }))
}

/// The aggregate columns of an actor, grouped by `e.key`.
const ACTOR_COLUMNS: &str = "SELECT e.key, MAX(e.type), MAX(e.kb_id), COUNT(DISTINCT e.doc_id),
     SUM(json_array_length(e.mentions)), MIN(d.published), MAX(d.published)
     FROM entities e JOIN documents d ON d.id = e.doc_id";

fn actor_row(conn: &Connection, r: &Row) -> rusqlite::Result<Actor> {
    let k: String = r.get(0)?;
    let (name, aliases) = names(conn, &k)?;
    Ok(Actor {
        key: k,
        name,
        kind: r.get(1)?,
        kb_id: r.get(2)?,
        aliases,
        documents: r.get::<_, i64>(3)? as u64,
        mentions: r.get::<_, Option<i64>>(4)?.unwrap_or(0) as u64,
        first_seen: r.get(5)?,
        last_seen: r.get(6)?,
    })
}

/// The name most reports give an entity, and every name and spelling used.
fn names(conn: &Connection, k: &str) -> rusqlite::Result<(String, Vec<String>)> {
    let mut st = conn.prepare_cached(
        "SELECT name FROM entities WHERE key = ?1 GROUP BY name ORDER BY COUNT(*) DESC, name",
    )?;
    let canon: Vec<String> = st.query_map([k], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let mut st = conn.prepare_cached(
        "SELECT DISTINCT json_extract(m.value, '$.text') FROM entities e, json_each(e.mentions) m
         WHERE e.key = ?1",
    )?;
    let mut aliases: BTreeSet<String> = canon.iter().cloned().collect();
    for t in st.query_map([k], |r| r.get::<_, Option<String>>(0))? {
        aliases.extend(t?);
    }
    Ok((
        canon.into_iter().next().unwrap_or_default(),
        aliases.into_iter().collect(),
    ))
}

/// Actors (and places when asked), most reported first.
pub fn actors(conn: &Connection, f: &ActorFilter, page: Page) -> Result<Vec<Actor>, StoreError> {
    let (limit, offset) = page.sql();
    let name = f.name.as_deref().map(str::to_lowercase);
    let mut st = conn.prepare_cached(&format!(
        "{ACTOR_COLUMNS}
         WHERE (?1 IS NULL OR e.type = ?1) AND (?2 OR e.type <> 'place')
           AND (?3 IS NULL OR e.key IN (SELECT key FROM entities WHERE instr(lower(name), ?3) > 0))
         GROUP BY e.key ORDER BY COUNT(DISTINCT e.doc_id) DESC, e.key LIMIT ?4 OFFSET ?5"
    ))?;
    let places = f.include_places || f.kind.as_deref() == Some("place");
    let rows = st.query_map(params![f.kind, places, name, limit, offset], |r| {
        actor_row(conn, r)
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// One actor with its reports, incidents and claims.
pub fn actor(
    conn: &Connection,
    k: &str,
    incidents: Vec<Incident>,
) -> Result<Option<ActorDetail>, StoreError> {
    let found = conn
        .query_row(
            &format!("{ACTOR_COLUMNS} WHERE e.key = ?1 GROUP BY e.key"),
            [k],
            |r| actor_row(conn, r),
        )
        .optional()?;
    let Some(actor) = found else { return Ok(None) };
    let mut st = conn.prepare_cached(&format!(
        "SELECT {META}, e.mentions FROM entities e JOIN documents d ON d.id = e.doc_id
         WHERE e.key = ?1 ORDER BY d.published IS NULL, d.published, d.id, e.idx"
    ))?;
    let rows = st.query_map([k], |r| Ok((meta(r, 0)?, r.get::<_, String>(5)?)))?;
    let mut reports: Vec<ActorReport> = Vec::new();
    for row in rows {
        let (document, mentions) = row?;
        let mentions: Vec<Mention> = serde_json::from_str(&mentions)?;
        match reports.last_mut() {
            Some(last) if last.document.id == document.id => last.mentions.extend(mentions),
            _ => reports.push(ActorReport { document, mentions }),
        }
    }
    let keys: BTreeSet<String> = actor.aliases.iter().map(|a| key(a)).collect();
    let keys_json = serde_json::to_string(&keys)?;
    let incidents = incidents
        .into_iter()
        .filter(|i| i.actors.iter().any(|a| keys.contains(&key(a))))
        .collect();
    let claims_by = claims_where(
        conn,
        &ClaimFilter::default(),
        Some(&keys_json),
        None,
        Page::all(),
    )?;
    let claims_about = claims_where(
        conn,
        &ClaimFilter::default(),
        None,
        Some(&keys_json),
        Page::all(),
    )?;
    Ok(Some(ActorDetail {
        actor,
        reports,
        incidents,
        claims_by,
        claims_about,
    }))
}

/// Claims matching a filter, by publication date.
pub fn claims(
    conn: &Connection,
    f: &ClaimFilter,
    page: Page,
) -> Result<Vec<StoredClaim>, StoreError> {
    claims_where(conn, f, None, None, page)
}

/// Claims matching a filter and, when given, whose speaker key (or a key they are about) is
/// one of a JSON array of keys.
fn claims_where(
    conn: &Connection,
    f: &ClaimFilter,
    speakers: Option<&str>,
    about: Option<&str>,
    page: Page,
) -> Result<Vec<StoredClaim>, StoreError> {
    let (limit, offset) = page.sql();
    let mut st = conn.prepare_cached(
        "SELECT c.doc_id, d.published, c.idx, c.claim, c.denies_doc, c.denies_idx, dd.published, den.claim
         FROM claims c JOIN documents d ON d.id = c.doc_id
         LEFT JOIN claims den ON den.doc_id = c.denies_doc AND den.idx = c.denies_idx
         LEFT JOIN documents dd ON dd.id = c.denies_doc
         WHERE (?1 IS NULL OR instr(c.speaker_key, ?1) > 0)
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM claim_about a
                WHERE a.doc_id = c.doc_id AND a.idx = c.idx AND instr(a.about_key, ?2) > 0))
           AND (?3 IS NULL OR c.kind = ?3)
           AND (?4 IS NULL OR c.doc_id = ?4)
           AND (?5 IS NULL OR c.speaker_key IN (SELECT value FROM json_each(?5)))
           AND (?6 IS NULL OR EXISTS (SELECT 1 FROM claim_about a WHERE a.doc_id = c.doc_id
                AND a.idx = c.idx AND a.about_key IN (SELECT value FROM json_each(?6))))
         ORDER BY d.published IS NULL, d.published, c.doc_id, c.idx LIMIT ?7 OFFSET ?8",
    )?;
    let speaker = f.speaker.as_deref().map(key).filter(|k| !k.is_empty());
    let about_words = f.about.as_deref().map(key).filter(|k| !k.is_empty());
    type RawRow = (
        String,
        Option<String>,
        i64,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let rows = st.query_map(
        params![
            speaker,
            about_words,
            f.kind,
            f.doc_id,
            speakers,
            about,
            limit,
            offset
        ],
        |r| -> rusqlite::Result<RawRow> {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (doc_id, published, idx, claim, dd, di, dpub, dclaim) = row?;
        let denies = match (dd, di, dclaim) {
            (Some(doc_id), Some(idx), Some(c)) => Some(ClaimRef {
                doc_id,
                published: dpub,
                idx: idx as usize,
                claim: serde_json::from_str(&c)?,
            }),
            _ => None,
        };
        let denied_by = denials_of(conn, &doc_id, idx)?;
        out.push(StoredClaim {
            doc_id,
            published,
            idx: idx as usize,
            claim: serde_json::from_str(&claim)?,
            denies,
            denied_by,
        });
    }
    Ok(out)
}

fn denials_of(conn: &Connection, doc_id: &str, idx: i64) -> Result<Vec<ClaimRef>, StoreError> {
    let mut st = conn.prepare_cached(
        "SELECT c.doc_id, d.published, c.idx, c.claim FROM claims c JOIN documents d ON d.id = c.doc_id
         WHERE c.denies_doc = ?1 AND c.denies_idx = ?2 ORDER BY d.published, c.doc_id, c.idx",
    )?;
    let rows = st.query_map(params![doc_id, idx], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (doc_id, published, idx, c) = row?;
        let claim: Claim = serde_json::from_str(&c)?;
        out.push(ClaimRef {
            doc_id,
            published,
            idx: idx as usize,
            claim,
        });
    }
    Ok(out)
}

/// A person's words as an FTS5 query: each word quoted (so `AND`, `-`, `*`, `"` and
/// parentheses are words, not syntax), all required. `None` when there is no word.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Reports matching a person's words, best first, with a snippet around the matches.
pub fn search_hits(
    conn: &Connection,
    text: &str,
    page: Page,
) -> Result<Vec<SearchHit>, StoreError> {
    let Some(q) = fts_query(text) else {
        return Ok(vec![]);
    };
    let (limit, offset) = page.sql();
    let mut st = conn.prepare_cached(&format!(
        "SELECT {META}, snippet(documents_fts, 2, char(2), char(3), '…', 24)
         FROM documents_fts JOIN documents d ON d.id = documents_fts.doc_id
         WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = st.query_map(params![q, limit, offset], |r| {
        Ok(SearchHit {
            document: meta(r, 0)?,
            snippet: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn words_are_quoted_and_syntax_is_not_passed_on() {
        assert_eq!(
            fts_query("Lakki blast").as_deref(),
            Some("\"Lakki\" \"blast\"")
        );
        assert_eq!(
            fts_query("TTP AND (\"x* -y").as_deref(),
            Some("\"TTP\" \"AND\" \"x\" \"y\"")
        );
        assert_eq!(fts_query(" -*()\" "), None);
    }
}
