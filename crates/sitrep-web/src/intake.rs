//! `POST /api/documents`: one report in, stored and fused, its id and outcome out.
//!
//! The body is one JSON object with the fields `sitrep ingest` reads from a JSON Lines line
//! (`{id?, url?, source?, published?, title?, text}`), read by
//! [`sitrep_ingest::read_record`]. Extraction and storage are the caller's ingest path
//! ([`Intake`]), so a posted report is stored exactly as an ingested one would be. The
//! request needs the configured bearer token ([`crate::token`]): without one configured the
//! endpoint answers 403, without the right one 401; the token is checked before the body is
//! read. Answers: 201 `{"id", "outcome"}` (`new`, `unchanged` or `replaced`) with the
//! report's `Location`, 400 for a body that is not such a record, 413 for a body over the
//! limit.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use sitrep_ingest::ProblemKind;
use sitrep_model::Document;
use sitrep_store::{Outcome, Store};

use crate::Shared;
use crate::error::{Failure, WebError};
use crate::pages::layout::encode;
use crate::token::Presented;

/// What stores a posted report: extracts it and stores it with its record (the command
/// line's ingest path), answering what happened or why it could not.
pub type Intake = Box<
    dyn Fn(&mut dyn Store, Document) -> Result<Outcome, Box<dyn std::error::Error + Send + Sync>>
        + Send
        + Sync,
>;

/// The answer to a stored report.
#[derive(Debug, Serialize)]
pub struct Accepted {
    /// The report's id (given, or made from its text).
    pub id: String,
    /// What storing it did.
    pub outcome: Outcome,
}

/// Where posted reports say they came from.
const ORIGIN: &str = "POST /api/documents";

/// The handler.
pub async fn post_document(State(s): State<Shared>, req: Request) -> Result<Response, Failure> {
    let (Some(token), Some(_)) = (&s.token, &s.intake) else {
        return Err(Failure::api(WebError::Forbidden(
            "writing is disabled: start `sitrep serve` with --token-file FILE (or SITREP_TOKEN) to accept reports"
                .into(),
        )));
    };
    match token.check(req.headers()) {
        Presented::Right => {}
        Presented::Missing => {
            return Err(Failure::api(WebError::Unauthorized(
                "send the token as `Authorization: Bearer TOKEN`".into(),
            )));
        }
        Presented::Wrong => {
            return Err(Failure::api(WebError::Unauthorized(
                "the token is not the server's".into(),
            )));
        }
    }
    let body = Bytes::from_request(req, &s).await.map_err(|r| {
        Failure::api(if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            WebError::TooLarge(format!(
                "the body is over the limit of {} bytes",
                s.limits.max_body
            ))
        } else {
            WebError::BadRequest(format!("cannot read the body: {}", r.body_text()))
        })
    })?;
    let json = std::str::from_utf8(&body)
        .map_err(|e| Failure::api(WebError::BadRequest(format!("the body is not UTF-8: {e}"))))?;
    let doc = sitrep_ingest::read_record(ORIGIN, json).map_err(|p| {
        Failure::api(WebError::BadRequest(match p.kind {
            ProblemKind::BadJson(e) => format!("the body is not a JSON report: {e}"),
            ProblemKind::NoText => "the report has no text (give it as \"text\")".into(),
            k => k.to_string(),
        }))
    })?;
    let id = doc.id.clone();
    let outcome = s
        .write(move |st, intake| intake(st, doc).map_err(|e| WebError::Internal(e.to_string())))
        .await
        .map_err(Failure::api)?;
    let mut res = (
        StatusCode::CREATED,
        Json(Accepted {
            id: id.clone(),
            outcome,
        }),
    )
        .into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/documents/{}", encode(&id))) {
        res.headers_mut().insert(LOCATION, v);
    }
    Ok(res)
}
