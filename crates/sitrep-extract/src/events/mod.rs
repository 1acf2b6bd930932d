//! Events: an [`Analysis`], its [`Entities`] and the knowledge base in, the document's
//! incidents and developments out, typed in ACLED's taxonomy.
//!
//! Sentence by sentence: trigger phrases from `kb/lexicons/event_triggers.txt` propose an
//! event; the strongest trigger of a sentence types it (generic "attack" and "operation" are
//! typed by context); [`frame`], [`casualties`] and [`when`] fill place, actors, weapons,
//! tolls and dates. Later mentions ("the attack", "these operations", "the incident") merge
//! into the incident they refer to, as do new mentions at the same place, adding evidence.
//! Aggregates ("14,535 operations") and unanchored generic mentions (no place, no precise
//! date, no toll) are dropped.

mod casualties;
mod frame;
mod merge;
#[cfg(test)]
mod tests;
mod when;
mod words;

use sitrep_analyse::Analysis;
use sitrep_kb::KnowledgeBase;
use sitrep_model::record::{DateRange, Event, EventActor, Evidence};
use sitrep_model::{CharIndex, Span};

use crate::entities::Entities;
use casualties::{Count, Harm};
use frame::Pick;
use merge::{merge, same_kind, same_place};
use when::When;
use words::{Lexicons, TriggerInfo, Word};

/// One event of a document, in engine terms (byte spans).
#[derive(Clone, Debug)]
pub struct DocEvent {
    kind: String,
    sub: String,
    tags: Vec<String>,
    heads: Vec<String>,
    strength: u8,
    date: Option<When>,
    place: Option<Pick>,
    actors: Vec<EventActor>,
    counts: Vec<Count>,
    weapons: Vec<String>,
    evidence: Vec<Span>,
    last_sentence: usize,
}

fn category(kind: &str) -> &str {
    if kind == "Strategic developments" {
        "strategic"
    } else {
        "violent"
    }
}

fn strength(info: &TriggerInfo) -> u8 {
    if info.has("weak") {
        1
    } else if info.has("op") || info.has("talks") || info.has("casualties") {
        2
    } else {
        3
    }
}

const DETERMINERS: &[&str] = &["the", "this", "that", "these", "those"];
const TARGETS: &[&str] = &[
    "post",
    "posts",
    "checkpoint",
    "checkpost",
    "positions",
    "convoy",
    "camp",
    "forces",
    "soldiers",
    "troops",
    "personnel",
    "cantonment",
    "base",
];
const DECISION: &[&str] = &[
    "approved",
    "approve",
    "approval",
    "decided",
    "decision",
    "sanctioned",
    "authorised",
    "authorized",
];

/// The events of a document.
pub fn extract(a: &Analysis, ents: &Entities, kb: &KnowledgeBase) -> Vec<DocEvent> {
    let lex = words::lexicons(kb);
    let all = words::words(a);
    let published = a.doc.published;
    let mut events: Vec<DocEvent> = Vec::new();
    let mut lo = 0;
    while lo < all.len() {
        let s = all[lo].sentence;
        let hi = lo + all[lo..].iter().take_while(|w| w.sentence == s).count();
        sentence(a, ents, &lex, &all[lo..hi], s, published, &mut events);
        lo = hi;
    }
    fold_headline(a, &mut events);
    events.retain(anchored);
    for e in &mut events {
        frame::drop_reacting_states(&e.sub, &mut e.actors);
    }
    events
}

/// An event first told in the headline ("Seven soldiers martyred in attack on Kech
/// checkpost") is the story's incident: it folds into the first event of its kind the body
/// tells, which has the detail.
fn fold_headline(a: &Analysis, events: &mut Vec<DocEvent>) {
    let Some(title_end) = a
        .doc
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty() && a.text().trim_start().starts_with(t))
        .map(|t| a.text().len() - a.text().trim_start().len() + t.len())
    else {
        return;
    };
    let in_title = |e: &DocEvent| e.evidence.first().is_some_and(|s| s.end <= title_end);
    let Some(h) = events.iter().position(in_title) else {
        return;
    };
    let Some(body) = (h + 1..events.len())
        .find(|&i| !in_title(&events[i]) && category(&events[i].kind) == category(&events[h].kind))
    else {
        return;
    };
    let headline = events.remove(h);
    let body = &mut events[body - 1];
    let last = body.last_sentence;
    merge(body, headline);
    body.last_sentence = last;
    body.evidence.sort_by_key(|s| s.start);
}

fn anchored(e: &DocEvent) -> bool {
    e.place.as_ref().is_some_and(|p| p.rank <= 4)
        || e.date.is_some_and(|d| d.days() <= 10)
        || e.counts.iter().any(|c| c.harm == Harm::Killed)
}

