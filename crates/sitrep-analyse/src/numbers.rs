//! Numbers: every number expression of a text, parsed into a [`Quantity`].
//!
//! Takes folded (lower-case) text, or an [`Analysis`] whose folded text it scans and whose
//! spans it maps back to the original. Gives, for each number expression, its value or range,
//! qualifier ("at least", "nearly"), unit (count, percent, currency, unit of measure), the
//! number of decimals stated, and its [`Kind`]: a quantity of things, or a year, date, time,
//! age, ordinal, duration, or a number inside a name ("Route 5", "Operation Radd-ul-Fitna-1").
//! Only [`Kind::Quantity`] is a figure; the rest are returned flagged so callers can tell.
//!
//! Handles digits with separators ("14,535", "1,50,000", and "8.011" read as 8,011 when it
//! counts things or stands as the whole of a smaller integer count, "4,355 of 8.011"),
//! decimals, number words ("twenty-one", "two dozen", "a million", "dozens" = 12), scales
//! (thousand, million, lakh, crore, "bn", glued "7.2bn"), ranges ("15 to 20 million",
//! "1.8-2.5 million", "between 15 and 20"), qualifiers, currencies and percentages. The words
//! are knowledge, kept in `data/numbers.txt`.

use sitrep_model::Span;

use crate::Analysis;
use crate::lexicon::{Lexicon, Map, lexicon};

/// How a number is bounded, as CONTRACT.md spells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// As stated.
    Exact,
    /// "at least".
    AtLeast,
    /// "more than", "over".
    MoreThan,
    /// "about", "nearly", "around".
    About,
    /// "up to", "as many as".
    UpTo,
    /// "less than", "under".
    LessThan,
}

impl Qualifier {
    /// The contract spelling: `exact`, `at_least`, `more_than`, `about`, `up_to`, `less_than`.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::About => "about",
            Qualifier::UpTo => "up_to",
            Qualifier::LessThan => "less_than",
        }
    }

    /// Parses the contract spelling.
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "at_least" => Qualifier::AtLeast,
            "more_than" => Qualifier::MoreThan,
            "about" => Qualifier::About,
            "up_to" => Qualifier::UpTo,
            "less_than" => Qualifier::LessThan,
            _ => return None,
        })
    }
}

/// What a quantity counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Things: people, operations, incidents.
    Count,
    /// A percentage.
    Percent,
    /// Money, with its ISO 4217 code ("PKR", "USD").
    Currency(&'static str),
    /// A unit of measure ("litre", "kg", "km").
    Measure(&'static str),
}

impl Unit {
    /// The contract spelling: `count`, `percent`, a currency code or a unit.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Currency(c) | Unit::Measure(c) => c,
        }
    }
}

/// What kind of number an expression is. Only [`Kind::Quantity`] is a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A quantity of things, money, a volume or a percentage.
    Quantity,
    /// A year ("in 2024", "the 1988 sanctions committee") or a decade ("the 1990s").
    Year,
    /// Part of a date ("11 October", "March 11", "2025-10-11").
    Date,
    /// A time of day ("10:30", "0700 hours", "4 pm").
    Time,
    /// An age ("aged 35", "a 12-year-old").
    Age,
    /// An ordinal ("2nd", "6th").
    Ordinal,
    /// A length of time ("two decades", "three days").
    Duration,
    /// A number inside a name or reference ("Route 5", "No. 1", "F-16", "resolution 1988").
    Name,
    /// A phone number.
    Phone,
    /// A code or identifier (leading zeros, versions, long digit strings).
    Code,
    /// A number inside a compound modifier ("a 15-member jirga").
    Modifier,
    /// An idiom ("zero tolerance").
    Idiom,
}

/// One number expression.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    /// The whole expression, qualifier included ("more than $7.2 billion").
    pub span: Span,
    /// The quantity without its qualifier: currency, numerals, scale, unit ("$7.2 billion").
    pub core: Span,
    /// The value; for a range, its midpoint.
    pub value: Option<f64>,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// The qualifier.
    pub qualifier: Qualifier,
    /// The unit.
    pub unit: Unit,
    /// What kind of number this is.
    pub kind: Kind,
    /// Decimals as written ("54.3" has 1): the stated precision.
    pub decimals: u8,
    /// Written in words ("seven", "two dozen").
    pub words: bool,
    /// A vague plural ("dozens", "hundreds of").
    pub vague: bool,
}

impl Quantity {
    /// True when this is a quantity of things (a figure), not a date, year, name...
    pub fn is_figure(&self) -> bool {
        self.kind == Kind::Quantity
    }

    /// The value, or the low end of a range.
    pub fn best(&self) -> Option<f64> {
        self.value.or(self.low)
    }
}

/// The value of a number word ("seven", "twenty", "dozen"), if `word` (lower case) is one.
pub fn number_word(word: &str) -> Option<f64> {
    let lex = lexicon();
    lex.words
        .get(word)
        .or_else(|| lex.multipliers.get(word))
        .or_else(|| lex.vague.get(word))
        .copied()
}

/// Every number expression of `analysis`, with spans in the original text; expressions inside
/// removed ranges are dropped.
pub fn find_quantities(analysis: &Analysis) -> Vec<Quantity> {
    let doc = analysis.doc;
    let folded = &analysis.folded;
    let original = doc.text.as_str();
    scan(&folded.text)
        .into_iter()
        .filter_map(|mut q| {
            q.span = folded.to_original(q.span, original);
            q.core = folded.to_original(q.core, original);
            (!doc.overlaps_removed(q.span)).then_some(q)
        })
        .collect()
}

/// Every number expression of a folded (lower-case) text; spans are offsets into `text`.
pub fn scan(text: &str) -> Vec<Quantity> {
    scan_range(text, Span::new(0, text.len()))
}

