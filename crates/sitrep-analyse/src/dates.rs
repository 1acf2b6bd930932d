//! Dates: temporal expressions of a text, resolved against a reference date.
//!
//! Takes folded (lower-case) text, or an [`Analysis`], and the reference date (the
//! publication date, when known). Gives a [`DateExpr`] for every absolute expression
//! ("11 October", "Oct 11", "October 11, 2025", "2025-10-11", "Mon Nov 03 2025", "in May
//! 2025", "in 2023", "mid-2023") and every relative one ("today", "yesterday", "on Wednesday",
//! "on Tuesday night", "last week", "earlier this month", "in August last year", "overnight",
//! "the night before last", "two days ago", "the past 24 hours"), as a range of days
//! (`start == end` for a known day). Without a reference date, expressions that need one
//! keep their text and get no range.
//!
//! Conventions: weeks run Monday to Sunday; a bare weekday ("on Friday") is the most recent
//! such day on or before the reference date (news published on a Friday says "on Friday" for
//! that day), "last Friday" the one strictly before; "early", "mid" and "late" split a month
//! into days 1-10, 11-20 and 21 to the end, and a year into January-April, May-August and
//! September-December. Relative phrases are knowledge, in `data/dates.txt`.

use std::sync::OnceLock;

use chrono::{Datelike, Days, Months, NaiveDate};
use sitrep_model::Span;

use crate::Analysis;
use crate::lexicon::{Map, Prefixes, Set, lexicon};

/// A temporal expression and the days it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateExpr {
    /// Where, in the text scanned (the original text for [`find_dates`]).
    pub span: Span,
    /// The words.
    pub text: String,
    /// First day covered, when it can be resolved.
    pub start: Option<NaiveDate>,
    /// Last day covered (equal to `start` for a known day).
    pub end: Option<NaiveDate>,
    /// True when the expression depends on the reference date ("last week").
    pub relative: bool,
}

impl DateExpr {
    /// The range as written in a record: `2024` for a calendar year, `2025-10` for a month,
    /// `2025-10-11` for a day, `start/end` otherwise; the words when unresolved.
    pub fn period(&self) -> String {
        let (Some(s), Some(e)) = (self.start, self.end) else {
            return self.text.clone();
        };
        if s == e {
            return s.to_string();
        }
        if s.day() == 1
            && s.month() == 1
            && e.month() == 12
            && e.day() == 31
            && s.year() == e.year()
        {
            return s.year().to_string();
        }
        if s.day() == 1 && s.year() == e.year() && s.month() == e.month() && e == month_end(s) {
            return format!("{:04}-{:02}", s.year(), s.month());
        }
        format!("{s}/{e}")
    }
}

