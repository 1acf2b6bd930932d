//! JSON Lines of everything: one item a line, each tagged with what it is (`"item"`).
//!
//! Takes a [`Dataset`]; gives, report by report, a `document` line (metadata and the ranges
//! cleaning set aside) followed by its `entity`, `event`, `claim`, `figure` and `check` lines
//! (each with its `doc_id` and its index in the report's record, and the character spans the
//! record gives), then one `incident` line per fused incident with its `members` (report and
//! event index). An event line names the incident it was fused into; a claim line, the claim
//! it denies.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use serde::Serialize;
use sitrep_fuse::Incident;
use sitrep_model::record::{Record, RemovedOut};

use crate::{ClaimId, Dataset, ExportError};

#[derive(Serialize)]
struct DocumentLine<'a> {
    item: &'static str,
    id: &'a str,
    title: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    content_hash: &'a str,
    removed: &'a [RemovedOut],
}

#[derive(Serialize)]
struct PartLine<'a, T: Serialize, X: Serialize> {
    item: &'static str,
    doc_id: &'a str,
    idx: usize,
    #[serde(flatten)]
    links: X,
    #[serde(flatten)]
    value: &'a T,
}

#[derive(Serialize)]
struct NoLinks {}

#[derive(Serialize)]
struct EventLinks {
    incident_id: Option<i64>,
}

#[derive(Serialize)]
struct ClaimLinks<'a> {
    denies: Option<&'a ClaimId>,
}

#[derive(Serialize)]
struct Membership<'a> {
    doc_id: &'a str,
    event_idx: usize,
}

#[derive(Serialize)]
struct IncidentLine<'a> {
    item: &'static str,
    #[serde(flatten)]
    incident: &'a Incident,
    members: Vec<Membership<'a>>,
}

fn line(out: &mut dyn Write, value: &impl Serialize) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn parts<T: Serialize, X: Serialize>(
    out: &mut dyn Write,
    item: &'static str,
    doc_id: &str,
    values: &[T],
    links: impl Fn(usize) -> X,
) -> Result<(), ExportError> {
    for (idx, value) in values.iter().enumerate() {
        let l = PartLine {
            item,
            doc_id,
            idx,
            links: links(idx),
            value,
        };
        line(out, &l)?;
    }
    Ok(())
}

fn report(
    out: &mut dyn Write,
    r: &Record,
    incident_of: &HashMap<(&str, usize), i64>,
    denies: &BTreeMap<&ClaimId, &ClaimId>,
) -> Result<(), ExportError> {
    line(
        out,
        &DocumentLine {
            item: "document",
            id: &r.doc_id,
            title: r.title.as_deref(),
            source: r.source.as_deref(),
            url: r.url.as_deref(),
            published: r.published.as_deref(),
            content_hash: &r.content_hash,
            removed: &r.removed,
        },
    )?;
    let doc = r.doc_id.as_str();
    parts(out, "entity", doc, &r.entities, |_| NoLinks {})?;
    parts(out, "event", doc, &r.events, |i| EventLinks {
        incident_id: incident_of.get(&(doc, i)).copied(),
    })?;
    parts(out, "claim", doc, &r.claims, |i| {
        let id = ClaimId {
            doc_id: doc.to_string(),
            idx: i,
        };
        ClaimLinks {
            denies: denies.get(&id).copied(),
        }
    })?;
    parts(out, "figure", doc, &r.figures, |_| NoLinks {})?;
    parts(out, "check", doc, &r.checks, |_| NoLinks {})?;
    Ok(())
}

/// Writes everything, one item a line.
pub fn write(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    let incident_of: HashMap<(&str, usize), i64> = data
        .incidents
        .iter()
        .flat_map(|f| {
            f.members
                .iter()
                .map(|m| ((m.doc_id.as_str(), m.event_idx), f.incident.id))
        })
        .collect();
    let denies: BTreeMap<&ClaimId, &ClaimId> = data
        .denials
        .iter()
        .map(|d| (&d.denial, &d.denied))
        .collect();
    for r in &data.reports {
        report(out, r, &incident_of, &denies)?;
    }
    for f in &data.incidents {
        line(
            out,
            &IncidentLine {
                item: "incident",
                incident: &f.incident,
                members: f
                    .members
                    .iter()
                    .map(|m| Membership {
                        doc_id: &m.doc_id,
                        event_idx: m.event_idx,
                    })
                    .collect(),
            },
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::fixture;

    fn export() -> Vec<Value> {
        let mut out = Vec::new();
        write(&fixture::dataset(), &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn every_item_tagged_with_provenance() {
        let lines = export();
        let count = |item: &str| lines.iter().filter(|l| l["item"] == item).count();
        assert_eq!(count("document"), 3);
        assert_eq!(count("entity"), 2);
        assert_eq!(count("event"), 3);
        assert_eq!(count("claim"), 2);
        assert_eq!(count("figure"), 1);
        assert_eq!(count("incident"), 2);
        assert_eq!(lines.len(), 13);
        for l in lines
            .iter()
            .filter(|l| l["item"] != "document" && l["item"] != "incident")
        {
            assert!(l["doc_id"].is_string() && l["idx"].is_u64(), "{l}");
        }
        let event = lines
            .iter()
            .find(|l| l["item"] == "event" && l["doc_id"] == "beta-post")
            .unwrap();
        assert_eq!(event["incident_id"], 1);
        assert_eq!(event["type"], "Explosions/Remote violence");
        assert_eq!(event["evidence"][0]["start"], 10);
        let denial = lines
            .iter()
            .find(|l| l["item"] == "claim" && l["kind"] == "denial")
            .unwrap();
        assert_eq!(denial["denies"]["doc_id"], "alpha-wire");
        assert_eq!(denial["start"], 80);
        let incident = lines.iter().find(|l| l["item"] == "incident").unwrap();
        assert_eq!(incident["members"][1]["doc_id"], "beta-post");
        assert_eq!(incident["fatalities"]["best"], 3);
    }

    #[test]
    fn the_tag_comes_first() {
        let mut out = Vec::new();
        write(&fixture::dataset(), &mut out).unwrap();
        for l in String::from_utf8(out).unwrap().lines() {
            assert!(l.starts_with("{\"item\":"), "{l}");
        }
    }
}