/// The number expressions that start inside `range` of a folded text. Context outside the
/// range (a qualifier before it, a unit after it) is still read.
pub fn scan_range(text: &str, range: Span) -> Vec<Quantity> {
    let mut s = Scanner {
        t: text,
        b: text.as_bytes(),
        lex: lexicon(),
        out: Vec::new(),
    };
    s.run(range.start, range.end.min(text.len()));
    s.out
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

fn is_letter(c: u8) -> bool {
    c.is_ascii_alphabetic() || c >= 0x80
}

fn is_space(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// A numeral or number-word core: where it is and what it says.
#[derive(Clone, Copy, Debug, Default)]
struct Core {
    start: usize,
    end: usize,
    value: f64,
    decimals: u8,
    words: bool,
    vague: bool,
    /// Digits only, no separator, no decimals.
    plain: bool,
    /// Digits before any separator.
    int_digits: usize,
    leading_zero: bool,
    /// "8.011": one dot and three digits, maybe a thousands separator.
    dot3: bool,
    /// A scale word or suffix was applied.
    scaled: bool,
    /// The word "one" alone.
    lone_one: bool,
    /// Two or more dots with groups that are not thousands: a version or an address.
    code: bool,
    /// The last scale or multiplier applied ("million" in "20 million"), 1 when none.
    mult: f64,
}

struct Scanner<'t> {
    t: &'t str,
    b: &'t [u8],
    lex: &'static Lexicon,
    out: Vec<Quantity>,
}

impl<'t> Scanner<'t> {
    fn run(&mut self, from: usize, to: usize) {
        let b = self.b;
        let mut i = from;
        while i < to {
            let c = b[i];
            if c.is_ascii_digit() {
                if self.digit_boundary(i)
                    && let Some(end) = self.expression_at(i)
                {
                    i = end.max(i + 1);
                    continue;
                }
                while i < to && b[i].is_ascii_digit() {
                    i += 1;
                }
                continue;
            }
            if is_letter(c) {
                let mut end = i + 1;
                while end < self.b.len() && is_letter(self.b[end]) {
                    end += 1;
                }
                if (i == 0 || !is_alnum(b[i - 1]))
                    && end - i <= self.lex.longest_number_word
                    && (end == b.len() || !is_alnum(b[end]))
                    && self.lex.number_prefixes.maybe(&b[i..end])
                    && self.lex.number_starts.contains(&self.t[i..end])
                    && let Some(e) = self.expression_at(i)
                {
                    i = e.max(i + 1);
                    continue;
                }
                i = end;
                continue;
            }
            i += 1;
        }
    }

    /// A digit starts a number when nothing alphanumeric is glued before it, or when what is
    /// glued is a currency ("Rs1.5m").
    fn digit_boundary(&self, i: usize) -> bool {
        if i == 0 || !is_alnum(self.b[i - 1]) {
            return true;
        }
        let mut s = i;
        while s > 0 && is_letter(self.b[s - 1]) {
            s -= 1;
        }
        (s == 0 || !is_alnum(self.b[s - 1]))
            && s < i
            && self.b[i - 1].is_ascii_alphabetic()
            && self.lex.currency_before.contains_key(&self.t[s..i])
    }

    fn word_end(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_alnum(self.b[i]) {
            i += 1;
        }
        i
    }

    fn word(&self, s: usize, e: usize) -> &'t str {
        &self.t[s..e]
    }

    /// The word starting after white space (spaces and tabs only) at `pos`.
    fn next_word(&self, pos: usize) -> Option<(usize, usize)> {
        let mut p = pos;
        while p < self.b.len() && is_space(self.b[p]) {
            p += 1;
        }
        if p < self.b.len() && is_alnum(self.b[p]) {
            Some((p, self.word_end(p)))
        } else {
            None
        }
    }

    /// The next word after spaces or a single hyphen ("per-cent", "twenty-one").
    fn next_word_or_hyphen(&self, pos: usize) -> Option<(usize, usize)> {
        if pos < self.b.len() && self.b[pos] == b'-' {
            let p = pos + 1;
            return (p < self.b.len() && is_alnum(self.b[p])).then(|| (p, self.word_end(p)));
        }
        self.next_word(pos)
    }

    /// The word ending before white space at `pos`.
    fn prev_word(&self, pos: usize) -> Option<(usize, usize)> {
        let mut p = pos;
        while p > 0 && is_space(self.b[p - 1]) {
            p -= 1;
        }
        if p == 0 || !is_alnum(self.b[p - 1]) {
            return None;
        }
        let e = p;
        while p > 0 && is_alnum(self.b[p - 1]) {
            p -= 1;
        }
        Some((p, e))
    }

    /// The previous word, allowing an abbreviation stop or "#" between ("No. 1", "oct. 11").
    fn prev_word_dot(&self, pos: usize) -> Option<(usize, usize)> {
        let mut p = pos;
        while p > 0 && is_space(self.b[p - 1]) {
            p -= 1;
        }
        if p > 0 && matches!(self.b[p - 1], b'.' | b'#' | b':') {
            p -= 1;
        }
        self.prev_word(p)
    }

    /// Longest phrase of `map` starting at the next word after `pos`, up to `max` words.
    fn phrase_after<V: Copy>(&self, pos: usize, map: &Map<V>, max: usize) -> Option<(V, usize)> {
        let mut key = String::new();
        let mut p = pos;
        let mut best = None;
        for k in 0..max {
            let Some((s, e)) = (if k == 0 {
                self.next_word(p)
            } else {
                self.next_word_or_hyphen(p)
            }) else {
                break;
            };
            if k > 0 {
                key.push(' ');
            }
            key.push_str(self.word(s, e));
            if let Some(v) = map.get(key.as_str()) {
                best = Some((*v, e));
            }
            p = e;
        }
        best
    }

    /// Longest phrase of `map` ending at the word before `pos`, up to `max` words; gives the
    /// value and the phrase start.
    fn phrase_before<V: Copy>(&self, pos: usize, map: &Map<V>, max: usize) -> Option<(V, usize)> {
        let mut words: Vec<(usize, usize)> = Vec::with_capacity(max);
        let mut p = pos;
        for _ in 0..max {
            let Some(w) = self.prev_word(p) else { break };
            words.push(w);
            p = w.0;
        }
        let mut best = None;
        let mut key = String::new();
        for n in 1..=words.len() {
            key.clear();
            for (k, &(s, e)) in words[..n].iter().rev().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(self.word(s, e));
            }
            if let Some(v) = map.get(key.as_str()) {
                best = Some((*v, words[n - 1].0));
            }
        }
        best
    }

    fn is_word(&self, w: Option<(usize, usize)>, s: &str) -> bool {
        w.is_some_and(|(a, b)| self.word(a, b) == s)
    }

    /// Parses digits with separators at `i`.
    fn digits(&self, i: usize) -> Core {
        let b = self.b;
        let n = b.len();
        let mut j = i;
        let mut value = 0f64;
        while j < n && b[j].is_ascii_digit() {
            value = value * 10.0 + f64::from(b[j] - b'0');
            j += 1;
        }
        let int_digits = j - i;
        let mut core = Core {
            start: i,
            end: j,
            value,
            mult: 1.0,
            plain: true,
            int_digits,
            leading_zero: b[i] == b'0' && int_digits > 1,
            ..Core::default()
        };
        // Groups after separators.
        let mut groups: Vec<(u8, usize, usize)> = Vec::new(); // (sep, start, end)
        let mut k = j;
        while k + 1 < n && matches!(b[k], b',' | b'.') && b[k + 1].is_ascii_digit() {
            let s = k + 1;
            let mut e = s;
            while e < n && b[e].is_ascii_digit() {
                e += 1;
            }
            groups.push((b[k], s, e));
            k = e;
        }
        if groups.is_empty() {
            return core;
        }
        core.plain = false;
        let group_value = |s: usize, e: usize| {
            b[s..e]
                .iter()
                .fold(0f64, |v, d| v * 10.0 + f64::from(d - b'0'))
        };
        let commas = groups.iter().take_while(|g| g.0 == b',').count();
        if commas > 0 {
            // Thousands separators: western (3-digit groups) or Indian (2-digit groups, then
            // a 3-digit one). Stop at the first group that fits neither.
            let mut used = 0;
            let indian = int_digits <= 2
                && commas >= 2
                && groups[..commas - 1].iter().all(|g| g.2 - g.1 == 2)
                && groups[commas - 1].2 - groups[commas - 1].1 == 3;
            if int_digits <= 3 {
                for (idx, g) in groups[..commas].iter().enumerate() {
                    let len = g.2 - g.1;
                    let ok = if indian {
                        len == if idx + 1 == commas { 3 } else { 2 }
                    } else {
                        len == 3
                    };
                    if !ok {
                        break;
                    }
                    used += 1;
                }
            }
            if used == 0 {
                core.plain = true;
                return core;
            }
            for g in &groups[..used] {
                core.value = core.value * 10f64.powi((g.2 - g.1) as i32) + group_value(g.1, g.2);
                core.end = g.2;
            }
            // A decimal part after the thousands.
            if used == commas
                && let Some(&(b'.', s, e)) = groups.get(commas)
            {
                core.value += group_value(s, e) / 10f64.powi((e - s) as i32);
                core.decimals = (e - s).min(9) as u8;
                core.end = e;
            }
            return core;
        }
        // Dots only.
        let dots = groups.iter().take_while(|g| g.0 == b'.').count();
        if dots == 1 {
            let (_, s, e) = groups[0];
            let len = e - s;
            core.value += group_value(s, e) / 10f64.powi(len as i32);
            core.decimals = len.min(9) as u8;
            core.end = e;
            core.dot3 = len == 3 && int_digits <= 3 && b[i] != b'0';
            return core;
        }
        if int_digits <= 3 && groups[..dots].iter().all(|g| g.2 - g.1 == 3) {
            // "1.234.567": dots as thousands separators.
            for g in &groups[..dots] {
                core.value = core.value * 1000.0 + group_value(g.1, g.2);
                core.end = g.2;
            }
            return core;
        }
        core.code = true;
        core.end = groups[dots - 1].2;
        core
    }

    /// Parses number words at `i`: "seven", "twenty-one", "three hundred and fifty",
    /// "a dozen", "two dozen", "half a million", "dozens", "tens of thousands".
    fn number_words(&self, i: usize) -> Option<Core> {
        let lex = self.lex;
        let first_end = self.word_end(i);
        let first = self.word(i, first_end);
        let mut core = Core {
            start: i,
            end: first_end,
            words: true,
            mult: 1.0,
            ..Core::default()
        };
        // Vague plurals.
        if let Some(&v) = lex.vague.get(first) {
            let of = self.next_word(first_end);
            let needs_of = matches!(first, "scores" | "tens");
            if needs_of && !self.is_word(of, "of") {
                return None;
            }
            core.value = v;
            core.vague = true;
            // "tens of thousands", "hundreds of thousands".
            if let Some((_, oe)) = of.filter(|w| self.word(w.0, w.1) == "of")
                && let Some((s, e)) = self.next_word(oe)
                && let Some(&m) = lex.vague.get(self.word(s, e))
                && m > v
            {
                core.value = v * m;
                core.end = e;
            }
            return Some(core);
        }
        let mut total = 0f64;
        let mut current = 0f64;
        let mut have = false;
        let mut last_small: Option<f64> = None; // last unit/tens word, for "twenty one"
        let mut w = (i, first_end);
        // "a"/"an" and "half" lead in.
        if matches!(first, "a" | "an") {
            let (s, e) = self.next_word(first_end)?;
            let next = self.word(s, e);
            if next == "couple" {
                let (os, oe) = self.next_word(e)?;
                if self.word(os, oe) != "of" {
                    return None;
                }
                core.value = 2.0;
                core.end = e;
                return Some(core);
            }
            if next == "score" && !self.is_word(self.next_word(e), "of") {
                return None;
            }
            if !(lex.multipliers.contains_key(next) || lex.scales.contains_key(next))
                || next.len() <= 2
            {
                return None;
            }
            current = 1.0;
            have = true;
            w = (s, e);
        } else if first == "half" {
            // "half a million", "half a dozen".
            let (s, e) = self.next_word(first_end)?;
            if !matches!(self.word(s, e), "a" | "an") {
                return None;
            }
            let (s2, e2) = self.next_word(e)?;
            let m = self.word(s2, e2);
            let mult = lex.multipliers.get(m).or_else(|| lex.scales.get(m))?;
            if m.len() <= 2 || m == "score" {
                return None;
            }
            core.value = 0.5 * mult;
            core.end = e2;
            return Some(core);
        } else if !lex.words.contains_key(first) {
            return None;
        }
        loop {
            let word = self.word(w.0, w.1);
            if let Some(&v) = lex.words.get(word) {
                match last_small {
                    // "twenty one": tens then a unit.
                    Some(l) if l >= 20.0 && l % 10.0 == 0.0 && v < 10.0 => current += v,
                    Some(_) => break,
                    None => current += v,
                }
                last_small = Some(v);
            } else if let Some(&m) = lex.multipliers.get(word) {
                if word == "score" {
                    break;
                }
                current = current.max(1.0) * m;
                core.mult = m;
                last_small = None;
            } else if let Some(&s) = lex.scales.get(word) {
                if word.len() <= 2 || word.ends_with('s') {
                    break;
                }
                total += current.max(1.0) * s;
                current = 0.0;
                last_small = None;
                core.scaled = true;
                core.mult = s;
            } else if word == "and" && have {
                // "three hundred and fifty", "one and a half million".
                let Some(n) = self.next_word(w.1) else { break };
                let nw = self.word(n.0, n.1);
                if nw == "a"
                    && let Some(h) = self.next_word(n.1)
                    && self.word(h.0, h.1) == "half"
                {
                    current += 0.5;
                    core.end = h.1;
                    last_small = None;
                    match self.next_word(h.1) {
                        Some(x) => {
                            w = x;
                            continue;
                        }
                        None => break,
                    }
                }
                if (current >= 100.0 || total > 0.0) && lex.words.contains_key(nw) {
                    last_small = None;
                    w = n;
                    continue;
                }
                break;
            } else {
                break;
            }
            have = true;
            core.end = w.1;
            match self.next_word_or_hyphen(w.1) {
                Some(x) => w = x,
                None => break,
            }
        }
        if !have {
            return None;
        }
        core.value = total + current;
        core.lone_one = core.value == 1.0 && self.word(core.start, core.end) == "one";
        Some(core)
    }

    /// Reads a core (digits or words) at `i`.
    fn core_at(&self, i: usize) -> Option<Core> {
        if self.b[i].is_ascii_digit() {
            Some(self.digits(i))
        } else {
            self.number_words(i)
        }
    }

    /// Scale words after a core: "million", "lakh crore", "bn".
    fn scale_after(&self, core: &mut Core) {
        if core.words && core.scaled {
            return;
        }
        let mut p = core.end;
        while let Some((s, e)) = self.next_word(p) {
            let w = self.word(s, e);
            let Some(&m) = self.lex.scales.get(w).or_else(|| {
                (w == "hundred" && !core.words)
                    .then(|| self.lex.multipliers.get(w))
                    .flatten()
            }) else {
                break;
            };
            core.value *= m;
            core.mult *= m;
            core.scaled = true;
            core.end = e;
            p = e;
        }
    }

    /// The range partner after `core`: "-20", " to 20", " and 20" (after "between").
    fn range_after(&self, core: &Core, between: bool) -> Option<Core> {
        let b = self.b;
        let n = b.len();
        let mut p = core.end;
        while p < n && is_space(b[p]) {
            p += 1;
        }
        let next = if p < n && b[p] == b'-' {
            let mut q = p + 1;
            while q < n && is_space(b[q]) {
                q += 1;
            }
            q
        } else {
            let (s, e) = self.next_word(core.end)?;
            let w = self.word(s, e);
            let ok = match w {
                "to" => !self.is_change(core.start),
                "and" => between,
                _ => false,
            };
            if !ok {
                return None;
            }
            let mut q = e;
            while q < n && is_space(b[q]) {
                q += 1;
            }
            q
        };
        if next >= n || !is_alnum(b[next]) {
            return None;
        }
        if b[next].is_ascii_digit() == core.words {
            // "two to 3": mixed forms are not a range.
            return None;
        }
        let mut second = self.core_at(next)?;
        if second.lone_one && core.words {
            second.lone_one = false;
        }
        self.scale_after(&mut second);
        Some(second)
    }

    /// "rose from 15 to 31": a change, not a range.
    fn is_change(&self, start: usize) -> bool {
        let mut p = start;
        // Skip a currency or qualifier word before the number.
        for _ in 0..3 {
            let Some((s, e)) = self.prev_word(p) else {
                return false;
            };
            let w = self.word(s, e);
            if w == "from" {
                return self
                    .prev_word(s)
                    .is_some_and(|(a, z)| self.lex.change_words.contains(self.word(a, z)));
            }
            p = s;
        }
        false
    }

    /// A currency written before position `start`: "$", "US$", "Rs", "Rs.", "PKR", "€".
    fn currency_before(&self, start: usize) -> Option<(&'static str, usize)> {
        let b = self.b;
        let mut p = start;
        while p > 0 && is_space(b[p - 1]) {
            p -= 1;
        }
        let before = &self.t[..p];
        for sym in ["$", "€", "£"] {
            if let Some(rest) = before.strip_suffix(sym) {
                let code = self.lex.currency_before[sym];
                if rest.ends_with("us") {
                    let s = rest.len() - 2;
                    if s == 0 || !is_alnum(b[s - 1]) {
                        return Some(("USD", s));
                    }
                }
                return Some((code, rest.len()));
            }
        }
        // A word, maybe with its abbreviation stop ("Rs."), or glued ("Rs1.5m").
        let mut q = p;
        if q > 0 && b[q - 1] == b'.' {
            q -= 1;
        }
        let mut s = q;
        while s > 0 && b[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        if s == q || (s > 0 && is_alnum(b[s - 1])) {
            return None;
        }
        self.lex
            .currency_before
            .get(&self.t[s..q])
            .map(|&code| (code, s))
    }

    /// Parses the number expression starting at `i`, pushes it, and returns where it ends.
    fn expression_at(&mut self, i: usize) -> Option<usize> {
        let lex = self.lex;
        let b = self.b;
        let n = b.len();
        let mut first = self.core_at(i)?;
        let mut kind = Kind::Quantity;
        let mut unit = Unit::Count;
        let mut qualifier = Qualifier::Exact;
        let mut end = first.end;
        let mut m_suffix = false;

        if first.code {
            kind = Kind::Code;
        }
        if !first.words {
            if let Some(e) = self.phone_at(&first) {
                self.push_flagged(first.start - 1, e, Kind::Phone);
                return Some(e);
            }
            if let Some(e) = self.iso_date_at(&first) {
                self.push_flagged(first.start, e, Kind::Date);
                return Some(e);
            }
        }
        // Letters glued to digits: "6th", "1990s", "7.2bn", "64.6pc", "4kg", "9mm", "4pm".
        if !first.words && first.end < n && is_letter(b[first.end]) {
            let se = self.word_end(first.end);
            let suffix = self.word(first.end, se);
            end = se;
            let last = b[first.end - 1];
            if matches!(suffix, "st" | "nd" | "rd" | "th")
                || (suffix == "d" && matches!(last, b'2' | b'3'))
            {
                kind = Kind::Ordinal;
            } else if suffix == "s" {
                kind = if first.int_digits == 4 {
                    Kind::Year
                } else {
                    Kind::Age
                };
            } else if let Some(&m) = lex.suffix_scales.get(suffix) {
                if suffix == "m" {
                    m_suffix = true;
                } else {
                    first.value *= m;
                    first.mult = m;
                    first.scaled = true;
                }
                first.end = se;
            } else if matches!(suffix, "pc" | "pct") {
                unit = Unit::Percent;
                first.end = se;
            } else if let Some(&u) = lex.suffix_units.get(suffix) {
                unit = Unit::Measure(u);
                first.end = se;
            } else if matches!(suffix, "am" | "pm" | "hrs" | "h" | "hr") {
                kind = Kind::Time;
            } else {
                kind = Kind::Name;
            }
        }
        // A time of day: "10:30".
        if kind == Kind::Quantity
            && !first.words
            && b.get(end) == Some(&b':')
            && b.get(end + 1).is_some_and(u8::is_ascii_digit)
        {
            kind = Kind::Time;
            end += 1;
            while end < n && b[end].is_ascii_digit() {
                end += 1;
            }
        }
        if kind == Kind::Quantity && first.lone_one {
            // "one" is a pronoun unless a person noun or a scale follows.
            let next = self.next_word(first.end);
            let ok = next.is_some_and(|(s, e)| lex.one_nouns.contains(self.word(s, e)));
            let prev = self.prev_word(first.start);
            let determiner = prev.is_some_and(|(s, e)| {
                matches!(
                    self.word(s, e),
                    "no" | "any" | "every" | "each" | "which" | "the" | "this" | "that" | "only"
                )
            });
            if !ok || determiner {
                return Some(first.end);
            }
        }
        // Scales after.
        if kind == Kind::Quantity {
            self.scale_after(&mut first);
            end = end.max(first.end);
        }
        // Qualifier and "between" before.
        let currency = self.currency_before(first.start);
        let lead = currency.map_or(first.start, |c| c.1);
        let between = self.is_word(self.prev_word(lead), "between");
        let mut qual_start = lead;
        if between {
            qual_start = self.prev_word(lead).map_or(lead, |w| w.0);
        } else if let Some((q, s)) = self.phrase_before(lead, &lex.qualifiers, 3) {
            qualifier = q;
            qual_start = s;
        }
        // Range.
        let mut low_high: Option<(f64, f64)> = None;
        let mut second: Option<Core> = None;
        if kind == Kind::Quantity
            && let Some(mut sec) = self.range_after(&first, between)
        {
            let mut lo = first.value;
            let hi = sec.value;
            if first.mult == 1.0 && sec.mult > 1.0 && lo * sec.mult <= hi {
                // "15 to 20 million", "two to three hundred": the scale belongs to both.
                lo *= sec.mult;
            }
            if lo < hi && !sec.code {
                low_high = Some((lo, hi));
                first.value = lo;
                end = sec.end;
                if sec.end < n && is_letter(b[sec.end]) && !sec.words {
                    // "15-20pc", "1.8-2.5bn".
                    let se = self.word_end(sec.end);
                    let suffix = self.word(sec.end, se);
                    if matches!(suffix, "pc" | "pct") {
                        unit = Unit::Percent;
                        end = se;
                    } else if let Some(&m) = lex.suffix_scales.get(suffix)
                        && suffix != "m"
                    {
                        low_high = Some((lo * m, hi * m));
                        end = se;
                    } else {
                        kind = Kind::Name;
                    }
                }
                sec.end = end;
                second = Some(sec);
            } else if first.plain && sec.plain && first.int_digits == 4 {
                // "2014-15": a fiscal year.
                kind = Kind::Year;
                end = sec.end;
            }
        }
        // Percent, currency or unit after.
        if kind == Kind::Quantity && unit == Unit::Count {
            let mut p = end;
            while p < n && is_space(b[p]) {
                p += 1;
            }
            if p < n && b[p] == b'%' {
                unit = Unit::Percent;
                end = p + 1;
            } else if let Some(e) = self.percent_after(end) {
                unit = Unit::Percent;
                end = e;
            } else if let Some((code, e)) = self.phrase_after(end, &lex.currency_after, 3) {
                unit = Unit::Currency(code);
                end = e;
            } else if let Some((u, e)) = self.phrase_after(end, &lex.units, 2) {
                unit = Unit::Measure(u);
                end = e;
            }
        }
        if let Some((code, _)) = currency
            && matches!(unit, Unit::Count | Unit::Currency(_))
        {
            unit = Unit::Currency(code);
        }
        if m_suffix {
            if matches!(unit, Unit::Currency(_)) {
                first.value *= 1e6;
                first.scaled = true;
                if let Some((lo, hi)) = low_high.as_mut() {
                    *lo *= 1e6;
                    *hi *= 1e6;
                }
            } else {
                unit = Unit::Measure("metre");
            }
        }
        // Post qualifiers: "200 or more", "200-plus", "40-odd", "200+".
        let mut span_end = end;
        if kind == Kind::Quantity {
            if end < n && b[end] == b'+' {
                qualifier = Qualifier::MoreThan;
                span_end = end + 1;
            } else if let Some((q, e)) = self.phrase_after(end, &lex.post_qualifiers, 2) {
                if qualifier == Qualifier::Exact {
                    qualifier = q;
                }
                span_end = e;
            } else if end < n
                && b[end] == b'-'
                && let Some((s, e)) = self.next_word_or_hyphen(end)
                && let Some(&q) = lex.post_qualifiers.get(self.word(s, e))
            {
                qualifier = q;
                span_end = e;
            }
        }

        // Classify by context.
        if kind == Kind::Quantity {
            kind = self.classify(
                &first,
                second.as_ref(),
                end,
                unit,
                qualifier,
                currency.is_some(),
            );
            // "aged between 18 and 20", "aged about 35".
            if kind == Kind::Quantity
                && qual_start < first.start
                && let Some((s, e)) = self.prev_word(qual_start)
                && lex.age_before.contains(self.word(s, e))
            {
                kind = Kind::Age;
            }
        }
        // "8.011" counting things: a thousands separator.
        let mut decimals = first.decimals;
        if kind == Kind::Quantity
            && first.dot3
            && !first.scaled
            && unit == Unit::Count
            && second.is_none()
            && self.dot_is_thousands(&first)
        {
            first.value = (first.value * 1000.0).round();
            decimals = 0;
        }
        if let Some(sec) = &second {
            decimals = decimals.max(sec.decimals);
        }
        let (value, low, high) = match low_high {
            Some((lo, hi)) => (Some((lo + hi) / 2.0), Some(lo), Some(hi)),
            None => (Some(first.value), None, None),
        };
        let core_start = currency.map_or(first.start, |c| c.1);
        let q = Quantity {
            span: Span::new(qual_start.min(core_start), span_end),
            core: Span::new(core_start, end),
            value,
            low,
            high,
            qualifier,
            unit,
            kind,
            decimals,
            words: first.words,
            vague: first.vague,
        };
        let q = if q.vague && q.qualifier == Qualifier::Exact {
            Quantity {
                qualifier: Qualifier::AtLeast,
                ..q
            }
        } else {
            q
        };
        self.out.push(q);
        Some(span_end)
    }

    fn percent_after(&self, pos: usize) -> Option<usize> {
        let mut key = String::new();
        let mut p = pos;
        let mut best = None;
        for k in 0..2 {
            let (s, e) = if k == 0 {
                self.next_word(p)?
            } else {
                match self.next_word_or_hyphen(p) {
                    Some(w) => w,
                    None => break,
                }
            };
            if k > 0 {
                key.push(' ');
            }
            key.push_str(self.word(s, e));
            if self.lex.percent.contains(key.as_str()) {
                best = Some(e);
            }
            p = e;
        }
        // "per-cent" is read as "per cent".
        best
    }

    /// Decides the kind of a quantity from its context.
    fn classify(
        &self,
        first: &Core,
        second: Option<&Core>,
        end: usize,
        unit: Unit,
        qualifier: Qualifier,
        currency: bool,
    ) -> Kind {
        let lex = self.lex;
        let b = self.b;
        let n = b.len();
        let start = first.start;
        let last = second.unwrap_or(first);
        let prev = self.prev_word_dot(start);
        let prev_w = prev.map(|(s, e)| self.word(s, e));
        let next = self.next_word_or_hyphen(end);
        let next_w = next.map(|(s, e)| self.word(s, e));
        let measured = unit != Unit::Count || currency;

        if !first.words {
            // Glued to a name: "Radd-ul-Fitna-1", "F-16", "NA-45", "#1".
            if start > 0 {
                let c = b[start - 1];
                if c == b'#' {
                    return Kind::Name;
                }
                if c == b'-' && start > 1 && is_letter(b[start - 2]) {
                    return Kind::Name;
                }
                if c == b'-' && start > 1 && b[start - 2].is_ascii_digit() {
                    return Kind::Code;
                }
                if c == b'/' && start > 1 && b[start - 2].is_ascii_digit() {
                    return Kind::Code;
                }
                if c == b'+' {
                    return Kind::Phone;
                }
            }
            if end + 1 < n && b[end] == b'/' && b[end + 1].is_ascii_digit() {
                return Kind::Code;
            }
            // Dates: "October 11", "Oct. 11", "11 October", "2025-10-11".
            let day_like =
                first.plain && first.int_digits <= 2 && (1.0..=31.0).contains(&first.value);
            if day_like && prev_w.is_some_and(|w| lex.months.contains_key(w)) {
                return Kind::Date;
            }
            if (day_like || second.is_some_and(|s| s.plain && s.int_digits <= 2))
                && let Some(w) = self.next_word(end).map(|(s, e)| self.word(s, e))
            {
                let w = if w == "of" {
                    self.next_word(self.next_word(end).unwrap().1)
                        .map_or("", |(s, e)| self.word(s, e))
                } else {
                    w
                };
                if lex.months.contains_key(w) && (w != "may" || self.may_is_month(end)) {
                    return Kind::Date;
                }
            }
            if first.leading_zero && first.decimals == 0 && !measured {
                // "0700 hours", "0300-1234567", "03".
                if next_w.is_some_and(|w| matches!(w, "hours" | "hrs" | "hr" | "gmt" | "pkt")) {
                    return Kind::Time;
                }
                return Kind::Code;
            }
            if first.plain && first.int_digits >= 7 {
                return Kind::Code;
            }
            // Phone-like: "051-9201234".
            if b.get(first.end) == Some(&b'-')
                && b.get(first.end + 1).is_some_and(u8::is_ascii_digit)
                && second.is_none()
            {
                return Kind::Code;
            }
            if next_w.is_some_and(|w| {
                matches!(w, "am" | "pm" | "a" | "p" | "o'clock" | "oclock")
                    && (w.len() > 1 || b.get(end + 2) == Some(&b'.'))
            }) && first.value <= 12.0
                && first.int_digits <= 2
            {
                return Kind::Time;
            }
        }
        // List enumerators: "following:  1. the government", "\n2) the".
        if !first.words && first.plain && first.int_digits <= 2 && second.is_none() {
            let dot = matches!(b.get(end), Some(b'.' | b')'))
                && b.get(end + 1).is_none_or(|c| is_space(*c) || *c == b'\n');
            let before = &self.t[..start];
            let line_start = before.trim_end_matches([' ', '\t', '(']);
            let opens = line_start.is_empty()
                || line_start.ends_with(['\n', ':'])
                || before.ends_with("  ");
            if dot && opens {
                return Kind::Name;
            }
        }
        // Names, ages.
        if let Some(w) = prev_w {
            if lex.name_before.contains(w) && !(first.words && matches!(w, "no" | "number")) {
                return Kind::Name;
            }
            if lex.age_before.contains(w) {
                return Kind::Age;
            }
            if w == "of"
                && let Some((s, e)) = self.prev_word(prev.unwrap().0)
                && self.word(s, e) == "age"
            {
                return Kind::Age;
            }
        }
        // "10 or 20 years", "two to three days": a duration too.
        if let Some(w) = next_w
            && matches!(w, "or" | "to")
            && !measured
            && let Some((s, e)) = self.next_word(next.unwrap().1)
            && (b[s].is_ascii_digit() || lex.words.contains_key(self.word(s, e)))
            && let Some((s2, e2)) = self.next_word_or_hyphen(e)
            && lex.time_units.contains(self.word(s2, e2))
        {
            return Kind::Duration;
        }
        if let Some(w) = next_w {
            if lex.time_units.contains(w) && !measured {
                // "35-year-old", "35 years old": an age.
                let (_, e) = next.unwrap();
                if let Some((s2, e2)) = self.next_word_or_hyphen(e)
                    && self.word(s2, e2) == "old"
                {
                    return Kind::Age;
                }
                if matches!(w, "hours" | "hrs" | "hr")
                    && first.int_digits == 4
                    && first.plain
                    && second.is_none()
                {
                    return Kind::Time;
                }
                return Kind::Duration;
            }
            if b.get(end) == Some(&b'-') && !measured && !lex.post_qualifiers.contains_key(w) {
                // "a 15-member jirga", "a three-point agenda".
                if w != "strong" {
                    return Kind::Modifier;
                }
            }
        }
        // Idioms: "zero tolerance".
        let core_text = self.word(first.start, first.end);
        if next_w.is_some_and(|w| lex.idioms.contains(format!("{core_text} {w}").as_str()))
            || prev_w.is_some_and(|w| lex.idioms.contains(format!("{w} {core_text}").as_str()))
        {
            return Kind::Idiom;
        }
        // Years: a plain four-digit number from 1900 to 2100 that counts nothing.
        let year_like = |c: &Core| {
            !c.words && c.plain && c.int_digits == 4 && (1900.0..=2100.0).contains(&c.value)
        };
        if year_like(first) && !measured && !first.scaled {
            let counts = qualifier != Qualifier::Exact
                && next_w
                    .is_some_and(|w| is_letter(w.as_bytes()[0]) && !lex.function_words.contains(w))
                && b.get(end) != Some(&b',');
            let _ = last;
            if !counts {
                return Kind::Year;
            }
        }
        Kind::Quantity
    }

    /// Pushes a flagged (non-figure) number spanning `start..end`.
    fn push_flagged(&mut self, start: usize, end: usize, kind: Kind) {
        self.out.push(Quantity {
            span: Span::new(start, end),
            core: Span::new(start, end),
            value: None,
            low: None,
            high: None,
            qualifier: Qualifier::Exact,
            unit: Unit::Count,
            kind,
            decimals: 0,
            words: false,
            vague: false,
        });
    }

    /// "+92 51 1234567", "+92-300-1234567": a phone number, to its end.
    fn phone_at(&self, core: &Core) -> Option<usize> {
        let b = self.b;
        if core.start == 0 || b[core.start - 1] != b'+' {
            return None;
        }
        let mut e = core.end;
        loop {
            let mut p = e;
            while p < b.len() && matches!(b[p], b' ' | b'-' | b'(' | b')') && p - e < 2 {
                p += 1;
            }
            if p < b.len() && p > e && b[p].is_ascii_digit() {
                while p < b.len() && b[p].is_ascii_digit() {
                    p += 1;
                }
                e = p;
            } else {
                return Some(e);
            }
        }
    }

    /// "2025-10-11": an ISO date, to its end.
    fn iso_date_at(&self, core: &Core) -> Option<usize> {
        let b = self.b;
        let digits = |from: usize, n: usize| {
            (from..from + n).all(|k| b.get(k).is_some_and(u8::is_ascii_digit))
                && !b.get(from + n).is_some_and(u8::is_ascii_digit)
        };
        let e = core.end;
        (core.plain
            && core.int_digits == 4
            && b.get(e) == Some(&b'-')
            && (digits(e + 1, 2) || digits(e + 1, 1))
            && {
                let m = if digits(e + 1, 2) { e + 3 } else { e + 2 };
                b.get(m) == Some(&b'-') && (digits(m + 1, 2) || digits(m + 1, 1))
            })
        .then(|| {
            let mut p = e + 1;
            while b[p].is_ascii_digit() {
                p += 1;
            }
            p += 1;
            while p < b.len() && b[p].is_ascii_digit() {
                p += 1;
            }
            p
        })
    }

    /// "May" after a day is a month unless a verb follows ("5 may have died").
    fn may_is_month(&self, end: usize) -> bool {
        let Some((_, e)) = self.next_word(end) else {
            return true;
        };
        match self.next_word(e) {
            Some((s, e2)) => {
                let w = self.word(s, e2);
                w.bytes().all(|c| c.is_ascii_digit())
                    || matches!(w, "in" | "on" | "at" | "and" | "last" | "this" | "to")
            }
            None => true,
        }
    }

    /// "8.011" is 8,011 when it counts things ("8.011 madrassas") or is the whole of an integer
    /// count larger than 8.011 ("4,355 of 8.011").
    fn dot_is_thousands(&self, core: &Core) -> bool {
        let lex = self.lex;
        if let Some((s, e)) = self.next_word(core.end) {
            let w = self.word(s, e);
            if is_letter(w.as_bytes()[0])
                && !lex.function_words.contains(w)
                && !lex.time_units.contains(w)
                && !lex.months.contains_key(w)
                && !lex.scales.contains_key(w)
            {
                return true;
            }
        }
        let Some((s, e)) = self.prev_word(core.start) else {
            return false;
        };
        let mut p = s;
        match self.word(s, e) {
            "of" => {
                if self.is_word(self.prev_word(s), "out") {
                    p = self.prev_word(s).unwrap().0;
                }
            }
            _ => return false,
        }
        self.out.last().is_some_and(|q| {
            let between = &self.t[q.span.end.min(p)..p];
            between.trim().is_empty()
                && q.kind == Kind::Quantity
                && q.unit == Unit::Count
                && q.decimals == 0
                && q.value
                    .is_some_and(|v| v > core.value && v <= core.value * 1000.0)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figure-kind quantities of `text` as (text of the core, value, low, high, qualifier,
    /// unit).
    type Row = (
        String,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        &'static str,
        &'static str,
    );

    fn figures(text: &str) -> Vec<Row> {
        let folded = text.to_lowercase();
        scan(&folded)
            .into_iter()
            .filter(Quantity::is_figure)
            .map(|q| {
                (
                    text[q.core.start..q.core.end].to_string(),
                    q.value,
                    q.low,
                    q.high,
                    q.qualifier.as_str(),
                    q.unit.code(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (Option<f64>, &'static str, &'static str) {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        (f[0].1, f[0].4, f[0].5)
    }

    fn range(text: &str) -> (f64, f64) {
        let f = figures(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        (f[0].2.unwrap(), f[0].3.unwrap())
    }

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let folded = text.to_lowercase();
        scan(&folded)
            .into_iter()
            .map(|q| (text[q.core.start..q.core.end].to_string(), q.kind))
            .collect()
    }

    fn none(text: &str) {
        let f = figures(text);
        assert!(f.is_empty(), "{text}: {f:?}");
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(
            one("conducted 14,535 raids"),
            (Some(14535.0), "exact", "count")
        );
        assert_eq!(
            one("a loss of 1,50,000 jobs"),
            (Some(150000.0), "exact", "count")
        );
        assert_eq!(
            one("turnout was 54.3 per cent"),
            (Some(54.3), "exact", "percent")
        );
        assert_eq!(one("1,234.5 tonnes of wheat").0, Some(1234.5));
        assert_eq!(one("1.234.567 voters").0, Some(1234567.0));
    }

    #[test]
    fn dot_as_thousands_separator() {
        // Counting things: a thousands separator.
        assert_eq!(one("there are 3.200 schools").0, Some(3200.0));
        // The whole of a larger integer count.
        let f = figures("the board has cleared 2,718 of 6.125 so far");
        assert_eq!(f[1].1, Some(6125.0));
        // A decimal elsewhere.
        assert_eq!(one("inflation was 7.125").0, Some(7.125));
        assert_eq!(one("a 2.125 kg parcel").0, Some(2.125));
        assert_eq!(one("$1.250 million").0, Some(1_250_000.0));
    }

    #[test]
    fn number_words() {
        assert_eq!(one("seven soldiers died").0, Some(7.0));
        assert_eq!(one("Twenty-one hostages").0, Some(21.0));
        assert_eq!(one("twenty one hostages").0, Some(21.0));
        assert_eq!(one("three hundred and fifty houses").0, Some(350.0));
        assert_eq!(one("a dozen guards").0, Some(12.0));
        assert_eq!(one("two dozen attackers").0, Some(24.0));
        assert_eq!(one("half a dozen trucks").0, Some(6.0));
        assert_eq!(one("a million refugees").0, Some(1e6));
        assert_eq!(one("two million refugees").0, Some(2e6));
        assert_eq!(one("one and a half million refugees").0, Some(1.5e6));
        assert_eq!(one("dozens of shops"), (Some(12.0), "at_least", "count"));
        assert_eq!(
            one("hundreds of families"),
            (Some(100.0), "at_least", "count")
        );
        assert_eq!(one("tens of thousands of people").0, Some(10000.0));
        assert_eq!(one("scores of people").0, Some(20.0));
        assert_eq!(one("a couple of shops"), (Some(2.0), "exact", "count"));
        assert_eq!(one("zero convictions").0, Some(0.0));
        assert_eq!(one("ONE SOLDIER WAS KILLED").0, Some(1.0));
        none("one of the attackers");
        none("no one was hurt");
        none("at one point the men left");
        none("a few shops");
        none("the scores were level");
    }

    #[test]
    fn scales_and_currencies() {
        assert_eq!(
            one("equipment worth $7.2 billion"),
            (Some(7.2e9), "exact", "USD")
        );
        assert_eq!(
            one("Rs 18.6 billion for training"),
            (Some(18.6e9), "exact", "PKR")
        );
        assert_eq!(one("RS. 500 per bag"), (Some(500.0), "exact", "PKR"));
        assert_eq!(one("a fine of Rs1.5m"), (Some(1.5e6), "exact", "PKR"));
        assert_eq!(one("US$ 3 million"), (Some(3e6), "exact", "USD"));
        assert_eq!(one("3 million US dollars"), (Some(3e6), "exact", "USD"));
        assert_eq!(one("PKR 2.5bn"), (Some(2.5e9), "exact", "PKR"));
        assert_eq!(one("2 lakh rupees"), (Some(2e5), "exact", "PKR"));
        assert_eq!(one("Rs 3 crore"), (Some(3e7), "exact", "PKR"));
        assert_eq!(one("500 Afghanis each"), (Some(500.0), "exact", "AFN"));
        assert_eq!(one("USD 40 million"), (Some(4e7), "exact", "USD"));
        assert_eq!(one("a 100m stretch"), (Some(100.0), "exact", "metre"));
        assert_eq!(one("10k marchers").0, Some(10000.0));
    }

    #[test]
    fn percentages() {
        assert_eq!(
            one("just 54.3% of schools"),
            (Some(54.3), "exact", "percent")
        );
        assert_eq!(one("69 per cent of them"), (Some(69.0), "exact", "percent"));
        assert_eq!(one("nearly 70 percent"), (Some(70.0), "about", "percent"));
        assert_eq!(one("or 64.6pc, were"), (Some(64.6), "exact", "percent"));
        assert_eq!(one("36pc"), (Some(36.0), "exact", "percent"));
        assert_eq!(one("12 per-cent"), (Some(12.0), "exact", "percent"));
        assert_eq!(one("a 5 % rise"), (Some(5.0), "exact", "percent"));
    }

    #[test]
    fn ranges() {
        assert_eq!(range("15 to 20 million litres"), (15e6, 20e6));
        assert_eq!(range("between 15 and 20 million litres"), (15e6, 20e6));
        assert_eq!(
            range("1.8–2.5 million rupees".replace('–', "-").as_str()),
            (1.8e6, 2.5e6)
        );
        assert_eq!(range("1.8-2.5 million rupees"), (1.8e6, 2.5e6));
        assert_eq!(range("between 15 and 20 people"), (15.0, 20.0));
        assert_eq!(range("15-20 people"), (15.0, 20.0));
        assert_eq!(range("two to three hundred"), (200.0, 300.0));
        assert_eq!(range("Rs 2-3 billion"), (2e9, 3e9));
        let f = figures("1.8-2.5 million rupees per acre");
        assert_eq!(f[0].5, "PKR");
        // A change is two numbers, not a range.
        let f = figures("the toll rose from 15 to 31");
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn qualifiers() {
        assert_eq!(one("at least 27 people").1, "at_least");
        assert_eq!(one("more than 50 people").1, "more_than");
        assert_eq!(one("over 200 militants").1, "more_than");
        assert_eq!(one("nearly 200 personnel").1, "about");
        assert_eq!(one("around 30 bombers").1, "about");
        assert_eq!(one("approximately 6,000 fighters").1, "about");
        assert_eq!(one("some 400 families").1, "about");
        assert_eq!(one("up to 40 vehicles").1, "up_to");
        assert_eq!(one("as many as 40 vehicles").1, "up_to");
        assert_eq!(one("less than 10 people").1, "less_than");
        assert_eq!(one("under 10 people").1, "less_than");
        assert_eq!(one("almost 90 shops").1, "about");
        assert_eq!(one("more than $7.2 billion").1, "more_than");
        assert_eq!(one("200 or more houses").1, "at_least");
        assert_eq!(one("200-plus houses").1, "more_than");
        assert_eq!(one("40-odd houses").1, "about");
        let q = scan("at least 27 people");
        assert_eq!(q[0].span, Span::new(0, 11));
        assert_eq!(q[0].core, Span::new(9, 11));
    }

    #[test]
    fn not_figures() {
        none("in 2014 the school was attacked");
        none("the 1988 sanctions committee");
        none("resolution 1988 of the council");
        none("under law 18314");
        none("on Route 5 near the bridge");
        none("military detachment No. 4 reported");
        none("detachment no.4 reported");
        none("Operation Radd-ul-Fitna-1 ended");
        none("an m-16 rifle and an F-16 jet");
        none("on 11 October the clashes began");
        none("on October 11, 2025");
        none("on March 11, 2025, in which");
        none("Mon Nov 03 2025");
        none("at 10:30 on Monday");
        none("at 0700 hours");
        none("at 4 pm");
        none("aged 35");
        none("the bomber, aged between 18 and 20, was");
        none("aged about 35");
        none("a 12-year-old boy");
        none("he was 40 years old");
        none("the 6th brigade");
        none("the 2nd and 3rd rounds");
        none("the 3d infantry brigade");
        none("call 051-9201234");
        none("call +92 51 1234567");
        none("in the 1990s");
        none("over two decades");
        none("five years back");
        none("three days of mourning");
        none("a 15-member jirga");
        none("zero tolerance for terrorism");
        none("a 9mm pistol");
        none("since 2008 and in 2021");
        none("the 2014-15 budget");
        none("11/10/2025");
        none("version 1.2.3");
        none("Rescue 1122 said");
        none("the following:    1. the government must");
        none("paragraph three of the communique");
        none("after 10 or 20 years in hiding");
        none("for 1 or 2 years");
        assert_eq!(one("they killed 12. Then").0, Some(12.0));
        none("2025-10-11");
    }

    #[test]
    fn kinds_are_flagged() {
        let k = kinds("in 2024, on 11 October, aged 35");
        assert_eq!(
            k.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            vec![Kind::Year, Kind::Date, Kind::Age]
        );
    }

    #[test]
    fn year_like_counts() {
        assert_eq!(one("nearly 2000 people").0, Some(2000.0));
        assert_eq!(one("Rs 2000 each").0, Some(2000.0));
    }

    #[test]
    fn lists() {
        let f = figures("272 army personnel, 140 police and 165 civilians");
        assert_eq!(
            f.iter().map(|f| f.1.unwrap()).collect::<Vec<_>>(),
            vec![272.0, 140.0, 165.0]
        );
    }

    #[test]
    fn upper_case_via_analysis() {
        use sitrep_model::{DateOrigin, Document, Origin, SourceFormat};
        let doc = Document {
            id: "d".into(),
            url: None,
            source: None,
            title: None,
            published: None,
            published_from: DateOrigin::None,
            text: "AT LEAST 27 PEOPLE WERE KILLED — “MORE THAN 50” INJURED".into(),
            removed: vec![],
            content_hash: String::new(),
            origin: Origin {
                input: "-".into(),
                line: None,
                format: SourceFormat::Text,
            },
        };
        let a = Analysis::new(&doc);
        let q = find_quantities(&a);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].span.of(&doc.text), "AT LEAST 27");
        assert_eq!(q[1].span.of(&doc.text), "MORE THAN 50");
        assert_eq!(q[1].qualifier, Qualifier::MoreThan);
    }
}
