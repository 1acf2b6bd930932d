//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// sitrep: fuse security and conflict reports into one sourced picture.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract entities, events, claims and figures from reports, one JSON record per document.
    Extract(ExtractArgs),
    /// Measure extraction throughput (documents/s, MB/s) on one thread and on all cores.
    Bench(BenchArgs),
    /// Knowledge-base tools.
    #[command(subcommand)]
    Kb(KbCommand),
    /// MUC-4 role fillers (PerpInd, PerpOrg, Target, Victim, Weapon), one JSON line per
    /// document in the format of the MUC-4 CEAF-REE scorer.
    Muc4(Muc4Args),
    /// Read reports, extract, store them in a database and fuse their events into incidents.
    Ingest(crate::ingest::IngestArgs),
    /// Counts in the database: documents, events, incidents, claims, figures, entities.
    Stats(crate::ingest::StatsArgs),
    /// The fused incidents, with tolls, revisions, perpetrators and conflicts.
    Incidents(crate::incidents::IncidentsArgs),
    /// Incidents, fatalities and actors per province, district and week, baselines and
    /// spikes, trends, and the indicator ledger (NAP scorecard) from figures.
    Assess(crate::assess::AssessArgs),
    /// Poll RSS/Atom feeds (conditional requests, backoff on errors) and ingest new items.
    Watch(crate::watch::WatchArgs),
    /// Measure ingest + fuse throughput on a synthetic stream built from the examples.
    BenchFuse(crate::bench_fuse::BenchFuseArgs),
    /// Export the database as ACLED-style CSV, GeoJSON, a STIX 2.1 bundle or JSON Lines.
    Export(crate::export::ExportArgs),
    /// The web UI and JSON API over the database (map, incidents, actors, claims,
    /// indicators, reports with their extracted spans, search; OpenAPI at /api/openapi.json).
    Serve(crate::serve::ServeArgs),
    /// Ingest the bundled example corpus into a temporary database and serve it.
    Demo(crate::serve::DemoArgs),
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Validate the knowledge base (built-in plus --kb files): duplicate ids and aliases,
    /// dangling parents, overlapping office terms. Exits 1 when anything is wrong.
    Check(KbArgs),
}

/// Options for reading inputs, shared by every command that reads reports.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively) or `-` for standard input. Text, HTML, RSS/Atom,
    /// JSON Lines ({id, url, source, published, title, text} or {docid, doctext}).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    #[command(flatten)]
    pub kb: KbArgs,
}

/// Knowledge-base options.
#[derive(Debug, Args)]
pub struct KbArgs {
    /// Extra knowledge-base files or folders (TOML actors/offices, TSV places, word lists),
    /// added to the built-in knowledge base. Repeatable.
    #[arg(long = "kb", value_name = "PATH")]
    pub extra: Vec<std::path::PathBuf>,
}

impl KbArgs {
    /// Loads the built-in knowledge base plus the extra files.
    pub fn load(&self) -> anyhow::Result<sitrep_kb::KnowledgeBase> {
        let extra: Vec<&std::path::Path> = self.extra.iter().map(|p| p.as_path()).collect();
        Ok(sitrep_kb::KnowledgeBase::load(&extra)?)
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per document, one a line (the extraction contract).
    Jsonl,
    /// A readable summary for people.
    Pretty,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Passes over the inputs per measurement (the best pass counts).
    #[arg(long, default_value_t = 3)]
    pub passes: usize,
}

#[derive(Debug, Args)]
pub struct Muc4Args {
    #[command(flatten)]
    pub input: InputArgs,
}
