//! `sitrep`: the command line.
//!
//! Parses arguments ([`cli`]) and hands each command to its module; the shared reading and
//! parallel extraction loop is [`run`].

mod assess;
mod bench;
mod bench_fuse;
mod cli;
mod export;
mod incidents;
mod ingest;
mod kb;
mod muc4;
mod pretty;
mod run;
mod serve;
mod watch;

use std::process::ExitCode;

/// Extraction allocates many small, short-lived values (words, spans, names) on every thread;
/// mimalloc's per-thread heaps serve them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let result = match args.command {
        cli::Command::Extract(a) => run::extract(&a),
        cli::Command::Bench(a) => bench::bench(&a),
        cli::Command::Kb(cli::KbCommand::Check(a)) => kb::check(&a),
        cli::Command::Muc4(a) => muc4::muc4(&a),
        cli::Command::Ingest(a) => ingest::ingest(&a),
        cli::Command::Stats(a) => ingest::stats(&a),
        cli::Command::Incidents(a) => incidents::incidents(&a),
        cli::Command::Assess(a) => assess::run(&a),
        cli::Command::BenchFuse(a) => bench_fuse::bench_fuse(&a),
        cli::Command::Serve(a) => serve::serve(&a),
        cli::Command::Demo(a) => serve::demo(&a),
        cli::Command::Export(a) => export::export(&a),
        cli::Command::Watch(a) => watch::watch(&a),
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`sitrep ... | head`) ends the output, not in error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
