//! What every reader's documents must satisfy, checked after each fuzz input: removed ranges,
//! sentences and tokens lie inside the text, on character boundaries, in order; tokens are
//! never inside a removed range; a sentence mapped to the folded text and back stays on
//! character boundaries inside the text.

use sitrep_analyse::Analysis;
use sitrep_model::{Document, Span};

/// Asserts that `span` indexes `text` on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

/// Analyses `doc`, checks the invariants above and gives the analysis.
pub fn check_document(doc: &Document) -> Analysis<'_> {
    let text = doc.text.as_str();
    let mut last = 0;
    for r in &doc.removed {
        assert_span(text, r.span, "removed range");
        assert!(
            r.span.start >= last,
            "removed ranges out of order at {:?}",
            r.span
        );
        last = r.span.end;
    }
    let analysis = Analysis::new(doc);
    let folded = &analysis.folded;
    let mut last = 0;
    for s in &analysis.sentences {
        assert_span(text, s.span, "sentence");
        assert!(
            s.span.start >= last,
            "sentences out of order at {:?}",
            s.span
        );
        last = s.span.end;
        let there = Span::new(
            folded.folded_offset(s.span.start),
            folded.folded_offset(s.span.end),
        );
        assert_span(&folded.text, there, "folded sentence");
        assert_span(
            text,
            folded.to_original(there, text),
            "sentence folded and back",
        );
    }
    let mut last = 0;
    for t in &analysis.tokens {
        assert_span(text, t.span, "token");
        assert!(t.span.start >= last, "tokens out of order at {:?}", t.span);
        assert!(
            !doc.overlaps_removed(t.span),
            "token {:?} in a removed range",
            t.span
        );
        last = t.span.end;
    }
    analysis
}
