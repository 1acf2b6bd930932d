//! Highlighting: a report's text and its extraction record in, HTML out with every extracted
//! span marked by layer (entities by type, events' evidence, claims, figures, what cleaning
//! set aside). Record offsets are character offsets; spans may nest and overlap, so the text
//! is cut at every span boundary and each piece carries the classes of every span over it.
//! Spans outside the text are clipped, never trusted.

use maud::{Markup, html};
use sitrep_model::record::Record;

/// What a span marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// An event's evidence.
    Event,
    /// A claim's text.
    Claim,
    /// A figure.
    Figure,
    /// An entity mention.
    Entity,
    /// Text cleaning set aside.
    Removed,
}

impl Layer {
    /// Every layer, in legend order.
    pub const ALL: [Layer; 5] = [
        Layer::Event,
        Layer::Claim,
        Layer::Figure,
        Layer::Entity,
        Layer::Removed,
    ];

    /// The CSS class and legend word.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Event => "event",
            Layer::Claim => "claim",
            Layer::Figure => "figure",
            Layer::Entity => "entity",
            Layer::Removed => "removed",
        }
    }
}

/// One marked range of characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The layer.
    pub layer: Layer,
    /// An extra CSS class (the entity type).
    pub class: Option<String>,
    /// What hovering shows.
    pub label: String,
    /// An anchor id placed at the start.
    pub anchor: Option<String>,
    /// Brought forward (the event or claim a link pointed at).
    pub focus: bool,
}

/// The marks of a record; `focus_event` / `focus_claim` bring one event's evidence or one
/// claim forward.
pub fn marks(record: &Record, focus_event: Option<usize>, focus_claim: Option<usize>) -> Vec<Mark> {
    let mut out = Vec::new();
    for (i, e) in record.events.iter().enumerate() {
        let killed = e
            .fatalities
            .as_ref()
            .map(|c| format!(", {} killed", c.total))
            .unwrap_or_default();
        for (j, ev) in e.evidence.iter().enumerate() {
            out.push(Mark {
                start: ev.start,
                end: ev.end,
                layer: Layer::Event,
                class: None,
                label: format!(
                    "event {i}: {}{}{killed}",
                    e.kind,
                    e.sub_type
                        .as_ref()
                        .map(|s| format!(" / {s}"))
                        .unwrap_or_default()
                ),
                anchor: (j == 0).then(|| format!("event-{i}")),
                focus: focus_event == Some(i),
            });
        }
    }
    for (i, c) in record.claims.iter().enumerate() {
        out.push(Mark {
            start: c.start,
            end: c.end,
            layer: Layer::Claim,
            class: Some(format!("kind-{}", css_word(&c.kind))),
            label: format!("claim {i} ({}) by {}, {}", c.kind, c.speaker, c.cue),
            anchor: Some(format!("claim-{i}")),
            focus: focus_claim == Some(i),
        });
    }
    for (i, f) in record.figures.iter().enumerate() {
        let value = match (f.value, f.low, f.high) {
            (_, Some(l), Some(h)) => format!("{l}–{h}"),
            (Some(v), _, _) => v.to_string(),
            _ => "?".into(),
        };
        out.push(Mark {
            start: f.start,
            end: f.end,
            layer: Layer::Figure,
            class: None,
            label: format!(
                "figure {i}: {value} {} {}",
                f.unit,
                f.measure.as_deref().unwrap_or("")
            ),
            anchor: Some(crate::pages::layout::figure_anchor(f.start)),
            focus: false,
        });
    }
    for e in &record.entities {
        for m in &e.mentions {
            out.push(Mark {
                start: m.start,
                end: m.end,
                layer: Layer::Entity,
                class: Some(format!("type-{}", css_word(&e.kind))),
                label: format!("{} ({})", e.name, e.kind),
                anchor: None,
                focus: false,
            });
        }
    }
    for r in &record.removed {
        out.push(Mark {
            start: r.start,
            end: r.end,
            layer: Layer::Removed,
            class: None,
            label: "set aside by cleaning".into(),
            anchor: None,
            focus: false,
        });
    }
    out
}

/// Letters, digits, `-` and `_` only: a word safe in a class name.
fn css_word(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// The text with the marks, one `<span>` per piece between boundaries.
pub fn render(text: &str, marks: &[Mark]) -> Markup {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let marks: Vec<Mark> = marks
        .iter()
        .filter_map(|m| {
            let (s, e) = (m.start.min(n), m.end.min(n));
            (s < e).then(|| Mark {
                start: s,
                end: e,
                ..m.clone()
            })
        })
        .collect();
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    cuts.extend([0, n]);
    cuts.sort_unstable();
    cuts.dedup();
    let pieces: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
    html! {
        @for (a, b) in pieces {
            @let piece: String = chars[a..b].iter().collect();
            @for m in marks.iter().filter(|m| m.start == a && m.anchor.is_some()) {
                a.anchor id=[m.anchor.as_deref()] {}
            }
            @let over: Vec<&Mark> = marks.iter().filter(|m| m.start <= a && b <= m.end).collect();
            @if over.is_empty() {
                (piece)
            } @else {
                @let (classes, title, focus) = attributes(&over);
                @if focus {
                    mark class=(classes) title=(title) { (piece) }
                } @else {
                    span class=(classes) title=(title) { (piece) }
                }
            }
        }
    }
}

/// The classes, hover text and focus of a piece under `over`.
fn attributes(over: &[&Mark]) -> (String, String, bool) {
    let focus = over.iter().any(|m| m.focus);
    let mut classes: Vec<String> = over
        .iter()
        .map(|m| format!("hl-{}", m.layer.name()))
        .chain(over.iter().filter_map(|m| m.class.clone()))
        .chain(focus.then(|| "focus".to_string()))
        .collect();
    classes.sort();
    classes.dedup();
    let labels: Vec<&str> = over.iter().map(|m| m.label.as_str()).collect();
    (classes.join(" "), labels.join("\n"), focus)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, layer: Layer, focus: bool) -> Mark {
        Mark {
            start,
            end,
            layer,
            class: None,
            label: layer.name().to_string(),
            anchor: None,
            focus,
        }
    }

    #[test]
    fn nested_and_overlapping_marks_cut_the_text() {
        // "Bomb <kills> 3" with an event over everything and an entity inside.
        let text = "Bömb <kills> 3";
        let html = render(
            text,
            &[
                mark(0, 14, Layer::Event, true),
                mark(5, 12, Layer::Entity, false),
                mark(13, 40, Layer::Figure, false),
            ],
        )
        .into_string();
        assert!(html.starts_with("<mark class=\"focus hl-event\""), "{html}");
        assert!(html.contains(">Bömb </mark>"));
        assert!(html.contains("class=\"focus hl-entity hl-event\""));
        assert!(html.contains("&lt;kills&gt;"));
        assert!(html.contains("class=\"focus hl-event hl-figure\""));
        assert!(!html.contains("<kills>"));
    }

    #[test]
    fn marks_outside_the_text_are_clipped() {
        let html = render(
            "abc",
            &[
                mark(2, 9, Layer::Claim, false),
                mark(7, 9, Layer::Claim, false),
            ],
        )
        .into_string();
        assert_eq!(html, "ab<span class=\"hl-claim\" title=\"claim\">c</span>");
    }
}
