//! What can go wrong reading an input, named so a person can act on it.

use std::fmt;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The input or record was read, but not all as written (lossy decoding, best-effort
    /// parsing).
    Warning,
    /// The input or record could not be read; nothing from it was produced.
    Error,
}

/// A problem with an input: which input, which line, what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The input's name (path or `-`).
    pub input: String,
    /// The 1-based line, when the problem is one record of a JSON Lines input.
    pub line: Option<usize>,
    /// Warning or error.
    pub severity: Severity,
    /// What happened.
    pub kind: ProblemKind,
}

impl Problem {
    pub(crate) fn error(input: &str, line: Option<usize>, kind: ProblemKind) -> Self {
        Problem {
            input: input.to_string(),
            line,
            severity: Severity::Error,
            kind,
        }
    }

    pub(crate) fn warning(input: &str, line: Option<usize>, kind: ProblemKind) -> Self {
        Problem {
            input: input.to_string(),
            line,
            severity: Severity::Warning,
            kind,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{level}: {}:{line}: {}", self.input, self.kind),
            None => write!(f, "{level}: {}: {}", self.input, self.kind),
        }
    }
}

/// The problems ingest recognises.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// Reading failed.
    #[error("cannot read: {0}")]
    Io(String),
    /// The input is larger than the configured limit.
    #[error(
        "input is {size} bytes, over the limit of {limit} bytes (raise it with --max-bytes); skipped"
    )]
    TooLarge {
        /// Size of the input in bytes (or a lower bound, for streams).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Nothing but white space.
    #[error("empty input, no document")]
    Empty,
    /// NUL bytes or control characters: not text.
    #[error("binary data, not a text, HTML, feed or JSON Lines file; skipped")]
    Binary,
    /// Not valid UTF-8.
    #[error("invalid UTF-8, decoded with replacement characters")]
    InvalidUtf8,
    /// A JSON Lines line that is not JSON.
    #[error("not JSON: {0}; line skipped")]
    BadJson(String),
    /// A JSON Lines record without text.
    #[error("record has no \"text\" (or \"doctext\") string; line skipped")]
    NoText,
    /// A feed that could not be parsed strictly.
    #[error("malformed feed ({0}); read {1} item(s) best-effort")]
    MalformedFeed(String, usize),
    /// A feed nothing could be read from.
    #[error("not a readable RSS or Atom feed: {0}")]
    BadFeed(String),
    /// An HTML page whose main text could not be found.
    #[error("could not find the article in the HTML ({0}); used the whole page text")]
    NoArticle(String),
    /// An item or page with no text.
    #[error("{0} has no text; skipped")]
    NoTextIn(String),
    /// The input held no report.
    #[error("no document found in input")]
    NoDocuments,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_input_and_line() {
        let p = Problem::error(
            "a.jsonl",
            Some(3),
            ProblemKind::BadJson("expected value".into()),
        );
        assert_eq!(
            p.to_string(),
            "error: a.jsonl:3: not JSON: expected value; line skipped"
        );
        let w = Problem::warning("b.txt", None, ProblemKind::InvalidUtf8);
        assert!(w.to_string().starts_with("warning: b.txt: invalid UTF-8"));
    }
}
