//! Whole number expressions: a core with its qualifier, currency, scale, range, percent
//! or unit, pushed as a [`Quantity`].
//!
//! Takes the position of a number; gives the quantity (classified) and where it ends.

use sitrep_model::Span;

use super::{Core, Kind, Qualifier, Quantity, Scanner, Unit, is_letter, is_space};

impl<'t> Scanner<'t> {
    /// Parses the number expression starting at `i`, pushes it, and returns where it ends.
    pub(super) fn expression_at(&mut self, i: usize) -> Option<usize> {
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

    pub(super) fn percent_after(&self, pos: usize) -> Option<usize> {
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
}
