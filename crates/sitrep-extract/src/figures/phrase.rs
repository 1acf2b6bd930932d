//! Counted phrases: the noun phrase after a number, the phrase before "of"/"worth", and
//! the measure of each quantity.
//!
//! Takes the token context ([`Ctx`]) and a quantity; gives the span of its measure and the
//! head of a partitive "of the X".

use std::borrow::Cow;

use sitrep_analyse::TokenKind;
use sitrep_analyse::numbers::{Quantity, Unit, number_word};
use sitrep_model::Span;

use super::Ctx;
use super::text::{adjective_like, low, plural};

impl Ctx<'_, '_> {
    pub(super) fn tok(&self, k: usize) -> Option<(TokenKind, &str, Span)> {
        self.a
            .tokens
            .get(k)
            .map(|t| (t.kind, t.span.of(self.text), t.span))
    }

    pub(super) fn lower(&self, k: usize) -> Cow<'_, str> {
        self.tok(k).map_or(Cow::Borrowed(""), |t| low(t.1))
    }

    /// Index of the last token ending at or before byte `at`.
    pub(super) fn token_before(&self, at: usize) -> Option<usize> {
        let k = self.a.token_at(at);
        (k > 0).then(|| k - 1)
    }

    pub(super) fn in_sentence(&self, k: usize, sentence: Option<Span>) -> bool {
        match (self.a.tokens.get(k), sentence) {
            (Some(t), Some(s)) => t.span.start >= s.start && t.span.end <= s.end,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// The noun phrase starting at token `k`: its span.
    pub(super) fn np_after(&self, mut k: usize, sentence: Option<Span>) -> Option<Span> {
        let w = self.w;
        let mut first: Option<Span> = None;
        let mut last: Option<Span> = None;
        let mut last_word = String::new();
        let mut prev_last: Option<Span> = None;
        let mut n = 0;
        let mut last_before: Option<Span>;
        while n < 7 && self.in_sentence(k, sentence) {
            let Some((kind, s, span)) = self.tok(k) else {
                break;
            };
            match kind {
                TokenKind::Number => break,
                TokenKind::Punct => {
                    let joined_next = self
                        .a
                        .tokens
                        .get(k + 1)
                        .is_some_and(|t| t.span.start == span.end && t.kind == TokenKind::Word);
                    let abbrev = s == "."
                        && last.is_some_and(|l| l.end == span.start && l.len() == 1)
                        && (joined_next
                            || self.a.tokens.get(k + 1).is_some_and(|t| {
                                t.kind == TokenKind::Word
                                    && !w.stop.contains(self.lower(k + 1).as_ref())
                            }));
                    if (matches!(s, "/" | "&") && last.is_some() && joined_next) || abbrev {
                        k += 1;
                        continue;
                    }
                    break;
                }
                TokenKind::Word => {
                    let lw = low(s);
                    if (lw == "s" && last.is_none()) || number_word(&lw).is_some() {
                        break;
                    }
                    if w.stop.contains(lw.as_ref()) {
                        let next_ok = |j: usize| {
                            self.tok(j).is_some_and(|(kk, ns, _)| {
                                let nl = low(ns);
                                kk == TokenKind::Word
                                    && !w.stop.contains(nl.as_ref())
                                    && number_word(&nl).is_none()
                                    && !matches!(nl.as_ref(), "a" | "an")
                            }) && self.in_sentence(j, sentence)
                        };
                        if lw == "and" && last.is_some() && !plural(&last_word) && next_ok(k + 1) {
                            k += 1;
                            continue;
                        }
                        if lw == "of" && last.is_some() && w.of_heads.contains(last_word.as_str()) {
                            k += 1;
                            while matches!(self.lower(k).as_ref(), "the" | "its" | "their") {
                                k += 1;
                            }
                            if next_ok(k) {
                                continue;
                            }
                        }
                        break;
                    }
                    // A participle after a plural noun is a verb: "attacks carried out".
                    if n >= 1 && plural(&last_word) && lw.len() >= 4 && lw.ends_with("ed") {
                        break;
                    }
                    if first.is_none() {
                        first = Some(span);
                    }
                    last_before = last;
                    last = Some(span);
                    last_word = lw.into_owned();
                    n += 1;
                }
            }
            if kind == TokenKind::Word {
                prev_last = last_before;
            }
            k += 1;
        }
        // A participle after the noun is a verb: "attacks recorded", "troops deployed".
        if n >= 2 && last_word.len() >= 4 && last_word.ends_with("ed") {
            last = prev_last;
        }
        Some(Span::new(first?.start, last?.end))
    }

    /// A head noun with its modifiers, ending at token `k` and read backwards.
    pub(super) fn np_before(&self, k: usize) -> Option<Span> {
        let w = self.w;
        let (kind, s, span) = self.tok(k)?;
        let head = low(s);
        if kind != TokenKind::Word || w.stop.contains(head.as_ref()) || head.len() < 2 {
            return None;
        }
        let mut start = span.start;
        let mut j = k;
        let mut n = 0;
        while j > 0 && n < 2 {
            let Some((TokenKind::Word, ps, pspan)) = self.tok(j - 1) else {
                break;
            };
            let pl = low(ps);
            if w.stop.contains(pl.as_ref())
                || !(adjective_like(&pl) || w.modifiers.contains(pl.as_ref()))
            {
                break;
            }
            start = pspan.start;
            j -= 1;
            n += 1;
        }
        Some(Span::new(start, span.end))
    }

    /// A head noun of `heads_before` in the sentence before `k`: "the death toll ... rose to",
    /// or the noun after "number of".
    pub(super) fn head_before(&self, k: usize, sentence: Option<Span>) -> Option<Span> {
        let mut j = k;
        for _ in 0..40 {
            if j == 0 || !self.in_sentence(j - 1, sentence) {
                return None;
            }
            j -= 1;
            let lw = self.lower(j);
            if self.w.heads_before.contains(lw.as_ref()) {
                if matches!(lw.as_ref(), "number" | "total" | "count") && self.lower(j + 1) == "of"
                {
                    return self.np_after(j + 2, sentence);
                }
                return self.np_before(j);
            }
        }
        None
    }
}

/// The counted phrase of `q` and the head of a partitive "of the X" after it.
pub(super) fn measure_of(
    ctx: &Ctx,
    q: &Quantity,
    sentence: Option<usize>,
) -> (Option<Span>, Option<String>) {
    let sspan = sentence.map(|i| ctx.a.sentences[i].span);
    let w = ctx.w;
    let mut k = ctx.a.token_at(q.span.end);
    if ctx.lower(k) == "of" {
        let next = ctx.lower(k + 1);
        match q.unit {
            Unit::Measure(_) => {
                // "12 million litres of diesel": the unit word leads the measure.
                let unit_start = ctx
                    .token_before(q.span.end)
                    .and_then(|u| ctx.tok(u))
                    .map(|t| t.2.start);
                let mut j = k + 1;
                while matches!(ctx.lower(j).as_ref(), "the" | "its" | "their") {
                    j += 1;
                }
                if let (Some(us), Some(np)) = (unit_start, ctx.np_after(j, sspan)) {
                    return (Some(Span::new(us, np.end)), None);
                }
                k += 1;
            }
            Unit::Percent | Unit::Currency(_) => {
                k += 1;
                while matches!(
                    ctx.lower(k).as_ref(),
                    "the" | "all" | "its" | "their" | "his" | "her" | "these" | "those"
                ) {
                    k += 1;
                }
            }
            Unit::Count => {
                if matches!(next.as_ref(), "the" | "these" | "those" | "all") {
                    let np = ctx.np_after(k + 2, sspan);
                    let head = np.map(|s| {
                        let t = s.of(ctx.text).to_lowercase();
                        t.rsplit(' ').next().unwrap_or("").to_string()
                    });
                    return (np, head);
                }
                return (None, None);
            }
        }
    } else if ctx.lower(k) == "worth" && ctx.lower(k + 1) == "of" {
        k += 2;
    }
    if let Some(np) = ctx.np_after(k, sspan) {
        return (Some(np), None);
    }
    // Nothing after: a measure written before ("revenue of", "worth", "stands at").
    let Some(mut j) = ctx.token_before(q.span.start) else {
        return (None, None);
    };
    if !ctx.in_sentence(j, sspan) {
        return (None, None);
    }
    let link = ctx.lower(j);
    if !w.links_before.contains(link.as_ref()) {
        return (None, None);
    }
    let mut verbs = 0;
    while j > 0 && verbs < 3 && w.link_verbs.contains(ctx.lower(j - 1).as_ref()) {
        j -= 1;
        verbs += 1;
    }
    if verbs > 0 || matches!(link.as_ref(), "to" | "at" | "is" | "was" | "are" | "were") {
        // "the toll ... rose to 31": the subject may stand far before.
        if let Some(h) = ctx.head_before(j, sspan) {
            return (Some(h), None);
        }
    }
    if j == 0 {
        return (None, None);
    }
    let np = ctx.np_before(j - 1);
    // A noun right after a preposition is not the subject ("in Laki Marwat rose to").
    if let Some(np) = np {
        let first = ctx.a.token_at(np.start);
        if first > 0
            && matches!(
                ctx.lower(first - 1).as_ref(),
                "in" | "at" | "from" | "near" | "on" | "of" | "by" | "to" | "for" | "with"
            )
        {
            return (None, None);
        }
        if verbs == 0 && !matches!(link.as_ref(), "of" | "worth") {
            return (None, None);
        }
    }
    (np, None)
}
