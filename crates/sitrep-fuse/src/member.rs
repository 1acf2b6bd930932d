//! A member of an incident: one extracted event and the report it came from.

use serde::{Deserialize, Serialize};
use sitrep_model::record::Event;

use crate::dates::day_number;

/// One event as one report tells it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The report's id.
    pub doc_id: String,
    /// The event's index in the report's record.
    pub event_idx: usize,
    /// The report's publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The outlet, when known.
    pub source: Option<String>,
    /// The event.
    pub event: Event,
}

impl Member {
    /// The event's days as numbers: `(start, end)`.
    pub fn days(&self) -> Option<(i32, i32)> {
        let d = self.event.date.as_ref()?;
        let s = day_number(&d.start)?;
        let e = day_number(&d.end).unwrap_or(s).max(s);
        Some((s, e))
    }

    /// The publication day number.
    pub fn published_day(&self) -> Option<i32> {
        self.published.as_deref().and_then(day_number)
    }

    /// The key that tells outlets apart: the named outlet, else the report itself.
    pub fn source_key(&self) -> String {
        match &self.source {
            Some(s) if !s.trim().is_empty() => format!("outlet:{}", crate::names::key(s)),
            _ => format!("doc:{}", self.doc_id),
        }
    }
}
