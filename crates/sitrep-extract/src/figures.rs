//! Figures: the quantities of things a report states, as contract [`Figure`]s.
//!
//! Takes an [`Analysis`] (its quantities from `sitrep_analyse::numbers` and dates from
//! `sitrep_analyse::dates`, resolved against the publication date) and, optionally, place
//! mentions from the entity recogniser ([`PlaceHint`]). Gives every quantity of things
//! (people, operations, incidents, money, volumes, percentages) with its counted phrase
//! (`measure`: the noun phrase after the number, "of" phrases after percentages and units, or
//! the phrase before "of"/"worth"/"stands at" when nothing follows), qualifier, unit, period
//! (a date or year in the same sentence) and place; and, for the consistency checks of
//! [`crate::checks`], how the figures relate: a part of a whole ("including 58 Afghans",
//! "4,355 of 8,011", "of the 3,984 incidents, 2,809"), a restatement (", or 69 per cent"), a
//! percentage's base ("38 per cent of them") and breakdown lists ("311 soldiers, 221
//! policemen and 52 others"). Dates, years, ages, ordinals, times, numbers inside names and
//! numbers in removed text are not figures. The words are knowledge, in `data/figures.txt`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use sitrep_analyse::dates::{DateExpr, find_dates_in};
use sitrep_analyse::numbers::{Quantity, Unit, find_quantities, number_word};
use sitrep_analyse::{Analysis, TokenKind};
use sitrep_model::record::{Claim, Figure};
use sitrep_model::{CharIndex, Span};

/// A place mention the entity recogniser found: where, and the place's canonical name.
#[derive(Clone, Copy, Debug)]
pub struct PlaceHint<'a> {
    /// The mention's bytes in the document text.
    pub span: Span,
    /// The place's canonical name.
    pub name: &'a str,
}

/// How a figure is a part of another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartVia {
    /// "769 terrorists, including 58 Afghans", "5,104 incidents, of which 3,522".
    Including,
    /// "4,355 of 8,011", "31 out of 48".
    OfNumber,
    /// "of the 3,984 incidents nationwide, 2,809 were in KP".
    OfThe,
}

/// One figure with what the checks need to know about it.
#[derive(Clone, Debug)]
pub struct Found {
    /// The quantity.
    pub q: Quantity,
    /// Index of the sentence holding it.
    pub sentence: Option<usize>,
    /// The counted phrase, as written.
    pub measure: Option<String>,
    /// The head word of a partitive "of the operations" after the number, lower case.
    pub partitive: Option<String>,
    /// The whole this figure is a part of, and how.
    pub part_of: Option<(usize, PartVia)>,
    /// The figure this one states again in other terms (", or 69 per cent").
    pub restates: Option<usize>,
    /// For a percentage: the figure it is a percentage of ("38 per cent of them").
    pub base: Option<usize>,
    /// The figure before this one in a list ("311 soldiers, 221 policemen and 52 others").
    pub list_prev: Option<usize>,
    /// True when the list member opens with a breakdown word after its whole ("– 311").
    pub opens_breakdown: bool,
    /// True when this figure closes a breakdown ("the remaining Rs 25 billion").
    pub closes: bool,
    /// True when it closes it with "the remaining" or "the rest": a total stated before.
    pub closes_remaining: bool,
}

/// The figures of a document: the records and, index for index, what the checks use.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// The contract records.
    pub records: Vec<Figure>,
    /// The same figures with their relations.
    pub found: Vec<Found>,
}

