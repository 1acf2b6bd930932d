//! Direct quotations: the document text in, the byte spans of quoted passages out.
//!
//! Curly quotes pair by direction, straight double quotes alternate. A quotation still open at
//! the end of a paragraph stops there; when the next paragraph opens with a quote mark the
//! quotation goes on there as a new passage marked as a continuation. Single quotes are left
//! alone (they nest inside double ones or are apostrophes).

use sitrep_model::{Document, Span};

/// A quoted passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Quote {
    /// The words inside the marks.
    pub inner: Span,
    /// The passage with its marks (the closing mark may be missing).
    pub outer: Span,
    /// True when it continues a quotation left open in the paragraph before.
    pub continued: bool,
}

/// The quoted passages of `doc`, in order, none overlapping a removed range.
pub(super) fn find(doc: &Document) -> Vec<Quote> {
    let text = &doc.text;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut carried = false; // the last passage ended open at a paragraph end
    let mut continued = false;
    let mut line_start = true;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        match c {
            '\n' => {
                if let Some(o) = open.take() {
                    push(&mut out, doc, o, i, i, continued);
                    carried = true;
                }
                line_start = true;
            }
            '“' | '„' | '"' if open.is_none() && (c != '"' || opens(text, i)) => {
                continued = line_start && carried;
                carried = false;
                open = Some(i);
                line_start = false;
            }
            '”' | '"' if open.is_some() => {
                let o = open.take().unwrap_or(i);
                push(&mut out, doc, o, i, i + len, continued);
                carried = false;
                line_start = false;
            }
            c if !c.is_whitespace() => {
                if line_start {
                    carried = false;
                }
                line_start = false;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(o) = open {
        push(&mut out, doc, o, text.len(), text.len(), continued);
    }
    out
}

/// A straight quote opens when it does not follow a letter or digit.
fn opens(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn push(
    out: &mut Vec<Quote>,
    doc: &Document,
    open: usize,
    close: usize,
    end: usize,
    continued: bool,
) {
    let mark = doc.text[open..].chars().next().map_or(1, char::len_utf8);
    let inner = Span::new(open + mark, close);
    let outer = Span::new(open, end);
    if !inner.is_empty() && !doc.overlaps_removed(outer) {
        out.push(Quote {
            inner,
            outer,
            continued,
        });
    }
}
