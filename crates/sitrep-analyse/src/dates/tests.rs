//! Tests of date expressions: a table of expressions and their days, non-dates, spans, and
//! behaviour without a reference date.

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
