//! GeoJSON (RFC 7946): a FeatureCollection with one Feature per fused incident.
//!
//! Takes a [`Dataset`]'s incidents; gives Features whose geometry is a Point
//! `[longitude, latitude]` when the incident's place has coordinates and `null` otherwise (an
//! unlocated Feature, which RFC 7946 allows), and whose properties are the incident's type,
//! dates, place, tolls (best / low / high, and each report's figure), perpetrators, reports,
//! conflicts and the evidence spans behind it.

use std::io::Write;

use serde_json::{Value, json};
use sitrep_fuse::Toll;

use crate::view::{notes, perpetrators, place_text, targets};
use crate::{Dataset, ExportError, FusedIncident, evidence};

fn toll(t: &Option<Toll>) -> [Option<u64>; 3] {
    match t {
        Some(t) => [Some(t.best), Some(t.low), Some(t.high)],
        None => [None; 3],
    }
}

/// One incident as a Feature.
pub fn feature(f: &FusedIncident) -> Value {
    let i = &f.incident;
    let loc = i.location.as_ref();
    let geometry = match loc.and_then(|l| l.lat.zip(l.lon)) {
        Some((lat, lon)) => json!({"type": "Point", "coordinates": [lon, lat]}),
        None => Value::Null,
    };
    let [killed, killed_low, killed_high] = toll(&i.fatalities);
    let [hurt, hurt_low, hurt_high] = toll(&i.injured);
    let attributed: Vec<&str> = perpetrators(i).iter().map(|p| p.name.as_str()).collect();
    json!({
        "type": "Feature",
        "id": i.id,
        "geometry": geometry,
        "properties": {
            "event_type": i.kind,
            "sub_event_type": i.sub_type,
            "date_start": i.date.as_ref().map(|d| &d.start),
            "date_end": i.date.as_ref().map(|d| &d.end),
            "place": loc.map(place_text),
            "location": loc.map(|l| &l.name),
            "admin2": loc.and_then(|l| l.admin2.as_ref()),
            "admin1": loc.and_then(|l| l.admin1.as_ref()),
            "country": loc.and_then(|l| l.country.as_ref()),
            "fatalities_best": killed,
            "fatalities_low": killed_low,
            "fatalities_high": killed_high,
            "fatalities_revisions": i.fatalities.as_ref().map(|t| &t.revisions),
            "fatalities_by_report": i.fatalities.as_ref().map(|t| &t.reports),
            "injured_best": hurt,
            "injured_low": hurt_low,
            "injured_high": hurt_high,
            "injured_by_report": i.injured.as_ref().map(|t| &t.reports),
            "perpetrators": i.perpetrators.iter().map(|p| json!({
                "name": p.name,
                "status": p.status,
                "statuses": p.statuses,
                "reports": p.reports,
            })).collect::<Vec<_>>(),
            "attributed_to": attributed,
            "targets": targets(f),
            "reports": i.reports,
            "outlets": i.outlets,
            "corroboration": i.corroboration,
            "conflicts": i.conflicts,
            "notes": notes(f),
            "evidence": evidence::of_members(&f.members),
        }
    })
}

/// Writes the incidents as one FeatureCollection.
pub fn write(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    let features: Vec<Value> = data.incidents.iter().map(feature).collect();
    let collection = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_writer(&mut *out, &collection)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    /// The RFC 7946 rules a FeatureCollection of Points must follow; the problems found.
    fn check(v: &Value) -> Vec<String> {
        let mut errs = Vec::new();
        if v["type"] != "FeatureCollection" {
            errs.push("type is not FeatureCollection".into());
        }
        let Some(features) = v["features"].as_array() else {
            return vec!["features is not an array".into()];
        };
        for (n, f) in features.iter().enumerate() {
            if f["type"] != "Feature" {
                errs.push(format!("{n}: type is not Feature"));
            }
            if !(f["id"].is_string() || f["id"].is_number() || f.get("id").is_none()) {
                errs.push(format!("{n}: id is neither string nor number"));
            }
            if !(f["properties"].is_object() || f["properties"].is_null()) {
                errs.push(format!("{n}: properties is neither object nor null"));
            }
            match f.get("geometry") {
                None => errs.push(format!("{n}: geometry missing")),
                Some(Value::Null) => {}
                Some(g) => {
                    let c = g["coordinates"].as_array();
                    let lon = c.and_then(|c| c.first()).and_then(Value::as_f64);
                    let lat = c.and_then(|c| c.get(1)).and_then(Value::as_f64);
                    match (g["type"].as_str(), lon, lat) {
                        (Some("Point"), Some(lon), Some(lat))
                            if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {
                        }
                        _ => errs.push(format!("{n}: not a Point [lon, lat] in range: {g}")),
                    }
                }
            }
        }
        errs
    }

    fn export() -> Value {
        let mut out = Vec::new();
        write(&fixture::dataset(), &mut out).unwrap();
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn feature_collection_shape() {
        let v = export();
        assert_eq!(check(&v), Vec::<String>::new());
        let f = &v["features"];
        assert_eq!(f.as_array().unwrap().len(), 2);
        assert_eq!(f[0]["geometry"]["coordinates"], json!([70.9124, 32.5812]));
        assert!(f[1]["geometry"].is_null());
        let p = &f[0]["properties"];
        assert_eq!(p["fatalities_best"], 3);
        assert_eq!(p["fatalities_low"], 3);
        assert_eq!(p["injured_high"], 4);
        assert_eq!(p["fatalities_by_report"][1]["doc_id"], "beta-post");
        assert_eq!(p["fatalities_by_report"][1]["value"], 3);
        assert_eq!(p["date_start"], "2026-02-09");
        assert_eq!(p["perpetrators"][0]["name"], "Tehreek-e-Taliban Pakistan");
        assert_eq!(p["reports"], json!(["alpha-wire", "beta-post"]));
        assert_eq!(
            p["evidence"][0],
            json!({"doc_id": "alpha-wire", "start": 0, "end": 58})
        );
        assert!(f[1]["properties"]["fatalities_best"].is_null());
    }

    #[test]
    fn the_checker_sees_swapped_coordinates() {
        let mut v = export();
        v["features"][0]["geometry"]["coordinates"] = json!([32.5812, 170.9124]);
        assert_eq!(check(&v).len(), 1);
        v["features"][1]["type"] = json!("feature");
        assert_eq!(check(&v).len(), 2);
    }
}
