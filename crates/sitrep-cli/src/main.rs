//! `sitrep`: the command line.
//!
//! Parses arguments ([`cli`]) and hands each command to its module; the shared reading and
//! parallel extraction loop is [`run`].

mod bench;
mod cli;
mod kb;
mod muc4;
mod pretty;
mod run;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    let result = match args.command {
        cli::Command::Extract(a) => run::extract(&a),
        cli::Command::Bench(a) => bench::bench(&a),
        cli::Command::Kb(cli::KbCommand::Check(a)) => kb::check(&a),
        cli::Command::Muc4(a) => muc4::muc4(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
