//! Fusion: extracted events in, incidents out, one report at a time.
//!
//! Takes [`Member`]s (one extracted [`sitrep_model::record::Event`] with the document it came
//! from) and an [`IncidentIndex`] (the store's incidents, or [`MemIndex`] in memory); gives
//! fused [`Incident`]s: best date, place and type, perpetrators with their status, tolls as
//! best / low / high with every report's figure, revisions and conflicts, and the reports
//! behind each incident.
//!
//! Fusion is incremental: [`fuse`] compares a new event only with the events of the candidate
//! incidents the index returns for its [`Block`] (a date window and a region). Two events are
//! [`linked`] when each scores at least [`THRESHOLD`] against the other ([`score`]: type
//! category, place, date, actors, named places, casualties); an incident is a group of linked
//! events, so the new event joins (and merges) every incident it links to or starts a new
//! one, and the incidents do not depend on arrival order. An incident's summary is recomputed
//! from all its members ([`summarise`]).
#![deny(missing_docs)]

mod claims;
mod dates;
mod incident;
mod index;
mod member;
pub mod names;
mod score;
mod summary;
mod toll;

pub use claims::{ClaimRef, link_denials};
pub use dates::{day_number, day_to_string};
pub use incident::{
    Conflict, Incident, Perpetrator, PerpetratorReport, Toll, TollRange, TollReport,
};
pub use index::{
    Block, IncidentIndex, MAX_SPAN_DAYS, MemIndex, StoredIncident, UNDATED_LIMIT,
    UNDATED_LOOKBACK_DAYS, WINDOW_DAYS, components, fuse, linked, remove_doc,
};
pub use member::Member;
pub use score::{THRESHOLD, category, score};
pub use summary::summarise;
pub use toll::fuse_toll;
