//! Ingest: sources in, [`Document`]s out.
//!
//! Takes paths (files, directories walked recursively in name order) and `-` for standard
//! input; gives one [`Document`] per report plus a [`Problem`] for everything that went wrong
//! or looked wrong, naming the input (and line) and the problem. Formats: plain text, HTML
//! pages (main text only), RSS 2.0 and Atom feeds (one document per item), and JSON Lines
//! records (`{id, url, source, published, title, text}` or MUC-4's `{docid, doctext}`).
//!
//! Every document's text is then [`clean`]ed: boilerplate inside the article is recorded as
//! removed ranges, never cut out, so spans stay offsets into the text.
#![deny(missing_docs)]

pub mod clean;
mod dates;
mod decode;
mod feed;
mod html;
mod jsonl;
mod problem;
mod source;
mod text;

use std::path::Path;

use chrono::NaiveDate;
pub use problem::{Problem, ProblemKind, Severity};
use sitrep_model::{DateOrigin, Document, Origin, SourceFormat};
pub use source::{Input, expand_inputs};

/// Limits applied to every input.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Inputs larger than this many bytes are refused.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// What reading one input gave.
#[derive(Debug, Default)]
pub struct Batch {
    /// The documents read, in input order.
    pub documents: Vec<Document>,
    /// Warnings and errors, in the order met.
    pub problems: Vec<Problem>,
}

impl Batch {
    /// True when any problem is an error (an input or record that could not be read).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Reads one input into documents. Never panics on any input; problems are in the batch.
pub fn read_input(input: &Input, limits: &Limits) -> Batch {
    let mut batch = Batch::default();
    let name = input.name();
    let bytes = match source::read_bytes(input, limits) {
        Ok(b) => b,
        Err(kind) => {
            batch.problems.push(Problem::error(&name, None, kind));
            return batch;
        }
    };
    read_bytes(
        &name,
        input.stem().as_deref(),
        input.extension().as_deref(),
        &bytes,
        &mut batch,
    );
    batch
}

/// Reads an input's bytes, already in memory, into `batch`.
///
/// `name` names the input in messages, `stem` gives a plain-text or HTML document its id,
/// `extension` helps detect the format (content sniffing decides when it is absent).
pub fn read_bytes(
    name: &str,
    stem: Option<&str>,
    extension: Option<&str>,
    bytes: &[u8],
    batch: &mut Batch,
) {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        batch
            .problems
            .push(Problem::error(name, None, ProblemKind::Empty));
        return;
    }
    if decode::looks_binary(bytes) {
        batch
            .problems
            .push(Problem::error(name, None, ProblemKind::Binary));
        return;
    }
    let (content, lossy) = decode::decode(bytes);
    if lossy {
        batch
            .problems
            .push(Problem::warning(name, None, ProblemKind::InvalidUtf8));
    }
    let id = stem.unwrap_or("stdin");
    let before = batch.documents.len();
    match source::detect_format(extension, &content) {
        SourceFormat::JsonLines => jsonl::read(name, id, &content, batch),
        SourceFormat::Feed => feed::read(name, &content, batch),
        SourceFormat::Html => html::read(name, id, &content, batch),
        SourceFormat::Text => text::read(name, id, &content, batch),
    }
    if batch.documents.len() == before && !batch.has_errors_for(name) {
        batch
            .problems
            .push(Problem::error(name, None, ProblemKind::NoDocuments));
    }
}

impl Batch {
    fn has_errors_for(&self, name: &str) -> bool {
        self.problems
            .iter()
            .any(|p| p.severity == Severity::Error && p.input == name)
    }
}

/// Reads a path (file or directory) or `-`, expanding directories; a convenience for tests
/// and single-shot callers.
pub fn read_path(path: &str, limits: &Limits) -> Batch {
    let (inputs, mut problems) = expand_inputs(&[path.to_string()]);
    let mut batch = Batch::default();
    for input in &inputs {
        let b = read_input(input, limits);
        batch.documents.extend(b.documents);
        batch.problems.extend(b.problems);
    }
    problems.append(&mut batch.problems);
    batch.problems = problems;
    batch
}

/// Reads one record, a JSON object with the fields of a JSON Lines line (`{id, url, source,
/// published, title, text}`), into a document; `name` names where it came from in messages
/// and in the document's origin. A record without an id is named by its text
/// (`report-` and 16 hex digits of its hash), so the same text sent twice is one report.
pub fn read_record(name: &str, json: &str) -> Result<Document, Problem> {
    jsonl::parse(name, json, None, |text| {
        format!("report-{}", &blake3::hash(text.as_bytes()).to_hex()[..16])
    })
}

/// The parts of a document that the format readers know, before cleaning and hashing.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_from: DateOrigin,
    pub text: String,
    pub line: Option<usize>,
}

impl Draft {
    /// Finishes a draft: publication date from a date line when nothing better is known,
    /// source from the URL's domain, cleaning, content hash.
    pub(crate) fn finish(mut self, input: &str, format: SourceFormat) -> Document {
        if self.published.is_none()
            && let Some(d) = dates::date_line(&self.text)
        {
            self.published = Some(d);
            self.published_from = DateOrigin::TextLine;
        }
        if self.source.is_none() {
            self.source = self.url.as_deref().and_then(domain_of);
        }
        let removed = clean::clean(&self.text);
        let content_hash = blake3::hash(self.text.as_bytes()).to_hex()[..32].to_string();
        Document {
            id: self.id,
            url: self.url,
            source: self.source,
            title: self
                .title
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            published: self.published,
            published_from: self.published_from,
            text: self.text,
            removed,
            content_hash,
            origin: Origin {
                input: input.to_string(),
                line: self.line,
                format,
            },
        }
    }
}

/// The host of a URL, without `www.`: the outlet when nothing better names it.
pub(crate) fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The stem of a path, for ids.
pub(crate) fn stem_of(path: &Path) -> Option<String> {
    path.file_stem().map(|s| s.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(
            domain_of("https://www.dawn.example/news/1").as_deref(),
            Some("dawn.example")
        );
        assert_eq!(
            domain_of("http://user@host.example:8080/x").as_deref(),
            Some("host.example")
        );
        assert_eq!(domain_of("not a url"), None);
    }
}
