//! `GET /indicators`: the indicator ledger (NAP scorecard) and every other figure series, each
//! value with its report, and the places by week (incidents, killed, baseline, spikes,
//! trend) — the assessment `sitrep assess` prints, from `sitrep_assess`.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::Html;
use maud::{Markup, html};
use sitrep_store::StoredFigure;

use crate::Shared;
use crate::error::Failure;
use crate::pages::layout::{self, figure_href};
use crate::params::{NoQuery, Params};

fn value(v: Option<f64>, low: Option<f64>, high: Option<f64>) -> String {
    match (v, low, high) {
        (_, Some(l), Some(h)) => format!("{l}–{h}"),
        (Some(v), _, _) => v.to_string(),
        _ => "?".into(),
    }
}

/// Figure series: figures with the same counted phrase and unit, two or more values.
fn series(figures: &[StoredFigure]) -> Vec<((String, String), Vec<&StoredFigure>)> {
    let mut groups: BTreeMap<(String, String), Vec<&StoredFigure>> = BTreeMap::new();
    for f in figures {
        let Some(m) = &f.figure.measure else { continue };
        groups
            .entry((m.to_lowercase(), f.figure.unit.clone()))
            .or_default()
            .push(f);
    }
    groups.into_iter().filter(|(_, v)| v.len() >= 2).collect()
}

fn series_table(list: &[&StoredFigure]) -> Markup {
    html! {
        table {
            thead { tr { th { "Published" } th { "Period" } th { "Place" } th.num { "Value" } th { "Source" } th { "As written" } th { "Report" } } }
            tbody { @for sf in list {
                @let f = &sf.figure;
                tr {
                    td { (sf.published.as_deref().unwrap_or("undated")) }
                    td { (f.period.as_deref().unwrap_or("–")) }
                    td { (f.place.as_deref().unwrap_or("–")) }
                    td.num { (f.qualifier.replace('_', " ")) " " b { (value(f.value, f.low, f.high)) } " " (f.unit) }
                    td { (f.source.as_deref().unwrap_or("–")) }
                    td { q { (f.text) } }
                    td { a href=(figure_href(&sf.doc_id, f.start)) { (sf.doc_id) } }
                }
            } }
        }
    }
}

/// The handler.
pub async fn page(
    State(s): State<Shared>,
    Params(_): Params<NoQuery>,
) -> Result<Html<String>, Failure> {
    let (assessment, figures) = s
        .with(|st| {
            let figures = st.figures()?;
            Ok((
                sitrep_assess::assess(&st.incidents(&Default::default())?, &figures),
                figures,
            ))
        })
        .await
        .map_err(Failure::page)?;
    let groups = series(&figures);
    let body = html! {
        h1 { "Indicators" }
        h2 { "NAP scorecard" }
        @if assessment.indicators.is_empty() { p.empty { "No figure reads as a scorecard indicator yet." } }
        @for ind in &assessment.indicators {
            h3 { (ind.indicator.replace('_', " ")) " — " (ind.place) }
            table {
                thead { tr { th { "Period" } th.num { "Value" } th { "Measure" } th { "As written" } th { "Report" } th { "Published" } } }
                tbody { @for v in &ind.values {
                    tr {
                        td { (v.period.as_deref().unwrap_or("–")) }
                        td.num { (v.qualifier.replace('_', " ")) " " b { (value(v.value, v.low, v.high)) } " " (v.unit) }
                        td { (v.measure.as_deref().unwrap_or("–")) }
                        td { q { (v.text) } }
                        td { a href=(figure_href(&v.doc_id, v.start)) { (v.doc_id) } }
                        td { (v.published.as_deref().unwrap_or("undated")) }
                    }
                } }
            }
        }
        h2 { "Figure series" }
        p.muted { "Figures that count the same thing in the same unit, across reports." }
        @if groups.is_empty() { p.empty { "No figure is given twice yet." } }
        @for ((measure, unit), list) in &groups {
            h3 { (measure) " (" (unit) ")" }
            (series_table(list))
        }
        h2 { "Places by week" }
        @if assessment.places.is_empty() { p.empty { "No located, dated incidents yet." } } @else {
            table {
                thead { tr { th { "Place" } th { "Level" } th { "Trend" } th.num { "Incidents" } th.num { "Killed" } th { "Spikes" } th { "Actors" } } }
                tbody { @for p in &assessment.places {
                    @let incidents: u64 = p.weeks.iter().map(|w| w.incidents).sum();
                    @let killed: u64 = p.weeks.iter().map(|w| w.fatalities).sum();
                    @let spikes: Vec<&str> = p.weeks.iter().filter(|w| w.spike).map(|w| w.week.as_str()).collect();
                    @let actors: std::collections::BTreeSet<&str> = p.weeks.iter().flat_map(|w| w.actors.iter().map(String::as_str)).collect();
                    tr {
                        td { a href={ "/incidents?place=" (layout::encode(p.name.split(", ").next().unwrap_or(&p.name))) } { (p.name) } }
                        td { (p.level) }
                        td { span.tag.(p.trend) { (p.trend) } }
                        td.num { (incidents) }
                        td.num { (killed) }
                        td { @for w in &spikes { span.tag.spike { (w) } " " } }
                        td { (actors.into_iter().collect::<Vec<_>>().join(", ")) }
                    }
                } }
            }
        }
    };
    Ok(layout::page("Indicators", "/indicators", body))
}
