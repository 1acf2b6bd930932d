//! STIX 2.1: one bundle of the stored picture, for OpenCTI, MISP and other threat-intelligence
//! tools.
//!
//! Takes a [`Dataset`]; gives a bundle of
//!
//! - `report`: one per stored report (name = headline, `published` = its publication day,
//!   `object_refs` = what sitrep found in it), written by its outlet;
//! - `identity`: one per outlet (`identity_class` organization);
//! - `incident`: one per fused incident, with sitrep's fused values as `x_sitrep_`
//!   properties (type, dates, tolls best / low / high, conflicts);
//! - `location`: the incident's place (coordinates, ISO country, province) and a
//!   `located-at` relationship to it;
//! - `threat-actor`: each perpetrator, with an `attributed-to` relationship from the incident
//!   (`related-to` when every report denies it) carrying each report's status;
//! - `note`: each claim (speaker, kind, words); a denial linked to the claim it denies is an
//!   `opinion` (`strongly-disagree`) about that claim's note.
//!
//! Ids are version 5 UUIDs of stable keys ([`ids`]), so the same data exports to the same ids.
//! `created` and `modified` are the first and last publication day of the reports behind an
//! object, so a later report changes an object's `modified`, not its id; objects no dated
//! report stands behind carry the export time. Every object lists the reports behind it
//! (`x_sitrep_reports`) and, where the record has them, the character spans
//! (`x_sitrep_provenance`). [`validate`] checks bundles against the specification's rules.

pub mod ids;
mod object;
pub mod validate;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

use serde_json::{Value, json};
use sitrep_fuse::names::key;
use sitrep_fuse::{Member, Perpetrator};
use sitrep_model::record::{Claim, Location, Record};

use self::ids::{day_start, id, timestamp};
use self::object::Object;
use crate::evidence::SourceSpan;
use crate::view::{attributed, notes, place_text};
use crate::{ClaimId, Dataset, ExportError, FusedIncident, Options};

/// The STIX threat-actor type of the entity types that have one.
const ACTOR_TYPES: &[(&str, &str)] = &[
    ("state_force", "nation-state"),
    ("government", "nation-state"),
];

/// The order objects are written in.
const ORDER: &[&str] = &[
    "identity",
    "report",
    "incident",
    "location",
    "threat-actor",
    "note",
    "opinion",
    "relationship",
];

/// What the records say about an actor: knowledge-base id, entity type, spellings.
#[derive(Default)]
struct ActorInfo {
    kb_id: Option<String>,
    kind: Option<String>,
    spellings: BTreeSet<String>,
}

struct Builder<'a> {
    data: &'a Dataset,
    objects: BTreeMap<String, Object>,
    /// For each report, the objects it speaks of.
    refs: BTreeMap<&'a str, BTreeSet<String>>,
    actors: HashMap<String, ActorInfo>,
    reports: HashMap<&'a str, &'a Record>,
    denies: HashMap<&'a ClaimId, &'a ClaimId>,
}

