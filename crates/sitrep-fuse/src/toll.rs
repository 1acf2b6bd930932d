//! The toll rule: every report's figure in, best / low / high, revisions and conflicts out.
//!
//! - low is the smallest figure any report gives, high the largest;
//! - best is the most recent figure at least two different sources give (a source is a
//!   named outlet, or an unnamed report on its own); with no such figure, the lowest;
//! - a figure only one source gives that lies far above best (more than 1.5 times, and by
//!   at least 3) is an `outlier` when best is corroborated, and makes the toll `disputed`
//!   when nothing is corroborated;
//! - revisions are the figures in publication order, outliers left out, repeats merged.

use std::collections::{BTreeMap, BTreeSet};

use crate::incident::{Conflict, Toll, TollReport};

/// Publication order: dated reports by date, undated last, then by id.
fn order(a: &TollReport, b: &TollReport) -> std::cmp::Ordering {
    let key = |r: &TollReport| (r.published.is_none(), r.published.clone(), r.doc_id.clone());
    key(a).cmp(&key(b))
}

fn source_key(r: &TollReport) -> String {
    match &r.source {
        Some(s) if !s.trim().is_empty() => format!("outlet:{}", crate::names::key(s)),
        _ => format!("doc:{}", r.doc_id),
    }
}

/// Fuses the figures reports give for one count (`field` names it in conflicts).
pub fn fuse_toll(mut reports: Vec<TollReport>, field: &str) -> Option<(Toll, Vec<Conflict>)> {
    if reports.is_empty() {
        return None;
    }
    reports.sort_by(order);
    // value -> (sources, latest publication)
    let mut by_value: BTreeMap<u64, (BTreeSet<String>, Option<String>)> = BTreeMap::new();
    for r in &reports {
        let e = by_value.entry(r.value).or_default();
        e.0.insert(source_key(r));
        if r.published > e.1 {
            e.1 = r.published.clone();
        }
    }
    let low = *by_value.keys().next()?;
    let high = *by_value.keys().next_back()?;
    let corroborated = by_value
        .iter()
        .filter(|(_, (s, _))| s.len() >= 2)
        .max_by(|a, b| (&a.1.1, a.1.0.len(), a.0).cmp(&(&b.1.1, b.1.0.len(), b.0)))
        .map(|(v, _)| *v);
    let best = corroborated.unwrap_or(low);
    let far = |v: u64| v as f64 > best as f64 * 1.5 && v >= best + 3;
    let mut conflicts = Vec::new();
    let outliers: Vec<u64> = by_value
        .iter()
        .filter(|(v, (s, _))| s.len() < 2 && far(**v))
        .map(|(v, _)| *v)
        .collect();
    if !outliers.is_empty() {
        let docs: Vec<String> = reports
            .iter()
            .filter(|r| outliers.contains(&r.value))
            .map(|r| r.doc_id.clone())
            .collect();
        let list = outliers
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        conflicts.push(if corroborated.is_some() {
            Conflict {
                kind: "outlier".into(),
                field: field.into(),
                message: format!(
                    "{field}: {list} from a single source, against {best} that others give"
                ),
                values: outliers.clone(),
                doc_ids: docs,
            }
        } else {
            Conflict {
                kind: "disputed".into(),
                field: field.into(),
                message: format!("{field}: no figure is corroborated; {best} to {high} reported"),
                values: by_value.keys().copied().collect(),
                doc_ids: reports.iter().map(|r| r.doc_id.clone()).collect(),
            }
        });
    }
    let is_outlier = corroborated.is_some();
    for r in &mut reports {
        r.outlier = is_outlier && outliers.contains(&r.value);
    }
    let mut revisions: Vec<u64> = Vec::new();
    for r in reports
        .iter()
        .filter(|r| !r.outlier && r.published.is_some())
    {
        if revisions.last() != Some(&r.value) {
            revisions.push(r.value);
        }
    }
    Some((
        Toll {
            best,
            low,
            high,
            reports,
            revisions,
            by_category: BTreeMap::new(),
        },
        conflicts,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(
        doc: &str,
        value: u64,
        q: &str,
        published: Option<&str>,
        source: Option<&str>,
    ) -> TollReport {
        TollReport {
            doc_id: doc.into(),
            value,
            qualifier: q.into(),
            published: published.map(str::to_string),
            source: source.map(str::to_string),
            outlier: false,
        }
    }

    #[test]
    fn rising_toll_and_outlier() {
        let (t, c) = fuse_toll(
            vec![
                r("5", 69, "exact", Some("2026-03-08"), Some("Sarhad Mail")),
                r("1", 15, "at_least", Some("2026-03-06"), None),
                r("2", 31, "exact", Some("2026-03-07"), Some("Indus Wire")),
                r(
                    "3",
                    31,
                    "exact",
                    Some("2026-03-07"),
                    Some("Khyber Chronicle"),
                ),
                r(
                    "4",
                    36,
                    "exact",
                    Some("2026-03-08"),
                    Some("The Pakhtun Herald"),
                ),
                r("6", 36, "exact", Some("2026-03-08"), None),
            ],
            "fatalities",
        )
        .unwrap();
        assert_eq!((t.best, t.low, t.high), (36, 15, 69));
        assert_eq!(t.revisions, vec![15, 31, 36]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, "outlier");
        assert_eq!(c[0].values, vec![69]);
        assert_eq!(t.reports[0].doc_id, "1");
    }

    #[test]
    fn uncorroborated_takes_the_lowest_and_is_disputed() {
        let (t, c) = fuse_toll(
            vec![
                r("17", 9, "exact", Some("2026-03-16"), Some("KC")),
                r("18", 22, "at_least", Some("2026-03-16"), Some("ND")),
            ],
            "fatalities",
        )
        .unwrap();
        assert_eq!((t.best, t.low, t.high), (9, 9, 22));
        assert_eq!(c[0].kind, "disputed");
    }

    #[test]
    fn same_outlet_twice_is_not_corroboration() {
        let (t, _) = fuse_toll(
            vec![
                r("a", 10, "exact", Some("2026-01-01"), Some("X")),
                r("b", 12, "exact", Some("2026-01-02"), Some("X")),
                r("c", 12, "exact", Some("2026-01-02"), Some("x")),
            ],
            "fatalities",
        )
        .unwrap();
        assert_eq!(t.best, 10);
    }
}
