//! The reading context of speaker finding, and the roles a document gives its persons:
//! "Defence Minister Khawaja Asif" makes a later "the defence minister" (or, when the document
//! names only one person by a role, "the spokesperson") stand for Khawaja Asif.

use sitrep_model::Span;

use super::lexicon::Lexicon;
use super::speaker::{Class, Speaker};
use super::words::Tok;
use crate::entities::Entities;

/// What speaker finding reads: the document's tokens, text and entities, the lexicons, and
/// the roles the document gives its persons.
pub(super) struct Ctx<'c, 'a> {
    pub toks: &'c [Tok<'a>],
    pub text: &'c str,
    pub ents: &'c Entities,
    pub lex: &'c Lexicon,
    /// Role words (lower case) written next to a person's name, with the person.
    pub roles: Vec<(String, String)>,
}

impl<'c, 'a> Ctx<'c, 'a> {
    /// Reads the roles written before persons' names ("Defence Minister Khawaja Asif").
    pub fn new(toks: &'c [Tok<'a>], text: &'c str, ents: &'c Entities, lex: &'c Lexicon) -> Self {
        let mut ctx = Ctx {
            toks,
            text,
            ents,
            lex,
            roles: Vec::new(),
        };
        for m in &ents.mentions {
            let e = ents.entity(m);
            if !e.kind.is_person() {
                continue;
            }
            let k = toks.partition_point(|t| t.span.start < m.span.start);
            let hi = toks
                .partition_point(|t| t.span.start < m.span.end)
                .min(k + 3);
            let from = (k.saturating_sub(20)..k)
                .rev()
                .find(|&j| {
                    matches!(&*toks[j].lower, "." | "!" | "?")
                        || text[toks[j].span.end..toks[j + 1].span.start].contains('\n')
                })
                .map_or(k.saturating_sub(20), |j| j + 1);
            for j in from..hi {
                if let Some((n, _)) = lex.roles.longest_at(&toks[j..hi.max(j)]) {
                    let role = ctx.role_words(j, n);
                    if !ctx.roles.iter().any(|(r, _)| *r == role) {
                        ctx.roles.push((role, e.name.clone()));
                    }
                    break;
                }
            }
        }
        ctx
    }

    pub(super) fn role_words(&self, j: usize, n: usize) -> String {
        let mut s = String::new();
        for t in &self.toks[j..j + n] {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&t.lower);
        }
        s
    }

    /// The person a role stands for, else the role's words as written.
    pub(super) fn role(&self, span: Span, head: String) -> Speaker {
        let words = span.of(self.text).to_lowercase();
        let name = self
            .roles
            .iter()
            .find(|(r, _)| *r == words)
            .or_else(|| {
                let mut hits = self
                    .roles
                    .iter()
                    .filter(|(r, _)| *r == head || r.ends_with(&format!(" {head}")));
                let first = hits.next()?;
                hits.all(|(_, p)| *p == first.1).then_some(first)
            })
            .or_else(|| {
                let first = self.roles.first()?;
                self.roles
                    .iter()
                    .all(|(_, p)| *p == first.1)
                    .then_some(first)
            })
            .map_or_else(|| span.of(self.text).to_string(), |(_, p)| p.clone());
        Speaker {
            name,
            class: Class::Person,
            start: span.start,
        }
    }
}
