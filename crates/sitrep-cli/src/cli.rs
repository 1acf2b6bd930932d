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