/// The rules of `data/dates.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
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
    fn parse(s: &str) -> Option<Rule> {
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

    fn resolve(self, r: NaiveDate) -> (NaiveDate, NaiveDate) {
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

struct Phrases {
    /// First word to the phrases starting with it, longest first.
    by_first: Map<Vec<(Vec<&'static str>, Rule)>>,
    /// Every word that can start a date expression (besides digits).
    triggers: Set,
    /// Their first two bytes.
    prefixes: Prefixes,
    /// Triggers that make an expression alone: months, weekdays, one-word phrases.
    alone: Set,
    /// Words that may follow a trigger that does not stand alone ("last" + "week", "two" +
    /// "days"): second words of phrases and time units.
    seconds: Set,
}

fn phrases() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let mut by_first: Map<Vec<(Vec<&'static str>, Rule)>> = Map::default();
        for line in include_str!("../data/dates.txt").lines() {
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

fn month_end(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    first + Months::new(1) - Days::new(1)
}

fn year_range(y: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or_default(),
    )
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some((s, month_end(s)))
}

/// A day and month without a year: the year that puts it closest before the reference (a
/// date up to 31 days ahead stays in the reference year: an announced event).
fn infer_year(m: u32, d: u32, r: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(r.year(), m, d)?;
    if this > r + Days::new(31) {
        NaiveDate::from_ymd_opt(r.year() - 1, m, d)
    } else {
        Some(this)
    }
}

/// A month without a year: the most recent such month, the reference's own included.
fn infer_month(m: u32, r: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let y = if m > r.month() {
        r.year() - 1
    } else {
        r.year()
    };
    month_range(y, m)
}

/// Every temporal expression of `analysis`, resolved against `reference`, with spans in the
/// original text; expressions inside removed ranges are dropped.
pub fn find_dates(analysis: &Analysis, reference: Option<NaiveDate>) -> Vec<DateExpr> {
    let doc = analysis.doc;
    let folded = &analysis.folded;
    let original = doc.text.as_str();
    scan_dates(&folded.text, reference)
        .into_iter()
        .filter_map(|mut d| {
            d.span = folded.to_original(d.span, original);
            d.text = d.span.of(original).to_string();
            (!doc.overlaps_removed(d.span)).then_some(d)
        })
        .collect()
}

/// The temporal expressions of `analysis` that start inside the original `spans` (sentences,
/// say), resolved against `reference`: as [`find_dates`], reading only those spans.
pub fn find_dates_in(
    analysis: &Analysis,
    reference: Option<NaiveDate>,
    spans: &[Span],
) -> Vec<DateExpr> {
    let doc = analysis.doc;
    let folded = &analysis.folded;
    let original = doc.text.as_str();
    let mut out = Vec::new();
    for s in spans {
        let range = Span::new(folded.folded_offset(s.start), folded.folded_offset(s.end));
        for mut d in scan_dates_range(&folded.text, reference, range) {
            d.span = folded.to_original(d.span, original);
            d.text = d.span.of(original).to_string();
            if !doc.overlaps_removed(d.span) {
                out.push(d);
            }
        }
    }
    out
}

/// Every temporal expression of a folded (lower-case) text; spans are offsets into `text`.
///
/// Words are read only around the words that can start a date (digits, month and weekday
/// names, relative words): a window of a few words either side, so the scan costs a pass
/// over the bytes and little more.
pub fn scan_dates(text: &str, reference: Option<NaiveDate>) -> Vec<DateExpr> {
    scan_dates_range(text, reference, Span::new(0, text.len()))
}

/// The temporal expressions of a folded text whose trigger word starts inside `range`.
pub fn scan_dates_range(text: &str, reference: Option<NaiveDate>, range: Span) -> Vec<DateExpr> {
    const BACK: usize = 4;
    const AHEAD: usize = 9;
    let b = text.as_bytes();
    let p = phrases();
    let mut out = Vec::new();
    let mut win: Vec<W> = Vec::with_capacity(BACK + AHEAD + 1);
    let mut i = range.start.min(b.len());
    // Start at a word boundary.
    while i > 0 && i < b.len() && is_word_byte(b[i]) && is_word_byte(b[i - 1]) {
        i += 1;
    }
    let stop = range.end.min(b.len());
    while i < stop {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && is_word_byte(b[i]) {
            i += 1;
        }
        let w = &b[s..i];
        if !(w[0].is_ascii_digit() || p.prefixes.maybe(w) && p.triggers.contains(&text[s..i])) {
            continue;
        }
        if !w[0].is_ascii_digit() && !p.alone.contains(&text[s..i]) {
            // "last", "the", "two", "a": only with the right next word.
            let mut q = i;
            while q < b.len() && (b[q] == b' ' || b[q] == b'\t') {
                q += 1;
            }
            let ns = q;
            while q < b.len() && is_word_byte(b[q]) {
                q += 1;
            }
            if q == ns || !p.seconds.contains(&text[ns..q]) {
                continue;
            }
        }
        // The window: up to BACK words before, the word, up to AHEAD words after.
        win.clear();
        let mut q = s;
        while win.len() < BACK && q > 0 {
            while q > 0 && !is_word_byte(b[q - 1]) {
                q -= 1;
            }
            let e = q;
            while q > 0 && is_word_byte(b[q - 1]) {
                q -= 1;
            }
            if e > q {
                win.push(W { s: q, e });
            }
        }
        win.reverse();
        let k = win.len();
        win.push(W { s, e: i });
        let mut q = i;
        while win.len() < k + 1 + AHEAD && q < b.len() {
            while q < b.len() && !is_word_byte(b[q]) {
                q += 1;
            }
            let ws = q;
            while q < b.len() && is_word_byte(b[q]) {
                q += 1;
            }
            if q > ws {
                win.push(W { s: ws, e: q });
            }
        }
        let mut sc = DateScanner {
            t: text,
            words: &win,
            r: reference,
            out: std::mem::take(&mut out),
        };
        let next = sc.at(k);
        out = sc.out;
        if let Some(n) = next {
            i = i.max(win[n.max(k + 1) - 1].e);
        }
    }
    out
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

/// Resolves the first temporal expression of `text` (any case) against `reference`.
pub fn resolve(text: &str, reference: Option<NaiveDate>) -> Option<DateExpr> {
    let folded = text.to_lowercase();
    scan_dates(&folded, reference).into_iter().next()
}

/// A word of the folded text: letters and digits, with what stands between it and the next.
#[derive(Clone, Copy, Debug)]
struct W {
    s: usize,
    e: usize,
}

struct DateScanner<'a> {
    t: &'a str,
    words: &'a [W],
    r: Option<NaiveDate>,
    out: Vec<DateExpr>,
}

const PARTS_OF_DAY: [&str; 5] = ["night", "morning", "afternoon", "evening", "nights"];

impl DateScanner<'_> {
    fn w(&self, k: usize) -> &str {
        self.words.get(k).map_or("", |w| &self.t[w.s..w.e])
    }

    /// The bytes between word `k` and word `k + 1`.
    fn gap(&self, k: usize) -> &str {
        match (self.words.get(k), self.words.get(k + 1)) {
            (Some(a), Some(b)) => &self.t[a.e..b.s],
            _ => "\n",
        }
    }

    /// True when words `k` and `k + 1` are separated by white space only (or `allow`).
    fn joined(&self, k: usize, allow: &[&str]) -> bool {
        let g = self.gap(k);
        g.bytes().all(|c| c == b' ' || c == b'\t') && !g.is_empty()
            || allow
                .iter()
                .any(|a| g.trim() == *a && g.len() <= a.len() + 2)
    }

    fn push(
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
    fn at(&mut self, k: usize) -> Option<usize> {
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
    fn relative_phrase(&mut self, k: usize) -> Option<usize> {
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
    fn ago(&mut self, k: usize) -> Option<usize> {
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
    fn year_modifier(&self, k: usize) -> Option<(usize, &'static str)> {
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

    /// Digits at word `k`: ISO dates, day-month dates, years.
    fn digits(&mut self, k: usize) -> Option<usize> {
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
    fn is_year(&self, k: usize) -> bool {
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
    fn year_after(&self, j: usize) -> (Option<i32>, usize) {
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

    fn day_range(
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

    fn may_is_month(&self, j: usize) -> bool {
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
    fn month(&mut self, k: usize) -> Option<usize> {
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
    fn modifier_before_month(&self, k: usize) -> Option<(usize, &'static str)> {
        self.year_modifier(k)
    }

    /// A weekday at word `k`, with "last"/"next"/"this"/"late"/"early" before and "night",
    /// "morning"... after.
    fn weekday(&mut self, k: usize) -> Option<usize> {
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
    fn dateline(&mut self, k: usize) -> Option<usize> {
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

/// A month range narrowed by "early", "mid", "late", "end", "start".
fn split_month((s, e): (NaiveDate, NaiveDate), mode: &str) -> (NaiveDate, NaiveDate) {
    let day = |d| s.with_day(d).unwrap_or(s);
    match mode {
        "early" | "start" => (s, day(10)),
        "mid" => (day(11), day(20)),
        "late" | "end" => (day(21), e),
        _ => (s, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// (text, reference, expected start, expected end): the expression is the first one found.
    const TABLE: &[(&str, &str, &str, &str)] = &[
        // Absolute days.
        (
            "clashes began on 11 October",
            "2025-11-03",
            "2025-10-11",
            "2025-10-11",
        ),
        (
            "clashes began on 11th October",
            "2025-11-03",
            "2025-10-11",
            "2025-10-11",
        ),
        (
            "clashes began on the 11th of October",
            "2025-11-03",
            "2025-10-11",
            "2025-10-11",
        ),
        (
            "the ceasefire of Oct 17",
            "2025-11-03",
            "2025-10-17",
            "2025-10-17",
        ),
        (
            "the ceasefire of Oct. 17",
            "2025-11-03",
            "2025-10-17",
            "2025-10-17",
        ),
        (
            "on October 11, 2025, they met",
            "2026-02-01",
            "2025-10-11",
            "2025-10-11",
        ),
        (
            "on March 11, 2025, in which",
            "2026-02-11",
            "2025-03-11",
            "2025-03-11",
        ),
        ("on 6 March 2026", "2026-03-10", "2026-03-06", "2026-03-06"),
        (
            "published 2025-10-11",
            "2026-01-01",
            "2025-10-11",
            "2025-10-11",
        ),
        ("Mon Nov 03 2025", "2025-11-03", "2025-11-03", "2025-11-03"),
        ("thu feb 26 2026", "2026-02-26", "2026-02-26", "2026-02-26"),
        ("on December 28", "2026-01-05", "2025-12-28", "2025-12-28"),
        (
            "talks on January 20",
            "2026-01-05",
            "2026-01-20",
            "2026-01-20",
        ),
        (
            "between 11-17 October",
            "2025-11-03",
            "2025-10-11",
            "2025-10-17",
        ),
        ("since January 1", "2026-03-10", "2026-01-01", "2026-03-10"),
        (
            "in power since 2008",
            "2025-10-10",
            "2008-01-01",
            "2025-10-10",
        ),
        // Months and years.
        ("in May 2025", "2026-02-11", "2025-05-01", "2025-05-31"),
        ("in November 2024", "2026-02-11", "2024-11-01", "2024-11-30"),
        ("in August", "2025-10-10", "2025-08-01", "2025-08-31"),
        ("in December", "2025-10-10", "2024-12-01", "2024-12-31"),
        (
            "in August last year",
            "2026-02-11",
            "2025-08-01",
            "2025-08-31",
        ),
        ("last August", "2026-02-11", "2025-08-01", "2025-08-31"),
        ("in early October", "2025-11-03", "2025-10-01", "2025-10-10"),
        ("in mid-October", "2025-11-03", "2025-10-11", "2025-10-20"),
        ("in late October", "2025-11-03", "2025-10-21", "2025-10-31"),
        ("in 2023", "2026-02-11", "2023-01-01", "2023-12-31"),
        ("in mid-2023", "2026-02-11", "2023-05-01", "2023-08-31"),
        (
            "by the end of 2023",
            "2026-02-11",
            "2023-11-01",
            "2023-12-31",
        ),
        ("early 2024", "2026-02-11", "2024-01-01", "2024-04-30"),
        // Relative days.
        ("today", "2026-03-10", "2026-03-10", "2026-03-10"),
        ("Yesterday", "2026-03-10", "2026-03-09", "2026-03-09"),
        (
            "yesterday afternoon",
            "2026-03-10",
            "2026-03-09",
            "2026-03-09",
        ),
        ("late last night", "2026-03-10", "2026-03-09", "2026-03-09"),
        (
            "the day before yesterday",
            "2026-03-10",
            "2026-03-08",
            "2026-03-08",
        ),
        (
            "the night before last",
            "2026-03-10",
            "2026-03-08",
            "2026-03-09",
        ),
        (
            "overnight strikes",
            "2025-10-10",
            "2025-10-09",
            "2025-10-10",
        ),
        ("two days ago", "2026-03-10", "2026-03-08", "2026-03-08"),
        ("2 days ago", "2026-03-10", "2026-03-08", "2026-03-08"),
        ("a week ago", "2026-03-10", "2026-03-03", "2026-03-03"),
        (
            "in the past 24 hours",
            "2026-03-10",
            "2026-03-09",
            "2026-03-10",
        ),
        // Weekdays: 2026-02-11 is a Wednesday, 2026-02-25 a Wednesday, 2026-03-09 a Monday.
        (
            "officials on Wednesday rejected",
            "2026-02-11",
            "2026-02-11",
            "2026-02-11",
        ),
        ("on Tuesday night", "2026-02-25", "2026-02-24", "2026-02-24"),
        ("late Tuesday", "2026-02-25", "2026-02-24", "2026-02-24"),
        ("on tuesday night", "2026-02-26", "2026-02-24", "2026-02-24"),
        ("last Friday", "2026-03-09", "2026-03-06", "2026-03-06"),
        ("last Monday", "2026-03-09", "2026-03-02", "2026-03-02"),
        ("on Sunday", "2026-03-09", "2026-03-08", "2026-03-08"),
        ("next Friday", "2026-03-09", "2026-03-13", "2026-03-13"),
        // Relative weeks, months, years.
        ("last week", "2026-02-11", "2026-02-02", "2026-02-08"),
        ("this week", "2026-02-11", "2026-02-09", "2026-02-11"),
        (
            "earlier this week",
            "2026-02-11",
            "2026-02-09",
            "2026-02-10",
        ),
        (
            "earlier this month",
            "2024-11-19",
            "2024-11-01",
            "2024-11-18",
        ),
        ("this month", "2024-11-19", "2024-11-01", "2024-11-19"),
        ("last month", "2025-11-03", "2025-10-01", "2025-10-31"),
        ("last month", "2026-01-15", "2025-12-01", "2025-12-31"),
        ("this year", "2025-10-10", "2025-01-01", "2025-10-10"),
        (
            "earlier this year",
            "2025-10-10",
            "2025-01-01",
            "2025-10-10",
        ),
        ("last year", "2026-03-10", "2025-01-01", "2025-12-31"),
        ("last weekend", "2026-03-11", "2026-03-07", "2026-03-08"),
        ("the past week", "2026-03-10", "2026-03-03", "2026-03-10"),
    ];

    #[test]
    fn table() {
        assert!(TABLE.len() >= 40);
        let mut failures = Vec::new();
        for &(text, r, s, e) in TABLE {
            let got = resolve(text, Some(d(r)));
            let want = (Some(d(s)), Some(d(e)));
            match got {
                Some(x) if (x.start, x.end) == want => {}
                other => failures.push(format!("{text:?} @ {r}: got {other:?}, want {s}..{e}")),
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    #[test]
    fn not_dates() {
        for text in [
            "they may have fled",
            "a long march to the capital",
            "resolution 1988 of the council",
            "nearly 2000 people",
            "Rs 2,000 each",
            "14,535 operations",
            "the sun rose",
        ] {
            let got = resolve(text, Some(d("2025-10-10")));
            assert!(got.is_none(), "{text}: {got:?}");
        }
    }

    #[test]
    fn spans_and_text() {
        let t = "the attack on tuesday night, and in august last year, killed 12";
        let got = scan_dates(t, Some(d("2026-02-25")));
        let texts: Vec<&str> = got.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, vec!["tuesday night", "august last year"]);
        assert_eq!(got[0].span.of(t), "tuesday night");
    }

    #[test]
    fn without_reference_keeps_text() {
        let got = resolve("last week", None).unwrap();
        assert_eq!(got.text, "last week");
        assert_eq!((got.start, got.end), (None, None));
        // Absolute dates need no reference.
        let got = resolve("on March 11, 2025", None).unwrap();
        assert_eq!(got.start, Some(d("2025-03-11")));
        let got = resolve("in 2023", None).unwrap();
        assert_eq!(got.period(), "2023");
    }

    #[test]
    fn periods() {
        let r = Some(d("2025-10-10"));
        assert_eq!(
            resolve("this year", r).unwrap().period(),
            "2025-01-01/2025-10-10"
        );
        assert_eq!(resolve("in May 2025", r).unwrap().period(), "2025-05");
        assert_eq!(resolve("on 11 October", r).unwrap().period(), "2025-10-11");
        assert_eq!(resolve("last year", r).unwrap().period(), "2024");
    }
}
