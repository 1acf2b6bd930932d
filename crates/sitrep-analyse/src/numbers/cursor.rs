//! Moving about the text for the number scanner: where a number may start, words before
//! and after a position, and phrases of a lexicon map read forwards or backwards.
//!
//! Takes byte positions in the scanned text; gives word spans and lexicon matches.

use crate::lexicon::Map;

use super::{Scanner, is_alnum, is_letter, is_space};

impl<'t> Scanner<'t> {
    /// A digit starts a number when nothing alphanumeric is glued before it, or when what is
    /// glued is a currency ("Rs1.5m").
    pub(super) fn digit_boundary(&self, i: usize) -> bool {
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

    pub(super) fn word_end(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_alnum(self.b[i]) {
            i += 1;
        }
        i
    }

    pub(super) fn word(&self, s: usize, e: usize) -> &'t str {
        &self.t[s..e]
    }

    /// The word starting after white space (spaces and tabs only) at `pos`.
    pub(super) fn next_word(&self, pos: usize) -> Option<(usize, usize)> {
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
    pub(super) fn next_word_or_hyphen(&self, pos: usize) -> Option<(usize, usize)> {
        if pos < self.b.len() && self.b[pos] == b'-' {
            let p = pos + 1;
            return (p < self.b.len() && is_alnum(self.b[p])).then(|| (p, self.word_end(p)));
        }
        self.next_word(pos)
    }

    /// The word ending before white space at `pos`.
    pub(super) fn prev_word(&self, pos: usize) -> Option<(usize, usize)> {
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
    pub(super) fn prev_word_dot(&self, pos: usize) -> Option<(usize, usize)> {
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
    pub(super) fn phrase_after<V: Copy>(
        &self,
        pos: usize,
        map: &Map<V>,
        max: usize,
    ) -> Option<(V, usize)> {
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
    pub(super) fn phrase_before<V: Copy>(
        &self,
        pos: usize,
        map: &Map<V>,
        max: usize,
    ) -> Option<(V, usize)> {
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

    pub(super) fn is_word(&self, w: Option<(usize, usize)>, s: &str) -> bool {
        w.is_some_and(|(a, b)| self.word(a, b) == s)
    }
}
