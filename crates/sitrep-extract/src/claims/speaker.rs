//! Speakers: who a reporting verb's subject is. Takes a token range before (or after) the
//! verb and gives a speaker: an entity's canonical name, a person named by a role ("the
//! military spokesperson", resolved to the person named with that role elsewhere in the
//! document when there is one), a collective source's words, or the speaker a pronoun
//! stands for.

use sitrep_model::Span;

pub(super) use super::roles::Ctx;
use super::words::{Pronoun, is_filler, is_preposition, pronoun};
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
    /// Where the words naming the speaker start.
    pub start: usize,
}

/// The speakers seen so far, for pronouns and continuations.
#[derive(Default)]
pub(super) struct Memory {
    pub last: Option<Speaker>,
    /// Where the last claim was attributed.
    last_at: usize,
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
        self.last_at = s.start;
    }

    /// Who a pronoun at `at` stands for.
    pub fn resolve(&self, p: Pronoun, at: Span, ents: &Entities) -> Option<Speaker> {
        let s = match p {
            // A pronoun right after another speaker's statement continues it, whatever the
            // speaker ("The report said …. He added …").
            Pronoun::Person
                if at.start.saturating_sub(self.last_at) < 300 && self.last.is_some() =>
            {
                self.last.clone()
            }
            Pronoun::Person => self
                .last_person
                .clone()
                .or_else(|| last_person_mention(ents, at.start)),
            Pronoun::Group => self.last_group.clone().or_else(|| self.last.clone()),
            Pronoun::Thing => self.last.clone(),
        };
        s.map(|s| Speaker {
            start: at.start,
            ..s
        })
    }
}

fn last_person_mention(ents: &Entities, before: usize) -> Option<Speaker> {
    let i = ents.mentions.partition_point(|m| m.span.end <= before);
    ents.mentions[..i].iter().rev().take(40).find_map(|m| {
        let e = ents.entity(m);
        e.kind.is_person().then(|| Speaker {
            name: e.name.clone(),
            class: Class::Person,
            start: before,
        })
    })
}

/// Looks for the subject of a verb at token `verb` among tokens `lo..verb`.
pub(super) fn before(c: &Ctx, lo: usize, verb: usize, mem: &Memory) -> Option<Speaker> {
    let toks = c.toks;
    let mut j = verb;
    while j > lo && is_filler(&toks[j - 1].lower) {
        j -= 1;
    }
    if j == lo {
        return None;
    }
    let w = &*toks[j - 1].lower;
    if w == "who" {
        // "X, who said …": the name before the relative pronoun.
        let k = if j >= 2 && toks[j - 2].lower == "," {
            j - 2
        } else {
            j - 1
        };
        let t = toks.get(k.checked_sub(1)?)?;
        let m = c.ents.at(t.span.start)?;
        let e = c.ents.entity(m);
        let class = if e.kind.is_person() {
            Class::Person
        } else {
            Class::Group
        };
        return (!e.kind.is_place()).then(|| Speaker {
            name: e.name.clone(),
            class,
            start: m.span.start,
        });
    }
    if matches!(w, "which" | "that" | "whom" | "be" | "being" | "to") {
        return None;
    }
    if let Some(p) = pronoun(w) {
        let solo = j - 1 == lo || !toks[j - 2].word || matches!(&*toks[j - 2].lower, "and" | "but");
        return if solo {
            mem.resolve(p, toks[j - 1].span, c.ents)
        } else {
            None
        };
    }
    let mut weak = None;
    let mut i = lo;
    while i < j {
        let Some((s, is_weak, next)) = candidate(c, lo, i, j) else {
            i += 1;
            continue;
        };
        let object = toks[i.saturating_sub(3)..i]
            .iter()
            .rev()
            .take_while(|t| t.word)
            .any(|t| is_preposition(&t.lower));
        if !object || i == lo {
            if !is_weak {
                return Some(s);
            }
            weak.get_or_insert(s);
        }
        i = next;
    }
    weak
}

