//! Known entities: the knowledge-base matcher's hits, weighed and chosen.
//!
//! A hit is kept when the words are evidence enough: an acronym must be written in capitals
//! in mixed-case text (and must not be a word in caseless text); a name that is also a common
//! word ("Tank", "Swat") must be capitalised and not just opening a sentence, or stand next
//! to a word like "district"; a village name next to other capitalised words is taken for part
//! of a person's name. Overlaps are settled leftmost-longest. Shared names go to the place or
//! actor of the document's country; offices go to their holder on the publication date.

use std::cmp::Reverse;
use std::collections::HashMap;

use sitrep_analyse::{Analysis, Casing};
use sitrep_kb::{Entry, KnowledgeBase, Matcher, Place, PlaceKind, Target};
use sitrep_model::Span;

use super::{DocEntity, Entities, EntityKind, Via};

/// Words beside a place name that make it a place whatever its other meanings.
pub(super) const PLACE_CUES: &[&str] = &[
    "district",
    "province",
    "city",
    "town",
    "department",
    "valley",
    "area",
    "region",
    "tehsil",
    "village",
    "agency",
    "division",
    "state",
    "county",
    "municipality",
];

/// Words before a name that make it a place.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "from", "of", "to", "into", "outside", "across",
];

struct Candidate {
    span: Span,
    entry: u32,
}

pub(super) fn recognise(a: &Analysis, kb: &KnowledgeBase) -> Entities {
    let text = a.text();
    let hay = Matcher::prepare(&a.folded.text);
    let mut cands: Vec<Candidate> = kb
        .matcher
        .find(&hay)
        .into_iter()
        .filter_map(|h| {
            let span = a.folded.to_original(Span::new(h.start, h.end), text);
            let entry = &kb.matcher.entries[h.entry as usize];
            (!a.doc.overlaps_removed(span) && evidence(a, kb, entry, span)).then_some(Candidate {
                span,
                entry: h.entry,
            })
        })
        .collect();
    cands.sort_by_key(|c| (c.span.start, Reverse(c.span.end)));
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in cands {
        if chosen.last().is_none_or(|p| p.span.end <= c.span.start) {
            chosen.push(c);
        }
    }
    let country = document_country(kb, &chosen);
    chosen.retain(|c| {
        plausible_town(
            a,
            kb,
            &kb.matcher.entries[c.entry as usize],
            c.span,
            country.as_deref(),
        )
    });
    let mut found = Entities {
        country: country.clone(),
        ..Entities::default()
    };
    for c in &chosen {
        let entry = &kb.matcher.entries[c.entry as usize];
        if let Some((entity, via)) = resolve(a, kb, entry, country.as_deref(), &found) {
            found.add(c.span, entity, via);
        }
    }
    found
}

/// Whether the words at `span` are evidence enough for `entry`.
fn evidence(a: &Analysis, kb: &KnowledgeBase, entry: &Entry, span: Span) -> bool {
    let text = a.text();
    let words = span.of(text);
    let mixed = a.casing == Casing::Mixed;
    if entry.acronym {
        if !mixed {
            return !entry.common_word && !kb.is_function_word(&entry.pattern);
        }
        let letters: String = words.chars().filter(|c| c.is_alphabetic()).collect();
        return entry
            .forms
            .iter()
            .any(|f| f.chars().filter(|c| c.is_alphabetic()).collect::<String>() == letters);
    }
    if mixed && !capitals_agree(entry, words) {
        return false;
    }
    let only_places = entry.targets.iter().all(|t| matches!(t, Target::Place(_)));
    if only_places
        && (kb.date_words.contains(entry.pattern.as_str())
            || (!entry.acronym
                && kb.is_function_word(&entry.pattern)
                && !(mixed && words.chars().all(|c| !c.is_lowercase()))))
    {
        return false;
    }
    if entry.common_word {
        if mixed {
            let capitalised = words.chars().next().is_some_and(char::is_uppercase);
            let line = line_of(text, span);
            let all_caps_line = line
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            if !capitalised || all_caps_line || title_case(line) {
                return false;
            }
            if has_place_cue(a, span) {
                return true;
            }
            return !sentence_initial(a, span) && !inside_name(a, kb, span);
        }
        return has_place_cue(a, span);
    }
    let village = entry.targets.iter().all(|t| match t {
        Target::Place(i) => {
            let p = &kb.places[*i as usize];
            p.kind == PlaceKind::City && p.population < 5_000
        }
        _ => false,
    });
    if village {
        return if mixed {
            !inside_name(a, kb, span)
        } else {
            previous_word(a, span).is_some_and(|w| LOCATIVES.contains(&w.as_str()))
                || has_place_cue(a, span)
        };
    }
    true
}

