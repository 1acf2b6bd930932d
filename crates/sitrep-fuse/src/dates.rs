//! Days as integers, so windows and gaps are arithmetic.

use chrono::{Datelike, NaiveDate};

/// The day number (days since 0001-01-01, as chrono counts) of a `YYYY-MM-DD` string.
pub fn day_number(s: &str) -> Option<i32> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d")
        .ok()
        .map(|d| d.num_days_from_ce())
}

/// The `YYYY-MM-DD` string of a day number.
pub fn day_to_string(day: i32) -> String {
    NaiveDate::from_num_days_from_ce_opt(day)
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let d = day_number("2026-03-06").unwrap();
        assert_eq!(day_to_string(d), "2026-03-06");
        assert_eq!(day_number("2026-03-07").unwrap() - d, 1);
        assert_eq!(day_number("not a date"), None);
    }
}
