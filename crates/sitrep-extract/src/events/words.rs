//! The word view the event extractor reads, and its compiled lexicons.
//!
//! Takes an [`Analysis`]; gives its words lower-cased and split at hyphens ("air-strike" is
//! "air" "strike"), each with its byte span, sentence and capitalisation, plus the trigger,
//! casualty and weapon lexicons (`kb/lexicons/event_triggers.txt`, `casualty_words.txt`,
//! `weapons.txt`) compiled once per process.

use std::borrow::Cow;
use std::sync::Arc;

use sitrep_analyse::{Analysis, TokenKind};
use sitrep_kb::{KnowledgeBase, Phrases};
use sitrep_model::Span;

/// One word.
#[derive(Clone, Debug)]
pub(super) struct Word<'a> {
    pub span: Span,
    /// Lower case, curly apostrophes straightened; borrowed from the folded text when the
    /// document is ASCII (folding then keeps every offset).
    pub lower: Cow<'a, str>,
    pub capitalised: bool,
    pub number: bool,
    /// Index of the sentence it is in.
    pub sentence: usize,
}

impl AsRef<str> for Word<'_> {
    fn as_ref(&self) -> &str {
        &self.lower
    }
}

/// The document's words, in order, split at hyphens.
pub(super) fn words<'a>(a: &'a Analysis) -> Vec<Word<'a>> {
    let text = a.text();
    let ascii = text.len() == a.folded.text.len();
    let mut out = Vec::with_capacity(a.tokens.len());
    let mut sentence = 0;
    for t in a.tokens.iter().filter(|t| t.kind != TokenKind::Punct) {
        while sentence < a.sentences.len() && a.sentences[sentence].span.end <= t.span.start {
            sentence += 1;
        }
        let w = t.span.of(text);
        let number = t.kind == TokenKind::Number;
        let mut at = t.span.start;
        for piece in w.split(['-', '\u{2010}', '\u{2011}']) {
            if !piece.is_empty() {
                out.push(Word {
                    span: Span::new(at, at + piece.len()),
                    lower: if ascii {
                        Cow::Borrowed(&a.folded.text[at..at + piece.len()])
                    } else {
                        Cow::Owned(piece.to_lowercase().replace('\u{2019}', "'"))
                    },
                    capitalised: piece.chars().next().is_some_and(char::is_uppercase),
                    number,
                    sentence,
                });
            }
            at += piece.len() + 1;
            at = (at..=t.span.end)
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(t.span.end);
        }
    }
    out
}

/// A trigger's typing, parsed from its lexicon label.
#[derive(Clone, Debug, Default)]
pub(super) struct TriggerInfo {
    pub kind: String,
    pub sub: String,
    pub tags: Vec<String>,
    /// The plural of another trigger ("attacks", "clashes"): it may count many incidents.
    pub plural: bool,
}

impl TriggerInfo {
    pub fn has(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }
}

/// The compiled lexicons.
pub(super) struct Lexicons {
    pub triggers: Phrases,
    pub infos: Vec<TriggerInfo>,
    pub casualty: Phrases,
    pub weapons: Phrases,
    /// Phrases that make a sentence about a period ("so far", "same period").
    pub period_cues: Phrases,
    /// Reporting verbs ("said", "accused"): a date next to one is when something was said.
    pub reporting: Phrases,
    /// Capitalised words that never name a place: month and weekday names, function words.
    pub not_places: std::collections::HashSet<String>,
}

impl Lexicons {
    /// The trigger typing of a phrase label (an index into `infos`).
    pub fn info(&self, label: &str) -> &TriggerInfo {
        &self.infos[label.parse::<usize>().unwrap_or(0)]
    }
}

/// The lexicons of `kb`, compiled on first use and kept with it.
pub(super) fn lexicons(kb: &KnowledgeBase) -> Arc<Lexicons> {
    kb.compiled(compile)
}

fn compile(kb: &KnowledgeBase) -> Lexicons {
    let lines = |name: &str| kb.lexicons.get(name).cloned().unwrap_or_default();
    let mut infos = vec![TriggerInfo::default()];
    let mut trigger_lines = Vec::new();
    for line in lines("event_triggers") {
        let mut cols = line.split('\t');
        let (Some(words), Some(kind)) = (cols.next(), cols.next()) else {
            continue;
        };
        let sub = cols.next().unwrap_or("").trim().to_string();
        let tags = cols
            .next()
            .unwrap_or("")
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        infos.push(TriggerInfo {
            kind: kind.trim().to_string(),
            sub,
            tags,
            plural: false,
        });
        trigger_lines.push(format!("{words}\t{}", infos.len() - 1));
    }
    let phrases: std::collections::HashSet<&str> = trigger_lines
        .iter()
        .filter_map(|l| l.split('\t').next())
        .collect();
    for (line, info) in trigger_lines.iter().zip(&mut infos[1..]) {
        let phrase = line.split('\t').next().unwrap_or("");
        info.plural = [phrase.strip_suffix("es"), phrase.strip_suffix('s')]
            .into_iter()
            .flatten()
            .any(|singular| phrases.contains(singular));
    }
    Lexicons {
        not_places: kb
            .date_words
            .iter()
            .chain(&kb.function_words)
            .cloned()
            .collect(),
        triggers: Phrases::from_lines(&trigger_lines),
        infos,
        casualty: Phrases::from_lines(&lines("casualty_words")),
        weapons: Phrases::from_lines(&lines("weapons")),
        period_cues: Phrases::from_lines(&lines("period_cues")),
        reporting: Phrases::from_lines(&lines("reporting_verbs")),
    }
}
