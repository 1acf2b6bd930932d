//! `GET /incidents` (filtered, paged list) and `GET /incidents/{id}`: the fused values with
//! every report's value, the toll's revisions, conflicts, and each report's account with its
//! evidence highlighted and a link to the report at that evidence.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Html;
use maud::{Markup, html};
use sitrep_fuse::{Member, Toll};
use sitrep_store::{IncidentDetail, StoredDocument};

use crate::Shared;
use crate::api::{Id, incident_id, list_incidents};
use crate::error::{Failure, WebError};
use crate::pages::layout::{self, document_href, incident_table, pager};
use crate::params::{IncidentQuery, NoQuery, Params};

/// Characters of context shown around a piece of evidence.
const CONTEXT: usize = 80;

/// `GET /incidents`.
pub async fn list(
    State(s): State<Shared>,
    Params(q): Params<IncidentQuery>,
) -> Result<Html<String>, Failure> {
    let l = list_incidents(&s, &q).await.map_err(Failure::page)?;
    let query = [
        ("since", q.since.clone()),
        ("until", q.until.clone()),
        ("place", q.place.clone()),
        ("actor", q.actor.clone()),
        ("type", q.kind.clone()),
    ];
    let v = |o: &Option<String>| o.clone().unwrap_or_default();
    let body = html! {
        h1 { "Incidents" }
        form.filters method="get" action="/incidents" {
            label { "since" input type="date" name="since" value=(v(&q.since)); }
            label { "until" input type="date" name="until" value=(v(&q.until)); }
            label { "place" input type="text" name="place" value=(v(&q.place)); }
            label { "actor" input type="text" name="actor" value=(v(&q.actor)); }
            label { "type" input type="text" name="type" value=(v(&q.kind)); }
            button type="submit" { "Filter" }
        }
        (incident_table(&l.items))
        (pager("/incidents", &query, l.offset, l.limit, l.items.len(), l.total))
    };
    Ok(layout::page("Incidents", "/incidents", body))
}

/// `GET /incidents/{id}`.
pub async fn page(
    State(s): State<Shared>,
    Id(id): Id,
    Params(_): Params<NoQuery>,
) -> Result<Html<String>, Failure> {
    let (detail, docs) = s
        .with(move |st| {
            let n = incident_id(&id)?;
            let d = st
                .incident(n)?
                .ok_or_else(|| WebError::NotFound(format!("no incident {n}")))?;
            let ids: std::collections::BTreeSet<&String> =
                d.members.iter().map(|m| &m.doc_id).collect();
            let mut docs = BTreeMap::new();
            for id in ids {
                if let Some(doc) = st.document(id)? {
                    docs.insert(id.clone(), doc);
                }
            }
            Ok((d, docs))
        })
        .await
        .map_err(Failure::page)?;
    let title = format!(
        "{} — {}",
        layout::kind(&detail.incident),
        layout::place(&detail.incident)
    );
    Ok(layout::page(&title, "/incidents", render(&detail, &docs)))
}

fn title_of(docs: &BTreeMap<String, StoredDocument>, id: &str) -> String {
    docs.get(id)
        .and_then(|d| d.meta.title.clone())
        .unwrap_or_else(|| id.to_string())
}

fn render(d: &IncidentDetail, docs: &BTreeMap<String, StoredDocument>) -> Markup {
    let i = &d.incident;
    let mut members: Vec<&Member> = d.members.iter().collect();
    members.sort_by_key(|m| {
        (
            m.published.is_none(),
            m.published.clone(),
            m.doc_id.clone(),
            m.event_idx,
        )
    });
    html! {
        h1 { (layout::kind(i)) }
        p.muted { (layout::place(i)) " · " (layout::when(i)) " · incident " (i.id) }
        div.grid {
            section.card {
                h2 { "Fused values" }
                dl.facts {
                    dt { "Date" } dd { (layout::when(i))
                        @if let Some(s) = &i.span { @if s.start != s.end { span.muted { " (reports range " (s.start) " – " (s.end) ")" } } } }
                    dt { "Place" } dd { (layout::place(i))
                        @if let Some(l) = &i.location { @if let (Some(lat), Some(lon)) = (l.lat, l.lon) {
                            span.muted { " (" (format!("{lat:.3}, {lon:.3}")) ")" } } } }
                    dt { "Killed" } dd { (toll_line(&i.fatalities)) }
                    dt { "Injured" } dd { (toll_line(&i.injured)) }
                    dt { "Perpetrators" } dd {
                        @if i.perpetrators.is_empty() { "none named" }
                        @for p in &i.perpetrators {
                            div { b { (p.name) } " " span.tag.(p.status) { (p.status) }
                                span.muted { " (" @for (k, (s, n)) in p.statuses.iter().enumerate() {
                                    @if k > 0 { ", " } (s) " in " (n) } ")" } }
                        }
                    }
                    dt { "Sources" } dd { (i.reports.len()) " report(s), " (i.corroboration) " independent source(s)"
                        @if !i.outlets.is_empty() { ": " (i.outlets.join(", ")) } }
                }
            }
            section.card {
                h2 { "Conflicts" }
                @if i.conflicts.is_empty() { p.empty { "The reports agree." } }
                ul { @for c in &i.conflicts {
                    li { span.tag.conflict { (c.kind) } " " (c.field) ": " (c.message) " "
                        span.muted { "(" @for (k, doc) in c.doc_ids.iter().enumerate() {
                            @if k > 0 { ", " } a href=(document_href(doc)) { (doc) } } ")" } }
                } }
            }
        }
        (toll_table("Killed, report by report", &i.fatalities, docs))
        (toll_table("Injured, report by report", &i.injured, docs))
        h2 { "Each report's account" }
        @for m in &members {
            (account(m, docs))
        }
    }
}

