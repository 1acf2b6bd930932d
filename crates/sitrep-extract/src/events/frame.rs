//! Frame filling for one sentence: where (the most specific place entity, else a capitalised
//! name after "in"/"near"/"at"), who (armed groups with the status the words give), and which
//! weapons.

use sitrep_analyse::Analysis;
use sitrep_kb::{ActorKind, PlaceKind};
use sitrep_model::Span;
use sitrep_model::record::{EventActor, Location};

use super::words::{Lexicons, Word};
use crate::entities::{Entities, EntityKind};

fn rank(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Facility => 0,
        PlaceKind::Feature => 1,
        PlaceKind::City => 2,
        PlaceKind::Admin2 => 3,
        PlaceKind::Admin1 => 4,
        PlaceKind::Region => 5,
        PlaceKind::Country => 6,
    }
}

/// A place picked for an event, with how specific it is (lower is more specific).
#[derive(Clone, Debug)]
pub(super) struct Pick {
    pub location: Location,
    pub rank: u8,
}

const LOCATIVE: &[&str] = &["in", "near", "at", "on", "outside", "inside", "across"];
const SKIP: &[&str] = &[
    "the",
    "a",
    "general",
    "area",
    "district",
    "city",
    "town",
    "village",
    "province",
    "region",
    "outskirts",
    "of",
    "suburbs",
    "vicinity",
    "nearby",
    "busy",
    "crowded",
    "main",
    "remote",
    "recent",
    "latest",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
];

/// True when a locative preposition ("in", "near the", "in the general area") leads to the
/// word starting at byte `at`.
/// Names in between count as part of the phrase ("in the Barmal district of eastern
/// Paktika").
fn locative(words: &[Word], at: usize) -> bool {
    let i = words.partition_point(|w| w.span.start < at);
    words[..i]
        .iter()
        .rev()
        .take(7)
        .find(|w| {
            let lower = w.lower.as_ref();
            LOCATIVE.contains(&lower) || !SKIP.contains(&lower) && !w.capitalised
        })
        .is_some_and(|w| LOCATIVE.contains(&w.lower.as_ref()))
}

/// The most specific place entity named in `span` after a locative preposition.
pub(super) fn place(ents: &Entities, words: &[Word], span: Span) -> Option<Pick> {
    ents.within(span)
        .filter(|m| locative(words, m.span.start))
        .filter_map(|m| {
            let e = ents.entity(m);
            let EntityKind::Place(kind) = e.kind else {
                return None;
            };
            let p = e.place.as_ref();
            Some(Pick {
                location: Location {
                    name: e.name.clone(),
                    admin2: p.and_then(|p| p.admin2.clone()),
                    admin1: p.and_then(|p| p.admin1.clone()),
                    country: e.country.clone().or_else(|| p.map(|p| p.country.clone())),
                    lat: p.map(|p| p.lat),
                    lon: p.map(|p| p.lon),
                    kind: Some(kind.as_str().to_string()),
                },
                rank: rank(kind),
            })
        })
        .min_by_key(|p| p.rank)
}

