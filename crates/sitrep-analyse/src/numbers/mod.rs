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
//!
//! The parts: `cursor` (words and phrases around a position), `value` (digits, number words,
//! scales, ranges, currencies), `expression` (a whole expression, pushed as a quantity) and
//! `classify` (telling figures from years, dates, names and other numbers).

mod classify;
mod cursor;
mod expression;
#[cfg(test)]
mod tests;
mod value;

use sitrep_model::Span;

use crate::Analysis;
use crate::lexicon::{Lexicon, lexicon};

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
}
