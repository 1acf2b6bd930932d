//! `sitrep bench`: throughput of the whole extract pipeline on one thread and on all cores.

use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Result;
use sitrep_model::Document;

use crate::cli::BenchArgs;
use crate::run::{Tally, extract_chunk, pool, read_all};

pub fn bench(args: &BenchArgs) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut tally = Tally::default();
    let started = Instant::now();
    let mut docs: Vec<Document> = Vec::new();
    read_all(&args.input, &mut tally, |chunk| {
        docs.extend(chunk);
        Ok(())
    })?;
    let read_time = started.elapsed();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let kb_started = Instant::now();
    let kb = args.input.kb.load()?;
    let kb_time = kb_started.elapsed();
    writeln!(
        out,
        "inputs: {} documents, {:.2} MB of text (read and ingested in {:.3} s)",
        docs.len(),
        mb(bytes),
        read_time.as_secs_f64()
    )?;
    writeln!(
        out,
        "knowledge base: {} actors, {} offices, {} places, {} patterns, loaded in {:.1} ms",
        kb.actors.len(),
        kb.offices.len(),
        kb.places.len(),
        kb.matcher.entries.len(),
        kb_time.as_secs_f64() * 1e3
    )?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = args.input.threads.unwrap_or(cores);
    for t in dedup([1, threads]) {
        let pool = pool(Some(t))?;
        let best = (0..args.passes.max(1))
            .map(|_| {
                let start = Instant::now();
                let records = extract_chunk(&pool, &docs, &kb);
                std::hint::black_box(records);
                start.elapsed()
            })
            .min()
            .unwrap_or(Duration::ZERO);
        let secs = best.as_secs_f64().max(1e-9);
        writeln!(
            out,
            "extract on {t} thread{}: {:.0} documents/s, {:.1} MB/s ({:.1} MB/s per thread), best of {} pass(es): {:.3} s",
            if t == 1 { "" } else { "s" },
            docs.len() as f64 / secs,
            mb(bytes) / secs,
            mb(bytes) / secs / t as f64,
            args.passes.max(1),
            secs
        )?;
    }
    Ok(tally.exit_code())
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn dedup(v: [usize; 2]) -> Vec<usize> {
    if v[0] == v[1] { vec![v[0]] } else { v.to_vec() }
}
