//! Fuzz target: number expressions, on an analysed document (spans mapped back to the
//! original text) and on the folded text directly.
//!
//! Invariants: every span lies inside the text it indexes, on character boundaries, the core
//! inside the whole expression; a range's low end is not above its high end.
#![no_main]

mod common;

use common::assert_span;
use libfuzzer_sys::fuzz_target;
use sitrep_analyse::find_quantities;
use sitrep_analyse::numbers::{Quantity, scan};
use sitrep_model::Document;

fn check(text: &str, quantities: &[Quantity]) {
    for q in quantities {
        assert_span(text, q.span, "span");
        assert_span(text, q.core, "core");
        assert!(
            q.span.contains(q.core),
            "core {:?} outside span {:?}",
            q.core,
            q.span
        );
        if let (Some(low), Some(high)) = (q.low, q.high) {
            assert!(
                !(low > high),
                "range {low}..{high} upside down in {:?}",
                q.span.of(text)
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_text("fuzz", &text, None);
    let analysis = common::check_document(&doc);
    check(&doc.text, &find_quantities(&analysis));
    check(&analysis.folded.text, &scan(&analysis.folded.text));
});
