//! `sitrep serve`: the web UI and JSON API over a database, on loopback unless told
//! otherwise; `sitrep demo`: the bundled example corpus (compiled into the binary, so it runs
//! from any folder) ingested into a temporary database, then served.
//!
//! With a token (`--token-file FILE`, or the `SITREP_TOKEN` variable) the server also takes
//! reports at `POST /api/documents`, extracting and storing them the way `sitrep ingest`
//! does ([`crate::ingest::store_documents`]); bodies, request times and the time a client
//! has to send a request's head are bounded ([`sitrep_web::Limits`]).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use clap::Args;
use sitrep_store::{DbSpec, Store};

use crate::cli::{InputArgs, KbArgs};
use crate::ingest::{DbArgs, IngestArgs, Summary, store_documents};

/// Where `serve` and `demo` listen unless told otherwise.
const DEFAULT_ADDR: &str = "127.0.0.1:8080";

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Address to listen on (`127.0.0.1:0` picks a free port). Anything but loopback exposes
    /// the database to the network: reading needs no login.
    #[arg(long, default_value = DEFAULT_ADDR, value_name = "HOST:PORT")]
    pub addr: SocketAddr,
    /// A file holding the token (at least 16 characters) that `POST /api/documents` needs
    /// as `Authorization: Bearer TOKEN`; the `SITREP_TOKEN` variable is read when this is
    /// not given. Without a token, the server takes no reports.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Request bodies larger than this many bytes are refused (413).
    #[arg(long, default_value_t = sitrep_web::Limits::default().max_body, value_name = "BYTES")]
    pub max_body: usize,
    /// Seconds a request may take, body included (408 after), and a client may take to send
    /// a request's head (the connection is closed after).
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    pub timeout: f64,
    #[command(flatten)]
    pub kb: KbArgs,
}

/// The token variable read when no `--token-file` is given.
const TOKEN_VAR: &str = "SITREP_TOKEN";

impl ServeArgs {
    /// The token, limits and (with a token) the ingest path the server is set up with.
    fn options(&self) -> Result<sitrep_web::Options> {
        if !(self.timeout.is_finite() && self.timeout > 0.0) {
            bail!(
                "--timeout {}: give a positive number of seconds",
                self.timeout
            );
        }
        let timeout = Duration::from_secs_f64(self.timeout);
        let limits = sitrep_web::Limits {
            max_body: self.max_body,
            request_timeout: timeout,
            header_timeout: timeout,
        };
        let secret = match &self.token_file {
            Some(f) => Some((
                std::fs::read_to_string(f)
                    .with_context(|| format!("cannot read the token file {}", f.display()))?,
                f.display().to_string(),
            )),
            None => std::env::var(TOKEN_VAR)
                .ok()
                .map(|t| (t, TOKEN_VAR.to_string())),
        };
        let Some((secret, from)) = secret else {
            return Ok(sitrep_web::Options {
                limits,
                ..Default::default()
            });
        };
        let token =
            sitrep_web::Token::new(&secret).with_context(|| format!("token from {from}"))?;
        Ok(sitrep_web::Options {
            token: Some(token),
            intake: Some(intake(&self.kb)?),
            limits,
        })
    }
}

/// The ingest path for posted reports: the knowledge base loaded once, each report
/// extracted and stored by [`store_documents`].
fn intake(kb: &KbArgs) -> Result<sitrep_web::Intake> {
    let kb = kb.load()?;
    let pool = crate::run::pool(Some(1))?;
    Ok(Box::new(move |store, doc| {
        let mut sum = Summary::default();
        store_documents(store, &pool, &kb, vec![doc], 1, &mut sum)?;
        Ok(if sum.new > 0 {
            sitrep_store::Outcome::New
        } else if sum.replaced > 0 {
            sitrep_store::Outcome::Replaced
        } else {
            sitrep_store::Outcome::Unchanged
        })
    }))
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
    let store = args.db.open_existing()?;
    run(store, args.options()?, args.addr, &args.db.db.to_string())
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
        db: DbArgs {
            db: DbSpec::File(db.clone()),
        },
        batch: 512,
    };
    crate::ingest::ingest(&ingest)?;
    let store = DbArgs {
        db: DbSpec::File(db.clone()),
    }
    .open()?;
    let code = run(
        store,
        sitrep_web::Options::default(),
        args.addr,
        "the example corpus",
    )?;
    drop(dir);
    Ok(code)
}

fn run(
    store: Box<dyn Store + Send>,
    options: sitrep_web::Options,
    addr: SocketAddr,
    what: &str,
) -> Result<ExitCode> {
    let listener =
        std::net::TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    if !local.ip().is_loopback() {
        eprintln!(
            "sitrep: warning: listening on {local}, beyond this machine; reading needs no login"
        );
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
        let writes = if options.token.is_some() {
            "taking reports at POST /api/documents"
        } else {
            "read-only"
        };
        eprintln!("sitrep: {writes}");
        let state = sitrep_web::AppState::with_options(store, options);
        sitrep_web::serve(listener, state, shutdown).await
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