/// True when the sentence `w` counts over a period: a period cue ("so far", "during the
/// same period", "in 2025") and a number that is not a year, or a span cue ("over the past
/// two years", "a wave of"). "Relations deteriorated last
/// month amid clashes" alludes to an incident; "412 civilians lost their lives in attacks
/// during the same period" counts many.
fn counts_over_period(lex: &Lexicons, w: &[Word]) -> bool {
    let year = |j: usize| {
        w[j].number && w[j].lower.len() == 4 && {
            casualties::number(&w[j]).is_some_and(|y| (1900..=2100).contains(&y))
        }
    };
    let (mut span, mut cue) = (false, false);
    for j in 0..w.len() {
        match lex.period_cues.longest_at(&w[j..]) {
            Some((_, "span")) => span = true,
            Some(_) => cue = true,
            None => {
                cue |= j > 0
                    && matches!(
                        w[j - 1].lower.as_ref(),
                        "in" | "during" | "throughout" | "since"
                    )
                    && year(j)
            }
        }
    }
    span || cue
        && (0..w.len()).any(|j| !year(j) && casualties::number(&w[j]).is_some_and(|n| n >= 2))
}

/// True when the plural trigger at `i` counts many incidents: after a number ("48 suicide
/// attacks", "12,857 of the operations") or in a sentence counting over a period.
fn counts_many(w: &[Word], i: usize, period: impl FnOnce() -> bool) -> bool {
    let number_before = w[i.saturating_sub(4)..i]
        .iter()
        .any(|x| casualties::number(x).is_some_and(|n| n >= 2));
    let of_the = i >= 2 && w[i - 2].lower == "of" && w[i - 1].lower == "the";
    number_before || of_the || period()
}

/// True when the date starting at word `i` is when something was said ("on Monday accused
/// Pakistan of ...", "said on Tuesday"), not when the incident happened.
/// A verb after a comma starts another clause ("late on Sunday, saying ...").
fn when_said(text: &str, lex: &Lexicons, w: &[Word], i: usize) -> bool {
    let on = i > 0 && w[i - 1].lower == "on";
    let verb_at = |j: usize| j < w.len() && lex.reporting.longest_at(&w[j..]).is_some();
    let next_in_clause = i + 1 < w.len() && !text[w[i].span.end..w[i + 1].span.start].contains(',');
    on && (i >= 2 && verb_at(i - 2) || next_in_clause && verb_at(i + 1))
}