/// A speaker named right after a verb ("said the minister", "said a statement issued by
/// security sources").
pub(super) fn after(c: &Ctx, from: usize, hi: usize, mem: &Memory) -> Option<Speaker> {
    if from >= hi {
        return None;
    }
    if let Some(p) = pronoun(&c.toks[from].lower) {
        return mem.resolve(p, c.toks[from].span, c.ents);
    }
    let (s, weak, next) =
        candidate(c, from, from, hi).or_else(|| modified_collective(c, from, hi))?;
    if weak {
        let by = c.toks[next..hi.min(next + 4)]
            .iter()
            .position(|t| matches!(&*t.lower, "by" | "from"));
        if let Some(b) = by
            && let Some((s2, _, _)) = candidate(c, next + b + 1, next + b + 1, hi)
        {
            return Some(s2);
        }
    }
    Some(s)
}

/// A collective source after one modifier: "Pakistani officials", "unnamed sources".
fn modified_collective(c: &Ctx, i: usize, hi: usize) -> Option<(Speaker, bool, usize)> {
    if !c.toks[i].word || i + 1 >= hi {
        return None;
    }
    let (n, label) = c.lex.collectives.longest_at(&c.toks[i + 1..hi])?;
    let span = Span::new(c.toks[i].span.start, c.toks[i + n].span.end);
    let s = Speaker {
        name: span.of(c.text).to_string(),
        class: Class::Group,
        start: span.start,
    };
    Some((s, label == "weak", i + 1 + n))
}

/// A speaker starting at token `i` (before `hi`): the speaker, whether it is weak, and the
/// token after it.
fn candidate(c: &Ctx, lo: usize, i: usize, hi: usize) -> Option<(Speaker, bool, usize)> {
    let toks = c.toks;
    let art = matches!(&*toks[i].lower, "the" | "a" | "an");
    let k = if art { i + 1 } else { i };
    if k >= hi {
        return None;
    }
    if let Some((n, _)) = c.lex.roles.longest_at(&toks[k..hi]) {
        // "DG ISPR", "the defence minister".
        let mut end = k + n;
        if let Some(m) = c
            .ents
            .at(toks[end.min(hi - 1)].span.start)
            .filter(|_| end < hi)
            && !c.ents.entity(m).kind.is_person()
            && m.span.start == toks[end].span.start
        {
            end += toks[end..hi]
                .iter()
                .take_while(|t| t.span.start < m.span.end)
                .count();
        }
        // Modifiers before the role: "the military spokesperson".
        let mut b = k;
        while b > lo
            && k - b < 2
            && toks[b - 1].word
            && !matches!(
                &*toks[b - 1].lower,
                "the" | "a" | "an" | "s" | "its" | "his" | "her" | "their" | "and" | "said"
            )
        {
            b -= 1;
        }
        let span = Span::new(toks[b].span.start, toks[end - 1].span.end);
        return Some((c.role(span, c.role_words(k, n)), false, end));
    }
    if let Some((n, label)) = c.lex.collectives.longest_at(&toks[k..hi]) {
        let span = Span::new(toks[k].span.start, toks[k + n - 1].span.end);
        let s = Speaker {
            name: span.of(c.text).to_string(),
            class: Class::Group,
            start: span.start,
        };
        return Some((s, label == "weak", k + n));
    }
    let m = c
        .ents
        .at(toks[k].span.start)
        .filter(|m| m.span.start == toks[k].span.start)?;
    let e = c.ents.entity(m);
    let next = (k + toks[k..hi]
        .iter()
        .take_while(|t| t.span.start < m.span.end)
        .count())
    .max(k + 1);
    if e.kind.is_place() {
        // "Pakistani officials": a place or its people before a collective source.
        let (n, label) = c.lex.collectives.longest_at(&toks[next.min(hi)..hi])?;
        let span = Span::new(toks[k].span.start, toks[next + n - 1].span.end);
        let s = Speaker {
            name: span.of(c.text).to_string(),
            class: Class::Group,
            start: span.start,
        };
        return Some((s, label == "weak", next + n));
    }
    if !e.kind.is_person() && next < hi {
        // "the military spokesperson", "ISPR chief".
        if let Some((n, _)) = c.lex.roles.longest_at(&toks[next..hi]) {
            let span = Span::new(toks[k].span.start, toks[next + n - 1].span.end);
            return Some((c.role(span, c.role_words(next, n)), false, next + n));
        }
    }
    let class = if e.kind.is_person() {
        Class::Person
    } else {
        Class::Group
    };
    Some((
        Speaker {
            name: e.name.clone(),
            class,
            start: m.span.start,
        },
        false,
        next,
    ))
}
