//! The extraction record: what `sitrep extract` writes for each document.
//!
//! The field names and value sets follow `../shared/eval/CONTRACT.md`. Offsets here are
//! Unicode scalar (character) offsets into the document text, end exclusive; the engine's
//! byte [`crate::Span`]s are converted when a record is built.

use serde::{Deserialize, Serialize};

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The document's id.
    pub doc_id: String,
    /// Publication date, `YYYY-MM-DD`, or null.
    pub published: Option<String>,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Web address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Hex digest of the text.
    #[serde(default)]
    pub content_hash: String,
    /// Character ranges that cleaning set aside, with the reason.
    #[serde(default)]
    pub removed: Vec<RemovedOut>,
    /// Actors and places, each with every mention.
    pub entities: Vec<Entity>,
    /// Incidents and developments.
    pub events: Vec<Event>,
    /// Statements attributed to a speaker.
    pub claims: Vec<Claim>,
    /// Quantities of things.
    pub figures: Vec<Figure>,
    /// Arithmetic consistency checks over the figures.
    #[serde(default)]
    pub checks: Vec<Check>,
}

/// A character range set aside by cleaning.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RemovedOut {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Why it was set aside.
    pub kind: crate::RemovalKind,
}

/// One mention of an entity: where, and the words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The words as written.
    pub text: String,
}

/// An actor or place named in the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Knowledge-base id when the entity is known, else null.
    #[serde(default)]
    pub id: Option<String>,
    /// Canonical name.
    pub name: String,
    /// `person`, `armed_group`, `state_force`, `government`, `political_party`,
    /// `international_org`, `place` or `other_org`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Country, ISO 3166-1 alpha-2, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// For places: first-level division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// For places: second-level division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
    /// For places: latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// For places: longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

/// A day or a range of days, `YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub start: String,
    /// Last day (equal to `start` for a known day).
    pub end: String,
}

/// Where an event happened.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The most specific place name.
    pub name: String,
    /// Second-level division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin2: Option<String>,
    /// First-level division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Country, ISO alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// What the name is: `facility`, `feature`, `city`, `admin2`, `admin1`, `region` or
    /// `country` (the precision of the coordinates); absent for a name the gazetteer does
    /// not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// An actor taking part in an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// Canonical name.
    pub name: String,
    /// `perpetrator`, `target`, `victim` or `participant`.
    pub role: String,
    /// For perpetrators: `claimed`, `blamed`, `linked`, `alleged`, `denied`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// A casualty count: a total with its qualifier, and categories where the text gives them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Casualties {
    /// The total.
    pub total: u64,
    /// `exact`, `at_least`, `more_than`, `about` or `up_to`.
    pub qualifier: String,
    /// Civilians among them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub civilians: Option<u64>,
    /// Security forces among them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_forces: Option<u64>,
    /// Militants among them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub militants: Option<u64>,
}

/// A character range of evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// An incident or development the document reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// ACLED event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// ACLED sub-event type.
    pub sub_type: Option<String>,
    /// When.
    pub date: Option<DateRange>,
    /// Where.
    pub location: Option<Location>,
    /// Who.
    pub actors: Vec<EventActor>,
    /// Killed.
    pub fatalities: Option<Casualties>,
    /// Injured.
    pub injured: Option<Casualties>,
    /// Weapons named.
    #[serde(default)]
    pub weapons: Vec<String>,
    /// Tags such as `suicide`, `sectarian`, `cross-border`, `historical`.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Every span that speaks of this event.
    pub evidence: Vec<Evidence>,
}

/// A statement attributed to a speaker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Canonical name when resolved, else the words that name the speaker.
    pub speaker: String,
    /// The reporting verb or cue ("said", "according to").
    pub cue: String,
    /// True for a direct quotation.
    pub direct: bool,
    /// What was said.
    pub text: String,
    /// First character of `text`.
    pub start: usize,
    /// One past the last character of `text`.
    pub end: usize,
    /// `assertion`, `accusation`, `denial`, `warning`, `demand`, `pledge` or `other`.
    #[serde(default)]
    pub kind: String,
    /// Names of the entities the claim is about.
    #[serde(default)]
    pub about: Vec<String>,
    /// Indices into the record's `figures` of the figures inside the claim.
    #[serde(default)]
    pub figures: Vec<usize>,
}

/// A quantity of things.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value, or the midpoint of a range.
    pub value: Option<f64>,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// `exact`, `at_least`, `more_than`, `about`, `up_to`, `less_than`.
    pub qualifier: String,
    /// `count`, `percent`, or a currency code (`PKR`, `USD`), or a unit (`litre`).
    pub unit: String,
    /// The counted phrase ("intelligence-based operations").
    pub measure: Option<String>,
    /// Who or what the figure is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Where.
    #[serde(default)]
    pub place: Option<String>,
    /// When.
    #[serde(default)]
    pub period: Option<String>,
    /// Who gave it, when it sits inside a claim.
    #[serde(default)]
    pub source: Option<String>,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The words as written.
    #[serde(default)]
    pub text: String,
}

/// An arithmetic consistency check between figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// `part_of_whole`, `percent_of_counts`, `share_of_counts`, `parts_sum`.
    pub kind: String,
    /// The verdict.
    pub consistent: bool,
    /// A sentence a person can read.
    pub message: String,
    /// Indices into the record's `figures`.
    pub figures: Vec<usize>,
}
