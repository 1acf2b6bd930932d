//! Entities the knowledge base does not know, found by the shape of their names: named
//! facilities ("Tralai Imambargah", "Quetta Railway Station"), organisations ("X Liberation
//! Front", "Lashkar-e-X") and persons by title ("Lt Gen X", "president cerezo").

use sitrep_analyse::{Analysis, Casing};
use sitrep_kb::{ActorKind, KnowledgeBase, Place, PlaceKind};
use sitrep_model::Span;

use super::words::{Word, adjacent};
use super::{DocEntity, Entities, EntityKind, Via};

/// Small words allowed inside a multi-word name.
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "al", "ul", "e", "i", "de", "del", "la",
];

/// Connectors of transliterated group names ("Lashkar-e-Taiba", "Jamaat-ul-Ahrar").
const TRANSLIT_CONNECTORS: &[&str] = &["e", "i", "ul", "al", "ut", "un", "us", "ud", "ur"];

pub(super) fn recognise(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    facilities(a, kb, words, found);
    if a.casing == Casing::Mixed {
        organisations(a, kb, words, found);
    }
    transliterated_groups(a, kb, words, found);
    persons(a, kb, words, found);
}

fn mention_at(found: &Entities, span: Span) -> Option<usize> {
    found.mentions.iter().position(|m| m.span.overlaps(span))
}

fn facilities(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let text = a.text();
    let mixed = a.casing == Casing::Mixed;
    let mut i = 0;
    while i < words.len() {
        let Some((n, _)) = kb
            .facility_heads
            .longest_at(&words[i..words.len().min(i + 3)])
        else {
            i += 1;
            continue;
        };
        let head = words[i].span.cover(words[i + n - 1].span);
        if mention_at(found, head).is_some() || (mixed && !words[i].capitalised) {
            i += n;
            continue;
        }
        // The name before the head: a place mention, or capitalised words.
        let mut start = None;
        let mut town: Option<Place> = None;
        let mut replaced = None;
        if let Some(mi) = found
            .mentions
            .iter()
            .position(|m| adjacent(text, m.span, head) && m.span.end <= head.start)
        {
            let m = found.mentions[mi];
            if let Some(p) = found.list[m.entity]
                .place
                .clone()
                .filter(|p| p.kind != PlaceKind::Country)
            {
                start = Some(m.span.start);
                town = Some(p);
                replaced = Some(mi);
            }
        }
        if start.is_none() && mixed {
            let mut j = i;
            while j > 0 {
                let w = &words[j - 1];
                let ok = w.capitalised
                    && w.sentence == words[i].sentence
                    && adjacent(text, w.span, words[j].span)
                    && mention_at(found, w.span).is_none();
                if !ok || i - j >= 3 {
                    break;
                }
                j -= 1;
            }
            if j < i && !sentence_opening_only(a, words, j, i) {
                start = Some(words[j].span.start);
            }
        }
        let mut end = head.end;
        if start.is_none() && mixed {
            // "Imambargah Khadijatul Kubra": capitalised words after the head.
            let mut j = i + n;
            while j < words.len()
                && j < i + n + 3
                && words[j].capitalised
                && adjacent(text, words[j - 1].span, words[j].span)
                && mention_at(found, words[j].span).is_none()
                && !kb.is_common_word(&words[j].lower)
            {
                j += 1;
            }
            if j > i + n {
                start = Some(head.start);
                end = words[j - 1].span.end;
            }
        }
        let Some(start) = start else {
            i += n;
            continue;
        };
        let span = Span::new(start, end);
        if let Some(mi) = replaced {
            found.mentions.remove(mi);
        }
        let town = town.or_else(|| nearest_town(a, found, span));
        let name = span
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let place = town.map(|t| Place {
            id: String::new(),
            name: name.clone(),
            kind: PlaceKind::Facility,
            admin2: t.admin2.clone().or_else(|| {
                (t.kind == PlaceKind::City || t.kind == PlaceKind::Admin2).then(|| t.name.clone())
            }),
            ..t
        });
        let entity = DocEntity {
            name,
            kind: EntityKind::Place(PlaceKind::Facility),
            kb_id: None,
            country: place.as_ref().map(|p| p.country.clone()),
            place,
        };
        found.add(span, entity, Via::Pattern);
        i += n;
    }
}