impl<'a> Builder<'a> {
    fn new(data: &'a Dataset) -> Builder<'a> {
        let mut actors: HashMap<String, ActorInfo> = HashMap::new();
        for e in data.reports.iter().flat_map(|r| &r.entities) {
            if e.kind == "place" {
                continue;
            }
            let info = actors.entry(key(&e.name)).or_default();
            info.kb_id = info.kb_id.take().or_else(|| e.id.clone());
            info.kind.get_or_insert_with(|| e.kind.clone());
            info.spellings
                .extend(e.mentions.iter().map(|m| m.text.clone()));
        }
        Builder {
            data,
            objects: BTreeMap::new(),
            refs: BTreeMap::new(),
            actors,
            reports: data
                .reports
                .iter()
                .map(|r| (r.doc_id.as_str(), r))
                .collect(),
            denies: data
                .denials
                .iter()
                .map(|d| (&d.denial, &d.denied))
                .collect(),
        }
    }

    /// The object of `kind` with `key`, made by `init` the first time.
    fn object(
        &mut self,
        kind: &'static str,
        key: &str,
        init: impl FnOnce(&mut Object),
    ) -> &mut Object {
        let oid = id(kind, key);
        self.objects.entry(oid).or_insert_with(|| {
            let mut o = Object::new(kind, key);
            init(&mut o);
            o
        })
    }

    fn refer(&mut self, docs: impl IntoIterator<Item = &'a str>, oid: &str) {
        for d in docs {
            self.refs.entry(d).or_default().insert(oid.to_string());
        }
    }

    fn outlets(&mut self) {
        for r in &self.data.reports {
            let Some(source) = r.source.as_deref().filter(|s| !s.trim().is_empty()) else {
                continue;
            };
            let o = self.object("identity", &format!("outlet|{}", key(source)), |o| {
                o.set("name", source).set("identity_class", "organization");
            });
            o.days.add(r.published.as_deref());
            o.reports.insert(r.doc_id.clone());
        }
    }

    fn actor_key(&self, name: &str) -> String {
        match self.actors.get(&key(name)).and_then(|a| a.kb_id.as_ref()) {
            Some(kb) => format!("kb|{kb}"),
            None => format!("name|{}", key(name)),
        }
    }

    fn location(&mut self, f: &'a FusedIncident, l: &Location) -> Option<String> {
        if l.country.is_none() && (l.lat.is_none() || l.lon.is_none()) {
            return None;
        }
        let k = [
            Some(&l.name),
            l.admin2.as_ref(),
            l.admin1.as_ref(),
            l.country.as_ref(),
        ]
        .map(|p| p.map(|p| key(p)).unwrap_or_default())
        .join("|");
        let o = self.object("location", &k, |o| {
            o.set("name", l.name.as_str())
                .set("description", place_text(l))
                .set("country", json!(l.country))
                .set("administrative_area", json!(l.admin1))
                .set("x_sitrep_admin2", json!(l.admin2));
            if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
                o.set("latitude", lat).set("longitude", lon);
            }
        });
        let here: Vec<&Member> = f
            .members
            .iter()
            .filter(|m| {
                m.event
                    .location
                    .as_ref()
                    .is_some_and(|ml| ml.name == l.name)
            })
            .collect();
        o.add_members(here.iter().copied());
        let oid = o.id.clone();
        self.refer(here.iter().map(|m| m.doc_id.as_str()), &oid);
        Some(oid)
    }

    fn relationship(
        &mut self,
        kind: &str,
        source: &str,
        target: &str,
        members: &[&Member],
    ) -> &mut Object {
        let o = self.object("relationship", &format!("{kind}|{source}|{target}"), |o| {
            o.set("relationship_type", kind)
                .set("source_ref", source)
                .set("target_ref", target);
        });
        o.add_members(members.iter().copied());
        o
    }

