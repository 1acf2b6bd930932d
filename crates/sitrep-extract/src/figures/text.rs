//! The words of `data/figures.txt` and small text helpers for figures: slices around a
//! position, lower-casing, normalising, ages after names, adjectives and plurals.
//!
//! Takes text and positions; gives word lists, slices and yes/no answers.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

use sitrep_analyse::numbers::{Quantity, Unit};

pub(super) struct Words {
    pub(super) stop: HashSet<&'static str>,
    pub(super) of_heads: HashSet<&'static str>,
    pub(super) links_before: HashSet<&'static str>,
    pub(super) link_verbs: HashSet<&'static str>,
    pub(super) heads_before: HashSet<&'static str>,
    pub(super) modifiers: HashSet<&'static str>,
    pub(super) part_before: Vec<&'static str>,
    pub(super) part_after: Vec<&'static str>,
    pub(super) breakdown_open: Vec<&'static str>,
    pub(super) breakdown_close: HashSet<&'static str>,
    pub(super) breakdown_continue: Vec<&'static str>,
}

pub(super) fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut sections: std::collections::HashMap<&str, Vec<&'static str>> = Default::default();
        let mut section = "";
        for line in include_str!("../../data/figures.txt").lines() {
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
pub(super) fn before_at(text: &str, at: usize, back: usize) -> &str {
    let mut s = at.saturating_sub(back);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    &text[s..at]
}

/// The slice of `text` from `at` to `at + ahead` (at a character boundary), not past `limit`.
pub(super) fn after_at(text: &str, at: usize, ahead: usize, limit: usize) -> &str {
    let mut e = (at + ahead).min(limit).min(text.len()).max(at);
    while !text.is_char_boundary(e) {
        e += 1;
    }
    &text[at..e]
}

/// `s` in lower case, borrowed when it already is.
pub(super) fn low(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|c| c.is_ascii_uppercase() || c >= 0x80) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Lower case, straight dashes, single spaces.
pub(super) fn norm(s: &str) -> String {
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
pub(super) fn age_after_name(text: &str, q: &Quantity) -> bool {
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
pub(super) fn adjective_like(w: &str) -> bool {
    [
        "al", "ary", "ive", "ic", "ical", "ous", "ful", "able", "ible", "ant", "ent", "ese", "ian",
        "an", "ani", "ed", "based", "led",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
}

pub(super) fn plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
}
