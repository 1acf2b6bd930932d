//! The fused incident: what `sitrep incidents` prints, one a line.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sitrep_model::record::{DateRange, Location};

/// One incident fused from every report of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    /// Store id (0 until stored).
    pub id: i64,
    /// ACLED event type, the one most reports give.
    #[serde(rename = "type")]
    pub kind: String,
    /// ACLED sub-event type.
    pub sub_type: Option<String>,
    /// The best date.
    pub date: Option<DateRange>,
    /// From the earliest to the latest date any report gives (what the index blocks on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<DateRange>,
    /// The best place.
    pub location: Option<Location>,
    /// Who did it, by every report's account.
    pub perpetrators: Vec<Perpetrator>,
    /// Killed.
    pub fatalities: Option<Toll>,
    /// Injured.
    pub injured: Option<Toll>,
    /// Ids of the reports behind the incident, sorted.
    pub reports: Vec<String>,
    /// Named outlets behind the incident, sorted.
    pub outlets: Vec<String>,
    /// Independent sources (named outlets, and unnamed reports one each).
    pub corroboration: usize,
    /// Disagreements between reports: outliers, disputed tolls, contested attributions.
    pub conflicts: Vec<Conflict>,
    /// Every actor name any report gives (perpetrators, targets, victims), for filtering.
    #[serde(default)]
    pub actors: Vec<String>,
    /// Every place name any report gives, for filtering and matching.
    #[serde(default)]
    pub places: Vec<String>,
}

/// An alleged perpetrator and what each report says about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Perpetrator {
    /// The name (the spelling most reports use).
    pub name: String,
    /// The status the latest report gives: `claimed`, `blamed`, `alleged`, `linked`, `denied`.
    pub status: String,
    /// How many reports give each status.
    pub statuses: BTreeMap<String, usize>,
    /// Each report's account, in publication order.
    pub reports: Vec<PerpetratorReport>,
}

/// One report's attribution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PerpetratorReport {
    /// The report.
    pub doc_id: String,
    /// Its status.
    pub status: String,
    /// Its publication date.
    pub published: Option<String>,
}

/// A fused casualty count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Toll {
    /// The most recent figure at least two sources give; else the lowest.
    pub best: u64,
    /// The smallest figure any report gives.
    pub low: u64,
    /// The largest figure any report gives.
    pub high: u64,
    /// Every report's figure, in publication order (undated last).
    pub reports: Vec<TollReport>,
    /// The figure as it rose or fell over time, outliers left out (15, 31, 36).
    pub revisions: Vec<u64>,
    /// The same, per victim category (`civilians`, `security_forces`, `militants`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_category: BTreeMap<String, TollRange>,
}

/// Best / low / high without the reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TollRange {
    /// Best.
    pub best: u64,
    /// Low.
    pub low: u64,
    /// High.
    pub high: u64,
}

/// One report's casualty figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TollReport {
    /// The report.
    pub doc_id: String,
    /// The figure.
    pub value: u64,
    /// `exact`, `at_least`, `more_than`, `about`, `up_to`.
    pub qualifier: String,
    /// The report's publication date.
    pub published: Option<String>,
    /// The outlet, when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True when the figure is flagged as an outlier.
    #[serde(default)]
    pub outlier: bool,
}

/// A disagreement between reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// `outlier`, `disputed` or `attribution`.
    pub kind: String,
    /// `fatalities`, `injured` or `perpetrators`.
    pub field: String,
    /// A sentence a person can read.
    pub message: String,
    /// The figures involved, when a toll.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<u64>,
    /// The reports involved.
    pub doc_ids: Vec<String>,
}
