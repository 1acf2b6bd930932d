//! Exports: stored reports and fused incidents in, the formats other tools load out.
//!
//! Takes a [`Dataset`] (each report's extraction [`Record`], which carries the report's
//! metadata; each fused [`Incident`] with the [`Member`] events it was fused from; the links
//! between denials and the claims they deny) and writes one [`Format`] to any
//! [`std::io::Write`]:
//!
//! - [`acled`]: CSV with ACLED's column names and order, one row per incident;
//! - [`geojson`]: an RFC 7946 FeatureCollection of incidents;
//! - [`stix`]: a STIX 2.1 bundle (report, identity, location, threat-actor, incident, note,
//!   opinion, relationship) with deterministic ids;
//! - [`jsonl`]: JSON Lines of everything, one item a line, tagged with what it is.
//!
//! Nothing here reads a database: the caller loads the data, so every backend exports the
//! same way. Every exported value keeps its provenance: the report it came from and, where
//! the record has one, the character span ([`evidence`]).
#![deny(missing_docs)]

pub mod acled;
pub mod evidence;
pub mod geojson;
pub mod jsonl;
pub mod stix;
mod view;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, Utc};
use serde::Serialize;
use sitrep_fuse::{Incident, Member};
use sitrep_model::record::Record;

/// What can go wrong while writing an export. A failed write is always [`ExportError::Io`],
/// whichever writer met it, so a caller can tell a closed pipe from a broken export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("write: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed for another reason.
    #[error("CSV: {0}")]
    Csv(String),
    /// A value did not serialise.
    #[error("JSON: {0}")]
    Json(serde_json::Error),
}

impl From<csv::Error> for ExportError {
    fn from(e: csv::Error) -> Self {
        let message = e.to_string();
        match e.into_kind() {
            csv::ErrorKind::Io(io) => ExportError::Io(io),
            _ => ExportError::Csv(message),
        }
    }
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            ExportError::Io(e.into())
        } else {
            ExportError::Json(e)
        }
    }
}

/// Everything an export reads.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Each report's extraction record (its metadata inside: id, title, source, url,
    /// published, content hash), in a stable order.
    pub reports: Vec<Record>,
    /// The fused incidents, by date then id.
    pub incidents: Vec<FusedIncident>,
    /// Denials linked to the claims they deny.
    pub denials: Vec<DenialLink>,
}

/// A fused incident and the events (one per report) it was fused from.
#[derive(Clone, Debug)]
pub struct FusedIncident {
    /// The fused summary.
    pub incident: Incident,
    /// Each report's event, with its evidence spans in that report.
    pub members: Vec<Member>,
}

/// A claim named by its report and its index in the report's record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ClaimId {
    /// The report.
    pub doc_id: String,
    /// The index in the report's `claims`.
    pub idx: usize,
}

/// A denial and the claim it denies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DenialLink {
    /// The denial.
    pub denial: ClaimId,
    /// What it denies.
    pub denied: ClaimId,
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// ACLED-style CSV.
    AcledCsv,
    /// GeoJSON FeatureCollection.
    Geojson,
    /// STIX 2.1 bundle.
    Stix,
    /// JSON Lines.
    Jsonl,
}

/// Settings that do not come from the data.
#[derive(Clone, Debug)]
pub struct Options {
    /// The export's time: stamps STIX objects none of whose reports is dated.
    pub as_of: DateTime<Utc>,
    /// Country names by ISO 3166-1 alpha-2 code, for ACLED's `country` column.
    pub country_names: BTreeMap<String, String>,
}

impl Options {
    /// Options stamped with `as_of` and no country names.
    pub fn at(as_of: DateTime<Utc>) -> Options {
        Options {
            as_of,
            country_names: BTreeMap::new(),
        }
    }
}

/// Writes `data` in `format` to `out`.
pub fn write(
    format: Format,
    data: &Dataset,
    options: &Options,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        Format::AcledCsv => acled::write(data, options, out),
        Format::Geojson => geojson::write(data, out),
        Format::Stix => stix::write(data, options, out),
        Format::Jsonl => jsonl::write(data, out),
    }
}
