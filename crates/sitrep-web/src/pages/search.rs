//! `GET /search?q=`: full-text search over reports, best first, each hit with a snippet whose
//! matches are marked.

use axum::extract::State;
use axum::response::Html;
use maud::{Markup, html};
use sitrep_store::{MATCH_END, MATCH_START};

use crate::Shared;
use crate::error::Failure;
use crate::pages::layout::{self, document_link, pager};
use crate::params::{Paging, Params, SearchQuery, text};

/// A snippet with its matches in `<mark>`.
pub fn snippet(s: &str) -> Markup {
    let mut parts: Vec<(bool, String)> = vec![(false, String::new())];
    for c in s.chars() {
        match c {
            MATCH_START => parts.push((true, String::new())),
            MATCH_END => parts.push((false, String::new())),
            c => {
                if let Some(last) = parts.last_mut() {
                    last.1.push(c);
                }
            }
        }
    }
    html! {
        @for (marked, t) in parts {
            @if marked { mark { (t) } } @else { (t) }
        }
    }
}

/// The handler.
pub async fn page(
    State(s): State<Shared>,
    Params(q): Params<SearchQuery>,
) -> Result<Html<String>, Failure> {
    let words = text(&q.q);
    let page = Paging {
        limit: q.limit,
        offset: q.offset,
    }
    .page()
    .map_err(Failure::page)?;
    let w2 = words.clone();
    let hits = s
        .with(move |st| match w2 {
            Some(w) => Ok(st.search_hits(&w, page)?),
            None => Ok(vec![]),
        })
        .await
        .map_err(Failure::page)?;
    let body = html! {
        h1 { "Search" }
        form.filters method="get" action="/search" {
            label { "words" input type="search" name="q" value=(words.clone().unwrap_or_default()) autofocus; }
            button type="submit" { "Search" }
        }
        @if let Some(w) = &words {
            p.muted { (hits.len()) @if hits.len() == page.limit { "+" } " report(s) with every word of “" (w) "”." }
            ol.hits start=(page.offset + 1) { @for h in &hits {
                li { (document_link(&h.document)) div.snippet { (snippet(&h.snippet)) } }
            } }
            (pager("/search", &[("q", Some(w.clone()))], page.offset, page.limit, hits.len(), None))
        } @else {
            p.muted { "Give some words; every word must be in the report." }
        }
    };
    Ok(layout::page("Search", "", body))
}
