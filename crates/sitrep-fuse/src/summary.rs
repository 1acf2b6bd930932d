//! An incident's summary, recomputed from all its members: the same members in any order
//! give the same summary.

use std::collections::{BTreeMap, BTreeSet};

use sitrep_model::record::{Casualties, DateRange, Location};

use crate::incident::{Conflict, Incident, Perpetrator, PerpetratorReport, TollRange, TollReport};
use crate::member::Member;
use crate::names::key;
use crate::toll::fuse_toll;

/// The most frequent value; ties go to the smallest (so the choice is deterministic).
fn mode<T: Ord + Clone>(items: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    let max = *counts.values().max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(v, _)| v)
}

fn best_date(members: &[Member]) -> Option<DateRange> {
    let days: Vec<(i32, i32)> = members.iter().filter_map(Member::days).collect();
    let single = mode(days.iter().filter(|(s, e)| s == e).copied());
    let (s, e) = single.or_else(|| days.iter().copied().min_by_key(|(s, e)| (e - s, *s)))?;
    Some(DateRange {
        start: crate::day_to_string(s),
        end: crate::day_to_string(e),
    })
}

fn span(members: &[Member]) -> Option<DateRange> {
    let days: Vec<(i32, i32)> = members.iter().filter_map(Member::days).collect();
    let s = days.iter().map(|d| d.0).min()?;
    let e = days.iter().map(|d| d.1).max()?;
    Some(DateRange {
        start: crate::day_to_string(s),
        end: crate::day_to_string(e),
    })
}

fn specificity(l: &Location) -> usize {
    usize::from(l.lat.is_some()) * 2
        + usize::from(l.admin2.is_some())
        + usize::from(l.admin1.is_some())
}

fn best_location(members: &[Member]) -> Option<Location> {
    let locs: Vec<&Location> = members
        .iter()
        .filter_map(|m| m.event.location.as_ref())
        .collect();
    let top = locs.iter().map(|l| specificity(l)).max()?;
    let name = mode(
        locs.iter()
            .filter(|l| specificity(l) == top)
            .map(|l| l.name.clone()),
    )?;
    locs.into_iter()
        .find(|l| specificity(l) == top && l.name == name)
        .cloned()
}

fn order_key(m: &Member) -> (bool, Option<String>, String) {
    (m.published.is_none(), m.published.clone(), m.doc_id.clone())
}