/// In mixed-case text, the words a name spells in capitals ("IS" in "IS Pakistan") must be
/// capitals in the text too, for at least one spelling of the name.
fn capitals_agree(entry: &Entry, words: &str) -> bool {
    let split = |s: &str| {
        s.split([' ', '-'])
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let caps_word = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let forms_with_caps: Vec<&String> = entry
        .forms
        .iter()
        .filter(|f| split(f).iter().any(|w| caps_word(w)))
        .collect();
    if forms_with_caps.len() < entry.forms.len()
        && entry
            .forms
            .iter()
            .any(|f| !split(f).iter().any(|w| caps_word(w)) && !entry.acronym)
    {
        // Some spelling has no capitals to honour.
        return true;
    }
    let text_words = split(words);
    forms_with_caps.iter().any(|f| {
        let fw = split(f);
        fw.len() == text_words.len()
            && fw
                .iter()
                .zip(&text_words)
                .all(|(a, b)| !caps_word(a) || a == b)
    })
}

/// A line that capitalises most of its words: a headline in title case.
fn title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && caps * 4 >= words.len() * 3
}

fn line_of(text: &str, span: Span) -> &str {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    &text[start..end]
}

fn sentence_initial(a: &Analysis, span: Span) -> bool {
    match a.sentence_at(span.start) {
        Some(i) => {
            let s = a.sentences[i].span;
            a.text()[s.start..span.start]
                .chars()
                .all(|c| !c.is_alphanumeric())
        }
        None => true,
    }
}

/// The folded word before `span`, if any.
pub(super) fn previous_word(a: &Analysis, span: Span) -> Option<String> {
    let i = a.token_at(span.start);
    let t = a.tokens[..i].last()?;
    Some(t.span.of(a.text()).to_lowercase())
}

/// The folded word after `span`, if any.
pub(super) fn next_word(a: &Analysis, span: Span) -> Option<String> {
    let i = a.token_at(span.end);
    let t = a.tokens.get(i)?;
    Some(t.span.of(a.text()).to_lowercase())
}

fn has_place_cue(a: &Analysis, span: Span) -> bool {
    let cue = |w: Option<String>| w.is_some_and(|w| PLACE_CUES.contains(&w.as_str()));
    cue(next_word(a, span)) || cue(previous_word(a, span))
}

/// True when a capitalised word touches `span` on either side, as in a person's name, and
/// no locative word comes first.
fn inside_name(a: &Analysis, kb: &KnowledgeBase, span: Span) -> bool {
    let text = a.text();
    let i = a.token_at(span.start);
    let capitalised = |t: Option<&sitrep_analyse::Token>| {
        t.is_some_and(|t| {
            let w = t.span.of(text);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
        })
    };
    let before = i
        .checked_sub(1)
        .and_then(|j| a.tokens.get(j))
        .filter(|t| text[t.span.end..span.start].trim().is_empty());
    let j = a.token_at(span.end);
    let after = a
        .tokens
        .get(j)
        .filter(|t| text[span.end..t.span.start].trim().is_empty() && t.span.start > span.end);
    let locative = previous_word(a, span).is_some_and(|w| LOCATIVES.contains(&w.as_str()));
    // "Quetta Railway Station", "Kalat District": the capitalised word after is the place's.
    let place_word_after = next_word(a, span).is_some_and(|w| {
        PLACE_CUES.contains(&w.as_str()) || kb.facility_heads.longest_at(&[w.as_str()]).is_some()
    });
    !locative && (capitalised(before) || (capitalised(after) && !place_word_after))
}

/// A town outside the document's country named only by one of its alternate names ("Khan"
/// for Haan in Germany) is a coincidence of spelling; so is a small town's name standing
/// inside a run of capitalised words ("Ghulam Abbas"), unless a locative word comes first.
fn plausible_town(
    a: &Analysis,
    kb: &KnowledgeBase,
    entry: &Entry,
    span: Span,
    country: Option<&str>,
) -> bool {
    let towns: Vec<&Place> = entry
        .targets
        .iter()
        .filter_map(|t| match t {
            Target::Place(i) => Some(&kb.places[*i as usize]),
            _ => None,
        })
        .collect();
    if towns.len() != entry.targets.len() || towns.iter().any(|p| p.kind != PlaceKind::City) {
        return true;
    }
    let by_name = |p: &&Place| sitrep_kb::fold_pattern(&p.name) == entry.pattern;
    let home = |p: &&Place| country.is_none_or(|c| p.country == c);
    let big = |p: &&Place| p.population >= 1_000_000;
    if !towns.iter().any(|p| by_name(p) || home(p) || big(p)) {
        return false;
    }
    let small = towns.iter().all(|p| p.population < 100_000);
    !(a.casing == Casing::Mixed && small && inside_name(a, kb, span))
}

