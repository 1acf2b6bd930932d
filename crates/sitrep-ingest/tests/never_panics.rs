//! Property: no input, however broken, makes ingest panic, and every span it records lies on
//! character boundaries inside the text.

use proptest::prelude::*;
use sitrep_ingest::{Batch, read_bytes};

fn check(bytes: &[u8], ext: Option<&str>) {
    let mut batch = Batch::default();
    read_bytes("fuzz", Some("fuzz"), ext, bytes, &mut batch);
    for doc in &batch.documents {
        let mut last = 0;
        for r in &doc.removed {
            assert!(r.span.start >= last && r.span.end <= doc.text.len());
            assert!(
                doc.text.is_char_boundary(r.span.start) && doc.text.is_char_boundary(r.span.end)
            );
            last = r.span.end;
        }
    }
}

/// Pieces that push the parsers into their corners.
const PIECES: &[&str] = &[
    "<rss>",
    "<item>",
    "</item>",
    "<entry>",
    "<guid>",
    "<![CDATA[",
    "]]>",
    "<p>",
    "</p>",
    "&amp;",
    "&#x2019;",
    "&#99999999;",
    "{\"id\":",
    "\"text\":",
    "}",
    "\n",
    "Read more: ",
    "Also, read this\n",
    "icon-facebook ",
    "Screen recording",
    "Mon Nov 03 2025",
    "2026-0",
    "é",
    "’",
    "“",
    "Lt. ",
    "No. 1",
    "<script type=\"application/ld+json\">",
    "{\"datePublished\": \"2026-03-01\"}",
    "</script>",
    "<article>",
    "<html>",
    "<link href=\"",
    "\u{0}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600), ext in prop_oneof![Just(None), Just(Some("txt")), Just(Some("html")), Just(Some("xml")), Just(Some("jsonl"))]) {
        check(&bytes, ext);
    }

    #[test]
    fn structured_junk(parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..60), ext in prop_oneof![Just(None), Just(Some("html")), Just(Some("xml")), Just(Some("jsonl"))]) {
        check(parts.concat().as_bytes(), ext);
    }
}
