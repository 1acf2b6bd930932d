//! Fuzz target: plain text through cleaning, date lines, sentences, tokens and folding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut batch = sitrep_ingest::Batch::default();
    sitrep_ingest::read_bytes("fuzz", Some("fuzz"), Some("txt"), data, &mut batch);
    for doc in &batch.documents {
        let analysis = sitrep_analyse::Analysis::new(doc);
        for s in &analysis.sentences {
            let _ = analysis.folded.to_original(sitrep_model::Span::new(0, 0), &doc.text);
            assert!(doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end));
        }
    }
});
