//! JSON Lines: one record a line, `{id, url, source, published, title, text}` or MUC-4's
//! `{docid, doctext}`.

use serde::Deserialize;
use serde_json::Value;
use sitrep_model::{DateOrigin, Document, SourceFormat};

use crate::{Batch, Draft, Problem, ProblemKind, dates};

#[derive(Deserialize)]
struct RawRecord {
    #[serde(default, alias = "docid", alias = "doc_id")]
    id: Option<Value>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default, alias = "date", alias = "published_at")]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "doctext", alias = "body")]
    text: Option<String>,
}

pub(crate) fn read(name: &str, stem: &str, content: &str, batch: &mut Batch) {
    for (i, line) in content.lines().enumerate() {
        let lineno = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse(name, line, Some(lineno), |_| format!("{stem}:{lineno}")) {
            Ok(doc) => batch.documents.push(doc),
            Err(p) => batch.problems.push(p),
        }
    }
}

/// One record (a JSON object, on one line or several) into a document; a record without an
/// id gets `default_id(text)`.
pub(crate) fn parse(
    name: &str,
    json: &str,
    lineno: Option<usize>,
    default_id: impl FnOnce(&str) -> String,
) -> Result<Document, Problem> {
    let record: RawRecord = serde_json::from_str(json)
        .map_err(|e| Problem::error(name, lineno, ProblemKind::BadJson(e.to_string())))?;
    let Some(text) = record.text.filter(|t| !t.trim().is_empty()) else {
        return Err(Problem::error(name, lineno, ProblemKind::NoText));
    };
    let id = match record.id {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => default_id(&text),
    };
    let published = record.published.as_deref().and_then(dates::parse_date);
    let draft = Draft {
        id,
        url: record.url.filter(|u| !u.is_empty()),
        source: record.source.filter(|s| !s.is_empty()),
        title: record.title,
        published,
        published_from: if published.is_some() {
            DateOrigin::Record
        } else {
            DateOrigin::None
        },
        text,
        line: lineno,
    };
    Ok(draft.finish(name, SourceFormat::JsonLines))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_bad_lines_and_muc4() {
        let mut batch = Batch::default();
        let input = concat!(
            "{\"id\": \"a1\", \"published\": \"2026-03-01\", \"text\": \"Two killed in Bannu.\"}\n",
            "{not json}\n",
            "\n",
            "{\"docid\": \"DEV-MUC3-0001\", \"doctext\": \"guerrillas attacked a bus.\"}\n",
            "{\"id\": 7, \"text\": \"  \"}\n",
            "{\"text\": \"No id here. Mon Nov 03 2025\"}\n",
        );
        read("w.jsonl", "w", input, &mut batch);
        let ids: Vec<_> = batch.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a1", "DEV-MUC3-0001", "w:6"]);
        assert_eq!(
            batch.documents[0].published.unwrap().to_string(),
            "2026-03-01"
        );
        assert_eq!(batch.documents[1].origin.line, Some(4));
        let lines: Vec<_> = batch.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(5)]);
    }

    #[test]
    fn one_record_spread_over_lines_and_its_default_id() {
        let json = "{\n  \"title\": \"Blast\",\n  \"published\": \"2026-03-01\",\n  \"text\": \"Two killed in Bannu.\"\n}";
        let doc = parse("POST", json, None, |t| format!("h:{}", t.len())).unwrap();
        assert_eq!(doc.id, "h:20");
        assert_eq!(doc.title.as_deref(), Some("Blast"));
        assert_eq!(doc.published.unwrap().to_string(), "2026-03-01");
        let bad = parse("POST", "{\"text\": 3}", None, |_| String::new()).unwrap_err();
        assert!(matches!(bad.kind, ProblemKind::BadJson(_)), "{bad}");
        let empty = parse("POST", "{\"id\": \"x\"}", None, |_| String::new()).unwrap_err();
        assert_eq!(empty.kind, ProblemKind::NoText);
    }
}
