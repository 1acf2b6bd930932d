//! Claims: an [`Analysis`], the knowledge base and the document's [`Entities`] in, the
//! statements attributed to a speaker out ([`Claim`] records, character offsets).
//!
//! Two kinds of evidence, read in text order so pronouns and continuations can look back:
//! 1. [`quotes`]: direct quotations, attributed by a reporting verb after the closing mark
//!    ("“…,” he said", "“…,” said the minister") or before the opening one ("X said: “…”"),
//!    else to the speaker of the passage before (a quotation resumed after "he said", or
//!    continued in the next paragraph).
//! 2. Reported speech: a reporting verb from `kb/lexicons/reporting_verbs.txt` with a subject
//!    ([`speaker`]) gives the clause it reports ("X said that …", "…, X added", "according to
//!    X, …"). The verb's label is the claim kind.
//!
//! Speakers are entity names (offices already resolved to their holder), collective sources
//! from `kb/lexicons/collective_sources.txt` as written, or pronouns resolved to the last
//! speaker of the right sort.

mod lexicon;
mod quotes;
mod speaker;
mod words;

use sitrep_analyse::Analysis;
use sitrep_kb::KnowledgeBase;
use sitrep_model::record::Claim;
use sitrep_model::{CharIndex, Span};

use crate::entities::Entities;
use lexicon::Lexicon;
use quotes::Quote;
use speaker::{Ctx, Memory, Speaker};
use words::{Tok, is_complementiser};

/// A claim before conversion to character offsets.
struct Found {
    speaker: Speaker,
    cue: Span,
    kind: String,
    direct: bool,
    text: Span,
}

/// The claims of a document, in text order.
pub fn extract(a: &Analysis, kb: &KnowledgeBase, ents: &Entities, chars: &CharIndex) -> Vec<Claim> {
    let lex = lexicon::of(kb);
    if lex.verbs.is_empty() {
        return Vec::new();
    }
    let toks = words::tokens(a);
    let quotes = quotes::find(a.doc);
    let ctx = Ctx::new(&toks, a.text(), ents, &lex);
    let mut r = Reader {
        a,
        toks: &toks,
        ctx: &ctx,
        lex: &lex,
        quotes: &quotes,
        mem: Memory::default(),
        used: Vec::new(),
        out: Vec::new(),
    };
    r.run();
    let text = a.text();
    r.out
        .into_iter()
        .map(|f| {
            let about = about(ents, f.text, &f.speaker.name);
            Claim {
                speaker: f.speaker.name,
                cue: f.cue.of(text).to_lowercase(),
                direct: f.direct,
                text: f.text.of(text).to_string(),
                start: chars.char_offset(f.text.start),
                end: chars.char_offset(f.text.end),
                kind: f.kind,
                about,
                figures: Vec::new(),
            }
        })
        .collect()
}

fn about(ents: &Entities, span: Span, speaker: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in ents.within(span) {
        let name = &ents.entity(m).name;
        if name != speaker && !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}

struct Reader<'r, 'a> {
    a: &'r Analysis<'a>,
    toks: &'r [Tok<'a>],
    lex: &'r Lexicon,
    ctx: &'r Ctx<'r, 'a>,
    quotes: &'r [Quote],
    mem: Memory,
    /// Verb tokens already used to attribute a quotation.
    used: Vec<usize>,
    out: Vec<Found>,
}

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

/// A reporting verb found at a token: its token count and claim kind.
#[derive(Clone, Copy)]
struct Verb<'l> {
    at: usize,
    len: usize,
    kind: &'l str,
}

