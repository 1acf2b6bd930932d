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

mod direct;
mod lexicon;
mod quotes;
mod reported;
mod roles;
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
use words::Tok;

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

/// A reporting verb found at a token: its token count and claim kind.
#[derive(Clone, Copy)]
struct Verb<'l> {
    at: usize,
    len: usize,
    kind: &'l str,
    /// Reports only with a "that" clause after it (or the speaker after the statement).
    needs_that: bool,
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
        let (kind, needs_that) = match kind.split_once(' ') {
            Some((k, rest)) => (k, rest.trim() == "that"),
            None => (kind, false),
        };
        Some(Verb {
            at: i,
            len,
            kind,
            needs_that,
        })
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
