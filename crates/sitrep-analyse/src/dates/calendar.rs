//! Calendar arithmetic for dates: month and year ranges, inferring the year or month of a
//! partial date from the reference date, and early/mid/late parts of a month.
//!
//! Takes dates and the reference date; gives days and ranges of days.

use chrono::{Datelike, Days, Months, NaiveDate};

pub(super) fn month_end(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    first + Months::new(1) - Days::new(1)
}

pub(super) fn year_range(y: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default(),
    )
}

pub(super) fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some((s, month_end(s)))
}

/// A day and month without a year: the year that puts it closest before the reference (a
/// date up to 31 days ahead stays in the reference year: an announced event).
pub(super) fn infer_year(m: u32, d: u32, r: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(r.year(), m, d)?;
    if this > r + Days::new(31) {
        NaiveDate::from_ymd_opt(r.year() - 1, m, d)
    } else {
        Some(this)
    }
}

/// A month without a year: the most recent such month, the reference's own included.
pub(super) fn infer_month(m: u32, r: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let y = if m > r.month() {
        r.year() - 1
    } else {
        r.year()
    };
    month_range(y, m)
}

/// A month range narrowed by "early", "mid", "late", "end", "start".
pub(super) fn split_month((s, e): (NaiveDate, NaiveDate), mode: &str) -> (NaiveDate, NaiveDate) {
    let day = |d| s.with_day(d).unwrap_or(s);
    match mode {
        "early" | "start" => (s, day(10)),
        "mid" => (day(11), day(20)),
        "late" | "end" => (day(21), e),
        _ => (s, e),
    }
}
