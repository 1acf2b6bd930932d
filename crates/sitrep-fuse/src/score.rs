//! How well an event fits an incident: type category, place, date, actors, named places and
//! casualties. `None` means it cannot be the same incident.

use sitrep_model::record::Location;

use crate::dates::day_number;
use crate::incident::Incident;
use crate::member::Member;
use crate::names::key;

/// An event joins the best incident scoring at least this much.
pub const THRESHOLD: f64 = 0.55;

/// The category events must share to be one incident: political violence (`Battles`,
/// `Explosions/Remote violence`, `Violence against civilians`), `demonstrations`, or the type.
pub fn category(kind: &str) -> &str {
    match kind {
        "Battles" | "Explosions/Remote violence" | "Violence against civilians" => "violence",
        "Protests" | "Riots" => "demonstrations",
        other => other,
    }
}

fn km(a: &Location, b: &Location) -> Option<f64> {
    let (la1, lo1, la2, lo2) = (a.lat?, a.lon?, b.lat?, b.lon?);
    let (p1, p2) = (la1.to_radians(), la2.to_radians());
    let dp = (la2 - la1).to_radians();
    let dl = (lo2 - lo1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    Some(2.0 * 6371.0 * h.sqrt().asin())
}

fn differ(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if key(x) != key(y))
}

fn same(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(x), Some(y)) if key(x) == key(y))
}

fn place_score(e: &Location, i: &Location) -> Option<f64> {
    if differ(&e.country, &i.country) || differ(&e.admin1, &i.admin1) {
        return None;
    }
    let mut s: f64 = if same(&e.admin1, &i.admin1) {
        0.05
    } else {
        0.0
    };
    if same(&e.admin2, &i.admin2) {
        s = s.max(0.25);
    }
    if key(&e.name) == key(&i.name) {
        s = s.max(0.3);
    }
    // A province or a country has no point to measure from: it holds the other or not.
    let level = |l: &Location| match l.kind.as_deref() {
        Some("country") => 2,
        Some("admin1" | "region") => 1,
        _ => 0,
    };
    if level(e) > 0 || level(i) > 0 {
        let holds = |outer: &Location, inner: &Location| match level(outer) {
            2 => same(&outer.country, &inner.country),
            1 => inner.admin1.as_deref().map(key) == Some(key(&outer.name)),
            _ => false,
        };
        return (key(&e.name) == key(&i.name) || holds(e, i) || holds(i, e)).then_some(s.max(0.05));
    }
    if let Some(d) = km(e, i) {
        if d > 150.0 {
            return None;
        }
        s = s.max(if d <= 5.0 {
            0.3
        } else if d <= 25.0 {
            0.2
        } else if d <= 60.0 {
            0.1
        } else {
            0.0
        });
    }
    Some(s)
}

fn date_score(m: &Member, inc: &Incident) -> Option<f64> {
    let idays = inc
        .date
        .as_ref()
        .and_then(|d| Some((day_number(&d.start)?, day_number(&d.end)?)));
    match (m.days(), idays) {
        (Some((s, e)), Some((is, ie))) => {
            let gap = (is - e).max(s - ie).max(0);
            let exact = s == e && is == ie && s == is;
            match gap {
                _ if exact => Some(0.3),
                0 => Some(0.2),
                1 => Some(0.15),
                2 | 3 => Some(0.05),
                _ => None,
            }
        }
        (None, Some((is, _))) => match m.published_day() {
            Some(p) if is <= p && p - is <= 10 => Some(0.1),
            Some(_) => None,
            None => Some(0.05),
        },
        _ => Some(0.05),
    }
}

/// The score of `m` joining `inc`, or `None` when they cannot be one incident.
pub fn score(m: &Member, inc: &Incident) -> Option<f64> {
    let ev = &m.event;
    if category(&ev.kind) != category(&inc.kind) {
        return None;
    }
    let mut s = 0.0;
    if ev.kind == inc.kind {
        s += 0.05;
        if ev.sub_type.is_some() && ev.sub_type == inc.sub_type {
            s += 0.15;
        }
    }
    match (&ev.location, &inc.location) {
        (Some(e), Some(i)) => s += place_score(e, i)?,
        _ => s += 0.0,
    }
    s += date_score(m, inc)?;
    let perps =
        |names: &mut dyn Iterator<Item = &String>| names.map(|n| key(n)).collect::<Vec<_>>();
    let mine = perps(
        &mut ev
            .actors
            .iter()
            .filter(|a| a.role == "perpetrator")
            .map(|a| &a.name),
    );
    let theirs = perps(&mut inc.perpetrators.iter().map(|p| &p.name));
    if mine.iter().any(|n| theirs.contains(n)) {
        s += 0.1;
    }
    if let Some(l) = &ev.location {
        let facility = key(&l.name);
        let known = [&l.admin2, &l.admin1]
            .iter()
            .any(|a| a.as_deref().map(key) == Some(facility.clone()));
        if !known && inc.places.iter().any(|p| key(p) == facility) {
            s += 0.05;
        }
    }
    if let (Some(a), Some(b)) = (&ev.fatalities, &inc.fatalities) {
        let (lo, hi) = (
            a.total.min(b.best) as f64 + 1.0,
            a.total.max(b.best) as f64 + 1.0,
        );
        if lo / hi >= 0.3 {
            s += 0.05;
        } else if lo / hi < 0.1 && hi - lo > 10.0 {
            s -= 0.15;
        }
    }
    Some(s)
}
