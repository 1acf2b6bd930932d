//! `sitrep ingest`: reads reports, extracts them in parallel, stores them and fuses their
//! events into incidents, one transaction per chunk; `sitrep stats`: row counts.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use serde::Serialize;
use sitrep_kb::KnowledgeBase;
use sitrep_model::Document;
use sitrep_store::{DbSpec, Outcome, Store};

use crate::cli::InputArgs;
use crate::run::{Tally, extract_chunk, pool, read_all};

/// The database option every store command takes.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// The database: a SQLite file (created when missing), or a PostgreSQL database as
    /// `postgres://USER:PASSWORD@HOST:PORT/DB` (tables created when missing).
    #[arg(long, default_value = "sitrep.db", value_name = "FILE|URL")]
    pub db: DbSpec,
}

impl DbArgs {
    /// Opens the database, creating it when missing (for commands that store reports).
    pub fn open(&self) -> Result<Box<dyn Store + Send>> {
        sitrep_store::open(&self.db).with_context(|| format!("cannot open {}", self.db))
    }

    /// Opens a database that must exist already (see [`open_existing`]).
    pub fn open_existing(&self) -> Result<Box<dyn Store + Send>> {
        open_existing(&self.db)
    }
}

/// Opens a database that must exist already, for commands that only read: a missing SQLite
/// file is an error naming it, not a new empty database.
pub fn open_existing(db: &DbSpec) -> Result<Box<dyn Store + Send>> {
    if db.file().is_some_and(|path| !path.is_file()) {
        bail!("no database at {db} (store reports first: sitrep ingest --db {db} INPUT...)");
    }
    sitrep_store::open(db).with_context(|| format!("cannot open {db}"))
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Documents per transaction: an interrupted run keeps every batch it committed.
    #[arg(long, default_value_t = 512, value_name = "N")]
    pub batch: usize,
}

/// What an ingest run did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub new: usize,
    pub unchanged: usize,
    pub replaced: usize,
    pub failed: usize,
}

impl Summary {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::New => self.new += 1,
            Outcome::Unchanged => self.unchanged += 1,
            Outcome::Replaced => self.replaced += 1,
        }
    }
}

/// Extracts the documents whose content is not stored yet and stores them with their
/// records, `batch` documents per transaction, counting what happened in `sum`: the one
/// way documents get into the store (`ingest`, `watch`).
pub fn store_documents(
    store: &mut (impl Store + ?Sized),
    pool: &rayon::ThreadPool,
    kb: &KnowledgeBase,
    docs: Vec<Document>,
    batch: usize,
    sum: &mut Summary,
) -> Result<()> {
    let mut todo: Vec<Document> = Vec::with_capacity(docs.len());
    for d in docs {
        if store.is_unchanged(&d)? {
            sum.unchanged += 1;
        } else {
            todo.push(d);
        }
    }
    for docs in todo.chunks(batch.max(1)) {
        let records = extract_chunk(pool, docs, kb);
        let batch: Vec<_> = docs.iter().cloned().zip(records).collect();
        for o in store.ingest(&batch)? {
            sum.count(o);
        }
    }
    Ok(())
}

/// `sitrep ingest`.
pub fn ingest(args: &IngestArgs) -> Result<ExitCode> {
    let kb = args.input.kb.load()?;
    let pool = pool(args.input.threads)?;
    let mut store = args.db.open()?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b
    });
    let mut tally = Tally::default();
    let mut sum = Summary::default();
    read_all(&args.input, &mut tally, |docs| {
        let n = docs.len() as u64;
        store_documents(&mut store, &pool, &kb, docs, args.batch, &mut sum)?;
        if let Some(b) = &bar {
            b.inc(n);
            b.set_message(format!(
                "{} new, {} unchanged, {} replaced",
                sum.new, sum.unchanged, sum.replaced
            ));
        }
        Ok(())
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    sum.failed = tally.errors;
    eprintln!(
        "sitrep: ingest into {}: {} new, {} unchanged, {} replaced, {} failed",
        args.db.db, sum.new, sum.unchanged, sum.replaced, sum.failed
    );
    Ok(tally.exit_code())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// One count a line.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
}

/// `sitrep stats`.
pub fn stats(args: &StatsArgs) -> Result<ExitCode> {
    let s = args.db.open_existing()?.stats()?;
    match args.format {
        StatsFormat::Json => println!("{}", serde_json::to_string(&s)?),
        StatsFormat::Text => {
            for (name, n) in [
                ("documents", s.documents),
                ("events", s.events),
                ("incidents", s.incidents),
                ("claims", s.claims),
                ("figures", s.figures),
                ("entities", s.entities),
            ] {
                println!("{name:<10} {n}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