fn perpetrators(members: &[Member], conflicts: &mut Vec<Conflict>) -> Vec<Perpetrator> {
    let mut sorted: Vec<&Member> = members.iter().collect();
    sorted.sort_by_key(|m| order_key(m));
    let mut groups: BTreeMap<String, (Vec<String>, Vec<PerpetratorReport>)> = BTreeMap::new();
    for m in sorted {
        for a in m.event.actors.iter().filter(|a| a.role == "perpetrator") {
            let g = groups.entry(key(&a.name)).or_default();
            g.0.push(a.name.clone());
            g.1.push(PerpetratorReport {
                doc_id: m.doc_id.clone(),
                status: a.status.clone().unwrap_or_else(|| "alleged".into()),
                published: m.published.clone(),
            });
        }
    }
    let mut out = Vec::new();
    for (_, (names, reports)) in groups {
        let mut statuses: BTreeMap<String, usize> = BTreeMap::new();
        for r in &reports {
            *statuses.entry(r.status.clone()).or_default() += 1;
        }
        let name = mode(names).unwrap_or_default();
        let dated_last = reports
            .iter()
            .rev()
            .find(|r| r.published.is_some())
            .or(reports.last());
        let status = dated_last.map(|r| r.status.clone()).unwrap_or_default();
        let affirmed = statuses.keys().any(|s| s == "claimed" || s == "blamed");
        if affirmed && statuses.contains_key("denied") {
            conflicts.push(Conflict {
                kind: "attribution".into(),
                field: "perpetrators".into(),
                message: format!(
                    "{name}: {}",
                    statuses
                        .iter()
                        .map(|(s, n)| format!("{s} in {n} report(s)"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                values: vec![],
                doc_ids: reports.iter().map(|r| r.doc_id.clone()).collect(),
            });
        }
        out.push(Perpetrator {
            name,
            status,
            statuses,
            reports,
        });
    }
    let named: Vec<&Perpetrator> = out
        .iter()
        .filter(|p| p.statuses.contains_key("claimed") || p.statuses.contains_key("blamed"))
        .collect();
    if named.len() > 1 {
        conflicts.push(Conflict {
            kind: "attribution".into(),
            field: "perpetrators".into(),
            message: format!(
                "different perpetrators named: {}",
                named
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            values: vec![],
            doc_ids: named
                .iter()
                .flat_map(|p| p.reports.iter().map(|r| r.doc_id.clone()))
                .collect(),
        });
    }
    out
}

/// Picks one count out of a casualty figure.
type Pick = fn(&Casualties) -> Option<u64>;

fn casualties<'a>(m: &'a Member, field: &str) -> Option<&'a Casualties> {
    if field == "injured" {
        m.event.injured.as_ref()
    } else {
        m.event.fatalities.as_ref()
    }
}

fn toll_reports(
    members: &[Member],
    pick: impl Fn(&Casualties) -> Option<u64>,
    field: &str,
) -> Vec<TollReport> {
    members
        .iter()
        .filter_map(|m| {
            let c = casualties(m, field)?;
            Some(TollReport {
                doc_id: m.doc_id.clone(),
                value: pick(c)?,
                qualifier: c.qualifier.clone(),
                published: m.published.clone(),
                source: m.source.clone(),
                outlier: false,
            })
        })
        .collect()
}

fn toll(members: &[Member], field: &str, conflicts: &mut Vec<Conflict>) -> Option<crate::Toll> {
    let (mut t, c) = fuse_toll(toll_reports(members, |c| Some(c.total), field), field)?;
    conflicts.extend(c);
    let cats: [(&str, Pick); 3] = [
        ("civilians", |c| c.civilians),
        ("security_forces", |c| c.security_forces),
        ("militants", |c| c.militants),
    ];
    for (name, pick) in cats {
        if let Some((r, _)) = fuse_toll(toll_reports(members, pick, field), field) {
            t.by_category.insert(
                name.into(),
                TollRange {
                    best: r.best,
                    low: r.low,
                    high: r.high,
                },
            );
        }
    }
    Some(t)
}

/// Fuses the members of one incident into its summary (with `id` 0).
pub fn summarise(members: &[Member]) -> Incident {
    let (kind, sub_type) = mode(
        members
            .iter()
            .map(|m| (m.event.kind.clone(), m.event.sub_type.clone())),
    )
    .unwrap_or_default();
    let mut conflicts = Vec::new();
    let perpetrators = perpetrators(members, &mut conflicts);
    let fatalities = toll(members, "fatalities", &mut conflicts);
    let injured = toll(members, "injured", &mut conflicts);
    let reports: BTreeSet<String> = members.iter().map(|m| m.doc_id.clone()).collect();
    let outlets: BTreeSet<String> = members.iter().filter_map(|m| m.source.clone()).collect();
    let sources: BTreeSet<String> = members.iter().map(Member::source_key).collect();
    let actors: BTreeSet<String> = members
        .iter()
        .flat_map(|m| m.event.actors.iter().map(|a| a.name.clone()))
        .collect();
    let places: BTreeSet<String> = members
        .iter()
        .filter_map(|m| m.event.location.as_ref())
        .flat_map(|l| {
            [Some(l.name.clone()), l.admin2.clone(), l.admin1.clone()]
                .into_iter()
                .flatten()
        })
        .collect();
    Incident {
        id: 0,
        kind,
        sub_type,
        date: best_date(members),
        span: span(members),
        location: best_location(members),
        perpetrators,
        fatalities,
        injured,
        reports: reports.into_iter().collect(),
        outlets: outlets.into_iter().collect(),
        corroboration: sources.len(),
        conflicts,
        actors: actors.into_iter().collect(),
        places: places.into_iter().collect(),
    }
}
