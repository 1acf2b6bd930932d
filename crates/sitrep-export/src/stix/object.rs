//! A STIX object being assembled: its type, id and properties, and the reports, days and
//! spans behind it, gathered from every report that adds to it; finished into JSON with
//! `created` / `modified` from those days, its provenance (`x_sitrep_reports`,
//! `x_sitrep_provenance`) and no null or empty value, which STIX does not allow.

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};
use sitrep_fuse::Member;

use super::ids::{Days, id};
use crate::evidence::{SourceSpan, of_members};

/// An object being assembled from every report that adds to it.
pub struct Object {
    /// The STIX type.
    pub kind: &'static str,
    /// `type--UUID`.
    pub id: String,
    /// Publication days of the reports behind it.
    pub days: Days,
    /// The reports behind it.
    pub reports: BTreeSet<String>,
    /// The spans behind it.
    pub spans: BTreeSet<SourceSpan>,
    /// Its own properties.
    pub props: Map<String, Value>,
}

impl Object {
    /// An empty object of `kind` with the id of `key`.
    pub fn new(kind: &'static str, key: &str) -> Object {
        Object {
            kind,
            id: id(kind, key),
            days: Days::default(),
            reports: BTreeSet::new(),
            spans: BTreeSet::new(),
            props: Map::new(),
        }
    }

    /// Sets a property.
    pub fn set(&mut self, k: &str, v: impl Into<Value>) -> &mut Object {
        self.props.insert(k.to_string(), v.into());
        self
    }

    /// Counts the members' reports, days and evidence.
    pub fn add_members<'a>(&mut self, members: impl IntoIterator<Item = &'a Member>) {
        let members: Vec<&Member> = members.into_iter().collect();
        for m in &members {
            self.days.add(m.published.as_deref());
            self.reports.insert(m.doc_id.clone());
        }
        self.spans.extend(of_members(members));
    }

    /// The object as JSON, stamped, with its provenance, without empty values.
    pub fn finish(self, as_of: &str) -> Value {
        let (created, modified) = self.days.stamps(as_of);
        let mut m = Map::new();
        m.insert("type".into(), self.kind.into());
        m.insert("spec_version".into(), "2.1".into());
        m.insert("id".into(), self.id.into());
        m.insert("created".into(), created.into());
        m.insert("modified".into(), modified.into());
        m.extend(self.props);
        m.insert("x_sitrep_reports".into(), json!(self.reports));
        m.insert("x_sitrep_provenance".into(), json!(self.spans));
        prune(Value::Object(m))
    }
}

/// Drops nulls, empty lists and empty objects, which STIX does not allow.
fn prune(v: Value) -> Value {
    let empty = |v: &Value| match v {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    match v {
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, prune(v)))
                .filter(|(_, v)| !empty(v))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(prune).filter(|v| !empty(v)).collect()),
        v => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_objects_have_no_empty_values_and_keep_provenance() {
        let mut o = Object::new("note", "d|0");
        o.set("content", "words")
            .set("authors", json!([]))
            .set("x_sitrep_about", json!([null, [], {"a": null}, "TTP"]))
            .set("abstract", Value::Null);
        o.reports.insert("d".into());
        o.spans.insert(SourceSpan::new("d", 3, 9));
        o.days.add(Some("2026-02-10"));
        let v = o.finish("2026-03-01T00:00:00.000Z");
        assert_eq!(v["x_sitrep_about"], json!(["TTP"]));
        assert!(v.get("authors").is_none() && v.get("abstract").is_none());
        assert_eq!(v["created"], "2026-02-10T00:00:00.000Z");
        assert_eq!(
            v["x_sitrep_provenance"],
            json!([{"doc_id": "d", "start": 3, "end": 9}])
        );
        assert_eq!(v["id"], id("note", "d|0"));
    }
}
