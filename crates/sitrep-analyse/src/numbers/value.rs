//! The value of a number: digits with separators, number words, scales, range partners
//! and a currency written before.
//!
//! Takes a byte position in the scanned text; gives a [`Core`] (where the numeral is and
//! what it says) and its modifiers.

use super::{Core, Scanner, is_alnum, is_space};

impl<'t> Scanner<'t> {
    /// Parses digits with separators at `i`.
    pub(super) fn digits(&self, i: usize) -> Core {
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
    pub(super) fn number_words(&self, i: usize) -> Option<Core> {
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
    pub(super) fn core_at(&self, i: usize) -> Option<Core> {
        if self.b[i].is_ascii_digit() {
            Some(self.digits(i))
        } else {
            self.number_words(i)
        }
    }

    /// Scale words after a core: "million", "lakh crore", "bn".
    pub(super) fn scale_after(&self, core: &mut Core) {
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
    pub(super) fn range_after(&self, core: &Core, between: bool) -> Option<Core> {
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
    pub(super) fn is_change(&self, start: usize) -> bool {
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
    pub(super) fn currency_before(&self, start: usize) -> Option<(&'static str, usize)> {
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
}
