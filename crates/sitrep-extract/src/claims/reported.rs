//! Reported speech: a reporting verb with a subject in a sentence gives the clause it
//! reports ("X said that …", "…, X added", "…, said X", "according to X, …"). A report nested in
//! a clause already reported belongs to the outer speaker.

use sitrep_model::Span;

use super::speaker::Speaker;
use super::words::is_complementiser;
use super::{Found, Reader, Verb, speaker, trim};

/// A reporting verb with its speaker and where the reported clause is.
#[derive(Clone)]
struct Attribution<'l> {
    speaker: Speaker,
    cue: Span,
    kind: &'l str,
    complement: Complement,
}

/// Where a reported clause is.
#[derive(Clone, Copy)]
enum Complement {
    /// From this token to the end of the sentence (or the next attribution).
    After(usize),
    /// This span, before the speaker.
    Before(Span),
    /// Nowhere: the verb reports nothing here.
    None,
}

impl<'r> Reader<'r, '_> {
    /// Reported speech in one sentence.
    pub(super) fn reported(&mut self, sentence: Span) {
        let (lo, hi) = self.tok_range(sentence);
        let mut found: Vec<Attribution> = Vec::new();
        let mut i = lo;
        while i < hi {
            if self.inside_quote(self.toks[i].span.start) || self.used.contains(&i) {
                i += 1;
                continue;
            }
            if self.toks[i].lower == "according"
                && self.toks.get(i + 1).is_some_and(|t| t.lower == "to")
            {
                self.according(i, lo, hi);
                i += 2;
                continue;
            }
            let Some(v) = self.verb_at(i, hi) else {
                i += 1;
                continue;
            };
            i += v.len;
            // A report nested in a clause already reported belongs to the outer speaker.
            if found
                .last()
                .is_some_and(|a| matches!(a.complement, Complement::After(_)))
            {
                continue;
            }
            if let Some(a) = self.attribution(v, lo, hi) {
                self.mem.said(&a.speaker);
                found.push(a);
            }
        }
        let text = self.a.text();
        for k in 0..found.len() {
            let end = found
                .get(k + 1)
                .map_or(sentence.end, |n| n.speaker.start.min(n.cue.start));
            let a = &found[k];
            let span = match a.complement {
                Complement::After(from) if self.toks[from].span.start < end => {
                    Span::new(self.toks[from].span.start, end)
                }
                Complement::Before(span) => span,
                _ => continue,
            };
            let span = trim(text, span);
            if self.toks_in(span) >= 3 {
                let a = found[k].clone();
                self.out.push(Found {
                    speaker: a.speaker,
                    cue: a.cue,
                    kind: a.kind.to_string(),
                    direct: false,
                    text: span,
                });
            }
        }
    }

    fn toks_in(&self, span: Span) -> usize {
        let (a, b) = self.tok_range(span);
        self.toks[a..b].iter().filter(|t| t.word).count()
    }

    /// The speaker and the reported clause of a reporting verb in sentence tokens `lo..hi`.
    fn attribution(&self, v: Verb<'r>, lo: usize, hi: usize) -> Option<Attribution<'r>> {
        let (at, len) = (v.at, v.len);
        // Passive agent, participle or a preposition: "was dismissed by", "accused of",
        // "agreed on".
        if self
            .toks
            .get(at + len)
            .is_some_and(|t| matches!(&*t.lower, "by" | "of" | "as" | "on" | "with"))
        {
            return None;
        }
        let clause = (lo..at)
            .rev()
            .find(|&k| {
                matches!(&*self.toks[k].lower, "," | ";" | ":" | "(" | "\"" | "-")
                    || self.inside_quote(self.toks[k].span.start)
            })
            .map_or(lo, |k| k + 1);
        let narrow = speaker::before(self.ctx, clause, at, &self.mem);
        let (sp, after_comma) = match narrow {
            Some(s) => (Some(s), clause > lo),
            None if clause > lo => (speaker::before(self.ctx, lo, at, &self.mem), false),
            None => (None, false),
        };
        let cue = Span::new(self.toks[at].span.start, self.toks[at + len - 1].span.end);
        // "…, said the minister."
        let (speaker, inverted) = match sp {
            Some(s) => (s, false),
            None if clause == at => (speaker::after(self.ctx, at + len, hi, &self.mem)?, true),
            None => return None,
        };
        let mut from = at + len;
        if inverted {
            from = self.toks[from..hi]
                .iter()
                .position(|t| !t.word)
                .map_or(hi, |p| from + p);
        }
        // Skip an addressee or time before "that": "told reporters on Monday that".
        if let Some(p) = self.toks[from..hi.min(from + 8)]
            .iter()
            .position(|t| t.lower == "that")
            && (p == 0 || !self.toks[from..from + p].iter().any(|t| t.lower == ","))
        {
            from += p + 1;
        }
        while from < hi && is_complementiser(&self.toks[from].lower) {
            from += 1;
        }
        let rest = self.toks[from..hi].iter().filter(|t| t.word).count();
        let complement = if rest >= 4 {
            Complement::After(from)
        } else if (after_comma || inverted) && clause > lo + 3 {
            // "…, X added." The clause before the comma.
            let end = if inverted { at } else { clause - 1 };
            Complement::Before(Span::new(
                self.toks[lo].span.start,
                self.toks[end.max(lo + 1) - 1].span.end,
            ))
        } else {
            Complement::None
        };
        let that = self.toks.get(at + len).is_some_and(|t| t.lower == "that");
        if v.needs_that && !that && matches!(complement, Complement::After(_)) {
            return None;
        }
        Some(Attribution {
            speaker,
            cue,
            kind: v.kind,
            complement,
        })
    }

    /// "according to X, …" and "…, according to X."
    fn according(&mut self, at: usize, lo: usize, hi: usize) {
        let text = self.a.text();
        let Some(sp) = speaker::after(self.ctx, at + 2, hi, &self.mem) else {
            return;
        };
        let cue = Span::new(self.toks[at].span.start, self.toks[at + 1].span.end);
        let comma = self.toks[at + 2..hi]
            .iter()
            .position(|t| t.lower == ",")
            .map(|p| at + 2 + p);
        let span = if at > lo + 3 {
            Span::new(self.toks[lo].span.start, self.toks[at - 1].span.end)
        } else if let Some(c) = comma.filter(|&c| c + 4 < hi) {
            Span::new(self.toks[c + 1].span.start, self.toks[hi - 1].span.end)
        } else {
            return;
        };
        self.mem.said(&sp);
        let span = trim(text, span);
        if !span.is_empty() {
            self.out.push(Found {
                speaker: sp,
                cue,
                kind: "assertion".into(),
                direct: false,
                text: span,
            });
        }
    }
}
