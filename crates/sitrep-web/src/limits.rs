//! What the server puts up with from a client: how big a request body may be, how long a
//! request may take, how long a client may take to send a request's head. A body over the
//! limit is refused with 413 (by the body extractors, before more is read than the limit); a
//! request not answered within its time gets 408 ([`deadline`]); a connection whose request
//! head has not arrived in time is closed ([`crate::server`]), so slow clients (slowloris)
//! cannot hold connections open.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::Shared;
use crate::error::{Failure, WebError, is_api};

/// The limits.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Bytes a request body may hold.
    pub max_body: usize,
    /// Time from a request's head to its answer, body reading included.
    pub request_timeout: Duration,
    /// Time a client has to send a request's head (line and headers), counted from its first
    /// byte; also how long an idle keep-alive connection is kept.
    pub header_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(10),
        }
    }
}

/// The middleware answering 408 to a request that takes longer than its time.
pub async fn deadline(State(s): State<Shared>, req: Request, next: Next) -> Response {
    let api = is_api(req.uri().path());
    let limit = s.limits.request_timeout;
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => Failure {
            api,
            error: WebError::Timeout(format!(
                "the request took longer than {} s",
                limit.as_secs_f64()
            )),
        }
        .into_response(),
    }
}
