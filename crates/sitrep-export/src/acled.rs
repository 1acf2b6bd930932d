//! ACLED-style CSV: one row per fused incident, under ACLED's column names in ACLED's order
//! for the columns sitrep fills, then sitrep's own columns (toll ranges, injuries, each
//! report's figure, the reports and the evidence spans behind the row).
//!
//! Takes a [`Dataset`]'s incidents; gives CSV with a header row, quoted where a cell needs it.

use std::io::Write;

use sitrep_fuse::Toll;

use crate::view::{geo_precision, notes, perpetrators, tags, targets, time_precision};
use crate::{Dataset, ExportError, FusedIncident, Options, evidence};

/// ACLED's columns, in the order of ACLED's data exports. [`COLUMNS`] keeps this order for
/// the ones sitrep fills.
pub const ACLED_ORDER: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's disorder type of each event type.
const DISORDER: &[(&str, &str)] = &[
    ("Battles", "Political violence"),
    ("Explosions/Remote violence", "Political violence"),
    ("Violence against civilians", "Political violence"),
    ("Protests", "Demonstrations"),
    ("Riots", "Demonstrations"),
    ("Strategic developments", "Strategic developments"),
];

/// The header: ACLED's columns sitrep fills, then sitrep's.
pub const COLUMNS: [&str; 33] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
    "tags",
    // sitrep's columns
    "fatalities_low",
    "fatalities_high",
    "injuries",
    "injuries_low",
    "injuries_high",
    "fatalities_by_report",
    "injuries_by_report",
    "actor1_status",
    "corroboration",
    "reports",
    "evidence",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Best, low, high, and each report's figure as `report=value` separated by `; `.
fn tolls(t: &Option<Toll>) -> [String; 4] {
    let by_report = t.as_ref().map(|t| {
        t.reports
            .iter()
            .map(|r| format!("{}={}", r.doc_id, r.value))
            .collect::<Vec<_>>()
            .join("; ")
    });
    [
        opt(t.as_ref().map(|t| t.best)),
        opt(t.as_ref().map(|t| t.low)),
        opt(t.as_ref().map(|t| t.high)),
        opt(by_report),
    ]
}

/// The first of a list, and the rest joined by `; ` (ACLED's actor and associated actors).
fn first_and_rest(names: &[String]) -> [String; 2] {
    match names.split_first() {
        Some((first, rest)) => [first.clone(), rest.join("; ")],
        None => [String::new(), String::new()],
    }
}

fn row(f: &FusedIncident, options: &Options) -> [String; COLUMNS.len()] {
    let i = &f.incident;
    let loc = i.location.as_ref();
    let country = loc.and_then(|l| l.country.clone());
    let date = i.date.as_ref().map(|d| d.start.clone());
    let perps = perpetrators(i);
    let perp_names: Vec<String> = perps.iter().map(|p| p.name.clone()).collect();
    let [actor1, assoc1] = first_and_rest(&perp_names);
    let [actor2, assoc2] = first_and_rest(&targets(f));
    let [killed, killed_low, killed_high, killed_by_report] = tolls(&i.fatalities);
    let [hurt, hurt_low, hurt_high, hurt_by_report] = tolls(&i.injured);
    let disorder = DISORDER.iter().find(|(t, _)| *t == i.kind).map(|(_, d)| *d);
    [
        format!("{}{}", country.clone().unwrap_or_default(), i.id),
        opt(date.clone()),
        opt(date.and_then(|d| d.get(..4).map(str::to_string))),
        opt(time_precision(i)),
        opt(disorder),
        i.kind.clone(),
        opt(i.sub_type.clone()),
        actor1,
        assoc1,
        actor2,
        assoc2,
        opt(country.and_then(|c| options.country_names.get(&c).cloned())),
        opt(loc.and_then(|l| l.admin1.clone())),
        opt(loc.and_then(|l| l.admin2.clone())),
        opt(loc.map(|l| l.name.clone())),
        opt(loc.and_then(|l| l.lat)),
        opt(loc.and_then(|l| l.lon)),
        opt(loc.map(geo_precision)),
        i.outlets.join("; "),
        notes(f),
        killed,
        tags(f).join("; "),
        killed_low,
        killed_high,
        hurt,
        hurt_low,
        hurt_high,
        killed_by_report,
        hurt_by_report,
        opt(perps.first().map(|p| p.status.clone())),
        i.corroboration.to_string(),
        i.reports.join("; "),
        evidence::to_text(&evidence::of_members(&f.members)),
    ]
}

/// Writes the incidents as CSV.
pub fn write(data: &Dataset, options: &Options, out: &mut dyn Write) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for f in &data.incidents {
        w.write_record(row(f, options))?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::fixture;

    fn export() -> Vec<BTreeMap<String, String>> {
        let mut options = Options::at(chrono::Utc::now());
        options.country_names.insert("PK".into(), "Pakistan".into());
        let mut out = Vec::new();
        write(&fixture::dataset(), &options, &mut out).unwrap();
        let mut r = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, COLUMNS);
        r.records()
            .map(|rec| {
                header
                    .iter()
                    .cloned()
                    .zip(rec.unwrap().iter().map(String::from))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn acled_columns_keep_acled_order() {
        let positions: Vec<usize> = COLUMNS
            .iter()
            .filter_map(|c| ACLED_ORDER.iter().position(|a| a == c))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        assert_eq!(positions.len(), 22);
        for required in [
            "event_date",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "admin1",
            "admin2",
            "location",
            "latitude",
            "longitude",
            "fatalities",
            "notes",
            "source",
        ] {
            assert!(COLUMNS.contains(&required), "{required}");
        }
    }

    #[test]
    fn one_row_per_incident_with_its_values() {
        let rows = export();
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!(r["event_id_cnty"], "PK1");
        assert_eq!(r["event_date"], "2026-02-09");
        assert_eq!(r["year"], "2026");
        assert_eq!(r["time_precision"], "1");
        assert_eq!(r["disorder_type"], "Political violence");
        assert_eq!(r["actor1"], "Tehreek-e-Taliban Pakistan");
        assert_eq!(r["actor2"], "Police");
        assert_eq!(r["country"], "Pakistan");
        assert_eq!(r["admin2"], "Lakki Marwat");
        assert_eq!(r["latitude"], "32.5812");
        assert_eq!(r["longitude"], "70.9124");
        assert_eq!(r["source"], "Alpha Wire; Beta Post");
        assert_eq!(r["fatalities"], "3");
        assert_eq!(r["injuries"], "4");
        assert_eq!(r["fatalities_by_report"], "alpha-wire=3; beta-post=3");
        assert_eq!(r["reports"], "alpha-wire; beta-post");
        assert_eq!(
            r["evidence"],
            "alpha-wire:0-58; alpha-wire:120-176; beta-post:10-70"
        );
        let undated = &rows[1];
        assert_eq!(undated["event_id_cnty"], "2");
        assert_eq!(undated["event_date"], "");
        assert_eq!(undated["latitude"], "");
        assert_eq!(undated["disorder_type"], "Strategic developments");
        assert_eq!(undated["evidence"], "gamma-note:5-40");
    }

    #[test]
    fn cells_with_commas_and_quotes_are_quoted() {
        let mut data = fixture::dataset();
        data.incidents[0].incident.outlets = vec!["Wire, \"Evening\" edition".into()];
        let mut out = Vec::new();
        write(&data, &Options::at(chrono::Utc::now()), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("\"Wire, \"\"Evening\"\" edition\""), "{text}");
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let first = r.records().next().unwrap().unwrap();
        assert_eq!(&first[18], "Wire, \"Evening\" edition");
    }
}
