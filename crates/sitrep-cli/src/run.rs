//! The reading and extraction loop every command shares: inputs are read in order, documents
//! are extracted in parallel in chunks, results come out in input order.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use rayon::prelude::*;
use sitrep_extract::extract as extract_doc;
use sitrep_ingest::{Limits, Problem, Severity, expand_inputs, read_input};
use sitrep_kb::KnowledgeBase;
use sitrep_model::Document;
use sitrep_model::record::Record;

use crate::cli::{ExtractArgs, Format, InputArgs};
use crate::pretty;

/// Documents per parallel chunk.
const CHUNK_DOCS: usize = 512;

/// How a run went, for the exit code and the summary.
#[derive(Debug, Default)]
pub struct Tally {
    pub documents: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn exit_code(&self) -> ExitCode {
        if self.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Builds the thread pool the `--threads` option asks for.
pub fn pool(threads: Option<usize>) -> Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        b = b.num_threads(n.max(1));
    }
    b.build().context("cannot start worker threads")
}

/// Reads every input, calling `on_chunk` with chunks of documents in input order, and
/// printing each problem to standard error as it is met.
pub fn read_all(
    args: &InputArgs,
    tally: &mut Tally,
    mut on_chunk: impl FnMut(Vec<Document>) -> Result<()>,
) -> Result<()> {
    let limits = Limits {
        max_bytes: args.max_bytes,
    };
    let (inputs, problems) = expand_inputs(&args.inputs);
    report(&problems, tally);
    let mut chunk = Vec::new();
    for input in &inputs {
        let batch = read_input(input, &limits);
        report(&batch.problems, tally);
        tally.documents += batch.documents.len();
        chunk.extend(batch.documents);
        if chunk.len() >= CHUNK_DOCS {
            on_chunk(std::mem::take(&mut chunk))?;
        }
    }
    if !chunk.is_empty() {
        on_chunk(chunk)?;
    }
    Ok(())
}

/// Prints each problem to standard error, counting it in `tally`.
pub fn report(problems: &[Problem], tally: &mut Tally) {
    for p in problems {
        match p.severity {
            Severity::Error => tally.errors += 1,
            Severity::Warning => tally.warnings += 1,
        }
        eprintln!("sitrep: {p}");
    }
}

/// Extracts a chunk in parallel, keeping order.
pub fn extract_chunk(
    pool: &rayon::ThreadPool,
    docs: &[Document],
    kb: &KnowledgeBase,
) -> Vec<Record> {
    pool.install(|| docs.par_iter().map(|d| extract_doc(d, kb)).collect())
}

/// `sitrep extract`.
pub fn extract(args: &ExtractArgs) -> Result<ExitCode> {
    let kb = args.input.kb.load()?;
    let pool = pool(args.input.threads)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    read_all(&args.input, &mut tally, |docs| {
        let records = extract_chunk(&pool, &docs, &kb);
        for (doc, record) in docs.iter().zip(&records) {
            match args.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, record)?;
                    out.write_all(b"\n")?;
                }
                Format::Pretty => pretty::write(&mut out, doc, record)?,
            }
        }
        Ok(())
    })
    .or_else(ignore_broken_pipe)?;
    out.flush().or_else(|e| ignore_broken_pipe(e.into()))?;
    if tally.errors + tally.warnings > 0 {
        eprintln!(
            "sitrep: {} document(s) extracted; {} input error(s), {} warning(s)",
            tally.documents, tally.errors, tally.warnings
        );
    }
    Ok(tally.exit_code())
}

/// A closed pipe (`sitrep extract ... | head`) is not an error.
fn ignore_broken_pipe(e: anyhow::Error) -> Result<()> {
    match e.downcast_ref::<io::Error>() {
        Some(io) if io.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        _ => match e.downcast_ref::<serde_json::Error>() {
            Some(j) if j.io_error_kind() == Some(io::ErrorKind::BrokenPipe) => Ok(()),
            _ => Err(e),
        },
    }
}
