//! Dates of events: the words of a sentence and the publication date in, day ranges out.
//!
//! Absolute dates ("March 11, 2025", "11 October", "November 2024", "in 2014") and dates
//! relative to publication ("on Tuesday", "yesterday", "last week", "earlier this month",
//! "last year"). A day without a year takes the latest such day not after publication.
//! A small local scanner until `sitrep_analyse::dates` is available.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use sitrep_model::calendar::month_number;

use super::words::Word;

/// A date found in a sentence: first and last day, and whether only a year was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct When {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub year_only: bool,
}

impl When {
    fn day(d: NaiveDate) -> When {
        When {
            start: d,
            end: d,
            year_only: false,
        }
    }
    fn range(start: NaiveDate, end: NaiveDate) -> When {
        When {
            start,
            end: end.max(start),
            year_only: false,
        }
    }
    /// Days covered.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

fn small(w: &Word) -> Option<u32> {
    w.number.then(|| w.lower.parse::<u32>().ok()).flatten()
}

fn year(w: Option<&Word>) -> Option<i32> {
    let w = w?;
    let y = small(w)?;
    (1900..2100).contains(&y).then_some(y as i32)
}

fn last_day(y: i32, m: u32) -> NaiveDate {
    let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
    first + Months::new(1) - Days::new(1)
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// A day and month without a year: the latest such day not after publication.
fn day_in_year(pubd: Option<NaiveDate>, m: u32, d: u32) -> Option<NaiveDate> {
    let p = pubd?;
    let this = NaiveDate::from_ymd_opt(p.year(), m, d)?;
    if this <= p {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(p.year() - 1, m, d)
    }
}

/// Every date in `words` (one sentence), with the index of its first word.
pub(super) fn dates(words: &[Word], published: Option<NaiveDate>) -> Vec<(usize, When)> {
    let mut out = Vec::new();
    let w = |i: usize| words.get(i).map_or("", |w| w.lower.as_ref());
    let mut i = 0;
    while i < words.len() {
        let found: Option<(usize, When)> = (|| {
            if let Some(m) = month_number(w(i)).filter(|_| words[i].capitalised || w(i) != "may") {
                // "March 11, 2025" / "March 11" / "November 2024"
                if let Some(d) = words
                    .get(i + 1)
                    .and_then(small)
                    .filter(|d| (1..=31).contains(d))
                {
                    return Some(match year(words.get(i + 2)) {
                        Some(y) => (3, When::day(NaiveDate::from_ymd_opt(y, m, d)?)),
                        None => (2, When::day(day_in_year(published, m, d)?)),
                    });
                }
                if let Some(y) = year(words.get(i + 1)) {
                    let s = NaiveDate::from_ymd_opt(y, m, 1)?;
                    return Some((2, When::range(s, last_day(y, m))));
                }
                return None;
            }
            if let Some(d) = small(&words[i]).filter(|d| (1..=31).contains(d))
                && let Some(m) = month_number(w(i + 1))
            {
                // "11 October" / "11 October 2025"
                return Some(match year(words.get(i + 2)) {
                    Some(y) => (3, When::day(NaiveDate::from_ymd_opt(y, m, d)?)),
                    None => (2, When::day(day_in_year(published, m, d)?)),
                });
            }
            if let Some(y) = year(words.get(i))
                && matches!(w(i.wrapping_sub(1)), "in" | "of" | "since" | "during")
                && i > 0
            {
                let mut r = When::range(
                    NaiveDate::from_ymd_opt(y, 1, 1)?,
                    NaiveDate::from_ymd_opt(y, 12, 31)?,
                );
                r.year_only = true;
                return Some((1, r));
            }
            let p = published?;
            if let Some(wd) = weekday(w(i).trim_end_matches("'s")) {
                let back = (p.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                return Some((1, When::day(p - Days::new(u64::from(back)))));
            }
            let monday = p - Days::new(u64::from(p.weekday().num_days_from_monday()));
            Some(match (w(i), w(i + 1), w(i + 2)) {
                ("yesterday", _, _) => (1, When::day(p - Days::new(1))),
                ("today", _, _) => (1, When::day(p)),
                ("last", "night", _) | ("overnight", _, _) => (1, When::range(p - Days::new(1), p)),
                ("last", "week", _) => {
                    (2, When::range(monday - Days::new(7), monday - Days::new(1)))
                }
                ("this" | "earlier", "week", _) => (2, When::range(monday, p)),
                ("earlier", "this", "week") => (3, When::range(monday, p)),
                ("earlier" | "this", "month", _) => (2, When::range(month_start(p), p)),
                ("earlier", "this", "month") => (3, When::range(month_start(p), p)),
                ("last", "month", _) => {
                    let s = month_start(p) - Months::new(1);
                    (2, When::range(s, month_start(p) - Days::new(1)))
                }
                ("last", "year", _) => {
                    let y = p.year() - 1;
                    let mut r = When::range(
                        NaiveDate::from_ymd_opt(y, 1, 1)?,
                        NaiveDate::from_ymd_opt(y, 12, 31)?,
                    );
                    r.year_only = true;
                    (2, r)
                }
                ("this", "year", _) => {
                    (2, When::range(NaiveDate::from_ymd_opt(p.year(), 1, 1)?, p))
                }
                _ => return None,
            })
        })();
        match found {
            Some((n, when)) => {
                out.push((i, when));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}
