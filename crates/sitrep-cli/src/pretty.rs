//! The `--format pretty` view: a readable summary of one record.

use std::io::{self, Write};

use sitrep_model::Document;
use sitrep_model::record::Record;

/// Writes `record` for people.
pub fn write(out: &mut impl Write, doc: &Document, record: &Record) -> io::Result<()> {
    let rule = "─".repeat(72);
    writeln!(out, "{rule}")?;
    writeln!(
        out,
        "{}  [{}]",
        record.doc_id,
        record.published.as_deref().unwrap_or("date unknown")
    )?;
    if let Some(title) = &record.title {
        writeln!(out, "  {title}")?;
    }
    let from = [record.source.as_deref(), record.url.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    writeln!(
        out,
        "  from {}  ({} chars{})",
        if from.is_empty() {
            &doc.origin.input
        } else {
            &from
        },
        doc.text.chars().count(),
        if record.removed.is_empty() {
            String::new()
        } else {
            format!(", {} boilerplate range(s) set aside", record.removed.len())
        }
    )?;
    if !record.entities.is_empty() {
        writeln!(out, "  entities:")?;
        for e in &record.entities {
            writeln!(
                out,
                "    {:<18} {} ({} mention{})",
                e.kind,
                e.name,
                e.mentions.len(),
                if e.mentions.len() == 1 { "" } else { "s" }
            )?;
        }
    }
    if !record.events.is_empty() {
        writeln!(out, "  events:")?;
        for e in &record.events {
            let when = e.date.as_ref().map(|d| {
                if d.start == d.end {
                    d.start.clone()
                } else {
                    format!("{}..{}", d.start, d.end)
                }
            });
            let killed = e
                .fatalities
                .as_ref()
                .map(|f| format!(", {} killed ({})", f.total, f.qualifier))
                .unwrap_or_default();
            writeln!(
                out,
                "    {} / {} at {} on {}{}",
                e.kind,
                e.sub_type.as_deref().unwrap_or("-"),
                e.location.as_ref().map_or("?", |l| l.name.as_str()),
                when.as_deref().unwrap_or("?"),
                killed
            )?;
        }
    }
    if !record.claims.is_empty() {
        writeln!(out, "  claims:")?;
        for c in &record.claims {
            let text: String = c.text.chars().take(100).collect();
            writeln!(
                out,
                "    {} {}: {}{}",
                c.speaker,
                c.cue,
                text,
                if c.text.chars().count() > 100 {
                    "…"
                } else {
                    ""
                }
            )?;
        }
    }
    if !record.figures.is_empty() {
        writeln!(out, "  figures:")?;
        for f in &record.figures {
            writeln!(
                out,
                "    {:<14} {}",
                f.text,
                f.measure.as_deref().unwrap_or("")
            )?;
        }
    }
    for c in &record.checks {
        writeln!(
            out,
            "  check {}: {}",
            if c.consistent { "ok" } else { "INCONSISTENT" },
            c.message
        )?;
    }
    Ok(())
}