/// True when the capitalised words `from..to` are capitalised only because they open the
/// sentence and are common words ("The Mosque").
fn sentence_opening_only(a: &Analysis, words: &[Word], from: usize, to: usize) -> bool {
    let opens = a
        .sentence_at(words[from].span.start)
        .is_some_and(|s| a.sentences[s].span.start == words[from].span.start);
    opens
        && to - from == 1
        && matches!(
            words[from].lower.as_ref(),
            "the" | "a" | "an" | "this" | "that"
        )
}

/// The nearest town, district or province mention in the same or the previous sentence.
fn nearest_town(a: &Analysis, found: &Entities, span: Span) -> Option<Place> {
    let s = a.sentence_at(span.start)?;
    let window = Span::new(
        a.sentences[s.saturating_sub(1)].span.start,
        a.sentences[s].span.end,
    );
    found
        .within(window)
        .filter_map(|m| found.list[m.entity].place.as_ref().map(|p| (m.span, p)))
        .filter(|(_, p)| {
            matches!(
                p.kind,
                PlaceKind::City | PlaceKind::Admin2 | PlaceKind::Admin1
            )
        })
        .min_by_key(|(m, _)| m.start.abs_diff(span.start))
        .map(|(_, p)| p.clone())
}

fn organisations(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let text = a.text();
    let mut i = 0;
    while i < words.len() {
        let Some((n, label)) = kb.org_heads.longest_at(&words[i..words.len().min(i + 3)]) else {
            i += 1;
            continue;
        };
        let continues = words
            .get(i + n)
            .is_some_and(|w| w.capitalised && adjacent(text, words[i + n - 1].span, w.span));
        if !words[i].capitalised || continues || title_case_line(a, words[i].span) {
            i += n;
            continue;
        }
        let head_end = words[i + n - 1].span.end;
        // Walk back over capitalised words and connectors in the same sentence.
        let mut j = i;
        let mut named: usize = 0;
        while j > 0 {
            let w = &words[j - 1];
            let joined = adjacent(text, w.span, words[j].span)
                || text[w.span.end..words[j].span.start].trim() == "-";
            let actor_inside = mention_at(found, w.span)
                .is_some_and(|mi| !found.list[found.mentions[mi].entity].kind.is_place());
            if w.sentence != words[i].sentence
                || !joined
                || actor_inside
                || kb.person_titles.longest_at(&[w.lower.as_ref()]).is_some()
            {
                break;
            }
            if w.capitalised {
                named += 1;
            } else if !CONNECTORS.contains(&w.lower.as_ref()) {
                break;
            }
            j -= 1;
        }
        while j < i
            && (!words[j].capitalised || matches!(words[j].lower.as_ref(), "the" | "a" | "an"))
        {
            j += 1;
            named = named.saturating_sub(usize::from(words[j - 1].capitalised));
        }
        let span = Span::new(words[j].span.start, head_end);
        let opens = a
            .sentence_at(span.start)
            .is_some_and(|s| a.sentences[s].span.start == span.start);
        let count = i + n - j;
        let inside_actor = found
            .mentions
            .iter()
            .any(|m| m.span.overlaps(span) && !found.list[m.entity].kind.is_place());
        if named == 0 || inside_actor || (opens && count < 3) {
            i += n;
            continue;
        }
        let kind = actor_kind(label);
        found.mentions.retain(|m| !m.span.overlaps(span));
        let name = span
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        found.add(
            span,
            DocEntity {
                name,
                kind: EntityKind::Actor(kind),
                kb_id: None,
                country: found.country.clone(),
                place: None,
            },
            Via::Pattern,
        );
        i += n;
    }
}

