//! Within-document resolution: acronyms defined in brackets, short forms of persons' names,
//! and generic words ("the army") that stand for an actor of the document's country.

use std::collections::HashMap;

use sitrep_analyse::{Analysis, Casing};
use sitrep_kb::{KnowledgeBase, Matcher, Target, split_words};
use sitrep_model::Span;

use super::known::actor_entity;
use super::words::Word;
use super::{Entities, Via};

pub(super) fn within_document(
    a: &Analysis,
    kb: &KnowledgeBase,
    words: &[Word],
    found: &mut Entities,
) {
    offices(a, kb, words, found);
    bracketed_acronyms(a, words, found);
    short_names(a, kb, words, found);
    generic_words(kb, words, found);
}

fn free(found: &Entities, span: Span) -> bool {
    !found.overlaps(span)
}

/// "National Assembly (AN)": the acronym joins the entity before it, here and later.
fn bracketed_acronyms(a: &Analysis, words: &[Word], found: &mut Entities) {
    let text = a.text();
    let mut acronyms: HashMap<String, usize> = HashMap::new();
    for m in found.mentions.clone() {
        let rest = &text[m.span.end..];
        let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) else {
            continue;
        };
        let Some(close) = inner.find(')') else {
            continue;
        };
        let acro = &inner[..close];
        let letters = acro.chars().filter(char::is_ascii_alphabetic).count();
        if (2..=8).contains(&letters)
            && acro
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '-' || c == '&')
        {
            let start = m.span.end + (rest.len() - inner.len());
            let span = Span::new(start, start + close);
            if free(found, span) {
                found.mentions.push(super::DocMention {
                    span,
                    entity: m.entity,
                    via: Via::ShortName,
                });
            } else if initials(m.span.of(text)) == acro {
                // "Senior Superintendent of Police (SSP)": the document defines the acronym,
                // and its definition beats the knowledge base's (Sipah-e-Sahaba Pakistan)
                // here and everywhere else in the document.
                let taken: Vec<usize> = found
                    .mentions
                    .iter()
                    .filter(|x| x.span == span && x.entity != m.entity)
                    .map(|x| x.entity)
                    .collect();
                for x in &mut found.mentions {
                    if taken.contains(&x.entity) && x.span.of(text) == acro {
                        x.entity = m.entity;
                        x.via = Via::ShortName;
                    }
                }
            }
            acronyms.entry(acro.to_string()).or_insert(m.entity);
        }
    }
    if acronyms.is_empty() {
        return;
    }
    for w in words {
        let original = w.span.of(text);
        if let Some(&entity) = acronyms.get(original)
            && free(found, w.span)
        {
            found.mentions.push(super::DocMention {
                span: w.span,
                entity,
                via: Via::ShortName,
            });
        }
    }
}

/// The capital initials of a name ("Senior Superintendent of Police" is "SSP").
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

/// "Chaudhry" after "Ahmed Sharif Chaudhry": a distinctive part of one person's name.
fn short_names(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let text = a.text();
    let mut parts: HashMap<String, Option<usize>> = HashMap::new();
    for (i, e) in found.list.iter().enumerate() {
        if !e.kind.is_person() {
            continue;
        }
        let names = split_words(&e.name);
        if names.len() < 2 {
            continue;
        }
        let mentioned: Vec<String> = found
            .mentions
            .iter()
            .filter(|m| m.entity == i)
            .flat_map(|m| split_words(m.span.of(text)))
            .collect();
        for p in names
            .iter()
            .filter(|p| p.len() >= 3 && !kb.is_common_word(p) && mentioned.contains(p))
        {
            parts
                .entry(p.clone())
                .and_modify(|owner| {
                    if *owner != Some(i) {
                        *owner = None;
                    }
                })
                .or_insert(Some(i));
        }
    }
    if parts.is_empty() {
        return;
    }
    let mixed = a.casing == Casing::Mixed;
    for w in words {
        if mixed && !w.capitalised {
            continue;
        }
        let lower = w.lower.as_ref();
        let lower = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(lower);
        if let Some(Some(entity)) = parts.get(lower)
            && free(found, w.span)
        {
            found.mentions.push(super::DocMention {
                span: w.span,
                entity: *entity,
                via: Via::ShortName,
            });
        }
    }
}

