//! Telling quantities from other numbers: years, dates, times, ages, ordinals, durations,
//! names, phones, codes, modifiers and idioms.
//!
//! Takes a parsed core and its context; gives its [`Kind`], and flags non-figures.

use sitrep_model::Span;

use super::{Core, Kind, Qualifier, Quantity, Scanner, Unit, is_letter, is_space};

impl<'t> Scanner<'t> {
    /// Decides the kind of a quantity from its context.
    pub(super) fn classify(
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
    pub(super) fn push_flagged(&mut self, start: usize, end: usize, kind: Kind) {
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
    pub(super) fn phone_at(&self, core: &Core) -> Option<usize> {
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
    pub(super) fn iso_date_at(&self, core: &Core) -> Option<usize> {
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
    pub(super) fn may_is_month(&self, end: usize) -> bool {
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
    pub(super) fn dot_is_thousands(&self, core: &Core) -> bool {
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
