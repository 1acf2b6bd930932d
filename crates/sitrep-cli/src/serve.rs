//! `sitrep serve`: the web UI and JSON API over a database, on loopback unless told
//! otherwise; `sitrep demo`: the bundled example corpus (compiled into the binary, so it runs
//! from any folder) ingested into a temporary database, then served.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Args;

use crate::cli::{InputArgs, KbArgs};
use crate::ingest::{DbArgs, IngestArgs};

/// Where `serve` and `demo` listen unless told otherwise.
const DEFAULT_ADDR: &str = "127.0.0.1:8080";

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on (`127.0.0.1:0` picks a free port). Anything but loopback exposes
    /// the database to the network: there is no login.
    #[arg(long, default_value = DEFAULT_ADDR, value_name = "HOST:PORT")]
    pub addr: SocketAddr,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Address to listen on (`127.0.0.1:0` picks a free port).
    #[arg(long, default_value = DEFAULT_ADDR, value_name = "HOST:PORT")]
    pub addr: SocketAddr,
}

macro_rules! example {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../examples/reports/",
                $name
            )) as &[u8],
        )
    };
}

/// The example corpus (`examples/reports`, fiction written for sitrep), file by file.
const EXAMPLES: &[(&str, &[u8])] = &[
    example!("atom.xml"),
    example!("feed.xml"),
    example!("ispr-annual-briefing.txt"),
    example!("kandhkot-police-van-ied.txt"),
    example!("kech-checkpost-attack.txt"),
    example!("kech-soldiers-funeral.txt"),
    example!("kp-apex-committee.txt"),
    example!("kp-supplementary-budget.txt"),
    example!("lakki-market-blast.txt"),
    example!("lakki-toll-36-caps.txt"),
    example!("lakki-traders-strike.txt"),
    example!("nationaldispatch-paktika-strikes.html"),
    example!("pakhtunherald-lakki-toll-36.html"),
    example!("warsak-road-library.txt"),
    example!("wire.jsonl"),
];

/// `sitrep serve`.
pub fn serve(args: &ServeArgs) -> Result<ExitCode> {
    if !args.db.db.exists() {
        bail!(
            "no database at {} (create one with `sitrep ingest --db {} REPORTS...`, or try `sitrep demo`)",
            args.db.db.display(),
            args.db.db.display()
        );
    }
    let store = args.db.open()?;
    run(store, args.addr, &args.db.db.display().to_string())
}

/// `sitrep demo`.
pub fn demo(args: &DemoArgs) -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot make a temporary folder")?;
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports)?;
    for (name, bytes) in EXAMPLES {
        std::fs::write(reports.join(name), bytes)
            .with_context(|| format!("cannot write {}", reports.join(name).display()))?;
    }
    let db = dir.path().join("demo.db");
    let ingest = IngestArgs {
        input: InputArgs {
            inputs: vec![reports.display().to_string()],
            max_bytes: 64 * 1024 * 1024,
            threads: None,
            kb: KbArgs { extra: vec![] },
        },
        db: DbArgs { db: db.clone() },
        batch: 512,
    };
    crate::ingest::ingest(&ingest)?;
    let store = DbArgs { db: db.clone() }.open()?;
    let code = run(store, args.addr, "the example corpus")?;
    drop(dir);
    Ok(code)
}

fn run(store: sitrep_store::SqliteStore, addr: SocketAddr, what: &str) -> Result<ExitCode> {
    let listener =
        std::net::TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    if !local.ip().is_loopback() {
        eprintln!("sitrep: warning: listening on {local}, beyond this machine; there is no login");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        println!("sitrep: serving {what} at http://{local}/ (Ctrl-C to stop)");
        let shutdown = async {
            // Without a signal handler the server runs until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        sitrep_web::serve(listener, sitrep_web::AppState::new(store), shutdown).await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The example folder, for the test below.
#[cfg(test)]
fn examples_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/reports"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_report_is_compiled_in() {
        let mut on_disk: Vec<String> = std::fs::read_dir(examples_dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".md"))
            .collect();
        on_disk.sort();
        let built: Vec<&str> = EXAMPLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, built, "list the new example in EXAMPLES");
    }
}