struct Words {
    stop: HashSet<&'static str>,
    of_heads: HashSet<&'static str>,
    links_before: HashSet<&'static str>,
    link_verbs: HashSet<&'static str>,
    heads_before: HashSet<&'static str>,
    modifiers: HashSet<&'static str>,
    part_before: Vec<&'static str>,
    part_after: Vec<&'static str>,
    breakdown_open: Vec<&'static str>,
    breakdown_close: HashSet<&'static str>,
    breakdown_continue: Vec<&'static str>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut sections: std::collections::HashMap<&str, Vec<&'static str>> = Default::default();
        let mut section = "";
        for line in include_str!("../data/figures.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') && line.ends_with(']') {
                section = &line[1..line.len() - 1];
                continue;
            }
            sections.entry(section).or_default().push(line);
        }
        let list = |n: &str| sections.get(n).cloned().unwrap_or_default();
        let set = |n: &str| list(n).into_iter().collect::<HashSet<_>>();
        Words {
            stop: set("stop"),
            of_heads: set("of_heads"),
            links_before: set("links_before"),
            link_verbs: set("link_verbs"),
            heads_before: set("heads_before"),
            modifiers: set("modifiers"),
            part_before: list("part_before"),
            part_after: list("part_after"),
            breakdown_open: list("breakdown_open"),
            breakdown_close: set("breakdown_close"),
            breakdown_continue: list("breakdown_continue"),
        }
    })
}

/// The slice of `text` from `at - back` (at a character boundary) to `at`.
fn before_at(text: &str, at: usize, back: usize) -> &str {
    let mut s = at.saturating_sub(back);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    &text[s..at]
}

/// The slice of `text` from `at` to `at + ahead` (at a character boundary), not past `limit`.
fn after_at(text: &str, at: usize, ahead: usize, limit: usize) -> &str {
    let mut e = (at + ahead).min(limit).min(text.len()).max(at);
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[at..e]
}

/// `s` in lower case, borrowed when it already is.
fn low(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|c| c.is_ascii_uppercase() || c >= 0x80) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Lower case, straight dashes, single spaces.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// "Havildar Mumtaz Hussain, 39, a resident of", "Gul Jan (45)": an age set after a name.
fn age_after_name(text: &str, q: &Quantity) -> bool {
    if q.words || q.unit != Unit::Count || q.value.is_none_or(|v| v.fract() != 0.0 || v > 120.0) {
        return false;
    }
    let before = text[..q.span.start].trim_end();
    let after = text[q.span.end..].trim_start();
    let (open, close): (&str, &[char]) = if let Some(b) = before.strip_suffix(',') {
        (b, &[',', ';'])
    } else if let Some(b) = before.strip_suffix('(') {
        (b, &[')'])
    } else {
        return false;
    };
    let name_before = open
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    name_before && after.starts_with(close)
}

