//! Absolute expressions for the date scanner: ISO and day-month dates, years, months with
//! days and years, weekdays and datelines.
//!
//! Takes the index of a word; pushes the [`DateExpr`](super::DateExpr) found there and gives
//! where it ends.

use chrono::{Datelike, Days, NaiveDate};

use crate::lexicon::lexicon;

use super::calendar::{infer_month, infer_year, month_range, split_month, year_range};
use super::{DateScanner, PARTS_OF_DAY};

impl DateScanner<'_> {
    /// Digits at word `k`: ISO dates, day-month dates, years.
    pub(super) fn digits(&mut self, k: usize) -> Option<usize> {
        let lex = lexicon();
        let w = self.w(k);
        let first = w.as_bytes().first()?;
        if !first.is_ascii_digit() {
            return None;
        }
        // Day with an ordinal suffix: "11th".
        let day_text = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[day_text.len()..];
        if !day_text.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // ISO: 2025-10-11.
        if w.len() == 4
            && suffix.is_empty()
            && self.gap(k) == "-"
            && self.gap(k + 1) == "-"
            && let (Ok(y), Ok(m), Ok(d)) = (
                w.parse::<i32>(),
                self.w(k + 1).parse::<u32>(),
                self.w(k + 2).parse::<u32>(),
            )
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            self.push(k, k + 2, Some((date, date)), false);
            return Some(k + 3);
        }
        let v: u32 = day_text.parse().ok()?;
        // Day and month: "11 October", "11th of October", "11-17 October".
        if day_text.len() <= 2
            && (suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th"))
            && (1..=31).contains(&v)
            && k > 0
            && !(self.gap(k - 1).trim().is_empty() && lex.months.contains_key(self.w(k - 1)))
        {
            let mut j = k + 1;
            let mut until: Option<u32> = None;
            if self.gap(k).trim() == "-"
                && let Ok(v2) = self.w(j).parse::<u32>()
                && v2 > v
                && v2 <= 31
            {
                until = Some(v2);
                j += 1;
            }
            if self.w(j) == "of" {
                j += 1;
            }
            if let Some(&m) = lex.months.get(self.w(j))
                && self.joined(j - 1, &[])
                && (self.w(j) != "may" || self.may_is_month(j))
            {
                let (year, last) = self.year_after(j);
                let range = self.day_range(year, m, v, until.unwrap_or(v));
                self.push(k, last, range, year.is_none());
                return Some(last + 1);
            }
        }
        // A year.
        if w.len() == 4 && suffix.is_empty() && (1900..=2100).contains(&v) && self.is_year(k) {
            let (first, mode) = self.year_modifier(k).unwrap_or((k, ""));
            let y = v as i32;
            let (s, e) = year_range(y);
            let ymd = |m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(s);
            let range = match mode {
                "early" => (s, ymd(4, 30)),
                "mid" => (ymd(5, 1), ymd(8, 31)),
                "late" => (ymd(9, 1), e),
                "end" => (ymd(11, 1), e),
                "start" => (s, ymd(2, 28)),
                _ => (s, e),
            };
            self.push(first, k, Some(range), false);
            return Some(k + 1);
        }
        None
    }

    /// A four-digit number is a year unless it names something ("resolution 1988", "Rescue
    /// 1122") or counts things ("nearly 2000 people", "2,000").
    pub(super) fn is_year(&self, k: usize) -> bool {
        let lex = lexicon();
        if k > 0 {
            let g = self.gap(k - 1);
            if g == "," || g == "." {
                return false; // "2,000", "1.2000"
            }
            let p = self.w(k - 1);
            if g.trim().is_empty()
                && (lex.name_before.contains(p) || lex.qualifiers.contains_key(p))
            {
                return false;
            }
            if g.ends_with('$') || g.ends_with('#') || g.ends_with('+') {
                return false;
            }
            if (g == "-" || g == "/") && !matches!(p, "mid" | "end" | "early" | "late") {
                return false;
            }
        }
        let g = self.gap(k);
        !(g.starts_with('%')
            || g.starts_with(',')
                && self.w(k + 1).len() == 3
                && self.w(k + 1).bytes().all(|c| c.is_ascii_digit()))
    }

    /// A year after the month at word `j` ("October 11, 2025", "11 October 2025"): the year
    /// and the last word used.
    pub(super) fn year_after(&self, j: usize) -> (Option<i32>, usize) {
        let gap = self.gap(j);
        if matches!(gap.trim(), "" | ",")
            && gap.len() <= 3
            && let Ok(y) = self.w(j + 1).parse::<i32>()
            && self.w(j + 1).len() == 4
            && (1900..=2100).contains(&y)
        {
            return (Some(y), j + 1);
        }
        (None, j)
    }

    pub(super) fn day_range(
        &self,
        year: Option<i32>,
        m: u32,
        d1: u32,
        d2: u32,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let start = match year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d1)?,
            None => infer_year(m, d1, self.r?)?,
        };
        let end = NaiveDate::from_ymd_opt(start.year(), m, d2)?;
        Some((start, end))
    }

    pub(super) fn may_is_month(&self, j: usize) -> bool {
        // "in May", "May 2025", "11 May", "May 11": a month; "may have" is a verb.
        let next = self.w(j + 1);
        let prev = if j > 0 { self.w(j - 1) } else { "" };
        next.bytes().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(
                prev,
                "in" | "since"
                    | "last"
                    | "next"
                    | "early"
                    | "mid"
                    | "late"
                    | "during"
                    | "until"
                    | "of"
                    | "from"
                    | "by"
            )
            || prev.bytes().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// A month name at word `k`: "October 11[, 2025]", "Oct. 11", "May 2025", "in May",
    /// "August last year", "mid-October".
    pub(super) fn month(&mut self, k: usize) -> Option<usize> {
        let lex = lexicon();
        let name = self.w(k);
        let m = lex.months[name];
        if name == "may" && !self.may_is_month(k) {
            return None;
        }
        let abbrev = name.len() <= 4 && name != "june" && name != "july" && name != "may";
        let next = self.w(k + 1);
        let gap_ok = self.joined(k, &["."]);
        // "October 11", "Oct. 11th", "Nov 03 2025".
        let day_text = next.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &next[day_text.len()..];
        if gap_ok
            && !day_text.is_empty()
            && day_text.len() <= 2
            && (suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th"))
            && let Ok(d) = day_text.parse::<u32>()
            && (1..=31).contains(&d)
        {
            let mut last = k + 1;
            let mut until = d;
            if self.gap(last).trim() == "-"
                && let Ok(d2) = self.w(last + 1).parse::<u32>()
                && d2 > d
                && d2 <= 31
            {
                until = d2;
                last += 1;
            }
            let (year, l) = self.year_after(last);
            let range = self.day_range(year, m, d, until);
            let first = self.modifier_before_month(k).map_or(k, |(f, _)| f).min(k);
            self.push(first, l, range, year.is_none());
            return Some(l + 1);
        }
        // "May 2025".
        if gap_ok
            && next.len() == 4
            && let Ok(y) = next.parse::<i32>()
            && (1900..=2100).contains(&y)
        {
            let (first, mode) = self.modifier_before_month(k).unwrap_or((k, ""));
            let range = month_range(y, m).map(|r| split_month(r, mode));
            self.push(first, k + 1, range, false);
            return Some(k + 2);
        }
        // "in May", "last August", "August last year", "mid-October".
        if abbrev
            && !(name == "sept" || name == "oct" || name == "nov" || name == "dec" || name == "aug")
        {
            // Short forms that are also words ("mar", "jan") need a day or a year.
            return None;
        }
        let prev = if k > 0 && self.joined(k - 1, &["-"]) {
            self.w(k - 1)
        } else {
            ""
        };
        let (year_word, after) = match (self.w(k + 1), self.w(k + 2)) {
            ("last", "year") if self.joined(k, &[]) && self.joined(k + 1, &[]) => (Some(-1), k + 2),
            ("this", "year") if self.joined(k, &[]) && self.joined(k + 1, &[]) => (Some(0), k + 2),
            ("next", "year") if self.joined(k, &[]) && self.joined(k + 1, &[]) => (Some(1), k + 2),
            _ => (None, k),
        };
        let modifier = self.modifier_before_month(k);
        let triggered = year_word.is_some()
            || modifier.is_some()
            || matches!(
                prev,
                "in" | "since"
                    | "during"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "through"
                    | "last"
                    | "next"
                    | "this"
                    | "of"
                    | "before"
                    | "after"
            );
        if !triggered {
            return None;
        }
        let mut first = k;
        let range = self.r.and_then(|r| match (year_word, prev) {
            (Some(dy), _) => month_range(r.year() + dy, m),
            (None, "last") => {
                first = k - 1;
                let y = if m < r.month() {
                    r.year()
                } else {
                    r.year() - 1
                };
                month_range(y, m)
            }
            (None, "next") => {
                first = k - 1;
                let y = if m > r.month() {
                    r.year()
                } else {
                    r.year() + 1
                };
                month_range(y, m)
            }
            (None, "this") => {
                first = k - 1;
                month_range(r.year(), m)
            }
            _ => infer_month(m, r),
        });
        let (mfirst, mode) = modifier.unwrap_or((first, ""));
        let range = range.map(|r| split_month(r, mode));
        self.push(mfirst.min(first), after, range, true);
        Some(after + 1)
    }

    /// "early", "mid", "late", "the end of", "the beginning of" before a month at word `k`.
    pub(super) fn modifier_before_month(&self, k: usize) -> Option<(usize, &'static str)> {
        self.year_modifier(k)
    }

    /// A weekday at word `k`, with "last"/"next"/"this"/"late"/"early" before and "night",
    /// "morning"... after.
    pub(super) fn weekday(&mut self, k: usize) -> Option<usize> {
        let lex = lexicon();
        let wd = lex.weekdays[self.w(k)];
        let prev = if k > 0 && self.joined(k - 1, &[]) {
            self.w(k - 1)
        } else {
            ""
        };
        let mut first = k;
        let mut last = k;
        if PARTS_OF_DAY.contains(&self.w(k + 1)) && self.joined(k, &[]) {
            last = k + 1;
        }
        // A dateline or a full date after: "Monday, March 9, 2026" is the month's business.
        if lex.months.contains_key(self.w(k + 1)) && self.joined(k, &[","]) {
            return self.month(k + 1);
        }
        let mode = match prev {
            "last" | "next" | "this" | "late" | "early" | "previous" => {
                first = k - 1;
                prev
            }
            _ => "",
        };
        let range = self.r.map(|r| {
            let back = (7 + r.weekday().number_from_monday() - wd) % 7;
            let d = match mode {
                "last" | "previous" => r - Days::new(u64::from(if back == 0 { 7 } else { back })),
                "next" => {
                    let fwd = (7 + wd - r.weekday().number_from_monday()) % 7;
                    r + Days::new(u64::from(if fwd == 0 { 7 } else { fwd }))
                }
                "this" => {
                    let monday = r - Days::new(u64::from(r.weekday().num_days_from_monday()));
                    monday + Days::new(u64::from(wd - 1))
                }
                _ => r - Days::new(u64::from(back)),
            };
            (d, d)
        });
        self.push(first, last, range, true);
        Some(last + 1)
    }

    /// "Mon Nov 03 2025": a weekday abbreviation before a month and day.
    pub(super) fn dateline(&mut self, k: usize) -> Option<usize> {
        let lex = lexicon();
        if !lex.months.contains_key(self.w(k + 1)) || !self.joined(k, &[",", "."]) {
            return None;
        }
        let before = self.out.len();
        let next = self.month(k + 1)?;
        if let Some(d) = self.out.get_mut(before) {
            let s = self.words[k].s;
            d.span.start = s;
            d.text = self.t[s..d.span.end].to_string();
        }
        Some(next)
    }
}