/// "the army" in a report about Pakistan is the Pakistan Army.
fn generic_words(kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let Some(country) = found.country.clone() else {
        return;
    };
    let foreign = |i: usize| {
        i > 0
            && kb
                .demonyms
                .longest_at(&words[i - 1..i])
                .is_some_and(|(_, c)| c != country)
    };
    let refs: Vec<(Vec<String>, &str, bool)> = kb
        .generics
        .iter()
        .filter(|g| g.country == country)
        .flat_map(|g| {
            g.words
                .iter()
                .map(move |w| (split_words(w), g.actor.as_str(), g.only_as_noun.contains(w)))
        })
        .collect();
    // An adjective's noun: a word right after it that is not a function word.
    let modifies = |i: usize| {
        words.get(i + 1).is_some_and(|n| {
            n.lower.chars().all(char::is_alphabetic)
                && !kb.is_function_word(&n.lower)
                && n.span.start == words[i].span.end + 1
        })
    };
    if refs.is_empty() {
        return;
    }
    let mut i = 0;
    while i < words.len() {
        let window = &words[i..words.len().min(i + 4)];
        let hit = refs
            .iter()
            .filter(|(phrase, _, _)| {
                phrase.len() <= window.len()
                    && phrase.iter().zip(window).all(|(p, w)| *p == w.lower)
            })
            .max_by_key(|(phrase, _, _)| phrase.len());
        let Some((phrase, actor, noun_only)) = hit else {
            i += 1;
            continue;
        };
        let span = words[i].span.cover(words[i + phrase.len() - 1].span);
        if free(found, span)
            && !foreign(i)
            && !(*noun_only && modifies(i + phrase.len() - 1))
            && let Some(ix) = kb.actor_index(actor)
        {
            found.add(span, actor_entity(kb, ix), Via::Generic);
        }
        i += phrase.len();
    }
}

/// Offices: "ISI chief Lt. Gen. Faiz Hameed" is Faiz Hameed whoever held the office on the
/// publication date; "former ISI chief" without a name is nobody in particular; and the
/// organisation named inside an office ("ISI" in "ISI chief") is mentioned too.
fn offices(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let text = a.text();
    let mut drop = Vec::new();
    for k in 0..found.mentions.len() {
        let m = found.mentions[k];
        if m.via != Via::Office {
            continue;
        } // "Director General of ISPR (DG ISPR) Lt Gen X": a bracket after the office is skipped.
        let after = &text[m.span.end..];
        let skip = match after.trim_start().strip_prefix('(') {
            Some(rest) if rest.find(')').is_some_and(|c| c <= 12) => {
                m.span.end + (after.len() - rest.len()) + rest.find(')').unwrap_or(0) + 1
            }
            _ => m.span.end,
        };
        let first = words.partition_point(|w| w.span.start < skip);
        let mut j = first;
        while j < words.len()
            && j < first + 4
            && kb
                .person_titles
                .longest_at(&words[j..words.len().min(j + 3)])
                .is_some()
        {
            j += 1;
        }
        let same_sentence = |w: &Word| a.sentence_at(w.span.start) == a.sentence_at(m.span.start);
        let named = words
            .get(j)
            .filter(|w| same_sentence(w) && !text[skip..w.span.start].contains([',', ';', '\n']))
            .and_then(|w| {
                found
                    .at(w.span.start)
                    .filter(|n| n.span.start == w.span.start)
            })
            .filter(|n| found.list[n.entity].kind.is_person());
        let before = words.partition_point(|w| w.span.end <= m.span.start);
        let former = before > 0
            && matches!(
                words[before - 1].lower.as_ref(),
                "former" | "ex" | "then" | "late"
            );
        match named {
            Some(n) => found.mentions[k].entity = n.entity,
            _ if former => drop.push(k),
            _ => {}
        }
        nested_organisation(a, kb, m.span, found);
    }
    for k in drop.into_iter().rev() {
        found.mentions.remove(k);
    }
}

fn nested_organisation(a: &Analysis, kb: &KnowledgeBase, span: Span, found: &mut Entities) {
    let folded_start = a.folded.text.len().min(fold_offset(a, span.start));
    let folded_end = a.folded.text.len().min(fold_offset(a, span.end));
    let hay = Matcher::prepare(&a.folded.text[folded_start..folded_end]);
    let best = kb
        .matcher
        .find(&hay)
        .into_iter()
        .filter_map(|h| {
            let entry = &kb.matcher.entries[h.entry as usize];
            let actor = entry.targets.iter().find_map(|t| match t {
                Target::Actor(i) if kb.actors[*i as usize].kind != sitrep_kb::ActorKind::Person => {
                    Some(*i as usize)
                }
                _ => None,
            })?;
            let inner = a.folded.to_original(
                Span::new(folded_start + h.start, folded_start + h.end),
                a.text(),
            );
            (inner != span
                && (!entry.acronym || inner.of(a.text()).chars().all(|c| !c.is_lowercase())))
            .then_some((inner, actor))
        })
        .max_by_key(|(s, _)| s.len());
    if let Some((inner, actor)) = best {
        let e = found.add(inner, actor_entity(kb, actor), Via::Name);
        let m = found.mentions.pop().expect("just added");
        found.nested.push(super::DocMention { entity: e, ..m });
    }
}

/// The folded-text offset of original byte offset `at`.
fn fold_offset(a: &Analysis, at: usize) -> usize {
    let f = &a.folded;
    if a.text().len() == f.text.len() {
        return at;
    }
    // Folded offsets grow with original ones: search for the first folded byte at or after.
    let (mut lo, mut hi) = (0, f.text.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if f.original_offset(mid) < at {
            lo = mid + 1
        } else {
            hi = mid
        }
    }
    lo
}
