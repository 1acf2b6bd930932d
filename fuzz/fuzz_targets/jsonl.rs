//! Fuzz target: the jsonl reader, then analysis of every document it gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut batch = sitrep_ingest::Batch::default();
    sitrep_ingest::read_bytes("fuzz", Some("fuzz"), Some("jsonl"), data, &mut batch);
    for doc in &batch.documents {
        let _ = sitrep_analyse::Analysis::new(doc);
    }
});