fn toll_line(t: &Option<Toll>) -> Markup {
    html! {
        @match t {
            None => "not reported",
            Some(t) => {
                b { (t.best) } " best"
                @if t.low != t.high { " · range " (t.low) "–" (t.high) }
                @if t.revisions.len() > 1 { " · revisions " (t.revisions.iter().map(u64::to_string).collect::<Vec<_>>().join(" → ")) }
                @for (cat, r) in &t.by_category {
                    div.muted { (cat.replace('_', " ")) ": " (r.best) @if r.low != r.high { " (" (r.low) "–" (r.high) ")" } }
                }
            }
        }
    }
}

fn toll_table(title: &str, t: &Option<Toll>, docs: &BTreeMap<String, StoredDocument>) -> Markup {
    html! {
        @if let Some(t) = t {
            h2 { (title) }
            table.toll {
                thead { tr { th { "Published" } th { "Report" } th { "Outlet" } th.num { "Figure" } th { "" } } }
                tbody { @for r in &t.reports {
                    tr {
                        td { (r.published.as_deref().unwrap_or("undated")) }
                        td { a href=(document_href(&r.doc_id)) { (title_of(docs, &r.doc_id)) } }
                        td { (r.source.as_deref().unwrap_or("–")) }
                        td.num { (r.qualifier.replace('_', " ")) " " b { (r.value) } }
                        td { @if r.outlier { span.tag.outlier { "outlier" } } }
                    }
                } }
            }
        }
    }
}

fn account(m: &Member, docs: &BTreeMap<String, StoredDocument>) -> Markup {
    let e = &m.event;
    let href = format!(
        "{}?event={}#event-{}",
        document_href(&m.doc_id),
        m.event_idx,
        m.event_idx
    );
    html! {
        section.card.account {
            h3 { a href=(href) { (title_of(docs, &m.doc_id)) } }
            p.muted { (m.source.as_deref().unwrap_or("unnamed outlet")) ", " (m.published.as_deref().unwrap_or("undated")) }
            dl.facts {
                dt { "Type" } dd { (e.kind) @if let Some(s) = &e.sub_type { " · " (s) } }
                dt { "Date" } dd { @match &e.date { Some(d) if d.start == d.end => (d.start), Some(d) => { (d.start) " – " (d.end) }, None => "not given" } }
                dt { "Place" } dd { @match &e.location { Some(l) => { (l.name) @if let Some(a) = &l.admin1 { ", " (a) } }, None => "not given" } }
                dt { "Killed" } dd { @match &e.fatalities { Some(c) => { (c.qualifier.replace('_', " ")) " " (c.total) }, None => "not given" } }
                dt { "Injured" } dd { @match &e.injured { Some(c) => { (c.qualifier.replace('_', " ")) " " (c.total) }, None => "not given" } }
                dt { "Actors" } dd { @if e.actors.is_empty() { "none named" }
                    @for a in &e.actors { (a.name) " " span.tag { (a.role) @if let Some(s) = &a.status { ", " (s) } } " " } }
            }
            @match docs.get(&m.doc_id) {
                Some(doc) => { @for ev in &e.evidence { (excerpt(&doc.text, ev.start, ev.end)) } }
                None => p.empty { "The report is no longer stored." }
            }
        }
    }
}

/// The evidence with some context on each side, the evidence marked.
pub fn excerpt(text: &str, start: usize, end: usize) -> Markup {
    let chars: Vec<char> = text.chars().collect();
    let (s, e) = (start.min(chars.len()), end.min(chars.len()));
    let from = s.saturating_sub(CONTEXT);
    let to = (e + CONTEXT).min(chars.len());
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    html! {
        blockquote.evidence {
            @if from > 0 { "…" }
            (piece(from, s)) mark { (piece(s, e.max(s))) } (piece(e.max(s), to))
            @if to < chars.len() { "…" }
        }
    }
}
