//! A validator of STIX 2.1 bundles against the specification's rules (STIX 2.1, OASIS
//! Standard, sections 2 to 5), so exports are checked by rule rather than compared with a
//! saved copy.
//!
//! Takes a bundle as JSON; gives every [`Violation`] found. It checks:
//!
//! - the bundle: `type` `bundle`, an id `bundle--UUID`, `objects` absent or a non-empty list;
//! - every object's common properties: `type` (3 to 250 of `a-z 0-9 -`), `spec_version`
//!   `2.1`, `id` `type--UUID` (an RFC 4122 UUID whose type part is the object's type),
//!   `created` and `modified` RFC 3339 timestamps in UTC to the millisecond, `modified` not
//!   before `created`;
//! - property names (`a-z 0-9 _`; custom `x_` names 3 to 250 characters), no `null` values
//!   and no empty lists anywhere;
//! - `*_ref` properties are identifiers and `*_refs` non-empty lists of them;
//!   `created_by_ref` names an identity; other timestamp properties are RFC 3339 in UTC;
//!   every external reference has a `source_name` and one of `description`, `url`,
//!   `external_id`;
//! - each type's required properties (report, identity, location, threat-actor,
//!   intrusion-set, incident, note, opinion, relationship) and value rules (location
//!   coordinates in range and in pairs; opinion values; relationship type words; a
//!   relationship's ends are not relationships);
//! - ids unique in the bundle and, because sitrep bundles are self-contained, every
//!   reference resolving to an object of the bundle.

use std::collections::HashSet;

use serde_json::{Map, Value};
use uuid::Uuid;

/// One broken rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The object's id (or its position when it has none).
    pub object: String,
    /// What is wrong.
    pub problem: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.object, self.problem)
    }
}

/// Properties holding timestamps.
const TIMESTAMPS: &[&str] = &[
    "created",
    "modified",
    "published",
    "first_seen",
    "last_seen",
    "start_time",
    "stop_time",
    "valid_from",
    "valid_until",
    "first_observed",
    "last_observed",
];

/// Required properties of each type sitrep writes, beyond the common ones.
const REQUIRED: &[(&str, &[&str])] = &[
    ("report", &["name", "published", "object_refs"]),
    ("identity", &["name"]),
    ("threat-actor", &["name"]),
    ("intrusion-set", &["name"]),
    ("incident", &["name"]),
    ("note", &["content", "object_refs"]),
    ("opinion", &["opinion", "object_refs"]),
    (
        "relationship",
        &["relationship_type", "source_ref", "target_ref"],
    ),
    ("location", &[]),
];

/// The opinion-enum values.
const OPINIONS: &[&str] = &[
    "strongly-disagree",
    "disagree",
    "neutral",
    "agree",
    "strongly-agree",
];

/// Types a relationship may not point at.
const NOT_RELATABLE: &[&str] = &[
    "relationship",
    "sighting",
    "bundle",
    "marking-definition",
    "language-content",
];

fn is_type_name(t: &str) -> bool {
    (3..=250).contains(&t.len())
        && t.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !t.starts_with('-')
        && !t.ends_with('-')
}

/// The type part of an identifier `type--UUID` with an RFC 4122 UUID.
fn identifier_type(id: &str) -> Option<&str> {
    let (kind, uuid) = id.split_once("--")?;
    let uuid = Uuid::parse_str(uuid).ok()?;
    let rfc4122 = uuid.get_variant() == uuid::Variant::RFC4122;
    let canonical = id.ends_with(&uuid.hyphenated().to_string());
    (is_type_name(kind) && rfc4122 && canonical && (1..=8).contains(&uuid.get_version_num()))
        .then_some(kind)
}

/// RFC 3339 in UTC (`YYYY-MM-DDTHH:MM:SS[.s+]Z`); with `millis`, at least three fraction digits.
fn is_timestamp(s: &str, millis: bool) -> bool {
    let Some(body) = s.strip_suffix('Z') else {
        return false;
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let fraction_ok = match fraction {
        Some(f) => {
            !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) && (!millis || f.len() >= 3)
        }
        None => !millis,
    };
    fraction_ok && chrono::NaiveDateTime::parse_from_str(whole, "%Y-%m-%dT%H:%M:%S").is_ok()
}

struct Checker {
    found: Vec<Violation>,
}

impl Checker {
    fn flag(&mut self, object: &str, problem: String) {
        self.found.push(Violation {
            object: object.to_string(),
            problem,
        });
    }

