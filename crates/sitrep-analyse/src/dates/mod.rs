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
//!
//! The parts: `phrases` (the data file and its rules), `calendar` (ranges of days),
//! `relative` (phrases, "ago", year modifiers) and `absolute` (dates, months, weekdays).

mod absolute;
mod calendar;
mod phrases;
mod relative;
#[cfg(test)]
mod tests;

use chrono::{Datelike, NaiveDate};
use sitrep_model::Span;

use crate::Analysis;
use calendar::month_end;
use phrases::phrases;

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
