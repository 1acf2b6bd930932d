//! `GET /`: counts, the map of incidents, the weekly incidents and fatalities chart, the most
//! reported actors and the latest incidents.

use axum::extract::State;
use axum::response::Html;
use maud::html;
use sitrep_store::{ActorFilter, Page};

use crate::error::Failure;
use crate::map::Pin;
use crate::pages::layout::{self, actor_href, incident_href, incident_table};
use crate::params::{NoQuery, Params};
use crate::{Shared, chart, map};

/// Incidents listed under "latest".
const LATEST: usize = 10;
/// Actors listed under "most reported".
const TOP_ACTORS: usize = 10;

/// The handler.
pub async fn page(
    State(s): State<Shared>,
    Params(_): Params<NoQuery>,
) -> Result<Html<String>, Failure> {
    let (stats, incidents, actors) = s
        .with(|st| {
            Ok((
                st.stats()?,
                st.incidents(&Default::default())?,
                st.actors(&ActorFilter::default(), Page::first(TOP_ACTORS))?,
            ))
        })
        .await
        .map_err(Failure::page)?;
    let pins: Vec<Pin> = incidents
        .iter()
        .filter_map(|i| {
            let l = i.location.as_ref()?;
            Some(Pin {
                lon: l.lon?,
                lat: l.lat?,
                fatalities: i.fatalities.as_ref().map_or(0, |t| t.best),
                label: format!(
                    "{} — {}, {}: {} killed, {} report(s)",
                    layout::kind(i),
                    layout::place(i),
                    layout::when(i),
                    layout::toll(&i.fatalities),
                    i.reports.len()
                ),
                href: incident_href(i.id),
            })
        })
        .collect();
    let unplaced = incidents.len() - pins.len();
    let mut provinces: Vec<String> = incidents
        .iter()
        .filter_map(|i| i.location.as_ref()?.admin1.clone())
        .collect();
    provinces.sort();
    provinces.dedup();
    let weeks = sitrep_assess::weekly_totals(&incidents);
    let mut latest = incidents.clone();
    crate::api::latest_first(&mut latest);
    latest.truncate(LATEST);
    let body = html! {
        h1 { "Overview" }
        div.stats {
            div { b { (stats.documents) } "reports" }
            div { b { (stats.incidents) } "incidents" }
            div { b { (stats.events) } "events" }
            div { b { (stats.claims) } "claims" }
            div { b { (stats.figures) } "figures" }
            div { b { (stats.entities) } "entities" }
        }
        div.grid {
            section.card {
                h2 { "Map of incidents" }
                (map::render(&pins, unplaced, &provinces))
            }
            div {
                section.card {
                    h2 { "Most reported actors" }
                    @if actors.is_empty() { p.empty { "No actors yet." } }
                    ol.actors {
                        @for a in &actors {
                            li { a href=(actor_href(&a.key)) { (a.name) } " "
                                span.muted { (a.kind.replace('_', " ")) ", " (a.documents) " report(s)" } }
                        }
                    }
                    p { a href="/actors" { "All actors →" } }
                }
            }
        }
        section.card {
            h2 { "Incidents and killed per week" }
            (chart::weekly(&weeks))
        }
        h2 { "Latest incidents" }
        (incident_table(&latest))
        p { a href="/incidents" { "All incidents →" } }
    };
    Ok(layout::page("Overview", "/", body))
}
