//! The document: what ingest gives and every later stage reads.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// One report: its clean text and what is known about it.
///
/// `text` is never rewritten after ingest. Boilerplate found inside it ("Read more: ...",
/// share-bar residue, a stray headline) is recorded in `removed` and skipped by analysis, so
/// every span sitrep reports stays an offset into this exact text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the record's id, the feed item's guid, or the file stem.
    pub id: String,
    /// Where the report was published on the web, when known.
    pub url: Option<String>,
    /// The outlet: site name or domain, when known.
    pub source: Option<String>,
    /// Headline, when known.
    pub title: Option<String>,
    /// Publication date: the reference for relative dates in the text.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: DateOrigin,
    /// The text every span points into.
    pub text: String,
    /// Ranges of `text` that cleaning judged not part of the report, in order, not overlapping.
    pub removed: Vec<Removal>,
    /// Hex digest of `text`: the same content always has the same hash.
    pub content_hash: String,
    /// The input this document was read from.
    pub origin: Origin,
}

impl Document {
    /// A document of bare text handed over by a program rather than read by ingest: nothing
    /// set aside, no outlet, no content hash, origin `-`.
    pub fn from_text(id: &str, text: &str, published: Option<NaiveDate>) -> Document {
        Document {
            id: id.to_string(),
            url: None,
            source: None,
            title: None,
            published,
            published_from: if published.is_some() {
                DateOrigin::Record
            } else {
                DateOrigin::None
            },
            text: text.to_string(),
            removed: Vec::new(),
            content_hash: String::new(),
            origin: Origin {
                input: "-".into(),
                line: None,
                format: SourceFormat::Text,
            },
        }
    }

    /// True when byte offset `at` lies inside a removed range.
    pub fn is_removed(&self, at: usize) -> bool {
        let i = self.removed.partition_point(|r| r.span.end <= at);
        self.removed.get(i).is_some_and(|r| r.span.start <= at)
    }

    /// True when `span` overlaps any removed range.
    pub fn overlaps_removed(&self, span: Span) -> bool {
        let i = self.removed.partition_point(|r| r.span.end <= span.start);
        self.removed.get(i).is_some_and(|r| r.span.overlaps(span))
    }

    /// The ranges of `text` that are kept, in order.
    pub fn kept(&self) -> impl Iterator<Item = Span> + '_ {
        let mut at = 0;
        let mut removed = self.removed.iter();
        let len = self.text.len();
        std::iter::from_fn(move || {
            loop {
                match removed.next() {
                    Some(r) => {
                        let piece = Span::new(at, r.span.start);
                        at = r.span.end;
                        if !piece.is_empty() {
                            return Some(piece);
                        }
                    }
                    None => {
                        if at < len {
                            let piece = Span::new(at, len);
                            at = len;
                            return Some(piece);
                        }
                        return None;
                    }
                }
            }
        })
    }
}

/// A range of the text that cleaning set aside, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// The bytes set aside.
    pub span: Span,
    /// Why.
    pub kind: RemovalKind,
}

/// The kinds of boilerplate cleaning recognises inside article text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalKind {
    /// "Read more: ...", "Also read: ...", "Also, read this" and the link headlines after them.
    RelatedLink,
    /// Share-button residue such as "icon-facebook icon-twitter".
    ShareBar,
    /// A media caption or credit such as "Screen recording" or "Photo: File".
    MediaCredit,
    /// A headline of an unrelated story standing alone inside the article.
    StrayHeadline,
}

/// Where a document's publication date came from, most trusted first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// The input record or feed item said so.
    Record,
    /// An HTML meta tag or JSON-LD `datePublished`.
    Meta,
    /// A date line in the text itself ("Mon Nov 03 2025").
    TextLine,
    /// Unknown.
    #[default]
    None,
}

/// The input a document came from, for messages and provenance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The path, or `-` for standard input.
    pub input: String,
    /// The 1-based line, for JSON Lines inputs.
    pub line: Option<usize>,
    /// How the input was read.
    pub format: SourceFormat,
}

/// The input formats sitrep reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// An RSS 2.0 or Atom feed.
    Feed,
    /// JSON Lines records.
    JsonLines,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, removed: &[(usize, usize)]) -> Document {
        Document {
            id: "d".into(),
            url: None,
            source: None,
            title: None,
            published: None,
            published_from: DateOrigin::None,
            text: text.into(),
            removed: removed
                .iter()
                .map(|&(s, e)| Removal {
                    span: Span::new(s, e),
                    kind: RemovalKind::ShareBar,
                })
                .collect(),
            content_hash: String::new(),
            origin: Origin {
                input: "-".into(),
                line: None,
                format: SourceFormat::Text,
            },
        }
    }

    #[test]
    fn kept_ranges_skip_removed() {
        let d = doc("0123456789", &[(0, 2), (4, 6)]);
        let kept: Vec<_> = d.kept().collect();
        assert_eq!(kept, vec![Span::new(2, 4), Span::new(6, 10)]);
        assert!(d.is_removed(5));
        assert!(!d.is_removed(6));
        assert!(d.overlaps_removed(Span::new(3, 5)));
        assert!(!d.overlaps_removed(Span::new(2, 4)));
    }

    #[test]
    fn kept_whole_text_when_nothing_removed() {
        let d = doc("abc", &[]);
        assert_eq!(d.kept().collect::<Vec<_>>(), vec![Span::new(0, 3)]);
    }
}
