//! Assessment: fused incidents and stored figures in; per province, district and ISO week the
//! incidents, fatalities and actors, each place's own baseline (mean and spread of its
//! previous weeks) and the weeks that spike above it, the trend, the weekly totals, and the
//! indicator ledger (the NAP scorecard) built from figures, every value with its source
//! document. `sitrep assess` prints it; the web UI draws it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use sitrep_fuse::Incident;
use sitrep_store::StoredFigure;

/// Previous weeks a baseline looks at.
const BASELINE_WEEKS: usize = 12;
/// Previous weeks a baseline needs before a spike can be called.
const MIN_BASELINE_WEEKS: usize = 3;
/// Weeks compared for the trend (the last N against the N before).
const TREND_WEEKS: usize = 4;

/// One place in one week.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Week {
    /// ISO week, `2026-W10`.
    pub week: String,
    pub incidents: u64,
    pub fatalities: u64,
    /// Fatalities per victim category; what no category covers is `unspecified`.
    pub fatalities_by_category: BTreeMap<String, u64>,
    /// Perpetrators named in the week's incidents.
    pub actors: BTreeSet<String>,
    /// Mean incidents a week over the previous weeks (up to 12).
    pub baseline_mean: f64,
    /// Their standard deviation.
    pub baseline_sd: f64,
    /// True when the week's incidents stand above the baseline (more than mean + 2 sd, and
    /// at least 2 above the mean, with 3 or more previous weeks).
    pub spike: bool,
}

/// A province or district.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Place {
    /// `province` or `district`.
    pub level: String,
    pub name: String,
    /// Incidents in the last 4 weeks against the 4 before: `rising`, `falling`, `stable`.
    pub trend: String,
    /// Every week from the place's first incident to the last week in the data.
    pub weeks: Vec<Week>,
}

/// One value of an indicator.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct IndicatorValue {
    pub period: Option<String>,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: String,
    pub qualifier: String,
    pub measure: Option<String>,
    pub text: String,
    pub doc_id: String,
    pub published: Option<String>,
    /// The figure's first character in the report's text.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
}

/// An indicator at a place, over time.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Indicator {
    pub indicator: String,
    pub place: String,
    pub values: Vec<IndicatorValue>,
}

/// The whole assessment.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Assessment {
    pub places: Vec<Place>,
    pub indicators: Vec<Indicator>,
}

/// An incident with its ISO (year, week).
type Dated<'a> = (&'a Incident, (i32, u32));

fn iso_week(d: NaiveDate) -> (i32, u32) {
    let w = d.iso_week();
    (w.year(), w.week())
}

fn monday(y: i32, w: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)
}

/// The NAP scorecard indicator a figure belongs to, from its measure and words.
pub fn indicator_of(f: &sitrep_model::record::Figure) -> Option<&'static str> {
    let words = format!(
        "{} {}",
        f.measure.as_deref().unwrap_or(""),
        f.subject.as_deref().unwrap_or("")
    )
    .to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| words.contains(x));
    if has(&["madrassa", "madrasa", "seminar", "madaris"]) {
        Some("madrassa_registration")
    } else if has(&[
        "ctd",
        "counter-terrorism department",
        "counter terrorism department",
    ]) {
        Some("ctd_strength")
    } else if has(&["conviction"]) {
        Some("atc_convictions")
    } else if has(&[
        "intelligence-based operation",
        "intelligence based operation",
        "ibo",
    ]) {
        Some("intelligence_based_operations")
    } else if has(&["incident", "attack"]) {
        Some("incidents")
    } else {
        None
    }
}

