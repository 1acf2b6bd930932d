//! `GET /actors` (filtered, paged list) and `GET /actors/{key}`: aliases, activity over time
//! (reports naming the actor per week), incidents, claims by and about it, and the reports
//! with their mentions.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Html;
use chrono::{Datelike, NaiveDate};
use maud::html;
use sitrep_store::ActorDetail;

use crate::Shared;
use crate::api::Id;
use crate::chart;
use crate::error::{Failure, WebError};
use crate::pages::claims::{claim_table, contradiction};
use crate::pages::layout::{self, actor_href, document_link, incident_table, pager};
use crate::params::{ActorQuery, NoQuery, Params};

/// `GET /actors`.
pub async fn list(
    State(s): State<Shared>,
    Params(q): Params<ActorQuery>,
) -> Result<Html<String>, Failure> {
    let q2 = q.clone();
    let (list, page) = s
        .with(move |st| {
            let page = q2.paging().page()?;
            Ok((st.actors(&q2.filter(), page)?, page))
        })
        .await
        .map_err(Failure::page)?;
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let query = [("name", q.name.clone()), ("type", q.kind.clone())];
    let body = html! {
        h1 { "Actors" }
        form.filters method="get" action="/actors" {
            label { "name" input type="text" name="name" value=(v(&q.name)); }
            label { "type" input type="text" name="type" value=(v(&q.kind)) placeholder="armed_group, person…"; }
            button type="submit" { "Filter" }
        }
        @if list.is_empty() { p.empty { "No actors." } } @else {
            table.actors {
                thead { tr { th { "Name" } th { "Type" } th { "Also written" } th.num { "Reports" } th.num { "Mentions" } th { "First seen" } th { "Last seen" } } }
                tbody { @for a in &list {
                    tr {
                        td { a href=(actor_href(&a.key)) { (a.name) } }
                        td { (a.kind.replace('_', " ")) }
                        td.muted { (a.aliases.iter().filter(|x| **x != a.name).cloned().collect::<Vec<_>>().join(", ")) }
                        td.num { (a.documents) }
                        td.num { (a.mentions) }
                        td { (a.first_seen.as_deref().unwrap_or("–")) }
                        td { (a.last_seen.as_deref().unwrap_or("–")) }
                    }
                } }
            }
        }
        (pager("/actors", &query, page.offset, page.limit, list.len(), None))
    };
    Ok(layout::page("Actors", "/actors", body))
}

/// Reports naming the actor per ISO week, from the first week to the last (empty weeks too).
fn activity(d: &ActorDetail) -> Vec<(String, u64)> {
    let mut weeks: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for r in &d.reports {
        if let Some(day) = r
            .document
            .published
            .as_deref()
            .and_then(|p| p.parse::<NaiveDate>().ok())
        {
            let monday = day - chrono::Duration::days(day.weekday().num_days_from_monday() as i64);
            *weeks.entry(monday).or_default() += 1;
        }
    }
    let (Some(first), Some(last)) = (
        weeks.keys().next().copied(),
        weeks.keys().next_back().copied(),
    ) else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut w = first;
    while w <= last {
        out.push((w.to_string(), weeks.get(&w).copied().unwrap_or(0)));
        w += chrono::Duration::days(7);
    }
    out
}

/// `GET /actors/{key}`.
pub async fn page(
    State(s): State<Shared>,
    Id(key): Id,
    Params(_): Params<NoQuery>,
) -> Result<Html<String>, Failure> {
    let d = s
        .with(move |st| {
            st.actor(&key)?
                .ok_or_else(|| WebError::NotFound(format!("no actor {key:?}")))
        })
        .await
        .map_err(Failure::page)?;
    let a = &d.actor;
    let weeks = activity(&d);
    let mut denials: Vec<&sitrep_store::StoredClaim> = d
        .claims_by
        .iter()
        .chain(&d.claims_about)
        .filter(|c| c.denies.is_some())
        .collect();
    denials.sort_by(|a, b| (&a.doc_id, a.idx).cmp(&(&b.doc_id, b.idx)));
    denials.dedup_by(|a, b| (&a.doc_id, a.idx) == (&b.doc_id, b.idx));
    let body = html! {
        h1 { (a.name) }
        p.muted { (a.kind.replace('_', " "))
            @if let Some(id) = &a.kb_id { " · knowledge-base id " code { (id) } }
            " · " (a.documents) " report(s), " (a.mentions) " mention(s)"
            @if let (Some(f), Some(l)) = (&a.first_seen, &a.last_seen) { " · seen " (f) " to " (l) } }
        section.card {
            h2 { "Aliases" }
            p { @for (k, x) in a.aliases.iter().enumerate() { @if k > 0 { ", " } (x) } }
        }
        section.card {
            h2 { "Activity over time" }
            (chart::bars(&weeks, "reports naming it, per week (Monday)"))
        }
        h2 { "Incidents" }
        (incident_table(&d.incidents))
        @if !denials.is_empty() {
            h2 { "Contradictions" }
            @for c in &denials { (contradiction(c)) }
        }
        h2 { "Claims by " (a.name) }
        (claim_table(&d.claims_by))
        h2 { "Claims about " (a.name) }
        (claim_table(&d.claims_about))
        h2 { "Reports" }
        ul { @for r in &d.reports {
            li { (document_link(&r.document)) span.muted { " · " (r.mentions.len()) " mention(s)" } }
        } }
    };
    Ok(layout::page(&a.name, "/actors", body))
}
