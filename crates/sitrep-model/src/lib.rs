//! The domain types every sitrep stage shares.
//!
//! Takes nothing: this crate is vocabulary. It gives the [`Document`] that ingest produces
//! (clean text plus metadata, with the ranges that cleaning removed recorded, never cut out),
//! the [`Span`] every extracted value carries (byte offsets into [`Document::text`]), and the
//! [`record`] types of the extraction output contract (`../shared/eval/CONTRACT.md`), whose
//! offsets are Unicode scalar (character) offsets, converted at the edge by [`CharIndex`].
#![deny(missing_docs)]

pub mod calendar;
mod document;
mod offsets;
pub mod record;
mod span;

pub use document::{DateOrigin, Document, Origin, Removal, RemovalKind, SourceFormat};
pub use offsets::CharIndex;
pub use span::Span;