/// True when the sentence around `at` capitalises most of its words (a headline in title
/// case), where capitals say nothing about names.
fn title_case_line(a: &Analysis, at: Span) -> bool {
    let Some(s) = a.sentence_at(at.start) else {
        return false;
    };
    let span = a.sentences[s].span;
    let words: Vec<&str> = span
        .of(a.text())
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && caps * 4 >= words.len() * 3
}

fn actor_kind(label: &str) -> ActorKind {
    match label {
        "armed_group" => ActorKind::ArmedGroup,
        "state_force" => ActorKind::StateForce,
        "government" => ActorKind::Government,
        "political_party" => ActorKind::PoliticalParty,
        "international_org" => ActorKind::InternationalOrg,
        "person" => ActorKind::Person,
        _ => ActorKind::OtherOrg,
    }
}

fn transliterated_groups(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let text = a.text();
    for w in words.iter().filter(|w| w.lower.contains('-')) {
        let parts: Vec<&str> = w.lower.split('-').collect();
        let is_group = parts.len() >= 3
            && kb.org_prefixes.longest_at(&parts[..1]).is_some()
            && TRANSLIT_CONNECTORS.contains(&parts[1])
            && parts[2].len() >= 3;
        if is_group && mention_at(found, w.span).is_none() {
            let name = w.span.of(text).to_string();
            found.add(
                w.span,
                DocEntity {
                    name,
                    kind: EntityKind::Actor(ActorKind::ArmedGroup),
                    kb_id: None,
                    country: found.country.clone(),
                    place: None,
                },
                Via::Pattern,
            );
        }
    }
}

fn persons(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let text = a.text();
    let mixed = a.casing == Casing::Mixed;
    let mut i = 0;
    while i < words.len() {
        let Some((n, _)) = kb
            .person_titles
            .longest_at(&words[i..words.len().min(i + 3)])
        else {
            i += 1;
            continue;
        };
        let name_follows = words.get(i + n).is_some_and(|w| w.capitalised);
        if mixed && !words[i].capitalised && !name_follows {
            i += n;
            continue;
        }
        let mut j = i + n;
        while j < words.len() && j < i + n + 4 {
            let w = &words[j];
            let name_like = if mixed {
                w.capitalised && w.lower.chars().any(char::is_alphabetic)
            } else {
                let first = j == i + n;
                w.lower.chars().all(char::is_alphabetic)
                    && !kb.is_function_word(&w.lower)
                    && (!first || !kb.is_common_word(&w.lower))
            };
            let joined = adjacent(text, words[j - 1].span, w.span);
            if !name_like
                || !joined
                || w.sentence != words[i].sentence
                || kb.person_titles.longest_at(&[w.lower.as_ref()]).is_some()
            {
                break;
            }
            j += 1;
        }
        if j == i + n {
            i += n;
            continue;
        }
        let span = Span::new(words[i + n].span.start, words[j - 1].span.end);
        if mention_at(found, span).is_some()
            || kb
                .org_heads
                .longest_at(&[words[j - 1].lower.as_ref()])
                .is_some()
        {
            i = j;
            continue;
        }
        let name = span.of(text).trim_end_matches(['’', '\'']);
        let name = if mixed {
            name.to_string()
        } else {
            title_case(name)
        };
        let short = j - (i + n) == 1;
        let known_short = short
            && found.list.iter().any(|e| {
                e.kind.is_person()
                    && e.name
                        .split_whitespace()
                        .any(|t| t.eq_ignore_ascii_case(&name))
            });
        if !known_short {
            found.add(
                span,
                DocEntity {
                    name,
                    kind: EntityKind::Actor(ActorKind::Person),
                    kb_id: None,
                    country: None,
                    place: None,
                },
                Via::Pattern,
            );
        }
        i = j;
    }
}

/// "luis arturo isaacs" and "LUIS ARTURO ISAACS" as "Luis Arturo Isaacs".
pub(super) fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}
