//! Provenance: the report and the character span behind an exported value.
//!
//! Takes the [`Member`] events of an incident (or a report id and a record's offsets); gives
//! [`SourceSpan`]s, sorted and without repeats, and their compact text form for CSV cells.

use std::collections::BTreeSet;

use serde::Serialize;
use sitrep_fuse::Member;

/// A character range of one report's text, end exclusive.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceSpan {
    /// The report.
    pub doc_id: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

impl SourceSpan {
    /// The span `start..end` of report `doc_id`.
    pub fn new(doc_id: &str, start: usize, end: usize) -> SourceSpan {
        SourceSpan {
            doc_id: doc_id.to_string(),
            start,
            end,
        }
    }
}

/// Every evidence span of the members' events, by report then offset.
pub fn of_members<'a>(members: impl IntoIterator<Item = &'a Member>) -> Vec<SourceSpan> {
    let spans: BTreeSet<SourceSpan> = members
        .into_iter()
        .flat_map(|m| {
            m.event
                .evidence
                .iter()
                .map(|e| SourceSpan::new(&m.doc_id, e.start, e.end))
        })
        .collect();
    spans.into_iter().collect()
}

/// The spans as text for a CSV cell: `doc:start-end`, separated by `; `.
pub fn to_text(spans: &[SourceSpan]) -> String {
    spans
        .iter()
        .map(|s| format!("{}:{}-{}", s.doc_id, s.start, s.end))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn member_spans_are_sorted_and_unique() {
        let data = fixture::dataset();
        let mut members = data.incidents[0].members.clone();
        members.push(members[0].clone());
        let spans = of_members(&members);
        let mut sorted = spans.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(spans, sorted);
        assert_eq!(spans.len(), 3);
        assert_eq!(to_text(&spans[..2]), "alpha-wire:0-58; alpha-wire:120-176");
    }
}