fn weeks_for(level: &str, name: &str, list: &[Dated], last: NaiveDate) -> Place {
    let mut by_week: BTreeMap<(i32, u32), Week> = BTreeMap::new();
    for (inc, wk) in list {
        let w = by_week.entry(*wk).or_default();
        w.incidents += 1;
        if let Some(t) = &inc.fatalities {
            w.fatalities += t.best;
            let mut covered = 0;
            for (cat, r) in &t.by_category {
                *w.fatalities_by_category.entry(cat.clone()).or_default() += r.best;
                covered += r.best;
            }
            if t.best > covered {
                *w.fatalities_by_category
                    .entry("unspecified".into())
                    .or_default() += t.best - covered;
            }
        }
        w.actors
            .extend(inc.perpetrators.iter().map(|p| p.name.clone()));
    }
    let first = *by_week.keys().next().expect("a place has incidents");
    let mut day = monday(first.0, first.1).expect("valid week");
    let mut weeks = Vec::new();
    while day <= last {
        let k = iso_week(day);
        let mut w = by_week.remove(&k).unwrap_or_default();
        w.week = format!("{}-W{:02}", k.0, k.1);
        weeks.push(w);
        day += chrono::Duration::days(7);
    }
    for i in 0..weeks.len() {
        let prev: Vec<f64> = weeks[i.saturating_sub(BASELINE_WEEKS)..i]
            .iter()
            .map(|w| w.incidents as f64)
            .collect();
        if prev.is_empty() {
            continue;
        }
        let mean = prev.iter().sum::<f64>() / prev.len() as f64;
        let sd = (prev.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / prev.len() as f64).sqrt();
        let n = weeks[i].incidents as f64;
        let w = &mut weeks[i];
        w.baseline_mean = (mean * 100.0).round() / 100.0;
        w.baseline_sd = (sd * 100.0).round() / 100.0;
        w.spike = prev.len() >= MIN_BASELINE_WEEKS && n > mean + 2.0 * sd && n >= mean + 2.0;
    }
    let sum = |ws: &[Week]| ws.iter().map(|w| w.incidents).sum::<u64>();
    let n = weeks.len();
    let recent = sum(&weeks[n.saturating_sub(TREND_WEEKS)..]);
    let before = sum(&weeks[n.saturating_sub(2 * TREND_WEEKS)..n.saturating_sub(TREND_WEEKS)]);
    let trend = if recent as f64 > before as f64 * 1.25 && recent >= before + 2 {
        "rising"
    } else if (recent as f64) < before as f64 * 0.75 && before >= recent + 2 {
        "falling"
    } else {
        "stable"
    };
    Place {
        level: level.into(),
        name: name.into(),
        trend: trend.into(),
        weeks,
    }
}

/// Builds the assessment from incidents and figures.
pub fn assess(incidents: &[Incident], figures: &[StoredFigure]) -> Assessment {
    let dated: Vec<(&Incident, NaiveDate)> = incidents
        .iter()
        .filter_map(|i| Some((i, i.date.as_ref()?.start.parse::<NaiveDate>().ok()?)))
        .collect();
    let mut places = Vec::new();
    if let Some(last) = dated.iter().map(|(_, d)| *d).max() {
        let mut groups: BTreeMap<(&str, String), Vec<Dated>> = BTreeMap::new();
        for (i, d) in &dated {
            let Some(l) = &i.location else { continue };
            if let Some(a1) = &l.admin1 {
                groups
                    .entry(("province", a1.clone()))
                    .or_default()
                    .push((i, iso_week(*d)));
            }
            if let Some(a2) = &l.admin2 {
                let name = match &l.admin1 {
                    Some(a1) => format!("{a2}, {a1}"),
                    None => a2.clone(),
                };
                groups
                    .entry(("district", name))
                    .or_default()
                    .push((i, iso_week(*d)));
            }
        }
        for ((level, name), list) in groups {
            places.push(weeks_for(level, &name, &list, last));
        }
    }
    let mut series: BTreeMap<(String, String), Vec<IndicatorValue>> = BTreeMap::new();
    for sf in figures {
        let f = &sf.figure;
        let Some(ind) = indicator_of(f) else { continue };
        let place = f.place.clone().unwrap_or_else(|| "(unspecified)".into());
        series
            .entry((ind.to_string(), place))
            .or_default()
            .push(IndicatorValue {
                period: f.period.clone(),
                value: f.value,
                low: f.low,
                high: f.high,
                unit: f.unit.clone(),
                qualifier: f.qualifier.clone(),
                measure: f.measure.clone(),
                text: f.text.clone(),
                doc_id: sf.doc_id.clone(),
                published: sf.published.clone(),
                start: f.start,
                end: f.end,
            });
    }
    let indicators = series
        .into_iter()
        .map(|((indicator, place), mut values)| {
            values.sort_by(|a, b| {
                (&a.period, &a.published, &a.doc_id).cmp(&(&b.period, &b.published, &b.doc_id))
            });
            Indicator {
                indicator,
                place,
                values,
            }
        })
        .collect();
    Assessment { places, indicators }
}

