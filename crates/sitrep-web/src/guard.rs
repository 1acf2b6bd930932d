//! The path guard: a request whose path has a `.` or `..` segment is refused with 400 before
//! any route sees it, however the segment is written: plainly, percent-encoded (`%2e%2e`,
//! `.%2E`, doubly encoded `%252e`), or between encoded slashes or backslashes (`..%2f`,
//! `%5c..`). Clients normalise such paths away, so only hand-made requests carry them; no
//! route reads files, but nothing should be served for them either. An encoded slash alone
//! is fine (report ids can be URLs).
//!
//! Every answer then gets headers that keep the browser to what the server sent
//! ([`security_headers`]): a content security policy allowing nothing from elsewhere and no
//! script, no MIME sniffing, no referrer, no framing.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{Failure, WebError, is_api};

/// Why a path is refused, or `None` when it is fine.
pub fn refusal(path: &str) -> Option<&'static str> {
    let lower = path.to_ascii_lowercase();
    let plain = lower
        .replace("%2e", ".")
        .replace("%2f", "/")
        .replace("%5c", "/")
        .replace('\\', "/");
    if plain.split('/').any(|seg| seg == "." || seg == "..") {
        return Some("dot segment in path");
    }
    if lower.contains("%25") && refusal(&percent_decode_once(path)).is_some() {
        return Some("doubly encoded dot segment in path");
    }
    None
}

fn percent_decode_once(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        let pair = (b[i] == b'%' && i + 2 < b.len())
            .then(|| hex(b[i + 1]).zip(hex(b[i + 2])))
            .flatten();
        if let Some((h, l)) = pair {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The middleware.
pub async fn refuse_dot_segments(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if let Some(why) = refusal(path) {
        let error = WebError::BadRequest(why.into());
        return Failure {
            api: is_api(path),
            error,
        }
        .into_response();
    }
    next.run(req).await
}

/// The content security policy: the page's own stylesheet and forms, nothing else.
pub const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; \
    form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The response middleware.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

#[cfg(test)]
mod tests {
    use super::refusal;

    #[test]
    fn dot_segments_are_refused_in_every_spelling() {
        for p in [
            "/../etc/passwd",
            "/documents/../../etc/passwd",
            "/static/..",
            "/documents/%2e%2e/x",
            "/documents/%2E./x",
            "/documents/.%2e/x",
            "/documents/./x",
            "/documents/..%2fetc",
            "/documents/..%5Cetc",
            "/documents/..\\etc",
            "/documents/%252e%252e/x",
        ] {
            assert!(refusal(p).is_some(), "{p}");
        }
        for p in [
            "/",
            "/documents/lakki-market-blast",
            "/actors/kb%3Attp",
            "/a..b/c.d",
            "/documents/https%3A%2F%2Fx.example%2Fa%2Fb",
        ] {
            assert!(refusal(p).is_none(), "{p}");
        }
    }
}
