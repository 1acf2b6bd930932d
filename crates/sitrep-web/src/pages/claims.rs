//! `GET /claims`: the claims ledger, filtered by speaker, what the claim is about and kind;
//! each denial side by side with what it denies; every claim linked to its place in its
//! report.

use axum::extract::State;
use axum::response::Html;
use maud::{Markup, html};
use sitrep_model::record::Claim;
use sitrep_store::StoredClaim;

use crate::Shared;
use crate::error::Failure;
use crate::pages::layout::{self, document_href, pager};
use crate::params::{ClaimQuery, Params};

/// The claim kinds the extractor gives (`sitrep_model::record::Claim::kind`).
const KINDS: &[&str] = &[
    "assertion",
    "accusation",
    "denial",
    "warning",
    "demand",
    "pledge",
    "other",
];

/// The link to a claim in its report.
pub fn claim_href(doc_id: &str, idx: usize) -> String {
    format!("{}?claim={idx}#claim-{idx}", document_href(doc_id))
}

fn said(c: &Claim, doc_id: &str, idx: usize, published: Option<&str>) -> Markup {
    html! {
        div.said {
            b { (c.speaker) } " " span.tag { (c.kind) } " " span.muted { (c.cue) ", " (published.unwrap_or("undated")) }
            blockquote { a href=(claim_href(doc_id, idx)) { (c.text) } }
            @if !c.about.is_empty() { div.muted { "about: " (c.about.join(", ")) } }
        }
    }
}

/// A denial beside what it denies.
pub fn contradiction(c: &StoredClaim) -> Markup {
    html! {
        @if let Some(d) = &c.denies {
            div.pair {
                div.claimed { (said(&d.claim, &d.doc_id, d.idx, d.published.as_deref())) }
                div.denial { (said(&c.claim, &c.doc_id, c.idx, c.published.as_deref())) }
            }
        }
    }
}

/// A table of claims.
pub fn claim_table(list: &[StoredClaim]) -> Markup {
    html! {
        @if list.is_empty() { p.empty { "No claims." } } @else {
            table.claims {
                thead { tr { th { "Published" } th { "Speaker" } th { "Kind" } th { "What was said" } th { "About" } th { "Report" } } }
                tbody { @for c in list {
                    tr {
                        td { (c.published.as_deref().unwrap_or("undated")) }
                        td { (c.claim.speaker) }
                        td { span.tag { (c.claim.kind) }
                            @if c.denies.is_some() { " " span.tag.denied { "denies" } }
                            @if !c.denied_by.is_empty() { " " span.tag.conflict { "denied" } } }
                        td { a href=(claim_href(&c.doc_id, c.idx)) { (c.claim.text) } }
                        td { (c.claim.about.join(", ")) }
                        td { a href=(document_href(&c.doc_id)) { (c.doc_id) } }
                    }
                } }
            }
        }
    }
}

/// The handler.
pub async fn page(
    State(s): State<Shared>,
    Params(q): Params<ClaimQuery>,
) -> Result<Html<String>, Failure> {
    let q2 = q.clone();
    let (list, page) = s
        .with(move |st| {
            let page = q2.paging().page()?;
            Ok((st.claims(&q2.filter(), page)?, page))
        })
        .await
        .map_err(Failure::page)?;
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let kind = v(&q.kind);
    let denials: Vec<&StoredClaim> = list.iter().filter(|c| c.denies.is_some()).collect();
    let query = [
        ("speaker", q.speaker.clone()),
        ("about", q.about.clone()),
        ("kind", q.kind.clone()),
        ("doc", q.doc.clone()),
    ];
    let body = html! {
        h1 { "Claims" }
        form.filters method="get" action="/claims" {
            label { "speaker" input type="text" name="speaker" value=(v(&q.speaker)); }
            label { "about" input type="text" name="about" value=(v(&q.about)); }
            label { "kind" select name="kind" {
                option value="" { "any" }
                @for k in KINDS { option value=(k) selected[kind == *k] { (k) } }
            } }
            @if let Some(d) = &q.doc { input type="hidden" name="doc" value=(d); }
            button type="submit" { "Filter" }
        }
        @if !denials.is_empty() {
            h2 { "Contradictions" }
            p.muted { "Each denial beside the claim it denies." }
            @for c in &denials { (contradiction(c)) }
        }
        h2 { "Ledger" }
        (claim_table(&list))
        (pager("/claims", &query, page.offset, page.limit, list.len(), None))
    };
    Ok(layout::page("Claims", "/claims", body))
}
