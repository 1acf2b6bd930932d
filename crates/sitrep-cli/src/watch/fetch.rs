//! One HTTP poll of a feed: a conditional GET with the validators of the last read, with
//! connect and whole-request timeouts and a bound on the body.

use std::io::Read;
use std::time::Duration;

use sitrep_store::FeedValidators;

/// What a poll gave.
#[derive(Debug)]
pub enum Fetched {
    /// 304: nothing new since the validators sent.
    NotModified,
    /// The feed, with the validators that identify this version.
    Body {
        /// The body, at most the size limit.
        bytes: Vec<u8>,
        /// The response's `ETag` and `Last-Modified`.
        validators: FeedValidators,
    },
}

/// Why a poll failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The server answered with an error status.
    #[error("HTTP {status} {reason}")]
    Status {
        /// The status code.
        status: u16,
        /// The reason phrase.
        reason: String,
    },
    /// No answer: DNS, connection, TLS, timeout, malformed response.
    #[error("{0}")]
    Transport(String),
    /// The body is over the limit.
    #[error(
        "feed is {size} bytes or more, over the limit of {limit} bytes (raise it with --max-bytes)"
    )]
    TooLarge {
        /// The size announced, or the bytes read before giving up.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The body stopped part way.
    #[error("reading the feed: {0}")]
    Read(#[from] std::io::Error),
}

/// Polls feeds over HTTP.
pub struct Fetcher {
    agent: ureq::Agent,
    max_bytes: u64,
}

impl Fetcher {
    /// A client that gives up on connecting, and on a whole request, after `timeout`, and
    /// refuses bodies over `max_bytes`.
    pub fn new(timeout: Duration, max_bytes: u64) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(timeout)
            .timeout(timeout)
            .user_agent(concat!("sitrep/", env!("CARGO_PKG_VERSION")))
            .build();
        Fetcher { agent, max_bytes }
    }

    /// GETs `url`, asking only for a version newer than `last`.
    pub fn fetch(&self, url: &str, last: &FeedValidators) -> Result<Fetched, FetchError> {
        let mut request = self.agent.get(url);
        if let Some(etag) = &last.etag {
            request = request.set("If-None-Match", etag);
        }
        if let Some(date) = &last.last_modified {
            request = request.set("If-Modified-Since", date);
        }
        let response = match request.call() {
            Ok(r) => r,
            Err(ureq::Error::Status(status, r)) => {
                return Err(FetchError::Status {
                    status,
                    reason: r.status_text().to_string(),
                });
            }
            Err(ureq::Error::Transport(t)) => return Err(FetchError::Transport(describe(&t))),
        };
        if response.status() == 304 {
            return Ok(Fetched::NotModified);
        }
        if !(200..300).contains(&response.status()) {
            return Err(FetchError::Status {
                status: response.status(),
                reason: response.status_text().to_string(),
            });
        }
        let limit = self.max_bytes;
        if let Some(size) = response
            .header("Content-Length")
            .and_then(|n| n.trim().parse::<u64>().ok())
            .filter(|&n| n > limit)
        {
            return Err(FetchError::TooLarge { size, limit });
        }
        let validators = FeedValidators {
            etag: response.header("ETag").map(str::to_string),
            last_modified: response.header("Last-Modified").map(str::to_string),
        };
        let mut bytes = Vec::new();
        response
            .into_reader()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(FetchError::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(Fetched::Body { bytes, validators })
    }
}

/// A transport error without the URL (the caller names it): kind, message, causes, each
/// said once (ureq's causes often repeat the words before them).
fn describe(t: &ureq::Transport) -> String {
    let mut parts = vec![t.kind().to_string()];
    parts.extend(t.message().map(str::to_string));
    let mut source = std::error::Error::source(t);
    while let Some(e) = source {
        parts.push(e.to_string());
        source = e.source();
    }
    let mut said = String::new();
    for part in parts {
        if said.contains(&part) {
            continue;
        }
        if part.starts_with(&said) {
            said = part;
        } else {
            said.push_str(": ");
            said.push_str(&part);
        }
    }
    said
}
