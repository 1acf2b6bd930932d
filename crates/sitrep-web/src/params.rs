//! Query parameters: read strictly (an unknown parameter, a number that is not one or a
//! date that is not `YYYY-MM-DD` is a 400 naming it), empty form fields read as absent.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Failure, WebError, is_api};

/// Most items one request lists.
pub const MAX_LIMIT: usize = 1000;
/// Items a request lists when it does not say.
pub const DEFAULT_LIMIT: usize = 50;

/// Query parameters of type `T`, or a 400 in the form of the route (JSON or HTML).
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Failure> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(t)) => Ok(Params(t)),
            Err(e) => Err(Failure {
                api: is_api(parts.uri.path()),
                error: WebError::BadRequest(e.body_text()),
            }),
        }
    }
}

/// A text parameter: trimmed, and absent when empty.
pub fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// A date parameter, `YYYY-MM-DD`.
pub fn date(name: &str, v: &Option<String>) -> Result<Option<String>, WebError> {
    match text(v) {
        None => Ok(None),
        Some(d) => match chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d") {
            Ok(day) => Ok(Some(day.to_string())),
            Err(_) => Err(WebError::BadRequest(format!(
                "{name}: {d:?} is not a date (YYYY-MM-DD)"
            ))),
        },
    }
}

/// `limit` and `offset`.
#[derive(Clone, Copy, Debug, Default, Deserialize)]
pub struct Paging {
    /// Items at most (default 50, at most 1000).
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

impl Paging {
    /// The page asked for, or a 400 when `limit` is 0 or too large.
    pub fn page(&self) -> Result<sitrep_store::Page, WebError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(WebError::BadRequest(format!(
                "limit: {limit} is not between 1 and {MAX_LIMIT}"
            )));
        }
        Ok(sitrep_store::Page {
            limit,
            offset: self.offset.unwrap_or(0),
        })
    }
}

/// Filters of the incident list (`/incidents`, `/api/incidents`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentQuery {
    /// Incidents ending on or after this day.
    pub since: Option<String>,
    /// Incidents starting on or before this day.
    pub until: Option<String>,
    /// A place name the incident mentions.
    pub place: Option<String>,
    /// An actor name the incident mentions.
    pub actor: Option<String>,
    /// Words of the type or sub-type.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Items at most.
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

impl IncidentQuery {
    /// The store filter, or a 400.
    pub fn filter(&self) -> Result<sitrep_store::IncidentFilter, WebError> {
        Ok(sitrep_store::IncidentFilter {
            since: date("since", &self.since)?,
            until: date("until", &self.until)?,
            place: text(&self.place),
            actor: text(&self.actor),
            kind: text(&self.kind),
        })
    }

    /// The page.
    pub fn paging(&self) -> Paging {
        Paging {
            limit: self.limit,
            offset: self.offset,
        }
    }
}

/// Filters of the actor list.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorQuery {
    /// Words of the name or an alias.
    pub name: Option<String>,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Items at most.
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

impl ActorQuery {
    /// The store filter.
    pub fn filter(&self) -> sitrep_store::ActorFilter {
        sitrep_store::ActorFilter {
            name: text(&self.name),
            kind: text(&self.kind),
            include_places: false,
        }
    }

    /// The page.
    pub fn paging(&self) -> Paging {
        Paging {
            limit: self.limit,
            offset: self.offset,
        }
    }
}

/// Filters of the claims ledger.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimQuery {
    /// Words of the speaker's name.
    pub speaker: Option<String>,
    /// Words of the name of what the claim is about.
    pub about: Option<String>,
    /// Kind.
    pub kind: Option<String>,
    /// One report.
    pub doc: Option<String>,
    /// Items at most.
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

impl ClaimQuery {
    /// The store filter.
    pub fn filter(&self) -> sitrep_store::ClaimFilter {
        sitrep_store::ClaimFilter {
            speaker: text(&self.speaker),
            about: text(&self.about),
            kind: text(&self.kind),
            doc_id: text(&self.doc),
        }
    }

    /// The page.
    pub fn paging(&self) -> Paging {
        Paging {
            limit: self.limit,
            offset: self.offset,
        }
    }
}

/// Filters of the figure list.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureQuery {
    /// Words of the counted phrase.
    pub measure: Option<String>,
    /// Words of the place.
    pub place: Option<String>,
    /// One report.
    pub doc: Option<String>,
    /// Items at most.
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

/// A search.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// The words.
    pub q: Option<String>,
    /// Items at most.
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

/// Paging alone.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// Items at most.
    pub limit: Option<usize>,
    /// Items skipped.
    pub offset: Option<usize>,
}

/// A document page: which event's evidence to bring forward.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentQuery {
    /// The index of an event in the record.
    pub event: Option<usize>,
    /// The index of a claim in the record.
    pub claim: Option<usize>,
}

/// No parameters at all.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoQuery {}

/// Lowercase words of a filter, for containment tests.
pub fn words(v: &Option<String>) -> Option<String> {
    text(v).map(|s| s.to_lowercase())
}
