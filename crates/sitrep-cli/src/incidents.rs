//! `sitrep incidents`: the fused incidents, as JSON Lines or a table.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use sitrep_fuse::{Incident, Toll};
use sitrep_store::{IncidentFilter, Store};

use crate::ingest::DbArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum IncidentsFormat {
    /// One incident a line, as JSON.
    Jsonl,
    /// A table for people.
    Table,
}

#[derive(Debug, Args)]
pub struct IncidentsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = IncidentsFormat::Jsonl)]
    pub format: IncidentsFormat,
    /// Only incidents ending on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only incidents starting on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Only incidents at a place (location, district or province name).
    #[arg(long)]
    pub place: Option<String>,
    /// Only incidents naming this actor.
    #[arg(long)]
    pub actor: Option<String>,
    /// Only incidents whose type or sub-type contains these words.
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
}

fn range(t: &Option<Toll>) -> String {
    match t {
        Some(t) if t.low == t.high => t.best.to_string(),
        Some(t) => format!("{} ({}-{})", t.best, t.low, t.high),
        None => "-".into(),
    }
}

fn row(i: &Incident) -> String {
    let date = i
        .date
        .as_ref()
        .map(|d| d.start.clone())
        .unwrap_or_else(|| "?".into());
    let place = i
        .location
        .as_ref()
        .map(|l| {
            [Some(l.name.clone()), l.admin1.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let perps: Vec<String> = i
        .perpetrators
        .iter()
        .map(|p| format!("{} ({})", p.name, p.status))
        .collect();
    format!(
        "{:>5}  {:<10}  {:<30}  {:<32}  {:>14}  {:>14}  {:>3}  {}{}",
        i.id,
        date,
        i.sub_type.clone().unwrap_or_else(|| i.kind.clone()),
        place,
        range(&i.fatalities),
        range(&i.injured),
        i.reports.len(),
        perps.join("; "),
        if i.conflicts.is_empty() {
            String::new()
        } else {
            format!("  [{} conflict(s)]", i.conflicts.len())
        }
    )
}

/// `sitrep incidents`.
pub fn incidents(args: &IncidentsArgs) -> Result<ExitCode> {
    let filter = IncidentFilter {
        since: args.since.clone(),
        until: args.until.clone(),
        place: args.place.clone(),
        actor: args.actor.clone(),
        kind: args.kind.clone(),
    };
    let list = args.db.open_existing()?.incidents(&filter)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if args.format == IncidentsFormat::Table {
        writeln!(
            out,
            "{:>5}  {:<10}  {:<30}  {:<32}  {:>14}  {:>14}  {:>3}  perpetrators",
            "id", "date", "type", "place", "killed", "injured", "rep"
        )?;
    }
    for i in &list {
        match args.format {
            IncidentsFormat::Jsonl => {
                serde_json::to_writer(&mut out, i)?;
                writeln!(out)?;
            }
            IncidentsFormat::Table => writeln!(out, "{}", row(i))?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
