//! Merging mentions of one incident: a later telling (same specific type, or the same
//! facility named again, or a definite reference) folds into the event already seen,
//! filling what it lacked and adding its evidence.

use sitrep_model::record::Location;

use super::casualties::{Count, Harm};
use super::words::Word;
use super::{DocEvent, category};

/// True when `ev` is another telling of `e`: the same specific type (not a generic trigger),
/// no other place, no other day, no other toll.
pub(super) fn same_kind(e: &DocEvent, ev: &DocEvent) -> bool {
    if e.kind != ev.kind || e.sub != ev.sub || e.strength < 3 || ev.strength < 3 {
        return false;
    }
    let places = match (&e.place, &ev.place) {
        (Some(a), Some(b)) => {
            let (x, y) = (&a.location, &b.location);
            x.name == y.name
                || x.admin2.is_some() && x.admin2 == y.admin2
                || x.name.split(' ').any(|w| w.len() > 3 && y.name.contains(w))
        }
        _ => true,
    };
    let days = match (e.date, ev.date) {
        (Some(a), Some(b)) => {
            a.start <= b.end + chrono::Days::new(1) && b.start <= a.end + chrono::Days::new(1)
        }
        _ => true,
    };
    let toll = |x: &DocEvent| {
        x.counts
            .iter()
            .find(|c| c.harm == Harm::Killed)
            .map(|c| c.value)
    };
    let tolls = match (toll(e), toll(ev)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    places && days && tolls
}

/// True when `ev` (told in words `w`) happens where `e` did: the earlier incident's facility
/// is named again, or both name the same specific place; tolls must not disagree.
pub(super) fn same_place(e: &DocEvent, ev: &DocEvent, w: &[Word]) -> bool {
    let Some(a) = &e.place else { return false };
    let toll = |x: &DocEvent| {
        x.counts
            .iter()
            .find(|c| c.harm == Harm::Killed)
            .map(|c| c.value)
    };
    if let (Some(x), Some(y)) = (toll(e), toll(ev))
        && x != y
    {
        return false;
    }
    let name_words = |s: &str| {
        s.to_lowercase()
            .split([' ', '-'])
            .filter(|x| x.len() > 3)
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let wa = name_words(&a.location.name);
    if a.rank <= 1 && w.iter().any(|x| wa.iter().any(|n| *n == x.lower)) {
        return true;
    }
    let Some(b) = &ev.place else { return false };
    (a.rank <= 3 || b.rank <= 3) && name_words(&b.location.name).iter().any(|x| wa.contains(x))
}

/// True when `inner` lies inside `outer` as far as their countries and admin areas tell.
fn inside(inner: &Location, outer: &Location) -> bool {
    let agree = |a: &Option<String>, b: &Option<String>| b.is_none() || a == b;
    agree(&inner.country, &outer.country)
        && agree(&inner.admin1, &outer.admin1)
        && agree(&inner.admin2, &outer.admin2)
}

/// Adds a later mention's counts of `harm`: all of them when the event has none yet; else
/// only those of a side the event's counts do not cover yet ("four militants were killed in
/// the exchange of fire" after "seven soldiers martyred"). A later bare total ("the toll rose
/// to 31") never adds to the first.
fn add_counts(mine: &mut Vec<Count>, later: &[Count], harm: Harm) {
    let had: Vec<Option<&'static str>> = mine
        .iter()
        .filter(|c| c.harm == harm)
        .map(|c| c.category)
        .collect();
    let all_sided = had.iter().all(Option::is_some);
    for c in later.iter().filter(|c| c.harm == harm) {
        let side_is_new = c.category.is_some() && !had.contains(&c.category);
        if had.is_empty() || all_sided && side_is_new {
            mine.push(c.clone());
        }
    }
}

pub(super) fn merge(e: &mut DocEvent, ev: DocEvent) {
    if ev.strength > e.strength && category(&e.kind) == category(&ev.kind) {
        (e.kind, e.sub, e.strength) = (ev.kind, ev.sub, ev.strength);
    }
    for t in ev.tags {
        if !e.tags.contains(&t) {
            e.tags.push(t);
        }
    }
    for h in ev.heads {
        if !e.heads.contains(&h) {
            e.heads.push(h);
        }
    }
    match (e.date, ev.date) {
        (None, d) => e.date = d,
        (Some(a), Some(b)) if b.days() < a.days() && a.start <= b.start && b.end <= a.end => {
            e.date = Some(b)
        }
        _ => {}
    }
    // A later, more specific place replaces the first only when it lies inside it: "an
    // official at the District Headquarters Hospital" in Peshawar does not move a bombing in
    // Lakki Marwat.
    match (&e.place, ev.place) {
        (None, Some(p)) => e.place = Some(p),
        (Some(a), Some(b)) if b.rank < a.rank && inside(&b.location, &a.location) => {
            e.place = Some(b)
        }
        _ => {}
    }
    for x in ev.actors {
        if !e.actors.iter().any(|y| y.name == x.name) {
            e.actors.push(x);
        }
    }
    for harm in [Harm::Killed, Harm::Injured] {
        add_counts(&mut e.counts, &ev.counts, harm);
    }
    for w in ev.weapons {
        if !e.weapons.contains(&w) {
            e.weapons.push(w);
        }
    }
    e.evidence.extend(ev.evidence);
    e.last_sentence = ev.last_sentence;
}
