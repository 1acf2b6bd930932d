//! STIX identifiers and timestamps.
//!
//! An id is `type--UUID` with a version 5 UUID of the object's stable key (a report's id, an
//! outlet's or actor's name key, an incident's first event) in sitrep's own namespace, so
//! exporting the same data again gives the same ids. Timestamps are RFC 3339 in UTC with
//! milliseconds (`2026-02-10T00:00:00.000Z`), as STIX asks of `created` and `modified`.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

/// The namespace of sitrep's STIX ids (a fixed random UUID).
pub const NAMESPACE: Uuid = Uuid::from_u128(0xf11689fe_375a_4c53_ad5c_088a9b8b8901);

/// The id of the object of `kind` (a STIX type) with the stable `key`.
pub fn id(kind: &str, key: &str) -> String {
    let uuid = Uuid::new_v5(&NAMESPACE, format!("{kind}|{key}").as_bytes());
    format!("{kind}--{uuid}")
}

/// A moment as a STIX timestamp.
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// The start of a day (`YYYY-MM-DD`) as a STIX timestamp; `None` when it is not a day.
pub fn day_start(day: &str) -> Option<String> {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(timestamp(d.and_hms_opt(0, 0, 0)?.and_utc()))
}

/// The earliest and latest day of the reports behind an object: its `created` and
/// `modified`, so an object changes its `modified`, not its id, when a later report adds to
/// it.
#[derive(Clone, Debug, Default)]
pub struct Days {
    range: Option<(String, String)>,
}

impl Days {
    /// Counts one report's publication day (ignored when unknown or not a day).
    pub fn add(&mut self, day: Option<&str>) {
        let Some(day) = day.filter(|d| day_start(d).is_some()) else {
            return;
        };
        self.range = Some(match self.range.take() {
            None => (day.to_string(), day.to_string()),
            Some((a, b)) => (a.min(day.to_string()), b.max(day.to_string())),
        });
    }

    /// Counts every day of another.
    pub fn merge(&mut self, other: &Days) {
        if let Some((a, b)) = &other.range {
            self.add(Some(a));
            self.add(Some(b));
        }
    }

    /// `(created, modified)`: the first and last day, else `as_of` for both.
    pub fn stamps(&self, as_of: &str) -> (String, String) {
        match &self.range {
            Some((a, b)) => (
                day_start(a).unwrap_or_else(|| as_of.to_string()),
                day_start(b).unwrap_or_else(|| as_of.to_string()),
            ),
            None => (as_of.to_string(), as_of.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_version_5_and_distinct() {
        let a = id("report", "alpha-wire");
        assert_eq!(a, id("report", "alpha-wire"));
        assert_ne!(a, id("report", "beta-post"));
        assert_ne!(
            id("note", "x"),
            id("opinion", "x").replace("opinion", "note")
        );
        let uuid = Uuid::parse_str(a.strip_prefix("report--").unwrap()).unwrap();
        assert_eq!(uuid.get_version_num(), 5);
    }

    #[test]
    fn days_give_first_and_last() {
        let mut d = Days::default();
        assert_eq!(d.stamps("T").0, "T");
        d.add(Some("2026-02-11"));
        d.add(None);
        d.add(Some("not a day"));
        d.add(Some("2026-02-09"));
        assert_eq!(
            d.stamps("T"),
            (
                "2026-02-09T00:00:00.000Z".to_string(),
                "2026-02-11T00:00:00.000Z".to_string()
            )
        );
    }
}