    fn perpetrator(&mut self, f: &'a FusedIncident, incident: &str, p: &'a Perpetrator) {
        let docs: BTreeSet<&str> = p.reports.iter().map(|r| r.doc_id.as_str()).collect();
        let members: Vec<&Member> = f
            .members
            .iter()
            .filter(|m| docs.contains(m.doc_id.as_str()))
            .collect();
        let ak = self.actor_key(&p.name);
        let info = self.actors.get(&key(&p.name));
        // Spellings the reports use, one per name key, the canonical name's left out.
        let mut seen = BTreeSet::from([key(&p.name)]);
        let aliases: Vec<String> = info
            .map(|i| {
                i.spellings
                    .iter()
                    .filter(|s| seen.insert(key(s)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let actor_type = info
            .and_then(|i| i.kind.as_deref())
            .and_then(|k| ACTOR_TYPES.iter().find(|(e, _)| *e == k))
            .map(|(_, t)| vec![*t]);
        let a = self.object("threat-actor", &ak, |o| {
            o.set("name", p.name.as_str())
                .set("aliases", json!(aliases))
                .set("threat_actor_types", json!(actor_type));
        });
        a.add_members(members.iter().copied());
        let aid = a.id.clone();
        self.refer(docs.iter().copied(), &aid);
        let kind = if attributed(p) {
            "attributed-to"
        } else {
            "related-to"
        };
        let statuses: Vec<String> = p
            .statuses
            .iter()
            .map(|(s, n)| format!("{s} in {n} report(s)"))
            .collect();
        self.relationship(kind, incident, &aid, &members)
            .set(
                "description",
                format!("{}: {}", p.name, statuses.join(", ")),
            )
            .set("x_sitrep_status", p.status.as_str())
            .set("x_sitrep_statuses", json!(p.reports));
    }

    fn incident(&mut self, f: &'a FusedIncident) {
        let i = &f.incident;
        let Some(first) = f
            .members
            .iter()
            .map(|m| (m.doc_id.as_str(), m.event_idx))
            .min()
        else {
            return;
        };
        let what = i.sub_type.as_deref().unwrap_or(&i.kind);
        let mut name = what.to_string();
        if let Some(l) = &i.location {
            name.push_str(&format!(" in {}", place_text(l)));
        }
        if let Some(d) = &i.date {
            name.push_str(&format!(", {}", d.start));
        }
        let o = self.object("incident", &format!("{}|{}", first.0, first.1), |o| {
            o.set("name", name)
                .set("description", notes(f))
                .set("x_sitrep_incident_id", i.id)
                .set("x_sitrep_event_type", i.kind.as_str())
                .set("x_sitrep_sub_event_type", json!(i.sub_type))
                .set("x_sitrep_date", json!(i.date))
                .set("x_sitrep_fatalities", json!(i.fatalities))
                .set("x_sitrep_injured", json!(i.injured))
                .set("x_sitrep_corroboration", i.corroboration)
                .set("x_sitrep_conflicts", json!(i.conflicts));
        });
        o.add_members(&f.members);
        let iid = o.id.clone();
        self.refer(f.members.iter().map(|m| m.doc_id.as_str()), &iid);
        if let Some(lid) = i.location.as_ref().and_then(|l| self.location(f, l)) {
            let members: Vec<&Member> = f.members.iter().collect();
            self.relationship("located-at", &iid, &lid, &members);
        }
        for p in &i.perpetrators {
            self.perpetrator(f, &iid, p);
        }
    }

    /// The id of a claim's object: an opinion for a denial linked to a claim in the data,
    /// else a note.
    fn claim_id(&self, c: &ClaimId) -> String {
        let k = format!("{}|{}", c.doc_id, c.idx);
        match self.denies.get(c) {
            Some(d) if self.claim(d).is_some() => id("opinion", &k),
            _ => id("note", &k),
        }
    }

    fn claim(&self, c: &ClaimId) -> Option<&'a Claim> {
        self.reports
            .get(c.doc_id.as_str())
            .and_then(|r| r.claims.get(c.idx))
    }

    fn claims(&mut self, r: &'a Record) {
        let report = id("report", &r.doc_id);
        for (idx, c) in r.claims.iter().enumerate() {
            let cid = ClaimId {
                doc_id: r.doc_id.clone(),
                idx,
            };
            let oid = self.claim_id(&cid);
            let about: Vec<String> = c
                .about
                .iter()
                .map(|a| id("threat-actor", &self.actor_key(a)))
                .filter(|a| self.objects.contains_key(a))
                .collect();
            let opinion_of = self
                .denies
                .get(&cid)
                .filter(|d| self.claim(d).is_some())
                .map(|d| self.claim_id(d));
            let mut refs: Vec<String> = opinion_of.iter().cloned().collect();
            refs.push(report.clone());
            refs.extend(about);
            let kind: &'static str = if opinion_of.is_some() {
                "opinion"
            } else {
                "note"
            };
            let o = self.object(kind, &format!("{}|{}", r.doc_id, idx), |o| {
                if kind == "opinion" {
                    o.set("opinion", "strongly-disagree")
                        .set("explanation", c.text.as_str());
                } else {
                    o.set("abstract", format!("{} ({})", c.speaker, c.kind))
                        .set("content", c.text.as_str());
                }
                o.set("object_refs", json!(refs))
                    .set("x_sitrep_speaker", c.speaker.as_str())
                    .set("x_sitrep_claim_kind", c.kind.as_str())
                    .set("x_sitrep_cue", c.cue.as_str())
                    .set("x_sitrep_direct", c.direct)
                    .set("x_sitrep_about", json!(c.about));
            });
            debug_assert_eq!(o.id, oid);
            o.days.add(r.published.as_deref());
            o.reports.insert(r.doc_id.clone());
            o.spans.insert(SourceSpan::new(&r.doc_id, c.start, c.end));
            self.refer([r.doc_id.as_str()], &oid);
        }
    }

    fn report(&mut self, r: &'a Record, as_of: &str) {
        let outlet = r
            .source
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| id("identity", &format!("outlet|{}", key(s))));
        let mut refs = self
            .refs
            .get(r.doc_id.as_str())
            .cloned()
            .unwrap_or_default();
        refs.extend(outlet.clone());
        if refs.is_empty() {
            return;
        }
        let published = r
            .published
            .as_deref()
            .and_then(day_start)
            .unwrap_or_else(|| as_of.to_string());
        let o = self.object("report", &r.doc_id, |o| {
            o.set("name", r.title.clone().unwrap_or_else(|| r.doc_id.clone()))
                .set("published", published)
                .set("created_by_ref", json!(outlet))
                .set("object_refs", json!(refs))
                .set(
                    "external_references",
                    json!([{
                        "source_name": r.source.clone().unwrap_or_else(|| "sitrep".into()),
                        "external_id": r.doc_id,
                        "url": r.url,
                    }]),
                )
                .set("x_sitrep_content_hash", r.content_hash.as_str());
        });
        o.days.add(r.published.as_deref());
        o.reports.insert(r.doc_id.clone());
    }

    /// The bundle's id and its objects, in [`ORDER`] then by id.
    fn build(mut self, as_of: &str) -> (String, Vec<Object>) {
        self.outlets();
        for f in &self.data.incidents {
            self.incident(f);
        }
        for r in &self.data.reports {
            self.claims(r);
        }
        for r in &self.data.reports {
            self.report(r, as_of);
        }
        let rank = |k: &str| ORDER.iter().position(|o| *o == k).unwrap_or(ORDER.len());
        let mut objects: Vec<Object> = self.objects.into_values().collect();
        objects.sort_by(|a, b| (rank(a.kind), &a.id).cmp(&(rank(b.kind), &b.id)));
        let ids: Vec<&str> = objects.iter().map(|o| o.id.as_str()).collect();
        (id("bundle", &ids.join("|")), objects)
    }
}

/// The bundle as JSON (without `objects` when there is none: STIX allows no empty list).
pub fn bundle(data: &Dataset, options: &Options) -> Value {
    let as_of = timestamp(options.as_of);
    let (bundle_id, objects) = Builder::new(data).build(&as_of);
    let mut b = json!({"type": "bundle", "id": bundle_id});
    if !objects.is_empty() {
        let objects: Vec<Value> = objects.into_iter().map(|o| o.finish(&as_of)).collect();
        b["objects"] = Value::Array(objects);
    }
    b
}

/// Writes the bundle, one object a line, each serialised as it is finished.
pub fn write(data: &Dataset, options: &Options, out: &mut dyn Write) -> Result<(), ExportError> {
    let as_of = timestamp(options.as_of);
    let (bundle_id, objects) = Builder::new(data).build(&as_of);
    write!(out, "{{\"type\": \"bundle\", \"id\": \"{bundle_id}\"")?;
    let some = !objects.is_empty();
    for (n, o) in objects.into_iter().enumerate() {
        out.write_all(if n == 0 {
            b", \"objects\": [\n"
        } else {
            b",\n"
        })?;
        serde_json::to_writer(&mut *out, &o.finish(&as_of))?;
    }
    out.write_all(if some { b"\n]}\n" } else { b"}\n" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::fixture;

    fn options() -> Options {
        Options::at(chrono::Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap())
    }

    fn of_type<'v>(b: &'v Value, t: &str) -> Vec<&'v Value> {
        b["objects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["type"] == t)
            .collect()
    }

    #[test]
    fn the_written_bundle_is_the_bundle() {
        for data in [fixture::dataset(), Dataset::default()] {
            let mut out = Vec::new();
            write(&data, &options(), &mut out).unwrap();
            let written: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(written, bundle(&data, &options()));
            assert_eq!(validate::validate(&written), vec![]);
        }
    }

    #[test]
    fn the_bundle_follows_the_specification() {
        let b = bundle(&fixture::dataset(), &options());
        let problems: Vec<String> = validate::validate(&b)
            .iter()
            .map(|v| v.to_string())
            .collect();
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn every_kind_of_object_is_there() {
        let b = bundle(&fixture::dataset(), &options());
        let count = |t: &str| of_type(&b, t).len();
        assert_eq!(count("identity"), 2, "two outlets");
        assert_eq!(count("report"), 3);
        assert_eq!(count("incident"), 2);
        assert_eq!(count("location"), 1, "the arrest has no place");
        assert_eq!(count("threat-actor"), 1);
        assert_eq!(count("note"), 1);
        assert_eq!(count("opinion"), 1);
        assert_eq!(count("relationship"), 2);
        let opinion = of_type(&b, "opinion")[0];
        let note = of_type(&b, "note")[0];
        assert_eq!(opinion["object_refs"][0], note["id"]);
        assert_eq!(opinion["opinion"], "strongly-disagree");
        let actor = of_type(&b, "threat-actor")[0];
        assert_eq!(actor["aliases"], json!(["TTP"]));
        assert!(
            note["object_refs"]
                .as_array()
                .unwrap()
                .contains(&actor["id"])
        );
        let rel = of_type(&b, "relationship");
        let attributed = rel
            .iter()
            .find(|r| r["relationship_type"] == "attributed-to")
            .unwrap();
        assert_eq!(attributed["target_ref"], actor["id"]);
        assert_eq!(attributed["x_sitrep_status"], "denied");
    }

    #[test]
    fn dates_and_provenance() {
        let b = bundle(&fixture::dataset(), &options());
        let incident = of_type(&b, "incident")
            .into_iter()
            .find(|i| i["x_sitrep_incident_id"] == 1)
            .unwrap();
        assert_eq!(incident["created"], "2026-02-10T00:00:00.000Z");
        assert_eq!(incident["modified"], "2026-02-11T00:00:00.000Z");
        assert_eq!(
            incident["x_sitrep_reports"],
            json!(["alpha-wire", "beta-post"])
        );
        assert_eq!(
            incident["x_sitrep_provenance"][2],
            json!({"doc_id": "beta-post", "start": 10, "end": 70})
        );
        assert_eq!(incident["x_sitrep_fatalities"]["best"], 3);
        let undated = of_type(&b, "report")
            .into_iter()
            .find(|r| r["x_sitrep_reports"][0] == "gamma-note")
            .unwrap();
        assert_eq!(undated["published"], "2026-03-01T12:00:00.000Z");
        assert!(undated.get("created_by_ref").is_none());
        let note = of_type(&b, "note")[0];
        assert_eq!(note["x_sitrep_provenance"][0]["start"], 200);
    }

    #[test]
    fn ids_do_not_change_on_export_again_or_with_a_later_report() {
        let data = fixture::dataset();
        let ids = |b: &Value| -> BTreeSet<String> {
            b["objects"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["id"].as_str().unwrap().to_string())
                .collect()
        };
        let first = bundle(&data, &options());
        assert_eq!(first, bundle(&data, &options()));
        let mut later = data.clone();
        later.incidents[0].members[1].published = Some("2026-02-20".into());
        let again = bundle(&later, &options());
        assert_eq!(ids(&first), ids(&again));
        let modified = |b: &Value| {
            of_type(b, "incident")
                .iter()
                .map(|i| i["modified"].clone())
                .collect::<Vec<_>>()
        };
        assert_ne!(modified(&first), modified(&again));
    }
}