/// Adjective-like endings kept before a head noun ("operational strength", "military
/// equipment", "Afghan nationals").
fn adjective_like(w: &str) -> bool {
    [
        "al", "ary", "ive", "ic", "ical", "ous", "ful", "able", "ible", "ant", "ent", "ese", "ian",
        "an", "ani", "ed", "based", "led",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

fn plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
}

struct Ctx<'a, 'd> {
    a: &'a Analysis<'d>,
    text: &'d str,
    w: &'static Words,
}

impl Ctx<'_, '_> {
    fn tok(&self, k: usize) -> Option<(TokenKind, &str, Span)> {
        self.a
            .tokens
            .get(k)
            .map(|t| (t.kind, t.span.of(self.text), t.span))
    }

    fn lower(&self, k: usize) -> Cow<'_, str> {
        self.tok(k).map_or(Cow::Borrowed(""), |t| low(t.1))
    }

    /// Index of the last token ending at or before byte `at`.
    fn token_before(&self, at: usize) -> Option<usize> {
        let k = self.a.token_at(at);
        (k > 0).then(|| k - 1)
    }

    fn in_sentence(&self, k: usize, sentence: Option<Span>) -> bool {
        match (self.a.tokens.get(k), sentence) {
            (Some(t), Some(s)) => t.span.start >= s.start && t.span.end <= s.end,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// The noun phrase starting at token `k`: its span.
    fn np_after(&self, mut k: usize, sentence: Option<Span>) -> Option<Span> {
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
    fn np_before(&self, k: usize) -> Option<Span> {
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
    fn head_before(&self, k: usize, sentence: Option<Span>) -> Option<Span> {
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

/// Finds the figures of `analysis`. `places` are the place mentions the entity recogniser
/// found (may be empty); each figure takes the nearest one in its sentence.
pub fn extract(analysis: &Analysis, chars: &CharIndex, places: &[PlaceHint]) -> Figures {
    let doc = analysis.doc;
    let text = doc.text.as_str();
    let ctx = Ctx {
        a: analysis,
        text,
        w: words(),
    };
    let mixed = analysis.casing.is_mixed();
    let mut quantities: Vec<Quantity> = find_quantities(analysis)
        .into_iter()
        .filter(|q| q.is_figure() && q.best().is_some() && !(mixed && age_after_name(text, q)))
        .collect();
    if quantities.is_empty() {
        return Figures::default();
    }
    // Dates matter only in the sentences that hold figures.
    let mut sentences: Vec<Span> = quantities
        .iter()
        .filter_map(|q| analysis.sentence_at(q.core.start))
        .map(|i| analysis.sentences[i].span)
        .collect();
    sentences.dedup();
    let dates = find_dates_in(analysis, doc.published, &sentences);
    quantities.retain(|q| !dates.iter().any(|d| d.span.overlaps(q.core)));
    let mut found: Vec<Found> = quantities
        .iter()
        .map(|q| {
            let sentence = analysis.sentence_at(q.core.start);
            let (measure, partitive) = measure_of(&ctx, q, sentence);
            Found {
                q: *q,
                sentence,
                measure: measure.map(|s| s.of(text).to_string()),
                partitive,
                part_of: None,
                restates: None,
                base: None,
                list_prev: None,
                opens_breakdown: false,
                closes: false,
                closes_remaining: false,
            }
        })
        .collect();
    relate(&ctx, &mut found);
    inherit_measures(&mut found);
    // Number words with nothing counted and no relation ("or six or seven") are not figures.
    let keep: Vec<bool> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let _ = i;
            !f.q.words || f.measure.is_some() || f.q.unit != Unit::Count
        })
        .collect();
    if keep.iter().any(|k| !k) {
        let mut map = vec![usize::MAX; found.len()];
        let mut n = 0;
        for (i, k) in keep.iter().enumerate() {
            if *k {
                map[i] = n;
                n += 1;
            }
        }
        let fix = |x: Option<usize>| x.and_then(|i| (map[i] != usize::MAX).then(|| map[i]));
        found = found
            .into_iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(mut f, _)| {
                f.part_of = f.part_of.and_then(|(i, v)| fix(Some(i)).map(|i| (i, v)));
                f.restates = fix(f.restates);
                f.base = fix(f.base);
                f.list_prev = fix(f.list_prev);
                f
            })
            .collect();
    }
    let records = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let q = &f.q;
            // A place before the figure counts only when no figure stands between.
            let prev_end = if i > 0 && found[i - 1].sentence == f.sentence {
                usize::MAX
            } else {
                0
            };
            let next_start = found.get(i + 1).map_or(usize::MAX, |g| g.q.span.start);
            let ranged = q.low.is_some();
            Figure {
                value: if ranged { None } else { q.value },
                low: q.low,
                high: q.high,
                qualifier: q.qualifier.as_str().to_string(),
                unit: q.unit.code().to_string(),
                measure: f.measure.clone(),
                subject: None,
                place: nearest(
                    analysis,
                    q.core,
                    f.sentence,
                    (prev_end, next_start),
                    places
                        .iter()
                        .filter(|p| locative(text, p.span))
                        .map(|p| (p.span, p.name)),
                )
                .map(str::to_string),
                period: period_of(analysis, q.core, f.sentence, &dates),
                source: None,
                start: chars.char_offset(q.core.start),
                end: chars.char_offset(q.core.end),
                text: q.core.of(text).to_string(),
            }
        })
        .collect();
    Figures { records, found }
}

/// The counted phrase of `q` and the head of a partitive "of the X" after it.
fn measure_of(ctx: &Ctx, q: &Quantity, sentence: Option<usize>) -> (Option<Span>, Option<String>) {
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

/// The text between two figures, normalised.
fn between(text: &str, a: &Found, b: &Found) -> String {
    if a.q.span.end <= b.q.span.start {
        norm(&text[a.q.span.end..b.q.span.start])
    } else {
        String::new()
    }
}

fn same_class(a: &Quantity, b: &Quantity) -> bool {
    match (a.unit, b.unit) {
        (Unit::Percent, Unit::Percent) | (Unit::Count, Unit::Count) => true,
        (Unit::Currency(x), Unit::Currency(y)) | (Unit::Measure(x), Unit::Measure(y)) => x == y,
        _ => false,
    }
}

/// Finds the relations between the figures of one document.
fn relate(ctx: &Ctx, found: &mut [Found]) {
    let text = ctx.text;
    let w = ctx.w;
    let n = found.len();
    let same_sentence =
        |f: &[Found], i: usize, j: usize| f[i].sentence.is_some() && f[i].sentence == f[j].sentence;
    for i in 0..n {
        let prev = (i > 0 && same_sentence(found, i, i - 1)).then(|| i - 1);
        let gap_prev = prev.map(|p| between(text, &found[p], &found[i]));
        // The nearest earlier figure of the same class in the sentence.
        let whole_for = |f: &[Found], i: usize| {
            (0..i)
                .rev()
                .take_while(|&j| same_sentence(f, i, j))
                .find(|&j| same_class(&f[j].q, &f[i].q))
        };
        // "A of B", "A out of B".
        if i + 1 < n && same_sentence(found, i, i + 1) {
            let g = between(text, &found[i], &found[i + 1]);
            if matches!(
                g.as_str(),
                "of" | "of the" | "out of" | "out of the" | "of a total of" | "of some"
            ) && found[i].q.unit == Unit::Count
                && found[i + 1].q.unit == Unit::Count
            {
                found[i].part_of = Some((i + 1, PartVia::OfNumber));
            }
        }
        // "including 58", "of which 3,522".
        if found[i].part_of.is_none()
            && let Some(g) = &gap_prev
            && w.part_before.iter().any(|p| {
                g.ends_with(p)
                    && (g.len() == p.len()
                        || !g.as_bytes()[g.len() - p.len() - 1].is_ascii_alphabetic())
            })
            && let Some(j) = whole_for(found, i)
        {
            found[i].part_of = Some((j, PartVia::Including));
        }
        // "19 of whom".
        if found[i].part_of.is_none() && found[i].q.unit == Unit::Count {
            let after = norm(after_at(text, found[i].q.span.end, 16, text.len()));
            if w.part_after.iter().any(|p| after.starts_with(p))
                && let Some(j) = whole_for(found, i)
            {
                found[i].part_of = Some((j, PartVia::Including));
            }
        }
        // ", or 69 per cent", "(36pc)".
        if let (Some(p), Some(g)) = (prev, &gap_prev)
            && (g.ends_with(", or") || g.ends_with('('))
            && !g.contains(';')
        {
            // Restating "A of B": the part, not the whole.
            let target = (0..p)
                .rev()
                .find(|&a| found[a].part_of == Some((p, PartVia::OfNumber)))
                .unwrap_or(p);
            found[i].restates = Some(target);
        }
        // "of the 3,984 incidents nationwide this year, 2,809 were in KP".
        if found[i].part_of.is_none()
            && found[i].restates.is_none()
            && let (Some(p), Some(g)) = (prev, &gap_prev)
            && g.ends_with(',')
            && !g[..g.len() - 1].contains([',', ';', ':', '('])
            && found[i].q.unit == found[p].q.unit
            && found[p].q.unit == Unit::Count
        {
            let before_b = norm(before_at(text, found[p].q.span.start, 8));
            let a_bare = found[i].measure.is_none();
            if before_b.ends_with("of the") && a_bare {
                found[i].part_of = Some((p, PartVia::OfThe));
            }
        }
        // "38 per cent of them", "58 per cent of the annual target of Rs 93.5 billion".
        if found[i].q.unit == Unit::Percent {
            let after = norm(after_at(text, found[i].q.span.end, 14, text.len()));
            if ["of them", "of these", "of those", "of which", "of whom"]
                .iter()
                .any(|p| after.starts_with(p))
            {
                found[i].base = (0..i)
                    .rev()
                    .take_while(|&j| {
                        found[j].sentence.is_some()
                            && found[j].sentence >= found[i].sentence.map(|s| s.saturating_sub(1))
                    })
                    .find(|&j| found[j].q.unit != Unit::Percent);
            } else if i + 1 < n && same_sentence(found, i, i + 1) {
                let g = between(text, &found[i], &found[i + 1]);
                if g.starts_with("of")
                    && !g.contains([',', ';', '(', ':'])
                    && g.split(' ').count() <= 7
                {
                    found[i].base = Some(i + 1);
                }
            }
        }
        // Lists: "272 Army/FC personnel, 140 police and 165 civilians".
        let gap_list = gap_prev.as_ref().map(|g| {
            let mut g = g.as_str();
            while let Some((head, last)) = g.rsplit_once(' ') {
                if matches!(
                    last,
                    "the"
                        | "remaining"
                        | "rest"
                        | "another"
                        | "further"
                        | "additional"
                        | "other"
                        | "a"
                        | "an"
                ) {
                    g = head;
                } else {
                    break;
                }
            }
            g.to_string()
        });
        if let (Some(p), Some(g)) = (prev, &gap_list)
            && found[i].part_of.is_none()
            && found[i].restates.is_none()
            && same_class(&found[p].q, &found[i].q)
            && found[p].base != Some(i)
            && found[p].part_of.map(|x| x.0) != Some(i)
            && (g.ends_with(',')
                || g.ends_with(" and")
                || g == "and"
                || g.ends_with(" while")
                || g.ends_with("and the")
                || g.ends_with(", and"))
            && !g.contains(" - ")
            && !g.contains([':', ';', '(', ')'])
            && !g.contains(", or")
        {
            found[i].list_prev = Some(p);
        }
        // "Another Rs 18 billion": a breakdown going on from an earlier sentence.
        if found[i].list_prev.is_none() && i > 0 && same_class(&found[i - 1].q, &found[i].q) {
            let before = norm(before_at(text, found[i].q.span.start, 16));
            let cont = w.breakdown_continue.iter().any(|c| {
                before.ends_with(c)
                    && (before.len() == c.len()
                        || before.as_bytes()[before.len() - c.len() - 1] == b' ')
            });
            if cont && !same_sentence(found, i, i - 1) {
                found[i].list_prev = Some(i - 1);
            }
        }
        // A breakdown opened after its whole: "... martyred – 311 soldiers".
        if let Some(g) = &gap_prev {
            let t = g.trim_end();
            found[i].opens_breakdown = w.breakdown_open.iter().any(|o| {
                t.ends_with(o)
                    && (o.len() == 1
                        || t.len() == o.len()
                        || t.as_bytes()[t.len() - o.len() - 1] == b' ')
            });
        }
        // Closing a breakdown: "the remaining Rs 25 billion", "857 in the rest of the country".
        let before = norm(before_at(text, found[i].q.span.start, 16));
        let next_start = if i + 1 < n {
            found[i + 1].q.span.start
        } else {
            text.len()
        };
        let sent_end = found[i]
            .sentence
            .map_or(text.len(), |s| ctx.a.sentences[s].span.end);
        let after = norm(after_at(
            text,
            found[i].q.span.end,
            60,
            next_start.min(sent_end),
        ));
        // Only the figure's own phrase: up to the next clause or list member.
        let after = after
            .split([',', ';', ':', '('])
            .next()
            .unwrap_or("")
            .split(" and ")
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("")
            .split(" while ")
            .next()
            .unwrap_or("")
            .to_string();
        let before_last = before.rsplit(' ').next().unwrap_or("");
        let words_after = || after.split(|c: char| !c.is_alphanumeric());
        found[i].closes = w.breakdown_close.contains(before_last)
            || words_after().any(|x| w.breakdown_close.contains(x));
        let remaining = |x: &str| matches!(x, "remaining" | "rest" | "balance");
        found[i].closes_remaining = remaining(before_last) || words_after().any(remaining);
    }
}

/// Figures with no counted phrase take their relative's: a part its whole's, a restatement
/// what it restates, a list member the member before.
fn inherit_measures(found: &mut [Found]) {
    for _ in 0..3 {
        let mut changed = false;
        for i in 0..found.len() {
            if found[i].measure.is_some() {
                continue;
            }
            let has = |j: &usize| found[*j].measure.is_some() || found[*j].partitive.is_some();
            let from = found[i]
                .restates
                .filter(has)
                .or_else(|| (0..found.len()).find(|j| found[*j].restates == Some(i) && has(j)))
                .or(found[i].part_of.map(|p| p.0).filter(has))
                .or_else(|| {
                    (0..found.len())
                        .find(|j| found[*j].part_of == Some((i, PartVia::OfNumber)) && has(j))
                })
                .or(found[i].list_prev.filter(has));
            if let Some(j) = from {
                found[i].measure = found[j]
                    .measure
                    .clone()
                    .or_else(|| found[j].partitive.clone());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// A place named as where something is: "in KP", "across Balochistan", "near Quetta".
fn locative(text: &str, place: Span) -> bool {
    let before = norm(before_at(text, place.start, 20));
    let before = before.strip_suffix(" the").unwrap_or(&before);
    [
        "in",
        "across",
        "at",
        "near",
        "throughout",
        "from",
        "within",
        "inside",
    ]
    .iter()
    .any(|p| before == *p || before.ends_with(&format!(" {p}")))
}

/// The nearest of `items` to `at` in the same sentence, preferring one just after.
fn nearest<'p>(
    a: &Analysis,
    at: Span,
    sentence: Option<usize>,
    bounds: (usize, usize),
    items: impl Iterator<Item = (Span, &'p str)>,
) -> Option<&'p str> {
    let s = a.sentences.get(sentence?)?.span;
    let (prev_end, next_start) = bounds;
    let items: Vec<_> = items
        .filter(|(sp, _)| sp.start >= s.start && sp.end <= s.end && !sp.overlaps(at))
        .collect();
    // Its own phrase first ("53,309 in Balochistan"), then before it when it opens the
    // sentence's figures ("In Balochistan alone, 1,012").
    items
        .iter()
        .filter(|(sp, _)| sp.start >= at.end && sp.start < next_start)
        .min_by_key(|(sp, _)| sp.start)
        .or_else(|| {
            items
                .iter()
                .filter(|(sp, _)| sp.end <= at.start && sp.start >= prev_end)
                .max_by_key(|(sp, _)| sp.end)
        })
        .map(|(_, n)| *n)
}

/// The period of a figure: the nearest date expression in its sentence, a year for a whole
/// or running year ("in 2024", "this year"), a month for a whole or running month.
fn period_of(
    a: &Analysis,
    at: Span,
    sentence: Option<usize>,
    dates: &[DateExpr],
) -> Option<String> {
    let s = a.sentences.get(sentence?)?.span;
    let text = a.text();
    // "the spokesman said on Tuesday": when the figure was stated, not its period.
    let statement_date = |d: &DateExpr| {
        let before = norm(before_at(text, d.span.start, 28));
        [
            "said",
            "told",
            "added",
            "stated",
            "announced",
            "noted",
            "claimed",
            "reporters",
            "journalists",
        ]
        .iter()
        .any(|v| before.ends_with(&format!("{v} on")) || before.ends_with(v))
    };
    let d = dates
        .iter()
        .filter(|d| d.span.start >= s.start && d.span.end <= s.end && !statement_date(d))
        .min_by_key(|d| {
            if d.span.start >= at.end {
                (d.span.start - at.end) * 2 / 3
            } else {
                at.start.saturating_sub(d.span.end)
            }
        })?;
    use chrono::Datelike;
    match (d.start, d.end) {
        (Some(st), Some(en))
            if st.year() == en.year()
                && st.month() == 1
                && st.day() == 1
                && (en.month() > 1 || en.day() > 27) =>
        {
            Some(st.year().to_string())
        }
        (Some(st), Some(en))
            if st.year() == en.year() && st.month() == en.month() && st.day() == 1 && st != en =>
        {
            Some(format!("{:04}-{:02}", st.year(), st.month()))
        }
        _ => Some(d.period()),
    }
}

/// Names the speaker of the claim each figure sits in as the figure's source, and lists the
/// figures inside each claim (character offsets).
pub fn attach_sources(figures: &mut [Figure], claims: &mut [Claim]) {
    for c in claims.iter_mut() {
        for (i, f) in figures.iter_mut().enumerate() {
            if f.start >= c.start && f.end <= c.end {
                if f.source.is_none() {
                    f.source = Some(c.speaker.clone());
                }
                if !c.figures.contains(&i) {
                    c.figures.push(i);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use sitrep_model::{DateOrigin, Document, Origin, SourceFormat};

    fn doc(text: &str, published: Option<&str>) -> Document {
        Document {
            id: "t".into(),
            url: None,
            source: None,
            title: None,
            published: published.map(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
            published_from: DateOrigin::Record,
            text: text.into(),
            removed: vec![],
            content_hash: String::new(),
            origin: Origin {
                input: "-".into(),
                line: None,
                format: SourceFormat::Text,
            },
        }
    }

    pub(crate) fn figures_of(text: &str, published: Option<&str>) -> Figures {
        let d = doc(text, published);
        let a = Analysis::new(&d);
        let chars = CharIndex::new(&d.text);
        extract(&a, &chars, &[])
    }

    fn summary(text: &str) -> Vec<(f64, String)> {
        figures_of(text, Some("2025-06-30"))
            .records
            .into_iter()
            .map(|f| (f.value.or(f.low).unwrap(), f.measure.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn measures_after_the_number() {
        assert_eq!(
            summary(
                "Police said 1,204 search operations were held in Swat in 2023, killing 61 militants, including 9 foreigners."
            ),
            vec![
                (1204.0, "search operations".into()),
                (61.0, "militants".into()),
                (9.0, "foreigners".into())
            ]
        );
        assert_eq!(
            summary("In the raids 41 Levies/FC troops, 17 police and 12 civilians were hurt."),
            vec![
                (41.0, "Levies/FC troops".into()),
                (17.0, "police".into()),
                (12.0, "civilians".into())
            ]
        );
        assert_eq!(
            summary("Over 300 Taliban and allied fighters were seen."),
            vec![(300.0, "Taliban and allied fighters".into())]
        );
        assert_eq!(
            summary("Nearly 12 million litres of smuggled diesel and petrol were seized."),
            vec![(12e6, "litres of smuggled diesel and petrol".into())]
        );
        assert_eq!(
            summary("The court handed down zero acquittals, with 11 cases still pending."),
            vec![(0.0, "acquittals".into()), (11.0, "cases".into())]
        );
    }

    #[test]
    fn measures_before_the_number() {
        assert_eq!(
            summary("The unit had a total operational strength of merely 1,150."),
            vec![(1150.0, "operational strength".into())]
        );
        assert_eq!(
            summary("Smugglers earn revenue of 3-4 million rupees per truck."),
            vec![(3e6, "revenue".into())]
        );
        assert_eq!(
            summary("It left behind military equipment worth $2.1 billion."),
            vec![(2.1e9, "military equipment".into())]
        );
        assert_eq!(
            summary("The death toll from the blast in Bannu rose to 19 on Sunday."),
            vec![(19.0, "death toll".into())]
        );
        assert_eq!(
            summary("The force's sanctioned strength stands at 5,400."),
            vec![(5400.0, "sanctioned strength".into())]
        );
    }

    #[test]
    fn percentages_take_their_of_phrase() {
        let f = summary("Only 61.2% of seminaries, or 2,140 of 3.497, have registered.");
        assert_eq!(
            f,
            vec![
                (61.2, "seminaries".into()),
                (2140.0, "seminaries".into()),
                (3497.0, "seminaries".into())
            ]
        );
    }

    #[test]
    fn not_figures() {
        let f = summary(
            "On 3 May 2024 the 2nd battalion of Operation Zarb-2 met at 10:30 near Route 9; \
             a 44-year-old man and the 1988 committee, since 2019, over two decades, zero tolerance.",
        );
        assert!(f.is_empty(), "{f:?}");
        let f = summary("Six or seven or eight of them came.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn periods_and_places() {
        let d = doc(
            "Forces carried out 2,310 raids in Kurram in 2024. This year 640 raids took place.",
            Some("2025-06-30"),
        );
        let a = Analysis::new(&d);
        let chars = CharIndex::new(&d.text);
        let at = d.text.find("Kurram").unwrap();
        let places = [PlaceHint {
            span: Span::new(at, at + 6),
            name: "Kurram District",
        }];
        let f = extract(&a, &chars, &places).records;
        assert_eq!(f[0].period.as_deref(), Some("2024"));
        assert_eq!(f[0].place.as_deref(), Some("Kurram District"));
        assert_eq!(f[1].period.as_deref(), Some("2025"));
        assert_eq!(f[1].place, None);
        assert_eq!((f[0].start, f[0].end), (19, 24));
        assert_eq!(f[0].text, "2,310");
    }

    #[test]
    fn relations() {
        let f = figures_of(
            "Of the 620 attacks recorded this year, 410 were in the north. \
             Officials counted 88 raids, including 12 at night.",
            Some("2025-06-30"),
        )
        .found;
        assert_eq!(f[1].part_of, Some((0, PartVia::OfThe)));
        assert_eq!(f[1].measure.as_deref(), Some("attacks"));
        assert_eq!(f[3].part_of, Some((2, PartVia::Including)));
    }

    /// Random mixes of the pieces numbers and dates are made of: never a panic, every span on
    /// character boundaries, every check naming existing figures.
    #[test]
    fn never_panics() {
        let pieces = [
            "1,2",
            "14,535",
            "8.011",
            "1.8",
            "-",
            "–",
            " ",
            " ",
            " ",
            ",",
            ".",
            "of",
            "the",
            "million",
            "$",
            "Rs",
            "rs.",
            "’",
            "é",
            "2025",
            "May",
            "march",
            "11",
            "0700",
            ":",
            "30",
            "aged",
            "between",
            "and",
            "to",
            "or",
            "%",
            "per cent",
            "including",
            "of whom",
            "remaining",
            "another",
            "at least",
            "more than",
            "two",
            "dozen",
            "a",
            "half",
            "hundreds",
            "last",
            "week",
            "ago",
            "days",
            "on",
            "Tuesday",
            "night",
            "mid",
            "(",
            ")",
            "\n",
            "Ṭānk",
            "999999999999",
            "+92",
            "No",
            "#",
            "/",
            "pc",
            "bn",
            "m",
            "k",
            "th",
            "s",
            "years",
            "old",
            "zero",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut total = 0;
        for _ in 0..3000 {
            let mut t = String::new();
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(x >> 59) + 8 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push_str(pieces[(x % pieces.len() as u64) as usize]);
                if x.is_multiple_of(3) {
                    t.push(' ');
                }
            }
            let f = figures_of(&t, Some("2025-06-30"));
            let n = t.chars().count();
            for r in &f.records {
                assert!(r.start <= r.end && r.end <= n, "{t:?}");
            }
            for c in crate::checks::check(&f.found, &f.records) {
                assert!(c.figures.iter().all(|&i| i < f.records.len()), "{t:?}");
            }
            total += f.records.len();
            let _ = figures_of(&t, None);
        }
        assert!(total > 1000, "{total}");
    }

    #[test]
    fn sources_from_claims() {
        let mut figs = figures_of("He said 40 shops were shut.", None).records;
        let mut claims = vec![Claim {
            speaker: "Trader".into(),
            cue: "said".into(),
            direct: false,
            text: "40 shops were shut".into(),
            start: 8,
            end: 26,
            kind: String::new(),
            about: vec![],
            figures: vec![],
        }];
        attach_sources(&mut figs, &mut claims);
        assert_eq!(figs[0].source.as_deref(), Some("Trader"));
        assert_eq!(claims[0].figures, vec![0]);
    }
}
