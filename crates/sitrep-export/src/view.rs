//! What every format derives the same way from a fused incident: its place as text, the
//! perpetrators in order of how firmly reports attribute the incident to them, the targets
//! and victims reports name, tags, date and place precision, and a sentence of notes.

use std::collections::{BTreeMap, BTreeSet};

use sitrep_fuse::{Incident, Perpetrator, Toll};
use sitrep_model::record::Location;

use crate::FusedIncident;

/// Statuses that attribute an incident to a perpetrator, firmest first.
const FIRM: &[&str] = &["claimed", "blamed"];

/// How many reports attribute the incident to `p` firmly (claimed or blamed).
fn firm(p: &Perpetrator) -> usize {
    FIRM.iter()
        .map(|s| p.statuses.get(*s).copied().unwrap_or(0))
        .sum()
}

/// True when some report attributes the incident to `p` (any status but `denied`).
pub fn attributed(p: &Perpetrator) -> bool {
    p.statuses.keys().any(|s| s != "denied")
}

/// The perpetrators some report attributes the incident to, firmest first.
pub fn perpetrators(i: &Incident) -> Vec<&Perpetrator> {
    let mut out: Vec<&Perpetrator> = i.perpetrators.iter().filter(|p| attributed(p)).collect();
    out.sort_by(|a, b| {
        (firm(b), b.reports.len(), &a.name).cmp(&(firm(a), a.reports.len(), &b.name))
    });
    out
}

/// Targets and victims the members name, most reported first.
pub fn targets(f: &FusedIncident) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &f.members {
        let named: BTreeSet<&str> = m
            .event
            .actors
            .iter()
            .filter(|a| a.role == "target" || a.role == "victim")
            .map(|a| a.name.as_str())
            .collect();
        for n in named {
            *counts.entry(n).or_default() += 1;
        }
    }
    let mut out: Vec<(&str, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out.into_iter().map(|(n, _)| n.to_string()).collect()
}

/// Every tag any member gives, sorted.
pub fn tags(f: &FusedIncident) -> Vec<String> {
    let tags: BTreeSet<&String> = f.members.iter().flat_map(|m| &m.event.tags).collect();
    tags.into_iter().cloned().collect()
}

/// The place as text: name, district, province, without repeats.
pub fn place_text(l: &Location) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in [Some(&l.name), l.admin2.as_ref(), l.admin1.as_ref()]
        .into_iter()
        .flatten()
    {
        if !p.is_empty() && !parts.contains(&p.as_str()) {
            parts.push(p);
        }
    }
    parts.join(", ")
}

/// ACLED's time precision: 1 a known day, 2 within a week, 3 longer.
pub fn time_precision(i: &Incident) -> Option<u8> {
    let d = i.date.as_ref()?;
    let days = sitrep_fuse::day_number(&d.end)? - sitrep_fuse::day_number(&d.start)?;
    Some(match days {
        0 => 1,
        1..=6 => 2,
        _ => 3,
    })
}

/// ACLED's geographic precision: 3 the place is a province, 2 a district, 1 a town or site.
pub fn geo_precision(l: &Location) -> u8 {
    if l.admin1.as_deref() == Some(l.name.as_str()) {
        3
    } else if l.admin2.as_deref() == Some(l.name.as_str()) {
        2
    } else {
        1
    }
}

fn toll_text(t: &Toll, what: &str) -> String {
    if t.low == t.high {
        format!("{} {what}", t.best)
    } else {
        format!("{} {what} (reports give {} to {})", t.best, t.low, t.high)
    }
}

/// A few sentences a person can read: what, where, when, tolls, who, sources, conflicts.
pub fn notes(f: &FusedIncident) -> String {
    let i = &f.incident;
    let what = i.sub_type.as_deref().unwrap_or(&i.kind);
    let mut s = String::from(what);
    if let Some(l) = &i.location {
        s.push_str(" in ");
        s.push_str(&place_text(l));
    }
    if let Some(d) = &i.date {
        if d.start == d.end {
            s.push_str(&format!(" on {}", d.start));
        } else {
            s.push_str(&format!(" between {} and {}", d.start, d.end));
        }
    }
    s.push('.');
    let tolls: Vec<String> = [(&i.fatalities, "killed"), (&i.injured, "injured")]
        .into_iter()
        .filter_map(|(t, what)| t.as_ref().map(|t| toll_text(t, what)))
        .collect();
    if !tolls.is_empty() {
        s.push_str(&format!(" {}.", tolls.join(", ")));
    }
    if !i.perpetrators.is_empty() {
        let perps: Vec<String> = i
            .perpetrators
            .iter()
            .map(|p| format!("{} ({})", p.name, p.status))
            .collect();
        s.push_str(&format!(" Perpetrators: {}.", perps.join(", ")));
    }
    s.push_str(&format!(
        " {} report(s), {} independent source(s).",
        i.reports.len(),
        i.corroboration
    ));
    for c in &i.conflicts {
        s.push_str(&format!(" Conflict: {}.", c.message));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn bombing_views() {
        let data = fixture::dataset();
        let f = &data.incidents[0];
        let l = f.incident.location.as_ref().unwrap();
        assert_eq!(place_text(l), "Tajori, Lakki Marwat, Khyber Pakhtunkhwa");
        assert_eq!(geo_precision(l), 1);
        assert_eq!(time_precision(&f.incident), Some(1));
        assert_eq!(targets(f), vec!["Police".to_string()]);
        let perps = perpetrators(&f.incident);
        assert_eq!(perps.len(), 1);
        assert_eq!(perps[0].name, "Tehreek-e-Taliban Pakistan");
        let n = notes(f);
        assert!(
            n.starts_with("Remote explosive/landmine/IED in Tajori"),
            "{n}"
        );
        assert!(n.contains("3 killed, 4 injured."), "{n}");
        assert!(n.contains("Conflict: "), "{n}");
    }

    #[test]
    fn precision_of_a_province_and_a_vague_date() {
        let mut l = Location {
            name: "Khyber Pakhtunkhwa".into(),
            admin1: Some("Khyber Pakhtunkhwa".into()),
            ..Location::default()
        };
        assert_eq!(geo_precision(&l), 3);
        l.name = "Bannu".into();
        l.admin2 = Some("Bannu".into());
        assert_eq!(geo_precision(&l), 2);
        let mut i = Incident::default();
        assert_eq!(time_precision(&i), None);
        i.date = Some(sitrep_model::record::DateRange {
            start: "2026-02-01".into(),
            end: "2026-02-28".into(),
        });
        assert_eq!(time_precision(&i), Some(3));
    }

    #[test]
    fn a_perpetrator_only_denied_is_not_attributed() {
        let data = fixture::dataset();
        let mut i = data.incidents[0].incident.clone();
        i.perpetrators[0].statuses.remove("blamed");
        assert!(perpetrators(&i).is_empty());
    }
}
