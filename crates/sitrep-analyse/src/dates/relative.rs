//! Word access for the date scanner, and relative expressions: phrases of the data file,
//! "two days ago", "the past 24 hours", and year modifiers ("last year").
//!
//! Takes the index of a word; pushes the [`DateExpr`] found there and gives where it ends.

use chrono::{Days, Months, NaiveDate};
use sitrep_model::Span;

use crate::lexicon::lexicon;

use super::phrases::{Rule, phrases};
use super::{DateExpr, DateScanner, PARTS_OF_DAY};

impl DateScanner<'_> {
    pub(super) fn w(&self, k: usize) -> &str {
        self.words.get(k).map_or("", |w| &self.t[w.s..w.e])
    }

    /// The bytes between word `k` and word `k + 1`.
    pub(super) fn gap(&self, k: usize) -> &str {
        match (self.words.get(k), self.words.get(k + 1)) {
            (Some(a), Some(b)) => &self.t[a.e..b.s],
            _ => "\n",
        }
    }

    /// True when words `k` and `k + 1` are separated by white space only (or `allow`).
    pub(super) fn joined(&self, k: usize, allow: &[&str]) -> bool {
        let g = self.gap(k);
        g.bytes().all(|c| c == b' ' || c == b'\t') && !g.is_empty()
            || allow
                .iter()
                .any(|a| g.trim() == *a && g.len() <= a.len() + 2)
    }

    pub(super) fn push(
        &mut self,
        first: usize,
        last: usize,
        range: Option<(NaiveDate, NaiveDate)>,
        relative: bool,
    ) {
        // "since 2008", "since January 1": from then to the reference date.
        let (first, range, relative) = match (first.checked_sub(1), self.r) {
            (Some(p), Some(r)) if self.w(p) == "since" && self.joined(p, &[]) => {
                (p, range.map(|(st, en)| (st, en.max(r))), true)
            }
            _ => (first, range, relative),
        };
        let s = self.words[first].s;
        let e = self.words[last].e;
        if self.out.last().is_some_and(|d| d.span.end > s) {
            return; // modifiers already read as part of the expression before
        }
        self.out.push(DateExpr {
            span: Span::new(s, e),
            text: self.t[s..e].to_string(),
            start: range.map(|r| r.0),
            end: range.map(|r| r.1),
            relative,
        });
    }

    /// The expression starting at (or with modifiers before) word `k`: the index of the word
    /// after it.
    pub(super) fn at(&mut self, k: usize) -> Option<usize> {
        let lex = lexicon();
        self.relative_phrase(k)
            .or_else(|| self.ago(k))
            .or_else(|| self.digits(k))
            .or_else(|| {
                let w = self.w(k);
                if lex.months.contains_key(w) {
                    self.month(k)
                } else if lex.weekdays.contains_key(w) {
                    self.weekday(k)
                } else if lex.weekday_abbreviations.contains_key(w) {
                    self.dateline(k)
                } else {
                    None
                }
            })
    }

    /// A phrase of `data/dates.txt` at word `k`.
    pub(super) fn relative_phrase(&mut self, k: usize) -> Option<usize> {
        let cands = phrases().by_first.get(self.w(k))?;
        for (words, rule) in cands {
            let n = words.len();
            if k + n > self.words.len() {
                continue;
            }
            let ok = words
                .iter()
                .enumerate()
                .all(|(j, w)| self.w(k + j) == *w && (j + 1 == n || self.joined(k + j, &[])));
            if !ok {
                continue;
            }
            // "last week" inside "last weekend" cannot happen (whole words); a month before
            // "last year" was consumed by the month rule.
            let mut last = k + n - 1;
            if matches!(rule, Rule::Yesterday | Rule::Today)
                && PARTS_OF_DAY.contains(&self.w(last + 1))
                && self.joined(last, &[])
                && self.w(last) != "night"
            {
                last += 1;
            }
            let range = self.r.map(|r| rule.resolve(r));
            self.push(k, last, range, true);
            return Some(last + 1);
        }
        None
    }

    /// "two days ago", "2 weeks ago", "a month ago", "the past 24 hours", "the last two weeks".
    pub(super) fn ago(&mut self, k: usize) -> Option<usize> {
        let lex = lexicon();
        let w = self.w(k);
        let n: u32 = if let Ok(v) = w.parse::<u32>() {
            v
        } else if let Some(&v) = lex.words.get(w) {
            v as u32
        } else if matches!(w, "a" | "an") {
            1
        } else {
            return None;
        };
        let unit = self.w(k + 1);
        if !lex.time_units.contains(unit) || !self.joined(k, &[]) {
            return None;
        }
        let days = |unit: &str| -> Option<(u32, u32)> {
            // (days, months)
            Some(match unit.trim_end_matches('s') {
                "day" => (n, 0),
                "night" => (n, 0),
                "week" => (7 * n, 0),
                "fortnight" => (14 * n, 0),
                "month" => (0, n),
                "year" | "yr" => (0, 12 * n),
                "hour" | "hr" => (n.div_ceil(24), 0),
                _ => return None,
            })
        };
        let shift = |r: NaiveDate, (d, m): (u32, u32)| {
            r.checked_sub_days(Days::new(u64::from(d)))
                .and_then(|x| x.checked_sub_months(Months::new(m)))
                .unwrap_or(NaiveDate::MIN)
        };
        if self.w(k + 2) == "ago" && self.joined(k + 1, &[]) {
            let amount = days(unit)?;
            let range = self.r.map(|r| {
                let d = shift(r, amount);
                (d, d)
            });
            self.push(k, k + 2, range, true);
            return Some(k + 3);
        }
        // "the past 24 hours", "the last two weeks", "in the past three days".
        if k >= 1
            && matches!(self.w(k - 1), "past" | "last")
            && self.joined(k - 1, &[])
            && !matches!(w, "a" | "an")
        {
            let amount = days(unit)?;
            let first = if k >= 2 && self.w(k - 2) == "the" {
                k - 2
            } else {
                k - 1
            };
            let range = self.r.map(|r| (shift(r, amount), r));
            self.push(first, k + 1, range, true);
            return Some(k + 2);
        }
        None
    }

    /// A year before word `k`'s modifiers ("mid-2023", "early 2023", "the end of 2023").
    pub(super) fn year_modifier(&self, k: usize) -> Option<(usize, &'static str)> {
        if k == 0 {
            return None;
        }
        let p = self.w(k - 1);
        let hyphen = self.gap(k - 1) == "-";
        let spaced = self.joined(k - 1, &[]);
        match p {
            "mid" if hyphen || spaced => Some((k - 1, "mid")),
            "early" | "late" if spaced || hyphen => {
                Some((k - 1, if p == "early" { "early" } else { "late" }))
            }
            "end" if hyphen => Some((k - 1, "end")),
            "of" if spaced && k >= 2 => {
                let q = self.w(k - 2);
                let mode = match q {
                    "end" => "end",
                    "beginning" | "start" => "start",
                    "middle" => "mid",
                    _ => return None,
                };
                let first = if k >= 3 && self.w(k - 3) == "the" {
                    k - 3
                } else {
                    k - 2
                };
                Some((first, mode))
            }
            _ => None,
        }
    }
}