/// Incidents and fatalities (best figures) in one ISO week, over every place.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct WeekTotal {
    /// ISO week, `2026-W10`.
    pub week: String,
    /// Its Monday, `YYYY-MM-DD`.
    pub monday: String,
    /// Incidents dated in the week.
    pub incidents: u64,
    /// Their fatalities (best figures).
    pub fatalities: u64,
    /// Ids of the incidents.
    pub incident_ids: Vec<i64>,
}

/// Every week from the first dated incident to the last, with its totals (empty weeks too).
pub fn weekly_totals(incidents: &[Incident]) -> Vec<WeekTotal> {
    let mut by_week: BTreeMap<(i32, u32), WeekTotal> = BTreeMap::new();
    for i in incidents {
        let Some(d) = i
            .date
            .as_ref()
            .and_then(|d| d.start.parse::<NaiveDate>().ok())
        else {
            continue;
        };
        let w = by_week.entry(iso_week(d)).or_default();
        w.incidents += 1;
        w.fatalities += i.fatalities.as_ref().map_or(0, |t| t.best);
        w.incident_ids.push(i.id);
    }
    let (Some(first), Some(last)) = (
        by_week.keys().next().copied(),
        by_week.keys().next_back().copied(),
    ) else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut day = monday(first.0, first.1);
    while let Some(d) = day {
        let k = iso_week(d);
        if k > last {
            break;
        }
        let mut w = by_week.remove(&k).unwrap_or_default();
        w.week = format!("{}-W{:02}", k.0, k.1);
        w.monday = d.to_string();
        out.push(w);
        day = d.checked_add_signed(chrono::Duration::days(7));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::record::{DateRange, Location};

    fn inc(date: &str, admin2: &str) -> Incident {
        Incident {
            kind: "Battles".into(),
            date: Some(DateRange {
                start: date.into(),
                end: date.into(),
            }),
            location: Some(Location {
                name: admin2.into(),
                admin2: Some(admin2.into()),
                admin1: Some("Balochistan".into()),
                ..Location::default()
            }),
            ..Incident::default()
        }
    }

    #[test]
    fn weekly_totals_fill_empty_weeks() {
        let mut a = inc("2026-01-05", "Kech");
        a.fatalities = Some(sitrep_fuse::Toll {
            best: 4,
            low: 4,
            high: 4,
            reports: vec![],
            revisions: vec![],
            by_category: BTreeMap::new(),
        });
        let list = vec![a, inc("2026-01-07", "Kech"), inc("2026-01-20", "Kech")];
        let w = weekly_totals(&list);
        let got: Vec<(&str, u64, u64)> = w
            .iter()
            .map(|w| (w.week.as_str(), w.incidents, w.fatalities))
            .collect();
        assert_eq!(
            got,
            [("2026-W02", 2, 4), ("2026-W03", 0, 0), ("2026-W04", 1, 0)]
        );
        assert_eq!(w[0].monday, "2026-01-05");
    }

    #[test]
    fn baseline_and_spike() {
        // One incident a week for six weeks in Kech, then five in the seventh.
        let mut list: Vec<Incident> = [
            "2026-01-05",
            "2026-01-12",
            "2026-01-19",
            "2026-01-26",
            "2026-02-02",
            "2026-02-09",
        ]
        .iter()
        .map(|d| inc(d, "Kech"))
        .collect();
        list.extend((0..5).map(|_| inc("2026-02-17", "Kech")));
        let a = assess(&list, &[]);
        let kech = a.places.iter().find(|p| p.level == "district").unwrap();
        assert_eq!(kech.weeks.len(), 7);
        let last = kech.weeks.last().unwrap();
        assert_eq!((last.week.as_str(), last.incidents), ("2026-W08", 5));
        assert!(last.spike);
        assert!((last.baseline_mean - 1.0).abs() < 1e-9);
        assert!(!kech.weeks[5].spike);
        assert_eq!(kech.trend, "rising");
    }
}
