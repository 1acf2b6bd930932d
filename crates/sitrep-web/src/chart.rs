//! SVG charts: weekly incidents (bars) and fatalities (line) for the overview, and bars of
//! one series for an actor's activity. Axes are labelled; every bar says its value on hover.

use maud::{Markup, html};
use sitrep_assess::WeekTotal;

const W: f64 = 1000.0;
const H: f64 = 240.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 44.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 36.0;

/// A "nice" axis maximum at or above `v` (1, 2 or 5 times a power of ten).
pub fn nice_max(v: u64) -> u64 {
    let mut step = 1u64;
    loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m) >= v.max(1) {
                return step.saturating_mul(m);
            }
        }
        step = step.saturating_mul(10);
    }
}

fn x_of(i: usize, n: usize) -> f64 {
    LEFT + (W - LEFT - RIGHT) * (i as f64 + 0.5) / n.max(1) as f64
}

fn y_of(v: u64, max: u64) -> f64 {
    let plot = H - TOP - BOTTOM;
    H - BOTTOM - plot * v as f64 / max.max(1) as f64
}

/// Which x labels to write so they do not collide.
fn label_every(n: usize) -> usize {
    n.div_ceil(8).max(1)
}

/// Incidents (bars, left axis) and fatalities (line, right axis) per ISO week.
pub fn weekly(weeks: &[WeekTotal]) -> Markup {
    if weeks.is_empty() {
        return html! { p.empty { "No dated incidents yet." } };
    }
    let n = weeks.len();
    let imax = nice_max(weeks.iter().map(|w| w.incidents).max().unwrap_or(0));
    let fmax = nice_max(weeks.iter().map(|w| w.fatalities).max().unwrap_or(0));
    let bw = ((W - LEFT - RIGHT) / n as f64 * 0.6).max(2.0);
    let line: Vec<String> = weeks
        .iter()
        .enumerate()
        .map(|(i, w)| format!("{:.1},{:.1}", x_of(i, n), y_of(w.fatalities, fmax)))
        .collect();
    let every = label_every(n);
    html! {
        figure.chart {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (W) " " (H) } role="img"
                aria-label="Incidents and fatalities per week" {
                line.axis x1=(LEFT) y1=(H - BOTTOM) x2=(W - RIGHT) y2=(H - BOTTOM) {}
                text.tick x=(LEFT - 4.0) y=(TOP + 4.0) text-anchor="end" { (imax) }
                text.tick x=(LEFT - 4.0) y=(H - BOTTOM) text-anchor="end" { "0" }
                text.tick.fat x=(W - RIGHT + 4.0) y=(TOP + 4.0) { (fmax) }
                text.tick.fat x=(W - RIGHT + 4.0) y=(H - BOTTOM) { "0" }
                @for (i, w) in weeks.iter().enumerate() {
                    @let x = x_of(i, n);
                    @let y = y_of(w.incidents, imax);
                    rect.bar x=(format!("{:.1}", x - bw / 2.0)) y=(format!("{y:.1}")) width=(format!("{bw:.1}"))
                        height=(format!("{:.1}", H - BOTTOM - y)) {
                        title { (w.week) " (from " (w.monday) "): " (w.incidents) " incident(s), " (w.fatalities) " killed" }
                    }
                    @if i % every == 0 {
                        text.tick x=(format!("{x:.1}")) y=(H - BOTTOM + 14.0) text-anchor="middle" { (w.monday) }
                    }
                }
                polyline.fatalities points=(line.join(" ")) {}
                @for (i, w) in weeks.iter().enumerate() {
                    circle.fatalities cx=(format!("{:.1}", x_of(i, n))) cy=(format!("{:.1}", y_of(w.fatalities, fmax))) r="3" {
                        title { (w.week) ": " (w.fatalities) " killed" }
                    }
                }
                text.legend x=(LEFT) y=(H - 4.0) { "bars: incidents (left axis)" }
                text.legend.fat x=(W - RIGHT) y=(H - 4.0) text-anchor="end" { "line: killed, best figures (right axis)" }
            }
        }
    }
}

/// One bar per `(label, value)`, e.g. reports naming an actor per week.
pub fn bars(points: &[(String, u64)], what: &str) -> Markup {
    if points.is_empty() {
        return html! { p.empty { "Nothing dated." } };
    }
    let n = points.len();
    let max = nice_max(points.iter().map(|p| p.1).max().unwrap_or(0));
    let bw = ((W - LEFT - RIGHT) / n as f64 * 0.6).max(2.0);
    let every = label_every(n);
    html! {
        figure.chart {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (W) " " (H) } role="img" aria-label=(what) {
                line.axis x1=(LEFT) y1=(H - BOTTOM) x2=(W - RIGHT) y2=(H - BOTTOM) {}
                text.tick x=(LEFT - 4.0) y=(TOP + 4.0) text-anchor="end" { (max) }
                text.tick x=(LEFT - 4.0) y=(H - BOTTOM) text-anchor="end" { "0" }
                @for (i, (label, v)) in points.iter().enumerate() {
                    @let x = x_of(i, n);
                    @let y = y_of(*v, max);
                    rect.bar x=(format!("{:.1}", x - bw / 2.0)) y=(format!("{y:.1}")) width=(format!("{bw:.1}"))
                        height=(format!("{:.1}", H - BOTTOM - y)) {
                        title { (label) ": " (v) }
                    }
                    @if i % every == 0 {
                        text.tick x=(format!("{x:.1}")) y=(H - BOTTOM + 14.0) text-anchor="middle" { (label) }
                    }
                }
                text.legend x=(LEFT) y=(H - 4.0) { (what) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_maxima() {
        let got: Vec<u64> = [0, 1, 3, 7, 10, 11, 36, 120].map(nice_max).to_vec();
        assert_eq!(got, [1, 1, 5, 10, 10, 20, 50, 200]);
    }

    #[test]
    fn one_bar_a_week_with_its_values() {
        let weeks = vec![
            WeekTotal {
                week: "2026-W10".into(),
                monday: "2026-03-02".into(),
                incidents: 3,
                fatalities: 36,
                incident_ids: vec![],
            },
            WeekTotal {
                week: "2026-W11".into(),
                monday: "2026-03-09".into(),
                incidents: 1,
                fatalities: 0,
                incident_ids: vec![],
            },
        ];
        let svg = weekly(&weeks).into_string();
        assert_eq!(svg.matches("class=\"bar\"").count(), 2);
        assert!(svg.contains("3 incident(s), 36 killed"));
        assert!(weekly(&[]).into_string().contains("No dated incidents"));
    }
}
