//! What can go wrong in a request, and how it is answered: JSON `{"error": ...}` for the API,
//! an HTML page otherwise, with 400 (bad parameter), 401 (no or wrong token), 403 (writing
//! disabled), 404 (no such thing), 408 (too slow), 413 (body too large) or 500 (store).

use axum::Json;
use axum::http::header::WWW_AUTHENTICATE;
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

/// A request that cannot be answered.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// A parameter or path the server will not read.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// No such page, incident, actor or document.
    #[error("not found: {0}")]
    NotFound(String),
    /// A write without the right token.
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// A write the server does not accept at all.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The request took longer than the server waits.
    #[error("request timeout: {0}")]
    Timeout(String),
    /// The body is over the limit.
    #[error("payload too large: {0}")]
    TooLarge(String),
    /// The store failed.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<sitrep_store::StoreError> for WebError {
    fn from(e: sitrep_store::StoreError) -> WebError {
        WebError::Internal(e.to_string())
    }
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            WebError::Forbidden(_) => StatusCode::FORBIDDEN,
            WebError::Timeout(_) => StatusCode::REQUEST_TIMEOUT,
            WebError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A [`WebError`] with the form of its answer: JSON for the API, HTML for pages.
#[derive(Debug)]
pub struct Failure {
    /// Answer in JSON.
    pub api: bool,
    /// What went wrong.
    pub error: WebError,
}

impl Failure {
    /// An API failure.
    pub fn api(error: WebError) -> Failure {
        Failure { api: true, error }
    }

    /// A page failure.
    pub fn page(error: WebError) -> Failure {
        Failure { api: false, error }
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let status = self.error.status();
        if let WebError::Internal(e) = &self.error {
            eprintln!("sitrep: serve: {e}");
        }
        let mut res = if self.api {
            let body =
                serde_json::json!({ "error": self.error.to_string(), "status": status.as_u16() });
            (status, Json(body)).into_response()
        } else {
            crate::pages::layout::error_page(status, &self.error.to_string()).into_response()
        };
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut()
                .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

/// True for paths of the JSON API.
pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// The answer for paths no route serves.
pub async fn not_found(uri: Uri) -> Failure {
    let error = WebError::NotFound(format!("no page at {}", uri.path()));
    Failure {
        api: is_api(uri.path()),
        error,
    }
}