/// A capitalised name after "in", "near" or "at" in mixed-case text (or before "talks"),
/// not an actor's mention: a place the gazetteer does not know.
pub(super) fn name_after_preposition(
    a: &Analysis,
    ents: &Entities,
    lex: &Lexicons,
    words: &[Word],
    trigger: usize,
    talks: bool,
) -> Option<Pick> {
    if !a.casing.is_mixed() {
        return None;
    }
    let text = a.text();
    let is_name = |w: &Word| {
        w.capitalised
            && !lex.not_places.contains(w.lower.as_ref())
            && ents
                .at(w.span.start)
                .is_none_or(|m| ents.entity(m).kind.is_place())
    };
    let run = |start: usize| {
        let mut end = start;
        while end + 1 < words.len()
            && is_name(&words[end + 1])
            && text[words[end].span.end..words[end + 1].span.start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        {
            end += 1;
        }
        end
    };
    let pick = |s: usize, e: usize| Pick {
        location: Location {
            name: text[words[s].span.start..words[e].span.end].to_string(),
            ..Location::default()
        },
        rank: 4,
    };
    // "the Istanbul talks": a name right before the trigger.
    if talks && trigger > 0 && is_name(&words[trigger - 1]) && !words[trigger].capitalised {
        let mut s = trigger - 1;
        while s > 0 && is_name(&words[s - 1]) {
            s -= 1;
        }
        return Some(pick(s, trigger - 1));
    }
    (1..words.len()).find_map(|i| {
        (matches!(words[i - 1].lower.as_ref(), "in" | "near" | "at") && is_name(&words[i]))
            .then(|| pick(i, run(i)))
    })
}

/// Sub-event types that are the means of non-state armed groups: a state actor named
/// before their trigger is reacting ("the apex committee reviewed the bombing"), not acting.
const NON_STATE_MEANS: &[&str] = &["Suicide bomb", "Remote explosive/landmine/IED", "Grenade"];

/// Drops the state actors (named before a trigger, without a status) of an event whose
/// sub-type is a non-state armed group's means; run once the event's type is final.
pub(super) fn drop_reacting_states(sub: &str, actors: &mut Vec<EventActor>) {
    if NON_STATE_MEANS.contains(&sub) {
        actors.retain(|a| a.status.is_some());
    }
}

/// What the words next to one group's mention say of it: it denied ("the TTP has denied
/// involvement"), claimed ("the BLF claimed responsibility"), is blamed ("police suspect a
/// cell of the Daesh-linked ISKP", "blamed the TTP") or linked ("linked to the TTP"; not
/// "Daesh-linked ISKP", where the word is part of the name).
fn actor_status(words: &[Word], mention: Span) -> Option<&'static str> {
    let first = words.partition_point(|w| w.span.start < mention.start);
    let after_end = words.partition_point(|w| w.span.start < mention.end);
    let after = &words[after_end..words.len().min(after_end + 6)];
    let before = &words[first.saturating_sub(6)..first];
    let any = |ws: &[Word], cues: &[&str]| ws.iter().any(|w| cues.contains(&w.lower.as_ref()));
    if any(after, &["denied", "denies", "deny", "disowned", "rejected"]) {
        Some("denied")
    } else if any(
        &after[..after.len().min(4)],
        &["claimed", "claims", "claim"],
    ) {
        Some("claimed")
    } else if any(
        before,
        &[
            "suspect",
            "suspected",
            "blamed",
            "blame",
            "blames",
            "accused",
        ],
    ) {
        Some("blamed")
    } else if any(
        &before[..before.len().saturating_sub(2)],
        &["linked", "affiliated"],
    ) && any(&before[before.len().saturating_sub(2)..], &["to", "with"])
    {
        Some("linked")
    } else {
        None
    }
}

/// Armed groups named in `span`, as perpetrators with the status the sentence gives; a
/// state actor named before the trigger, as its actor (without a status).
pub(super) fn actors(
    ents: &Entities,
    words: &[Word],
    span: Span,
    trigger: usize,
) -> Vec<EventActor> {
    let has = |w: &str| words.iter().any(|x| x.lower == w);
    let sentence_status = if has("claimed") && has("responsibility") {
        "claimed"
    } else if has("blamed") || has("accused") {
        "blamed"
    } else {
        "alleged"
    };
    let mut out: Vec<EventActor> = Vec::new();
    for m in ents.within(span) {
        let e = ents.entity(m);
        if out.iter().any(|a| a.name == e.name) {
            continue;
        }
        let state = matches!(
            e.kind,
            EntityKind::Actor(ActorKind::StateForce | ActorKind::Government)
        );
        if e.kind == EntityKind::Actor(ActorKind::ArmedGroup) {
            let status = actor_status(words, m.span).unwrap_or(sentence_status);
            out.push(EventActor {
                name: e.name.clone(),
                role: "perpetrator".into(),
                status: Some(status.into()),
            });
        } else if state
            && words
                .get(trigger)
                .is_some_and(|t| m.span.end <= t.span.start)
        {
            // A state actor named before the trigger acts ("security forces conducted ...").
            out.push(EventActor {
                name: e.name.clone(),
                role: "perpetrator".into(),
                status: None,
            });
        }
    }
    out
}

/// Weapons named in `words`.
pub(super) fn weapons(lex: &Lexicons, words: &[Word], out: &mut Vec<String>) {
    let mut i = 0;
    while i < words.len() {
        match lex.weapons.longest_at(&words[i..]) {
            Some((n, label)) => {
                if !out.iter().any(|w| w == label) {
                    out.push(label.to_string());
                }
                i += n;
            }
            None => i += 1,
        }
    }
}
