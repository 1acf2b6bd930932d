//! Fuzz target: the html reader, then analysis of every document it gives, checked by
//! [`common::check_document`].
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut batch = sitrep_ingest::Batch::default();
    sitrep_ingest::read_bytes("fuzz", Some("fuzz"), Some("html"), data, &mut batch);
    for doc in &batch.documents {
        common::check_document(doc);
    }
});
