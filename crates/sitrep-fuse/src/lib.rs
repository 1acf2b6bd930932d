//! Fusion: extracted events in, incidents out, one report at a time.
//!
//! Takes [`Member`]s (one extracted [`sitrep_model::record::Event`] with the document it came
//! from) and an [`IncidentIndex`] (the store's incidents, or [`MemIndex`] in memory); gives
//! fused [`Incident`]s: best date, place and type, perpetrators with their status, tolls as
//! best / low / high with every report's figure, revisions and conflicts, and the reports
//! behind each incident.
//!
//! Fusion is incremental: [`fuse`] compares a new event only with the candidate incidents the
//! index returns for its [`Block`] (a date window and a region), scores each ([`score`]) and
//! joins the best one above [`THRESHOLD`] or starts a new incident. An incident's summary is
//! recomputed from all its members ([`summarise`]), so it does not depend on arrival order.
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
    UNDATED_LOOKBACK_DAYS, WINDOW_DAYS, fuse, remove_doc,
};
pub use member::Member;
pub use score::{THRESHOLD, category, score};
pub use summary::summarise;
pub use toll::fuse_toll;