    /// No nulls, no empty lists, property names well formed, at any depth.
    fn values(&mut self, who: &str, path: &str, v: &Value) {
        match v {
            Value::Null => self.flag(who, format!("{path} is null")),
            Value::Array(a) if a.is_empty() => self.flag(who, format!("{path} is an empty list")),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    self.values(who, &format!("{path}[{i}]"), x);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    let name_ok = !k.is_empty()
                        && k.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                    if !name_ok {
                        self.flag(who, format!("property name {k:?} is not a-z, 0-9, _"));
                    }
                    if k.starts_with("x_") && !(3..=250).contains(&k.len()) {
                        self.flag(
                            who,
                            format!("custom property name {k:?} is not 3 to 250 characters"),
                        );
                    }
                    self.values(who, &format!("{path}.{k}"), x);
                }
            }
            _ => {}
        }
    }

    fn references(&mut self, who: &str, o: &Map<String, Value>, refs: &mut Vec<(String, String)>) {
        for (k, v) in o {
            let ids: Vec<&Value> = if k.ends_with("_refs") {
                match v.as_array() {
                    Some(a) => a.iter().collect(),
                    None => {
                        self.flag(who, format!("{k} is not a list"));
                        continue;
                    }
                }
            } else if k.ends_with("_ref") {
                vec![v]
            } else {
                continue;
            };
            for id in ids {
                match id.as_str().and_then(identifier_type) {
                    Some(t) => {
                        if k == "created_by_ref" && t != "identity" {
                            self.flag(who, format!("created_by_ref {id} is not an identity"));
                        }
                        refs.push((who.to_string(), id.as_str().unwrap_or_default().to_string()));
                    }
                    None => self.flag(who, format!("{k} holds {id}, not an identifier")),
                }
            }
        }
    }

    fn common(&mut self, who: &str, o: &Map<String, Value>) -> Option<String> {
        let kind = o.get("type").and_then(Value::as_str).unwrap_or_default();
        if !is_type_name(kind) {
            self.flag(who, format!("type {kind:?} is not a STIX type name"));
        }
        if o.get("spec_version").and_then(Value::as_str) != Some("2.1") {
            self.flag(who, "spec_version is not \"2.1\"".into());
        }
        match o.get("id").and_then(Value::as_str) {
            Some(id) if identifier_type(id) == Some(kind) => {}
            id => self.flag(who, format!("id {id:?} is not {kind}--UUID")),
        }
        for k in TIMESTAMPS {
            if let Some(v) = o.get(*k) {
                let millis = *k == "created" || *k == "modified";
                if !v.as_str().is_some_and(|s| is_timestamp(s, millis)) {
                    self.flag(
                        who,
                        format!(
                            "{k} {v} is not an RFC 3339 UTC timestamp{}",
                            if millis { " to the millisecond" } else { "" }
                        ),
                    );
                }
            }
        }
        for k in ["created", "modified"] {
            if !o.contains_key(k) {
                self.flag(who, format!("{k} is missing"));
            }
        }
        let stamp = |k: &str| {
            let s = o.get(k).and_then(Value::as_str)?;
            chrono::DateTime::parse_from_rfc3339(s).ok()
        };
        let order = stamp("created").zip(stamp("modified"));
        if let Some((c, m)) = order.filter(|(c, m)| m < c) {
            self.flag(who, format!("modified {m} is before created {c}"));
        }
        if let Some(refs) = o.get("external_references").and_then(Value::as_array) {
            for r in refs {
                let has = |k: &str| r.get(k).and_then(Value::as_str).is_some();
                if !has("source_name") || !(has("description") || has("url") || has("external_id"))
                {
                    self.flag(who, format!("external reference {r} lacks source_name or description/url/external_id"));
                }
            }
        }
        Some(kind.to_string())
    }

    fn specific(&mut self, who: &str, kind: &str, o: &Map<String, Value>) {
        let Some((_, required)) = REQUIRED.iter().find(|(t, _)| *t == kind) else {
            if !kind.starts_with("x-") {
                self.flag(
                    who,
                    format!("type {kind} is not one sitrep writes (nor custom x-)"),
                );
            }
            return;
        };
        for k in *required {
            if !o.contains_key(*k) {
                self.flag(who, format!("{kind} requires {k}"));
            }
        }
        let num = |k: &str| o.get(k).and_then(Value::as_f64);
        match kind {
            "location" => {
                let (lat, lon) = (num("latitude"), num("longitude"));
                if o.contains_key("latitude") != o.contains_key("longitude") {
                    self.flag(who, "latitude and longitude must come together".into());
                }
                if !(o.contains_key("region")
                    || o.contains_key("country")
                    || (lat.is_some() && lon.is_some()))
                {
                    self.flag(
                        who,
                        "location requires region, country, or latitude and longitude".into(),
                    );
                }
                if lat.is_some_and(|v| !(-90.0..=90.0).contains(&v))
                    || lon.is_some_and(|v| !(-180.0..=180.0).contains(&v))
                {
                    self.flag(who, format!("coordinates out of range: {lat:?}, {lon:?}"));
                }
                if o.contains_key("precision") && lat.is_none() {
                    self.flag(who, "precision without coordinates".into());
                }
            }
            "opinion" => {
                let v = o.get("opinion").and_then(Value::as_str).unwrap_or_default();
                if !OPINIONS.contains(&v) {
                    self.flag(who, format!("opinion {v:?} is not in opinion-enum"));
                }
            }
            "relationship" => {
                let t = o
                    .get("relationship_type")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if t.is_empty()
                    || !t
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    self.flag(who, format!("relationship_type {t:?} is not a-z, 0-9, -"));
                }
                for k in ["source_ref", "target_ref"] {
                    let end = o.get(k).and_then(Value::as_str).and_then(identifier_type);
                    if end.is_some_and(|e| NOT_RELATABLE.contains(&e)) {
                        self.flag(who, format!("{k} points at a {}", end.unwrap_or_default()));
                    }
                }
            }
            _ => {}
        }
        for k in ["name", "content"] {
            if o.get(k).is_some_and(|v| !v.is_string()) {
                self.flag(who, format!("{k} is not a string"));
            }
        }
    }
}

