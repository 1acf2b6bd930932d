//! Cleaning inside article text: find the boilerplate, record it, cut nothing.
//!
//! Takes the text of one document; gives the [`Removal`]s (byte ranges and why), in order and
//! not overlapping. Recognised: related-link lines ("Read more: ...", "Also read: ...", an
//! "Also, read this" line and the link headlines under it), share-button residue
//! ("icon-facebook icon-twitter"), media captions and credits ("... Screen recording",
//! "Photo: File"), and a stray headline of an unrelated story standing alone in the article.

use std::collections::HashSet;

use sitrep_model::{Removal, RemovalKind, Span};

/// Line prefixes that introduce one related link on the same line.
const LINK_PREFIXES: &[&str] = &[
    "read more",
    "also read",
    "read also",
    "see also",
    "related",
    "related story",
    "related news",
    "recommended",
    "more on this",
    "don't miss",
    "must read",
];

/// Whole lines that introduce a block of related-link headlines.
const LINK_BLOCK_INTROS: &[&str] = &[
    "also, read this",
    "also read this",
    "also read",
    "read more",
    "read also",
    "related",
    "related stories",
    "related articles",
    "related news",
    "you may also like",
    "more stories",
    "more from this section",
    "recommended",
    "trending",
];

/// Endings that make a short line a media caption or credit.
const CREDIT_ENDINGS: &[&str] = &[
    "screen recording",
    "screen grab",
    "screengrab",
    "screenshot",
    "file photo",
    "photo file",
    "video grab",
    "file image",
];

/// Starts that make a short line a media credit.
const CREDIT_STARTS: &[&str] = &[
    "photo:",
    "photo credit:",
    "file photo:",
    "image:",
    "video:",
    "courtesy:",
    "photo by ",
];

/// Single words a share bar is made of (besides `icon-*` tokens).
const SHARE_WORDS: &[&str] = &[
    "share", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "print",
    "telegram", "reddit", "copy", "link", "comments", "comment", "|", "•",
];

/// Function words, ignored when comparing a headline's vocabulary with the article's.
const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "that", "this", "into", "over", "after", "before",
    "about", "amid", "against", "calls", "says", "said", "will", "have", "has", "been", "their",
    "its", "are", "was", "were", "not", "but", "all", "new", "more", "than", "also", "under",
];

/// Finds the boilerplate in `text`.
pub fn clean(text: &str) -> Vec<Removal> {
    let lines = lines_of(text);
    let mut removed = Vec::new();
    let mut in_link_block = false;
    for (i, &(span, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lower = trimmed.to_lowercase();
        let kind = if in_link_block && is_headline_like(trimmed) {
            Some(RemovalKind::RelatedLink)
        } else {
            in_link_block = false;
            if is_link_block_intro(&lower) {
                in_link_block = true;
                Some(RemovalKind::RelatedLink)
            } else if is_link_line(&lower) {
                Some(RemovalKind::RelatedLink)
            } else if is_share_bar(&lower) {
                Some(RemovalKind::ShareBar)
            } else if is_media_credit(&lower) {
                Some(RemovalKind::MediaCredit)
            } else if i > 0 && is_stray_headline(trimmed, i, &lines) {
                Some(RemovalKind::StrayHeadline)
            } else {
                None
            }
        };
        match kind {
            Some(kind) => removed.push(Removal { span, kind }),
            None => removed.extend(inline_share_tokens(text, span)),
        }
    }
    removed
}

/// Lines with their byte spans (without the line break).
fn lines_of(text: &str) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push((Span::new(at, at + body.len()), body));
        at += piece.len();
    }
    out
}

fn is_link_line(lower: &str) -> bool {
    LINK_PREFIXES.iter().any(|p| {
        lower
            .strip_prefix(p)
            .map(|rest| rest.trim_start())
            .is_some_and(|rest| rest.starts_with([':', '|', '-', '–', '—', '»']) && rest.len() > 2)
    })
}

fn is_link_block_intro(lower: &str) -> bool {
    let l = lower.trim_end_matches([':', '.', ' ']);
    LINK_BLOCK_INTROS.contains(&l)
}

/// A headline under a link-block intro: short, no sentence-final punctuation.
fn is_headline_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let end = line.trim_end_matches(['"', '”', '’', '\'']);
    words <= 30 && !end.ends_with(['.', '!', '?'])
}

fn is_share_bar(lower: &str) -> bool {
    let mut tokens = lower.split_whitespace().peekable();
    tokens.peek().is_some()
        && lower
            .split_whitespace()
            .any(|t| t.starts_with("icon-") || t == "share")
        && tokens.all(|t| t.starts_with("icon-") || SHARE_WORDS.contains(&t))
}

