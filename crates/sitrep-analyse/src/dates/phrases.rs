//! The relative phrases of `data/dates.txt` and the rules that resolve them.
//!
//! Takes the data file (compiled in); gives [`Phrases`]: phrases by first word, with their
//! [`Rule`], and the trigger words the scanner looks for.

use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::lexicon::{Map, Prefixes, Set, lexicon};

use super::calendar::{month_end, year_range};

/// The rules of `data/dates.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rule {
    Today,
    Yesterday,
    Tomorrow,
    DayBeforeYesterday,
    NightBeforeLast,
    Overnight,
    ThisWeek,
    EarlierThisWeek,
    LastWeek,
    PastWeek,
    NextWeek,
    ThisMonth,
    EarlierThisMonth,
    LastMonth,
    PastMonth,
    NextMonth,
    ThisYear,
    EarlierThisYear,
    LastYear,
    PastYear,
    NextYear,
    LastWeekend,
    ThisWeekend,
}

impl Rule {
    pub(super) fn parse(s: &str) -> Option<Rule> {
        use Rule::*;
        Some(match s {
            "today" => Today,
            "yesterday" => Yesterday,
            "tomorrow" => Tomorrow,
            "day_before_yesterday" => DayBeforeYesterday,
            "night_before_last" => NightBeforeLast,
            "overnight" => Overnight,
            "this_week" => ThisWeek,
            "earlier_this_week" => EarlierThisWeek,
            "last_week" => LastWeek,
            "past_week" => PastWeek,
            "next_week" => NextWeek,
            "this_month" => ThisMonth,
            "earlier_this_month" => EarlierThisMonth,
            "last_month" => LastMonth,
            "past_month" => PastMonth,
            "next_month" => NextMonth,
            "this_year" => ThisYear,
            "earlier_this_year" => EarlierThisYear,
            "last_year" => LastYear,
            "past_year" => PastYear,
            "next_year" => NextYear,
            "last_weekend" => LastWeekend,
            "this_weekend" => ThisWeekend,
            _ => return None,
        })
    }

    pub(super) fn resolve(self, r: NaiveDate) -> (NaiveDate, NaiveDate) {
        use Rule::*;
        let monday = r - Days::new(u64::from(r.weekday().num_days_from_monday()));
        let first = r.with_day(1).unwrap_or(r);
        let jan1 = NaiveDate::from_ymd_opt(r.year(), 1, 1).unwrap_or(r);
        let day = |n: i64| r + chrono::Duration::days(n);
        match self {
            Today => (r, r),
            Yesterday => (day(-1), day(-1)),
            Tomorrow => (day(1), day(1)),
            DayBeforeYesterday => (day(-2), day(-2)),
            NightBeforeLast => (day(-2), day(-1)),
            Overnight => (day(-1), r),
            ThisWeek => (monday, r),
            EarlierThisWeek => (monday, (r - Days::new(1)).max(monday)),
            LastWeek => (monday - Days::new(7), monday - Days::new(1)),
            PastWeek => (day(-7), r),
            NextWeek => (monday + Days::new(7), monday + Days::new(13)),
            ThisMonth => (first, r),
            EarlierThisMonth => (first, (r - Days::new(1)).max(first)),
            LastMonth => {
                let s = first - Months::new(1);
                (s, month_end(s))
            }
            PastMonth => (r - Months::new(1), r),
            NextMonth => {
                let s = first + Months::new(1);
                (s, month_end(s))
            }
            ThisYear | EarlierThisYear => (jan1, r),
            LastYear => year_range(r.year() - 1),
            PastYear => (r - Months::new(12), r),
            NextYear => year_range(r.year() + 1),
            LastWeekend => {
                let sat = monday - Days::new(2);
                (sat, sat + Days::new(1))
            }
            ThisWeekend => {
                let sat = monday + Days::new(5);
                (sat, sat + Days::new(1))
            }
        }
    }
}

pub(super) struct Phrases {
    /// First word to the phrases starting with it, longest first.
    pub(super) by_first: Map<Vec<(Vec<&'static str>, Rule)>>,
    /// Every word that can start a date expression (besides digits).
    pub(super) triggers: Set,
    /// Their first two bytes.
    pub(super) prefixes: Prefixes,
    /// Triggers that make an expression alone: months, weekdays, one-word phrases.
    pub(super) alone: Set,
    /// Words that may follow a trigger that does not stand alone ("last" + "week", "two" +
    /// "days"): second words of phrases and time units.
    pub(super) seconds: Set,
}

pub(super) fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let mut by_first: Map<Vec<(Vec<&'static str>, Rule)>> = Map::default();
        for line in include_str!("../../data/dates.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
                continue;
            }
            let Some((k, v)) = line.split_once(" = ") else {
                continue;
            };
            let Some(rule) = Rule::parse(v.trim()) else {
                continue;
            };
            let words: Vec<&'static str> = k.split_whitespace().collect();
            by_first.entry(words[0]).or_default().push((words, rule));
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let lex = lexicon();
        let triggers: Set = by_first
            .keys()
            .chain(lex.words.keys())
            .chain(lex.months.keys())
            .chain(lex.weekdays.keys())
            .chain(lex.weekday_abbreviations.keys())
            .chain(["a", "an"].iter())
            .copied()
            .collect();
        let prefixes = Prefixes::of(Set::iter(&triggers).copied());
        let alone: Set = by_first
            .iter()
            .filter(|(_, v)| v.iter().any(|(w, _)| w.len() == 1))
            .map(|(k, _)| *k)
            .chain(lex.months.keys().copied())
            .chain(lex.weekdays.keys().copied())
            .chain(lex.weekday_abbreviations.keys().copied())
            .collect();
        let seconds: Set = by_first
            .values()
            .flatten()
            .filter_map(|(w, _)| w.get(1).copied())
            .chain(Set::iter(&lex.time_units).copied())
            .collect();
        Phrases {
            by_first,
            triggers,
            prefixes,
            alone,
            seconds,
        }
    })
}