/// The country most unambiguous hits belong to.
fn document_country(kb: &KnowledgeBase, chosen: &[Candidate]) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for c in chosen {
        let entry = &kb.matcher.entries[c.entry as usize];
        let countries: Vec<&str> = entry
            .targets
            .iter()
            .filter_map(|t| target_country(kb, *t))
            .collect();
        if let Some(first) = countries.first()
            && countries.iter().all(|x| x == first)
        {
            *counts.entry(first).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(c, n)| (n, Reverse(c)))
        .map(|(c, _)| c.to_string())
}

fn target_country(kb: &KnowledgeBase, t: Target) -> Option<&str> {
    match t {
        Target::Actor(i) => kb.actors[i as usize].country.as_deref(),
        Target::Office(i) => kb.offices[i as usize].country.as_deref(),
        Target::Place(i) => Some(kb.places[i as usize].country.as_str()),
    }
}

fn place_rank(p: &Place) -> u8 {
    match p.kind {
        PlaceKind::Country => 6,
        PlaceKind::Admin1 => 5,
        PlaceKind::City => 4,
        PlaceKind::Admin2 => 3,
        PlaceKind::Region => 2,
        PlaceKind::Facility | PlaceKind::Feature => 1,
    }
}

/// The entity an entry names here.
fn resolve(
    a: &Analysis,
    kb: &KnowledgeBase,
    entry: &Entry,
    country: Option<&str>,
    found: &Entities,
) -> Option<(DocEntity, Via)> {
    let in_country = |t: &Target| country.is_some() && target_country(kb, *t) == country;
    let best = |ts: Vec<Target>| -> Option<Target> {
        ts.iter().copied().max_by_key(|t| {
            let (rank, pop) = match t {
                Target::Place(i) => {
                    let p = &kb.places[*i as usize];
                    (place_rank(p), p.population)
                }
                _ => (0, 0),
            };
            (in_country(t), rank, pop)
        })
    };
    let actors: Vec<Target> = entry
        .targets
        .iter()
        .copied()
        .filter(|t| matches!(t, Target::Actor(_)))
        .collect();
    let places: Vec<Target> = entry
        .targets
        .iter()
        .copied()
        .filter(|t| matches!(t, Target::Place(_)))
        .collect();
    let offices: Vec<Target> = entry
        .targets
        .iter()
        .copied()
        .filter(|t| matches!(t, Target::Office(_)))
        .collect();
    let target =
        if !actors.is_empty() && (places.is_empty() || !actors_defer_to_places(kb, &actors)) {
            best(actors)?
        } else if !places.is_empty() {
            best(places)?
        } else {
            best(offices)?
        };
    match target {
        Target::Actor(i) => Some((actor_entity(kb, i as usize), Via::Name)),
        Target::Place(i) => {
            let p = &kb.places[i as usize];
            Some((
                DocEntity {
                    name: p.name.clone(),
                    kind: EntityKind::Place(p.kind),
                    kb_id: Some(p.id.clone()),
                    country: Some(p.country.clone()),
                    place: Some(p.clone()),
                },
                Via::Name,
            ))
        }
        Target::Office(i) => {
            let office = &kb.offices[i as usize];
            if let (Some(doc), Some(own)) = (country, office.country.as_deref())
                && doc != own
            {
                return None;
            }
            // A holder already named in the document wins; else the holder on the date.
            let named = office.holders.iter().find_map(|h| {
                found
                    .list
                    .iter()
                    .position(|e| e.kb_id.as_deref() == Some(h.person.as_str()))
                    .map(|_| h.person.as_str())
            });
            let holder = match (a.doc.published, named) {
                (None, Some(id)) => kb.actor(id),
                _ => kb.holder_on(office, a.doc.published),
            }?;
            let i = kb.actor_index(&holder.id)?;
            Some((actor_entity(kb, i), Via::Office))
        }
    }
}

/// A government actor sharing a name with a place ("Kabul" for the Taliban government) is
/// read as the place.
fn actors_defer_to_places(kb: &KnowledgeBase, actors: &[Target]) -> bool {
    actors.iter().all(|t| match t {
        Target::Actor(i) => kb.actors[*i as usize].kind == sitrep_kb::ActorKind::Government,
        _ => false,
    })
}

pub(super) fn actor_entity(kb: &KnowledgeBase, i: usize) -> DocEntity {
    let actor = &kb.actors[i];
    DocEntity {
        name: actor.name.clone(),
        kind: EntityKind::Actor(actor.kind),
        kb_id: Some(actor.id.clone()),
        country: actor.country.clone(),
        place: None,
    }
}