fn hits(lex: &Lexicons, w: &[Word]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    // Read only when a plural trigger asks.
    let mut period: Option<bool> = None;
    let mut i = 0;
    while i < w.len() {
        match lex.triggers.longest_at(&w[i..]) {
            Some((n, label)) => {
                let info = label.parse().unwrap_or(0);
                let hedged = (1..=2).any(|b| {
                    i >= b
                        && matches!(
                            w[i - b].lower.as_ref(),
                            "not" | "never" | "should" | "would" | "could" | "must" | "will" | "to"
                        )
                });
                let aggregate = hedged
                    || (1..=2).any(|b| i >= b && w[i - b].number)
                    || i > 0 && w[i - 1].lower == "such"
                    || lex.infos[info].plural
                        && !lex.infos[info].has("talks")
                        && counts_many(w, i, || {
                            *period.get_or_insert_with(|| counts_over_period(lex, w))
                        });
                if !aggregate {
                    out.push((i, n, info));
                }
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

fn sentence(
    a: &Analysis,
    ents: &Entities,
    lex: &Lexicons,
    w: &[Word],
    s: usize,
    published: Option<chrono::NaiveDate>,
    events: &mut Vec<DocEvent>,
) {
    let span = a
        .sentences
        .get(s)
        .map_or(Span::new(w[0].span.start, w[w.len() - 1].span.end), |x| {
            x.span
        });
    let counts = casualties::counts(lex, w);
    let found = hits(lex, w);
    let Some(&(at, n, main)) = found
        .iter()
        .max_by_key(|(i, _, info)| (strength(lex.info(&info.to_string())), std::cmp::Reverse(*i)))
    else {
        // A sentence that only adds a toll to the incident just before it.
        if let Some(last) = events.last_mut()
            && last.last_sentence + 1 == s
            && counts
                .iter()
                .any(|c| c.harm == Harm::Killed && c.category.is_some())
        {
            last.counts.extend(counts);
            last.evidence.push(span);
            last.last_sentence = s;
            if last.date.is_none() {
                last.date = when::dates(a, w, span, published)
                    .into_iter()
                    .find(|d| !when_said(a.text(), lex, w, d.0))
                    .map(|d| d.1);
            }
        }
        return;
    };
    let info = &lex.infos[main];
    let has = |x: &str| w.iter().any(|t| t.lower == x);
    let (mut kind, mut sub) = (info.kind.clone(), info.sub.clone());
    if info.has("weak") {
        let after = &w[at + n..w.len().min(at + n + 6)];
        if has("suicide") || has("bomber") {
            (kind, sub) = ("Explosions/Remote violence".into(), "Suicide bomb".into());
        } else if has("bomb") || has("explosive") || has("explosives") || has("ied") {
            (kind, sub) = (
                "Explosions/Remote violence".into(),
                "Remote explosive/landmine/IED".into(),
            );
        } else if after.iter().any(|t| TARGETS.contains(&t.lower.as_ref())) {
            (kind, sub) = ("Battles".into(), "Armed clash".into());
        }
    } else if info.has("op") && DECISION.iter().any(|d| has(d)) {
        (kind, sub) = ("Strategic developments".into(), "Other".into());
    }
    if info.has("casualties") && !counts.iter().any(|c| c.harm == Harm::Killed) {
        return;
    }
    let mut tags: Vec<String> = Vec::new();
    for &(_, _, i) in &found {
        for t in &lex.infos[i].tags {
            if matches!(t.as_str(), "suicide" | "hijacking" | "cross-border") && !tags.contains(t) {
                tags.push(t.clone());
            }
        }
    }
    if has("cross") && has("border") && !tags.iter().any(|t| t == "cross-border") {
        tags.push("cross-border".into());
    }
    let dates = when::dates(a, w, span, published);
    let date = dates
        .iter()
        .filter(|d| !when_said(a.text(), lex, w, d.0))
        .min_by_key(|d| d.0.abs_diff(at))
        .or_else(|| dates.iter().min_by_key(|d| d.0.abs_diff(at)))
        .map(|d| d.1);
    let place = frame::place(ents, w, span)
        .or_else(|| frame::name_after_preposition(a, ents, lex, w, at, info.has("talks")));
    if info.has("talks") && place.is_none() {
        return;
    }
    let heads: Vec<String> = w[at..at + n]
        .iter()
        .map(|t| t.lower.trim_end_matches('s').to_string())
        .collect();
    let determiner = w[at.saturating_sub(4)..at]
        .iter()
        .rev()
        .take_while(|t| !t.number && !matches!(t.lower.as_ref(), "a" | "an"))
        .find(|t| DETERMINERS.contains(&t.lower.as_ref()))
        .map(|t| t.lower.clone());
    let definite = determiner.is_some();
    let refers = definite || info.has("refer");
    let arrest_sentence = kind == "Strategic developments"
        && found.iter().any(|&(_, _, i)| lex.infos[i].kind != kind);
    let actors = frame::actors(ents, w, span, at);
    let mut ev = DocEvent {
        actors,
        kind,
        sub,
        tags,
        heads,
        strength: strength(info),
        date,
        place,
        counts,
        weapons: Vec::new(),
        evidence: vec![span],
        last_sentence: s,
    };
    frame::weapons(lex, w, &mut ev.weapons);
    if let Some(p) = published
        && let Some(d) = ev.date
        && (d.end < p - chrono::Days::new(365))
    {
        ev.tags.push("historical".into());
    }
    // A later mention of an incident already seen.
    let target = events.iter().rposition(|e| {
        category(&e.kind) == category(&ev.kind)
            && (refers
                && (e.heads.iter().any(|h| ev.heads.contains(h))
                    || e.kind == ev.kind
                    || info.has("weak") && e.kind != "Battles"
                    || info.has("refer"))
                || same_place(e, &ev, w)
                || same_kind(e, &ev))
    });
    let target = target.or_else(|| {
        definite
            .then(|| {
                events
                    .iter()
                    .rposition(|e| e.heads.iter().any(|h| ev.heads.contains(h)))
            })
            .flatten()
    });
    if let Some(t) = target {
        merge(&mut events[t], ev);
        return;
    }
    if arrest_sentence && info.has("weak") {
        return;
    }
    // A reference to nothing seen: kept only when it names its place ("the attack on X").
    let precise = ev.date.is_some_and(|d| d.days() <= 10);
    if refers
        && (!(ev.place.is_some() || precise) || determiner.as_deref().is_some_and(|d| d != "the"))
    {
        return;
    }
    // A violent incident without a date of its own, told right after another: same day.
    if ev.date.is_none()
        && category(&ev.kind) == "violent"
        && let Some(prev) = events.last()
        && prev.last_sentence + 1 == s
        && category(&prev.kind) == "violent"
        && prev.date.is_some_and(|d| d.days() == 1)
    {
        ev.date = prev.date;
    }
    events.push(ev);
}

/// The contract's `events` array.
pub fn to_records(events: &[DocEvent], chars: &CharIndex) -> Vec<Event> {
    events
        .iter()
        .map(|e| Event {
            kind: e.kind.clone(),
            sub_type: (!e.sub.is_empty()).then(|| e.sub.clone()),
            date: e.date.map(|d| DateRange {
                start: d.start.to_string(),
                end: d.end.to_string(),
            }),
            location: e.place.as_ref().map(|p| p.location.clone()),
            actors: e.actors.clone(),
            fatalities: casualties::toll(&e.counts, Harm::Killed),
            injured: casualties::toll(&e.counts, Harm::Injured),
            weapons: e.weapons.clone(),
            tags: e.tags.clone(),
            evidence: e
                .evidence
                .iter()
                .map(|s| Evidence {
                    start: chars.char_offset(s.start),
                    end: chars.char_offset(s.end),
                })
                .collect(),
        })
        .collect()
}
