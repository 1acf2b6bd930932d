//! Publication dates: from records, feeds and meta tags, or a date line in the text.

use chrono::{DateTime, NaiveDate};
use sitrep_model::calendar::month_number;

const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const PREFIXES: [&str; 6] = [
    "published on",
    "published",
    "updated on",
    "updated",
    "posted on",
    "posted",
];

/// Parses a date as records, feeds and meta tags write them: ISO 8601 / RFC 3339 (the date
/// as written, not shifted to UTC), RFC 2822, or a written date ("Mon Nov 03 2025",
/// "November 3, 2025", "3 Nov 2025").
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let (Some(head), Some(rest)) = (s.get(..10), s.get(10..))
        && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
        && (rest.is_empty() || rest.starts_with(['T', 't', ' ']))
    {
        return Some(d);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    written_date(s)
}

/// A date written in words: optional weekday, then day-month-year or month-day-year.
fn written_date(s: &str) -> Option<NaiveDate> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect();
    let mut rest: &[String] = &words;
    if let Some(first) = rest.first()
        && first.len() >= 3
        && WEEKDAYS.iter().any(|d| first.starts_with(d))
    {
        rest = &rest[1..];
    }
    // A trailing time ("10:30", "am", "pkt") is allowed after the year.
    if rest.len() < 3 {
        return None;
    }
    let (a, b, c) = (&rest[0], &rest[1], &rest[2]);
    let tail_ok = rest[3..].iter().all(|w| {
        w.contains(':')
            || matches!(
                w.as_str(),
                "am" | "pm" | "pkt" | "gmt" | "utc" | "pst" | "ist"
            )
    });
    if !tail_ok {
        return None;
    }
    let year: i32 = c.parse().ok().filter(|y| (1900..=2100).contains(y))?;
    let (month, day) = if let Some(m) = month_number(a) {
        (m, day_of(b)?)
    } else {
        (month_number(b)?, day_of(a)?)
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

fn day_of(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A line near the top of the text that is nothing but a date ("Mon Nov 03 2025",
/// "Published: March 10, 2026").
pub(crate) fn date_line(text: &str) -> Option<NaiveDate> {
    text.lines().take(20).find_map(|line| {
        let line = line.trim();
        if line.is_empty() {
            return None;
        }
        if line.len() > 60 {
            return dateline(line);
        }
        let lower = line.to_ascii_lowercase();
        let body = PREFIXES
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .map(|r| r.trim_start_matches([':', ' ']))
            .unwrap_or(&lower);
        parse_date(body).or_else(|| dateline(line))
    })
}

/// A dateline opening a paragraph: "LAKKI MARWAT, MARCH 8, 2026: The toll ...".
fn dateline(line: &str) -> Option<NaiveDate> {
    let head = line.get(..line.char_indices().nth(60).map_or(line.len(), |(i, _)| i))?;
    let colon = head.find([':', '\u{2014}', '\u{2013}'])?;
    let (place, date) = head[..colon].split_once(',')?;
    let place_ok = !place.trim().is_empty() && place.split_whitespace().count() <= 4;
    place_ok.then(|| written_date(date.trim())).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats() {
        let cases = [
            ("2026-02-11", d(2026, 2, 11)),
            ("2026-03-10T09:30:00+05:00", d(2026, 3, 10)),
            ("2026-03-10T23:30:00-05:00", d(2026, 3, 10)),
            ("Tue, 10 Mar 2026 09:30:00 +0500", d(2026, 3, 10)),
            ("Mon Nov 03 2025", d(2025, 11, 3)),
            ("November 3, 2025", d(2025, 11, 3)),
            ("3rd November 2025", d(2025, 11, 3)),
            ("Sept 30, 2025 10:15 am", d(2025, 9, 30)),
            ("Marching 3 2025", None),
            ("Nov 31 2025", None),
            ("the 3 November 2025 attack", None),
            ("", None),
            ("2026-02-1é", None),
            ("ééééé-02-11", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s), want, "{s}");
        }
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line("Headline\n\nMon Nov 03 2025\nicon-facebook\n"),
            d(2025, 11, 3)
        );
        assert_eq!(
            date_line("Headline\nPublished: March 10, 2026\nBody."),
            d(2026, 3, 10)
        );
        assert_eq!(
            date_line("On 3 November 2025 a blast killed four people."),
            None
        );
    }
}
