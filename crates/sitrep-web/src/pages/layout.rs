//! The frame every page shares (header, navigation, search box, stylesheet link), the error
//! page, and small views used on several pages: incident titles and tables, tolls, links to
//! reports and actors, pagers.

use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use sitrep_fuse::{Incident, Toll};
use sitrep_store::DocumentMeta;

/// The stylesheet.
pub const STYLE: &str = include_str!("../../assets/style.css");

const NAV: &[(&str, &str)] = &[
    ("/", "Overview"),
    ("/incidents", "Incidents"),
    ("/actors", "Actors"),
    ("/claims", "Claims"),
    ("/indicators", "Indicators"),
    ("/documents", "Reports"),
];

/// A whole page.
pub fn page(title: &str, here: &str, body: Markup) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · sitrep" }
                    link rel="stylesheet" href="/static/style.css";
                }
                body {
                    header.top {
                        a.brand href="/" { "sitrep" }
                        nav {
                            @for (href, name) in NAV {
                                a class=[(*href == here).then_some("here")] href=(href) { (name) } " "
                            }
                        }
                        form action="/search" method="get" role="search" {
                            input type="search" name="q" placeholder="Search reports" aria-label="Search reports";
                        }
                    }
                    main { (body) }
                }
            }
        }
        .into_string(),
    )
}

/// `GET /static/style.css`.
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=3600"),
        ],
        STYLE,
    )
        .into_response()
}

/// An error as a page.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    let body = html! {
        h1 { (status.as_u16()) " " (title) }
        p.error { (message) }
        p { a href="/" { "Back to the overview" } }
    };
    (status, page(title, "", body)).into_response()
}

/// Percent-encodes a path segment or query value (everything but unreserved characters).
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The page of a report.
pub fn document_href(id: &str) -> String {
    format!("/documents/{}", encode(id))
}

/// The page of an actor.
pub fn actor_href(key: &str) -> String {
    format!("/actors/{}", encode(key))
}

/// A figure in its report: the anchor the report page puts at the figure's first character.
pub fn figure_href(doc_id: &str, start: usize) -> String {
    format!("{}#{}", document_href(doc_id), figure_anchor(start))
}

/// The anchor of the figure starting at character `start`.
pub fn figure_anchor(start: usize) -> String {
    format!("figure-at-{start}")
}

/// The page of an incident.
pub fn incident_href(id: i64) -> String {
    format!("/incidents/{id}")
}

/// A report link with its date and outlet.
pub fn document_link(d: &DocumentMeta) -> Markup {
    html! {
        a href=(document_href(&d.id)) { (d.title.as_deref().unwrap_or(&d.id)) }
        span.muted {
            " — " (d.source.as_deref().unwrap_or("unnamed outlet"))
            ", " (d.published.as_deref().unwrap_or("undated"))
        }
    }
}

/// "Explosions/Remote violence · Suicide bomb".
pub fn kind(i: &Incident) -> String {
    match &i.sub_type {
        Some(s) => format!("{} · {s}", i.kind),
        None => i.kind.clone(),
    }
}

/// The best date, or the range.
pub fn when(i: &Incident) -> String {
    match &i.date {
        Some(d) if d.start == d.end => d.start.clone(),
        Some(d) => format!("{} – {}", d.start, d.end),
        None => "undated".into(),
    }
}

/// The best place with its district and province.
pub fn place(i: &Incident) -> String {
    let Some(l) = &i.location else {
        return "place unknown".into();
    };
    let mut parts = vec![l.name.clone()];
    for p in [&l.admin2, &l.admin1].into_iter().flatten() {
        if !parts.contains(p) {
            parts.push(p.clone());
        }
    }
    parts.join(", ")
}

/// "36 (15–69)" or "15".
pub fn toll(t: &Option<Toll>) -> String {
    match t {
        None => "–".into(),
        Some(t) if t.low == t.high => t.best.to_string(),
        Some(t) => format!("{} ({}–{})", t.best, t.low, t.high),
    }
}

/// A table of incidents.
pub fn incident_table(list: &[Incident]) -> Markup {
    html! {
        @if list.is_empty() {
            p.empty { "No incidents." }
        } @else {
            table.incidents {
                thead { tr {
                    th { "Date" } th { "Incident" } th { "Place" }
                    th.num { "Killed" } th.num { "Injured" } th { "Perpetrators" } th.num { "Reports" }
                } }
                tbody {
                    @for i in list {
                        tr {
                            td { (when(i)) }
                            td { a href=(incident_href(i.id)) { (kind(i)) }
                                @if !i.conflicts.is_empty() { " " span.tag.conflict title="reports disagree" { "conflict" } } }
                            td { (place(i)) }
                            td.num { (toll(&i.fatalities)) }
                            td.num { (toll(&i.injured)) }
                            td { @for p in &i.perpetrators {
                                (p.name) " " span.tag.(p.status) { (p.status) } " "
                            } }
                            td.num { (i.reports.len()) }
                        }
                    }
                }
            }
        }
    }
}

/// Previous / next links for a list window; `query` is the page's query without paging.
pub fn pager(
    path: &str,
    query: &[(&str, Option<String>)],
    offset: usize,
    limit: usize,
    shown: usize,
    total: Option<usize>,
) -> Markup {
    let href = |off: usize| {
        let mut parts: Vec<String> = query
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", encode(v))))
            .collect();
        parts.push(format!("limit={limit}"));
        parts.push(format!("offset={off}"));
        format!("{path}?{}", parts.join("&"))
    };
    let more = match total {
        Some(t) => offset + shown < t,
        None => shown == limit,
    };
    html! {
        @if offset > 0 || more {
            nav.pager {
                @if offset > 0 { a href=(href(offset.saturating_sub(limit))) rel="prev" { "← previous" } }
                span.muted {
                    (offset + 1) "–" (offset + shown)
                    @if let Some(t) = total { " of " (t) }
                }
                @if more { a href=(href(offset + limit)) rel="next" { "next →" } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("kb:ttp"), "kb%3Attp");
        assert_eq!(encode("a b/../é"), "a%20b%2F..%2F%C3%A9");
    }

    #[test]
    fn the_frame_escapes_the_title() {
        let Html(s) = page("<b>x</b>", "/", html! { p { "body" } });
        assert!(s.contains("&lt;b&gt;x&lt;/b&gt; · sitrep"));
        assert!(!s.contains("<b>x</b>"));
    }
}
