//! `GET /documents` (paged list of reports) and `GET /documents/{id}`: the report's text
//! with every extracted span highlighted by layer (`?event=N` or `?claim=N` brings one
//! event's evidence or one claim forward), then what was extracted, each item linked to its
//! place in the text.

use axum::extract::State;
use axum::response::Html;
use maud::html;
use sitrep_store::StoredDocument;

use crate::Shared;
use crate::api::Id;
use crate::error::{Failure, WebError};
use crate::highlight::{self, Layer};
use crate::pages::layout::{self, actor_href, document_link, pager};
use crate::params::{DocumentQuery, PageQuery, Paging, Params};

/// `GET /documents`.
pub async fn list(
    State(s): State<Shared>,
    Params(q): Params<PageQuery>,
) -> Result<Html<String>, Failure> {
    let page = Paging {
        limit: q.limit,
        offset: q.offset,
    }
    .page()
    .map_err(Failure::page)?;
    let list = s
        .with(move |st| Ok(st.documents(page)?))
        .await
        .map_err(Failure::page)?;
    let body = html! {
        h1 { "Reports" }
        @if list.is_empty() { p.empty { "No reports stored." } }
        ul.documents { @for d in &list { li { (document_link(d)) } } }
        (pager("/documents", &[], page.offset, page.limit, list.len(), None))
    };
    Ok(layout::page("Reports", "/documents", body))
}

/// The entity key the store resolves a record entity by (see `sitrep_store` entity keys).
fn entity_key(e: &sitrep_model::record::Entity) -> String {
    match &e.id {
        Some(id) => format!("kb:{id}"),
        None => format!("{}:{}", e.kind, sitrep_fuse::names::key(&e.name)),
    }
}

/// `GET /documents/{id}`.
pub async fn page(
    State(s): State<Shared>,
    Id(id): Id,
    Params(q): Params<DocumentQuery>,
) -> Result<Html<String>, Failure> {
    let d: StoredDocument = s
        .with(move |st| {
            st.document(&id)?
                .ok_or_else(|| WebError::NotFound(format!("no document {id:?}")))
        })
        .await
        .map_err(Failure::page)?;
    let r = &d.record;
    let marks = highlight::marks(r, q.event, q.claim);
    let count = |l: Layer| marks.iter().filter(|m| m.layer == l).count();
    let title = d.meta.title.clone().unwrap_or_else(|| d.meta.id.clone());
    let body = html! {
        h1 { (title) }
        p.muted {
            (d.meta.source.as_deref().unwrap_or("unnamed outlet")) ", "
            (d.meta.published.as_deref().unwrap_or("undated"))
            " · id " code { (d.meta.id) }
            @if let Some(u) = &d.meta.url { " · " (u) }
        }
        p.legend {
            @for l in Layer::ALL {
                span { span class={ "hl-" (l.name()) } { (l.name()) } " " (count(l)) }
            }
            span.muted { "Hover a highlight to see what was extracted; offsets are characters." }
        }
        div.doc-text { (highlight::render(&d.text, &marks)) }
        h2 { "Events" }
        @if r.events.is_empty() { p.empty { "None." } }
        ol start="0" { @for (i, e) in r.events.iter().enumerate() {
            li { a href={ "?event=" (i) "#event-" (i) } { (e.kind) @if let Some(s) = &e.sub_type { " · " (s) } }
                span.muted {
                    @if let Some(d) = &e.date { " · " (d.start) @if d.end != d.start { " – " (d.end) } }
                    @if let Some(l) = &e.location { " · " (l.name) }
                    @if let Some(c) = &e.fatalities { " · " (c.total) " killed" }
                    @if let Some(c) = &e.injured { " · " (c.total) " injured" }
                } }
        } }
        h2 { "Claims" }
        @if r.claims.is_empty() { p.empty { "None." } }
        ol start="0" { @for (i, c) in r.claims.iter().enumerate() {
            li { b { (c.speaker) } " " span.tag { (c.kind) } " " a href={ "?claim=" (i) "#claim-" (i) } { (c.text) } }
        } }
        h2 { "Figures" }
        @if r.figures.is_empty() { p.empty { "None." } }
        ol start="0" { @for f in &r.figures {
            li { a href={ "#" (layout::figure_anchor(f.start)) } { q { (f.text) } } span.muted {
                " · " (f.unit) @if let Some(m) = &f.measure { " · " (m) }
                @if let Some(p) = &f.place { " · " (p) } @if let Some(p) = &f.period { " · " (p) }
                @if let Some(s) = &f.source { " · source " (s) } } }
        } }
        @if !r.checks.is_empty() {
            h2 { "Consistency checks" }
            ul { @for c in &r.checks { li { span class={ "tag " @if c.consistent { "ok" } @else { "conflict" } } { @if c.consistent { "consistent" } @else { "inconsistent" } } " " (c.message) } } }
        }
        h2 { "Entities" }
        @if r.entities.is_empty() { p.empty { "None." } }
        ul { @for e in &r.entities {
            li { a href=(actor_href(&entity_key(e))) { (e.name) } span.muted { " · " (e.kind.replace('_', " ")) " · " (e.mentions.len()) " mention(s)" } }
        } }
    };
    Ok(layout::page(&title, "/documents", body))
}
