//! Direct quotations: attributes each passage [`super::quotes`] found to a speaker, by a
//! reporting verb after the closing mark, before the opening one, or else to the speaker of
//! the passage before.

use sitrep_model::Span;

use super::speaker::{self, Speaker};
use super::{Found, Reader, trim};

impl Reader<'_, '_> {
    pub(super) fn quote(&mut self, qi: usize) {
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
            for i in (lo..open).rev().take(30) {
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
}
