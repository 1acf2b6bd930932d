//! Extraction: a [`Document`] and the [`KnowledgeBase`] in, a [`Record`] out.
//!
//! A pure function of its two inputs, so documents are extracted in parallel without
//! coordination. The record carries character offsets into the document text.
#![deny(missing_docs)]

pub mod checks;
mod claims;
pub mod entities;
pub mod events;
pub mod figures;

use entities::Entities;
use sitrep_analyse::Analysis;
use sitrep_kb::KnowledgeBase;
use sitrep_model::record::{Record, RemovedOut};
use sitrep_model::{CharIndex, Document};

/// Extracts everything sitrep knows how to find in `doc`.
pub fn extract(doc: &Document, kb: &KnowledgeBase) -> Record {
    let analysis = Analysis::new(doc);
    let chars = CharIndex::new(&doc.text);
    let entities = Entities::recognise(&analysis, kb);
    let places: Vec<figures::PlaceHint> = entities
        .mentions
        .iter()
        .filter(|m| entities.list[m.entity].kind.is_place())
        .map(|m| figures::PlaceHint {
            span: m.span,
            name: &entities.list[m.entity].name,
        })
        .collect();
    let figures = figures::extract(&analysis, &chars, &places);
    let checks = checks::check(&figures.found, &figures.records);
    let mut figure_records = figures.records;
    let mut claims = claims::extract(&analysis, kb, &entities, &chars);
    figures::attach_sources(&mut figure_records, &mut claims);
    Record {
        doc_id: doc.id.clone(),
        published: doc.published.map(|d| d.to_string()),
        title: doc.title.clone(),
        source: doc.source.clone(),
        url: doc.url.clone(),
        content_hash: doc.content_hash.clone(),
        removed: doc
            .removed
            .iter()
            .map(|r| RemovedOut {
                start: chars.char_offset(r.span.start),
                end: chars.char_offset(r.span.end),
                kind: r.kind,
            })
            .collect(),
        claims,
        events: events::to_records(&events::extract(&analysis, &entities, kb), &chars),
        entities: entities.to_records(&doc.text, &chars),
        checks,
        figures: figure_records,
    }
}