fn is_media_credit(lower: &str) -> bool {
    let words = lower.split_whitespace().count();
    if words > 60 {
        return false;
    }
    let end = lower.trim_end_matches(['.', ' ', ')', ']']);
    CREDIT_ENDINGS.iter().any(|e| end.ends_with(e))
        || (words <= 12 && CREDIT_STARTS.iter().any(|s| lower.starts_with(s)))
}

/// A headline-shaped line that shares almost no vocabulary with the rest of the article.
fn is_stray_headline(line: &str, index: usize, lines: &[(Span, &str)]) -> bool {
    let end = line.trim_end_matches(['"', '”', '’', '\'']);
    if end.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 6 || words.len() > 25 {
        return false;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let has_lower = line.chars().any(char::is_lowercase);
    if !has_lower || capitalised * 10 < words.len() * 6 {
        return false;
    }
    let mine = content_words(line);
    if mine.len() < 4 {
        return false;
    }
    let rest: HashSet<String> = lines
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != index)
        .flat_map(|(_, &(_, l))| content_words(l))
        .collect();
    let shared = mine.iter().filter(|w| rest.contains(*w)).count();
    shared * 5 < mine.len()
}

fn content_words(line: &str) -> HashSet<String> {
    line.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.to_lowercase())
        .map(|w| {
            w.strip_suffix('s')
                .filter(|s| s.len() >= 3)
                .map(str::to_string)
                .unwrap_or(w)
        })
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// `icon-*` runs inside a line that also holds prose.
fn inline_share_tokens(text: &str, line: Span) -> Vec<Removal> {
    let body = line.of(text);
    let mut out: Vec<Removal> = Vec::new();
    let mut at = 0;
    for word in body.split(' ') {
        let start = line.start + at;
        at += word.len() + 1;
        if word.starts_with("icon-") && word.len() > 5 {
            let span = Span::new(start, start + word.len());
            match out.last_mut() {
                Some(prev) if prev.span.end + 1 >= span.start => prev.span.end = span.end,
                _ => out.push(Removal {
                    span,
                    kind: RemovalKind::ShareBar,
                }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<(&str, RemovalKind)> {
        clean(text)
            .into_iter()
            .map(|r| (r.span.of(text), r.kind))
            .collect()
    }

    #[test]
    fn related_link_lines() {
        let text = "Police said four men were held.\nRead more: Curfew lifted in Parachinar after talks\nThe men were produced in court.\nALSO READ: Rain floods Swat valley\n";
        assert_eq!(
            removed(text),
            vec![
                (
                    "Read more: Curfew lifted in Parachinar after talks",
                    RemovalKind::RelatedLink
                ),
                (
                    "ALSO READ: Rain floods Swat valley",
                    RemovalKind::RelatedLink
                ),
            ]
        );
    }

    #[test]
    fn link_block_stops_at_prose() {
        let text = "The meeting ended late.\nAlso, read this\nBridge reopens in Chitral\nTraders strike in Quetta over taxes\nAt the meeting, the chief minister spoke first.\n";
        let r = removed(text);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].0, "Also, read this");
        assert_eq!(r[2].0, "Traders strike in Quetta over taxes");
    }

    #[test]
    fn share_bars_and_credits() {
        let text = "Headline here\nicon-facebook icon-twitter icon-whatsapp\nThe governor arrives at the airport on Monday. Screen recording\nBody text follows. icon-email\n";
        let r = removed(text);
        assert_eq!(
            r[0],
            (
                "icon-facebook icon-twitter icon-whatsapp",
                RemovalKind::ShareBar
            )
        );
        assert_eq!(r[1].1, RemovalKind::MediaCredit);
        assert_eq!(r[2], ("icon-email", RemovalKind::ShareBar));
    }

    #[test]
    fn stray_headline_but_not_subheadings() {
        let text = "Minister rejects talk of truce with militants\n\
            The interior minister on Monday rejected reports of a truce with the militants in Bajaur.\n\
            Wheat Growers Demand Higher Support Price Before Sowing Season\n\
            Security Situation in Bajaur\n\
            He said the security situation in Bajaur was under control and the militants would be pursued.\n";
        let r = removed(text);
        assert_eq!(
            r,
            vec![(
                "Wheat Growers Demand Higher Support Price Before Sowing Season",
                RemovalKind::StrayHeadline
            )]
        );
    }

    #[test]
    fn prose_is_kept() {
        let text = "Read the statement in full below.\nRelated talks were held in Doha.\nThe photo shows the site.\n";
        assert!(clean(text).is_empty());
    }
}
