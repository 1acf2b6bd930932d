//! What the read methods of [`crate::Store`] give: documents with their records, actors with
//! their activity, claims with what they deny, incidents with their members, search hits.
//! Every value keeps the report (and, inside the record, the character span) it came from.

use serde::Serialize;
use sitrep_fuse::{Incident, Member};
use sitrep_model::record::{Claim, Record};

/// A window of a list: at most `limit` items after skipping `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Items at most.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
}

impl Page {
    /// The first `limit` items.
    pub fn first(limit: usize) -> Page {
        Page { limit, offset: 0 }
    }

    /// Everything.
    pub fn all() -> Page {
        Page::first(i64::MAX as usize)
    }

    pub(crate) fn sql(self) -> (i64, i64) {
        (
            self.limit.min(i64::MAX as usize) as i64,
            self.offset.min(i64::MAX as usize) as i64,
        )
    }
}

/// A report's metadata.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentMeta {
    /// The report's id.
    pub id: String,
    /// Headline, when known.
    pub title: Option<String>,
    /// Outlet, when known.
    pub source: Option<String>,
    /// Web address, when known.
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// A stored report: metadata, the text every offset points into, and its extraction record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// Hex digest of the text.
    pub content_hash: String,
    /// The text (record offsets are character offsets into it).
    pub text: String,
    /// What was extracted.
    pub record: Record,
}

/// A fused incident with the events (one per report) it was fused from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IncidentDetail {
    /// The fused summary.
    pub incident: Incident,
    /// Each report's event, with the evidence spans in that report.
    pub members: Vec<Member>,
}

/// Which actors to list.
#[derive(Clone, Debug, Default)]
pub struct ActorFilter {
    /// Words the name or an alias must contain.
    pub name: Option<String>,
    /// The entity type (`armed_group`, `person`, `place`, ...).
    pub kind: Option<String>,
    /// List places too (they are left out unless asked for, or `kind` is `place`).
    pub include_places: bool,
}

/// An entity resolved across reports (an actor or a place).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// The key it is resolved by: `kb:ID`, else `type:normalised name`.
    pub key: String,
    /// Canonical name (the one most reports give).
    pub name: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Knowledge-base id, when known.
    pub kb_id: Option<String>,
    /// Every name and spelling the reports use, sorted.
    pub aliases: Vec<String>,
    /// Reports naming it.
    pub documents: u64,
    /// Mentions across reports.
    pub mentions: u64,
    /// Earliest publication date of a report naming it.
    pub first_seen: Option<String>,
    /// Latest publication date.
    pub last_seen: Option<String>,
}

/// An actor with its activity, the reports naming it and what it said and had said about it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorDetail {
    /// The actor.
    pub actor: Actor,
    /// Reports naming it, by publication date (undated last), with the mentions in each.
    pub reports: Vec<ActorReport>,
    /// Fused incidents it takes part in (perpetrator, target, victim), by date.
    pub incidents: Vec<Incident>,
    /// Claims it made.
    pub claims_by: Vec<StoredClaim>,
    /// Claims about it.
    pub claims_about: Vec<StoredClaim>,
}

/// One report naming an actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorReport {
    /// The report.
    pub document: DocumentMeta,
    /// The mentions in it (character offsets into its text).
    pub mentions: Vec<sitrep_model::record::Mention>,
}

/// Which claims to list.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    /// Words the speaker's name must contain.
    pub speaker: Option<String>,
    /// Words the name of something the claim is about must contain.
    pub about: Option<String>,
    /// The kind (`assertion`, `accusation`, `denial`, ...).
    pub kind: Option<String>,
    /// Only the claims of this report.
    pub doc_id: Option<String>,
}

/// A stored claim with its report, and for a denial the claim it denies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredClaim {
    /// The report.
    pub doc_id: String,
    /// The report's publication date.
    pub published: Option<String>,
    /// The claim's index in the report's record.
    pub idx: usize,
    /// The claim (character offsets into the report's text).
    pub claim: Claim,
    /// For a denial: the claim it denies.
    pub denies: Option<ClaimRef>,
    /// The denials of this claim.
    pub denied_by: Vec<ClaimRef>,
}

/// Another claim a claim points to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRef {
    /// Its report.
    pub doc_id: String,
    /// Its report's publication date.
    pub published: Option<String>,
    /// Its index in that report's record.
    pub idx: usize,
    /// The claim.
    pub claim: Claim,
}

/// One report matching a full-text query.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// The report.
    pub document: DocumentMeta,
    /// A passage around the matches; each match lies between [`MATCH_START`] and
    /// [`MATCH_END`].
    pub snippet: String,
}

/// Opens a match in [`SearchHit::snippet`] (a control character no report text keeps).
pub const MATCH_START: char = '\u{2}';
/// Closes a match in [`SearchHit::snippet`].
pub const MATCH_END: char = '\u{3}';
