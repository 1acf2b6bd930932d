//! Fuzz target: temporal expressions, on an analysed document (spans mapped back to the
//! original text, whole and by sentence) and on the folded text directly, with and without a
//! reference date taken from the first input bytes.
//!
//! Invariants: every span lies inside the text, on character boundaries, its words are the
//! text under the span, and a resolved range does not end before it starts.
#![no_main]

mod common;

use chrono::NaiveDate;
use common::assert_span;
use libfuzzer_sys::fuzz_target;
use sitrep_analyse::dates::scan_dates;
use sitrep_analyse::{DateExpr, find_dates, find_dates_in};
use sitrep_model::Document;

fn check(text: &str, dates: &[DateExpr]) {
    for d in dates {
        let s = d.span;
        assert_span(text, s, "span");
        assert_eq!(d.text, s.of(text), "words differ from the text under {s:?}");
        if let (Some(start), Some(end)) = (d.start, d.end) {
            assert!(
                start <= end,
                "{start}..{end} ends before it starts: {:?}",
                d.text
            );
        }
        let _ = d.period();
    }
}

fuzz_target!(|data: &[u8]| {
    // Two leading bytes pick a reference day within ~180 years of 1950, or none.
    let (reference, body) = match data {
        [a, b, rest @ ..] if a & 1 == 1 => {
            let days = u16::from_le_bytes([*a, *b]) as i64;
            let base = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
            (base.checked_add_signed(chrono::Duration::days(days)), rest)
        }
        _ => (None, data),
    };
    let text = String::from_utf8_lossy(body);
    let doc = Document::from_text("fuzz", &text, reference);
    let analysis = common::check_document(&doc);
    check(&doc.text, &find_dates(&analysis, reference));
    let sentences: Vec<_> = analysis.sentences.iter().map(|s| s.span).collect();
    check(&doc.text, &find_dates_in(&analysis, reference, &sentences));
    // Scanned directly, spans index the folded text.
    for d in scan_dates(&analysis.folded.text, reference) {
        assert_span(&analysis.folded.text, d.span, "folded span");
    }
});