/// Every rule the bundle breaks (none for a valid bundle).
pub fn validate(bundle: &Value) -> Vec<Violation> {
    let mut c = Checker { found: Vec::new() };
    let top = "bundle";
    if bundle.get("type").and_then(Value::as_str) != Some("bundle") {
        c.flag(top, "type is not \"bundle\"".into());
    }
    if bundle
        .get("id")
        .and_then(Value::as_str)
        .and_then(identifier_type)
        != Some("bundle")
    {
        c.flag(top, format!("id {} is not bundle--UUID", bundle["id"]));
    }
    let objects = match bundle.get("objects").map(Value::as_array) {
        None => return c.found,
        Some(Some(o)) if !o.is_empty() => o,
        Some(_) => {
            c.flag(top, "objects is not a non-empty list".into());
            return c.found;
        }
    };
    let mut ids = HashSet::new();
    let mut refs = Vec::new();
    for (n, v) in objects.iter().enumerate() {
        let Some(o) = v.as_object() else {
            c.flag(&format!("objects[{n}]"), "not a JSON object".into());
            continue;
        };
        let who = o
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format!("objects[{n}]"));
        if !ids.insert(who.clone()) {
            c.flag(&who, "id appears twice".into());
        }
        c.values(&who, "", v);
        c.references(&who, o, &mut refs);
        if let Some(kind) = c.common(&who, o) {
            c.specific(&who, &kind, o);
        }
    }
    for (who, id) in refs {
        if !ids.contains(&id) {
            c.flag(&who, format!("refers to {id}, which is not in the bundle"));
        }
    }
    c.found
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn valid() -> Value {
        json!({
            "type": "bundle",
            "id": "bundle--6ba7b810-9dad-11d1-80b4-00c04fd430c8",
            "objects": [
                {"type": "identity", "spec_version": "2.1",
                 "id": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
                 "created": "2026-02-10T00:00:00.000Z", "modified": "2026-02-10T00:00:00.000Z",
                 "name": "Alpha Wire", "identity_class": "organization"},
                {"type": "report", "spec_version": "2.1",
                 "id": "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
                 "created": "2026-02-10T00:00:00.000Z", "modified": "2026-02-11T08:00:00.123Z",
                 "created_by_ref": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e",
                 "name": "A report", "published": "2026-02-10T00:00:00Z",
                 "object_refs": ["identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e"],
                 "external_references": [{"source_name": "Alpha Wire", "external_id": "a"}]}
            ]
        })
    }

    fn problems(v: &Value) -> Vec<String> {
        validate(v).iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn a_valid_bundle_passes() {
        assert_eq!(problems(&valid()), Vec::<String>::new());
    }

    #[test]
    fn each_rule_is_enforced() {
        type Breaker = Box<dyn Fn(&mut Value)>;
        let cases: Vec<(&str, Breaker)> = vec![
            (
                "report requires name",
                Box::new(|v| {
                    v["objects"][1].as_object_mut().unwrap().remove("name");
                }),
            ),
            (
                "report requires published",
                Box::new(|v| {
                    v["objects"][1].as_object_mut().unwrap().remove("published");
                }),
            ),
            (
                "is not report--UUID",
                Box::new(|v| v["objects"][1]["id"] = json!("report--1234")),
            ),
            (
                "is not report--UUID",
                Box::new(|v| {
                    v["objects"][1]["id"] = json!("identity--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3")
                }),
            ),
            (
                "spec_version",
                Box::new(|v| v["objects"][0]["spec_version"] = json!("2.0")),
            ),
            (
                "to the millisecond",
                Box::new(|v| v["objects"][0]["created"] = json!("2026-02-10T00:00:00Z")),
            ),
            (
                "RFC 3339",
                Box::new(|v| v["objects"][1]["published"] = json!("2026-02-10")),
            ),
            (
                "before created",
                Box::new(|v| v["objects"][1]["modified"] = json!("2026-02-09T00:00:00.000Z")),
            ),
            (
                "empty list",
                Box::new(|v| v["objects"][1]["object_refs"] = json!([])),
            ),
            (
                "is null",
                Box::new(|v| v["objects"][0]["description"] = Value::Null),
            ),
            (
                "not in the bundle",
                Box::new(|v| {
                    v["objects"][1]["object_refs"] =
                        json!(["incident--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3"])
                }),
            ),
            (
                "not an identity",
                Box::new(|v| {
                    v["objects"][1]["created_by_ref"] =
                        json!("report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3")
                }),
            ),
            (
                "identity requires name",
                Box::new(|v| {
                    v["objects"][0].as_object_mut().unwrap().remove("name");
                }),
            ),
            (
                "id appears twice",
                Box::new(|v| {
                    let o = v["objects"][0].clone();
                    v["objects"].as_array_mut().unwrap().push(o);
                }),
            ),
            (
                "property name",
                Box::new(|v| v["objects"][0]["Name"] = json!("x")),
            ),
            (
                "lacks source_name",
                Box::new(|v| {
                    v["objects"][1]["external_references"] = json!([{"source_name": "x"}])
                }),
            ),
            (
                "location requires region",
                Box::new(|v| {
                    v["objects"].as_array_mut().unwrap().push(json!({
                "type": "location", "spec_version": "2.1", "id": "location--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
                "created": "2026-02-10T00:00:00.000Z", "modified": "2026-02-10T00:00:00.000Z", "name": "Nowhere"}))
                }),
            ),
            (
                "out of range",
                Box::new(|v| {
                    v["objects"].as_array_mut().unwrap().push(json!({
                "type": "location", "spec_version": "2.1", "id": "location--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
                "created": "2026-02-10T00:00:00.000Z", "modified": "2026-02-10T00:00:00.000Z",
                "latitude": 132.5, "longitude": 70.9}))
                }),
            ),
            (
                "opinion-enum",
                Box::new(|v| {
                    v["objects"].as_array_mut().unwrap().push(json!({
                "type": "opinion", "spec_version": "2.1", "id": "opinion--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
                "created": "2026-02-10T00:00:00.000Z", "modified": "2026-02-10T00:00:00.000Z",
                "opinion": "denied", "object_refs": ["identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e"]}))
                }),
            ),
            (
                "relationship requires target_ref",
                Box::new(|v| {
                    v["objects"].as_array_mut().unwrap().push(json!({
                "type": "relationship", "spec_version": "2.1", "id": "relationship--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3",
                "created": "2026-02-10T00:00:00.000Z", "modified": "2026-02-10T00:00:00.000Z",
                "relationship_type": "related-to", "source_ref": "identity--023d105b-752e-4e3c-941c-7d3f3cb15e9e"}))
                }),
            ),
            ("bundle--UUID", Box::new(|v| v["id"] = json!("bundle--x"))),
            ("non-empty list", Box::new(|v| v["objects"] = json!([]))),
        ];
        for (expect, break_it) in cases {
            let mut v = valid();
            break_it(&mut v);
            let found = problems(&v);
            assert!(
                found.iter().any(|p| p.contains(expect)),
                "{expect}: {found:?}"
            );
        }
    }
}
