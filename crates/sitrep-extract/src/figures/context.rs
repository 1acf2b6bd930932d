//! The place and period of a figure: the nearest place mention said as where, and the
//! nearest date or year in the sentence.
//!
//! Takes a figure's span, the sentence, place hints and date expressions; gives its place
//! and period.

use sitrep_analyse::Analysis;
use sitrep_analyse::dates::DateExpr;
use sitrep_model::Span;

use super::text::{before_at, norm};

/// A place named as where something is: "in KP", "across Balochistan", "near Quetta".
pub(super) fn locative(text: &str, place: Span) -> bool {
    let before = norm(before_at(text, place.start, 20));
    let before = before.strip_suffix(" the").unwrap_or(&before);
    [
        "in",
        "across",
        "at",
        "near",
        "throughout",
        "from",
        "within",
        "inside",
    ]
    .iter()
    .any(|p| before == *p || before.ends_with(&format!(" {p}")))
}

/// The nearest of `items` to `at` in the same sentence, preferring one just after.
pub(super) fn nearest<'p>(
    a: &Analysis,
    at: Span,
    sentence: Option<usize>,
    bounds: (usize, usize),
    items: impl Iterator<Item = (Span, &'p str)>,
) -> Option<&'p str> {
    let s = a.sentences.get(sentence?)?.span;
    let (prev_end, next_start) = bounds;
    let items: Vec<_> = items
        .filter(|(sp, _)| sp.start >= s.start && sp.end <= s.end && !sp.overlaps(at))
        .collect();
    // Its own phrase first ("53,309 in Balochistan"), then before it when it opens the
    // sentence's figures ("In Balochistan alone, 1,012").
    items
        .iter()
        .filter(|(sp, _)| sp.start >= at.end && sp.start < next_start)
        .min_by_key(|(sp, _)| sp.start)
        .or_else(|| {
            items
                .iter()
                .filter(|(sp, _)| sp.end <= at.start && sp.start >= prev_end)
                .max_by_key(|(sp, _)| sp.end)
        })
        .map(|(_, n)| *n)
}

/// The period of a figure: the nearest date expression in its sentence, a year for a whole
/// or running year ("in 2024", "this year"), a month for a whole or running month.
pub(super) fn period_of(
    a: &Analysis,
    at: Span,
    sentence: Option<usize>,
    dates: &[DateExpr],
) -> Option<String> {
    let s = a.sentences.get(sentence?)?.span;
    let text = a.text();
    // "the spokesman said on Tuesday": when the figure was stated, not its period.
    let statement_date = |d: &DateExpr| {
        let before = norm(before_at(text, d.span.start, 28));
        [
            "said",
            "told",
            "added",
            "stated",
            "announced",
            "noted",
            "claimed",
            "reporters",
            "journalists",
        ]
        .iter()
        .any(|v| before.ends_with(&format!("{v} on")) || before.ends_with(v))
    };
    let d = dates
        .iter()
        .filter(|d| d.span.start >= s.start && d.span.end <= s.end && !statement_date(d))
        .min_by_key(|d| {
            if d.span.start >= at.end {
                (d.span.start - at.end) * 2 / 3
            } else {
                at.start.saturating_sub(d.span.end)
            }
        })?;
    use chrono::Datelike;
    match (d.start, d.end) {
        (Some(st), Some(en))
            if st.year() == en.year()
                && st.month() == 1
                && st.day() == 1
                && (en.month() > 1 || en.day() > 27) =>
        {
            Some(st.year().to_string())
        }
        (Some(st), Some(en))
            if st.year() == en.year() && st.month() == en.month() && st.day() == 1 && st != en =>
        {
            Some(format!("{:04}-{:02}", st.year(), st.month()))
        }
        _ => Some(d.period()),
    }
}
