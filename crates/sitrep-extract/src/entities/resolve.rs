//! Within-document resolution: acronyms defined in brackets, short forms of persons' names,
//! and generic words ("the army") that stand for an actor of the document's country.

use std::collections::HashMap;

use sitrep_analyse::{Analysis, Casing};
use sitrep_kb::{KnowledgeBase, split_words};
use sitrep_model::Span;

use super::known::actor_entity;
use super::words::Word;
use super::{Entities, Via};

pub(super) fn within_document(a: &Analysis, kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
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
        let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) else { continue };
        let Some(close) = inner.find(')') else { continue };
        let acro = &inner[..close];
        let letters = acro.chars().filter(char::is_ascii_alphabetic).count();
        if (2..=8).contains(&letters) && acro.chars().all(|c| c.is_ascii_uppercase() || c == '-' || c == '&') {
            let start = m.span.end + (rest.len() - inner.len());
            let span = Span::new(start, start + close);
            if free(found, span) {
                found.mentions.push(super::DocMention { span, entity: m.entity, via: Via::ShortName });
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
            found.mentions.push(super::DocMention { span: w.span, entity, via: Via::ShortName });
        }
    }
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
        let mentioned: Vec<String> = found.mentions.iter().filter(|m| m.entity == i).flat_map(|m| split_words(m.span.of(text))).collect();
        for p in names.iter().filter(|p| p.len() >= 3 && !kb.is_common_word(p) && mentioned.contains(p)) {
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
        let lower = w.lower.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(Some(entity)) = parts.get(lower)
            && free(found, w.span)
        {
            found.mentions.push(super::DocMention { span: w.span, entity: *entity, via: Via::ShortName });
        }
    }
}

/// "the army" in a report about Pakistan is the Pakistan Army.
fn generic_words(kb: &KnowledgeBase, words: &[Word], found: &mut Entities) {
    let Some(country) = found.country.clone() else { return };
    let refs: Vec<(Vec<String>, &str)> = kb
        .generics
        .iter()
        .filter(|g| g.country == country)
        .flat_map(|g| g.words.iter().map(move |w| (split_words(w), g.actor.as_str())))
        .collect();
    if refs.is_empty() {
        return;
    }
    let mut i = 0;
    while i < words.len() {
        let window = &words[i..words.len().min(i + 4)];
        let hit = refs
            .iter()
            .filter(|(phrase, _)| phrase.len() <= window.len() && phrase.iter().zip(window).all(|(p, w)| *p == w.lower))
            .max_by_key(|(phrase, _)| phrase.len());
        let Some((phrase, actor)) = hit else {
            i += 1;
            continue;
        };
        let span = words[i].span.cover(words[i + phrase.len() - 1].span);
        if free(found, span)
            && let Some(ix) = kb.actor_index(actor)
        {
            found.add(span, actor_entity(kb, ix), Via::Generic);
        }
        i += phrase.len();
    }
}