impl<'r> Reader<'r, '_> {
    fn run(&mut self) {
        let mut q = 0;
        for s in 0..self.a.sentences.len() {
            let span = self.a.sentences[s].span;
            while q < self.quotes.len() && self.quotes[q].outer.start < span.end {
                self.quote(q);
                q += 1;
            }
            self.reported(span);
        }
        while q < self.quotes.len() {
            self.quote(q);
            q += 1;
        }
    }

    fn inside_quote(&self, at: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.outer.end <= at);
        self.quotes.get(i).is_some_and(|q| q.outer.start <= at)
    }

    /// Index of the first token starting at or after byte `at`.
    fn tok_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    /// Token index range of a byte span.
    fn tok_range(&self, span: Span) -> (usize, usize) {
        (self.tok_at(span.start), self.tok_at(span.end))
    }

    fn verb_at(&self, i: usize, hi: usize) -> Option<Verb<'r>> {
        let t = &self.toks[i];
        if !t.word {
            return None;
        }
        let lex: &'r Lexicon = self.lex;
        let (len, kind) = lex.verbs.longest_at(&self.toks[i..hi])?;
        Some(Verb { at: i, len, kind })
    }

    fn quote(&mut self, qi: usize) {
        let q = self.quotes[qi];
        let (qlo, qhi) = self.tok_range(q.inner);
        let words = self.toks[qlo..qhi].iter().filter(|t| t.word).count();
        if words < 4 {
            return;
        }
        let text = self.a.text();
        // After the closing mark, within the sentence: "…,” he said." / "…,” said X."
        let mut found: Option<(Speaker, Span, &str)> = None;
        let after_lo = self.tok_at(q.outer.end);
        let sent_end = self
            .a
            .sentence_at(q.outer.end.saturating_sub(1).max(q.inner.end))
            .map_or(after_lo, |s| self.tok_at(self.a.sentences[s].span.end));
        let next_quote = self
            .quotes
            .get(qi + 1)
            .map_or(usize::MAX, |n| n.outer.start);
        let hi = sent_end.min(after_lo + 8).min(self.tok_at(next_quote));
        for i in after_lo..hi {
            if let Some(v) = self.verb_at(i, hi) {
                let sp = speaker::before(self.ctx, after_lo, i, &self.mem)
                    .or_else(|| speaker::after(self.ctx, i + v.len, hi, &self.mem));
                if let Some(sp) = sp {
                    let cue = Span::new(self.toks[i].span.start, self.toks[i + v.len - 1].span.end);
                    let kind = v.kind;
                    self.used.push(i);
                    found = Some((sp, cue, kind));
                }
                break;
            }
        }
        // Before the opening mark: "X said: “…" / "X said that “…".
        if found.is_none() {
            let s_start = self
                .a
                .sentence_at(q.outer.start)
                .map_or(q.outer.start, |s| self.a.sentences[s].span.start);
            let lo = self
                .tok_at(s_start)
                .max(self.tok_at(self.quotes[..qi].last().map_or(0, |p| p.outer.end)));
            let open = self.tok_at(q.outer.start);
            for i in (lo..open).rev().take(8) {
                if let Some(v) = self.verb_at(i, open) {
                    if let Some(sp) = speaker::before(self.ctx, lo, i, &self.mem) {
                        let cue =
                            Span::new(self.toks[i].span.start, self.toks[i + v.len - 1].span.end);
                        found = Some((sp, cue, v.kind));
                        self.used.push(i);
                    }
                    break;
                }
            }
        }
        let (speaker, cue, kind) = match found {
            Some((s, c, k)) => (s, c, k.to_string()),
            None => match (&self.mem.last, self.out.last()) {
                (Some(s), Some(prev)) => (s.clone(), prev.cue, prev.kind.clone()),
                _ => return,
            },
        };
        self.mem.said(&speaker);
        let span = trim(text, q.inner);
        self.out.push(Found {
            speaker,
            cue,
            kind,
            direct: true,
            text: span,
        });
    }

    /// Reported speech in one sentence.
    fn reported(&mut self, sentence: Span) {
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
            if found.last().is_some_and(|a| matches!(a.complement, Complement::After(_))) {
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
        {
            if p == 0 || !self.toks[from..from + p].iter().any(|t| t.lower == ",") {
                from += p + 1;
            }
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

/// Trims white space, quote marks and trailing commas from a span.
fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let junk = |c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '”' | ',' | ':' | ';' | '-' | '—' | '–')
    };
    let start_trim = s.len() - s.trim_start_matches(junk).len();
    let t = s.trim_start_matches(junk).trim_end_matches(junk);
    Span::new(span.start + start_trim, span.start + start_trim + t.len())
}

#[cfg(test)]
mod tests;
