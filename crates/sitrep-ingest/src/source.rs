//! Where inputs come from: paths, directories and standard input.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use sitrep_model::SourceFormat;

use crate::{Limits, Problem, ProblemKind};

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }

    pub(crate) fn stem(&self) -> Option<String> {
        match self {
            Input::File(p) => crate::stem_of(p),
            Input::Stdin => None,
        }
    }

    pub(crate) fn extension(&self) -> Option<String> {
        match self {
            Input::File(p) => p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase()),
            Input::Stdin => None,
        }
    }
}

/// Expands paths into inputs: directories are walked recursively, entries in name order,
/// hidden entries skipped. Paths that do not exist become problems.
pub fn expand_inputs(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(p);
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut inputs, &mut problems),
            Ok(_) => inputs.push(Input::File(path.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(Problem::error(p, None, ProblemKind::NotFound))
            }
            Err(e) => problems.push(Problem::error(p, None, ProblemKind::Io(e.to_string()))),
        }
    }
    (inputs, problems)
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, problems: &mut Vec<Problem>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            problems.push(Problem::error(
                &dir.display().to_string(),
                None,
                ProblemKind::Io(e.to_string()),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden || is_documentation(&path) {
            continue;
        }
        if path.is_dir() {
            walk(&path, inputs, problems);
        } else {
            inputs.push(Input::File(path));
        }
    }
}

/// Markdown files inside a corpus directory describe it; they are not reports.
fn is_documentation(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"))
}

/// Reads an input's bytes, refusing inputs over the size limit.
pub(crate) fn read_bytes(input: &Input, limits: &Limits) -> Result<Vec<u8>, ProblemKind> {
    let limit = limits.max_bytes;
    match input {
        Input::File(path) => {
            let meta = fs::metadata(path).map_err(|e| io_kind(&e))?;
            if meta.len() > limit {
                return Err(ProblemKind::TooLarge {
                    size: meta.len(),
                    limit,
                });
            }
            fs::read(path).map_err(|e| io_kind(&e))
        }
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(limit + 1)
                .read_to_end(&mut buf)
                .map_err(|e| io_kind(&e))?;
            if buf.len() as u64 > limit {
                return Err(ProblemKind::TooLarge {
                    size: buf.len() as u64,
                    limit,
                });
            }
            Ok(buf)
        }
    }
}

fn io_kind(e: &std::io::Error) -> ProblemKind {
    if e.kind() == std::io::ErrorKind::NotFound {
        ProblemKind::NotFound
    } else {
        ProblemKind::Io(e.to_string())
    }
}

/// Decides the format from the extension, then from the content.
pub(crate) fn detect_format(extension: Option<&str>, content: &str) -> SourceFormat {
    match extension {
        Some("jsonl" | "ndjson" | "json") => return SourceFormat::JsonLines,
        Some("html" | "htm" | "xhtml") => return SourceFormat::Html,
        Some("rss" | "atom" | "xml") => return SourceFormat::Feed,
        Some("txt" | "text") => return SourceFormat::Text,
        _ => {}
    }
    let head: String = content
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with('{') {
        SourceFormat::JsonLines
    } else if head.starts_with("<?xml")
        && (head.contains("<rss") || head.contains("<feed") || head.contains("<rdf"))
        || head.starts_with("<rss")
        || head.starts_with("<feed")
    {
        SourceFormat::Feed
    } else if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
    {
        SourceFormat::Html
    } else {
        SourceFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(detect_format(None, "  {\"id\":1}"), SourceFormat::JsonLines);
        assert_eq!(
            detect_format(None, "<?xml version='1.0'?><rss>"),
            SourceFormat::Feed
        );
        assert_eq!(detect_format(None, "<feed xmlns="), SourceFormat::Feed);
        assert_eq!(
            detect_format(None, "<!DOCTYPE html><html>"),
            SourceFormat::Html
        );
        assert_eq!(detect_format(None, "QUETTA: A blast"), SourceFormat::Text);
        assert_eq!(detect_format(Some("txt"), "{not json"), SourceFormat::Text);
    }

    #[test]
    fn missing_paths_are_problems() {
        let (inputs, problems) = expand_inputs(&["/no/such/path/x".to_string(), "-".to_string()]);
        assert_eq!(inputs, vec![Input::Stdin]);
        assert_eq!(problems[0].kind, ProblemKind::NotFound);
    }
}
