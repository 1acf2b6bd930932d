//! Speakers: who a reporting verb's subject is. Takes a token range before (or after) the
//! verb and gives a speaker: an entity's canonical name, a collective source's words, or the
//! person or group a pronoun stands for.

use sitrep_model::Span;

use super::lexicon::Lexicon;
use super::words::{Pronoun, Tok, is_filler, is_preposition, pronoun};
use crate::entities::Entities;

/// What sort of speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Class {
    /// A person.
    Person,
    /// An organisation or a collective source.
    Group,
}

/// A speaker found in the text.
#[derive(Clone, Debug)]
pub(super) struct Speaker {
    pub name: String,
    pub class: Class,
    /// Where the subject words are.
    pub span: Span,
}

/// The speakers seen so far, for pronouns and continuations.
#[derive(Default)]
pub(super) struct Memory {
    pub last: Option<Speaker>,
    last_person: Option<Speaker>,
    last_group: Option<Speaker>,
}

impl Memory {
    /// Remembers the speaker of a claim.
    pub fn said(&mut self, s: &Speaker) {
        match s.class {
            Class::Person => self.last_person = Some(s.clone()),
            Class::Group => self.last_group = Some(s.clone()),
        }
        self.last = Some(s.clone());
    }

    /// Who a pronoun at `at` stands for.
    pub fn resolve(&self, p: Pronoun, at: Span, ents: &Entities) -> Option<Speaker> {
        let found = match p {
            Pronoun::Person => self
                .last
                .clone()
                .filter(|s| s.class == Class::Person)
                .or_else(|| last_person_mention(ents, at.start))
                .or_else(|| self.last_person.clone()),
            Pronoun::Group => self.last_group.clone().or_else(|| self.last.clone()),
            Pronoun::Thing => self.last.clone(),
        };
        found.map(|s| Speaker { span: at, ..s })
    }
}

fn last_person_mention(ents: &Entities, before: usize) -> Option<Speaker> {
    let i = ents.mentions.partition_point(|m| m.span.end <= before);
    ents.mentions[..i].iter().rev().take(40).find_map(|m| {
        let e = ents.entity(m);
        e.kind.is_person().then(|| Speaker { name: e.name.clone(), class: Class::Person, span: m.span })
    })
}

/// Looks for the subject of a verb at token `verb` among tokens `lo..verb`.
pub(super) fn before(
    toks: &[Tok],
    lo: usize,
    verb: usize,
    text: &str,
    ents: &Entities,
    lex: &Lexicon,
    mem: &Memory,
) -> Option<Speaker> {
    let mut j = verb;
    while j > lo && is_filler(&toks[j - 1].lower) {
        j -= 1;
    }
    if j == lo {
        return None;
    }
    let w = &*toks[j - 1].lower;
    if matches!(w, "which" | "who" | "that" | "whom" | "be" | "being" | "to") {
        return None;
    }
    if let Some(p) = pronoun(w) {
        let solo = j - 1 == lo || !toks[j - 2].word || matches!(&*toks[j - 2].lower, "and" | "but");
        return if solo { mem.resolve(p, toks[j - 1].span, ents) } else { None };
    }
    let mut weak = None;
    let mut i = lo;
    while i < j {
        let t = &toks[i];
        if let Some((s, next)) = candidate(toks, i, j, text, ents, lex) {
            let object = toks[i.saturating_sub(3)..i]
                .iter()
                .rev()
                .take_while(|t| t.word)
                .any(|t| is_preposition(&t.lower));
            if !object || i == lo {
                if s.1 {
                    weak.get_or_insert(s.0);
                } else {
                    return Some(s.0);
                }
            }
            i = next;
        } else {
            let _ = t;
            i += 1;
        }
    }
    weak
}

/// A speaker named right after a verb ("said the minister", "said Asif").
pub(super) fn after(toks: &[Tok], from: usize, hi: usize, text: &str, ents: &Entities, lex: &Lexicon, mem: &Memory) -> Option<Speaker> {
    let i = from;
    if i >= hi {
        return None;
    }
    if let Some(p) = pronoun(&toks[i].lower) {
        return mem.resolve(p, toks[i].span, ents);
    }
    candidate(toks, i, hi, text, ents, lex).map(|((s, _), _)| s)
}

/// A speaker starting at token `i` (before `hi`): ((speaker, weak), next token).
fn candidate(toks: &[Tok], i: usize, hi: usize, text: &str, ents: &Entities, lex: &Lexicon) -> Option<((Speaker, bool), usize)> {
    let t = &toks[i];
    let art = matches!(&*t.lower, "the" | "a" | "an");
    let k = if art { i + 1 } else { i };
    if k >= hi {
        return None;
    }
    if let Some((n, label)) = lex.collectives.longest_at(&toks[k..hi]) {
        let span = Span::new(toks[k].span.start, toks[k + n - 1].span.end);
        let s = Speaker { name: span.of(text).to_string(), class: Class::Group, span };
        return Some(((s, label == "weak"), k + n));
    }
    let m = ents.at(toks[k].span.start).filter(|m| m.span.start == toks[k].span.start)?;
    let e = ents.entity(m);
    if e.kind.is_place() {
        return None;
    }
    let class = if e.kind.is_person() { Class::Person } else { Class::Group };
    let next = k + toks[k..hi].iter().take_while(|t| t.span.start < m.span.end).count();
    Some(((Speaker { name: e.name.clone(), class, span: m.span }, false), next.max(k + 1)))
}
