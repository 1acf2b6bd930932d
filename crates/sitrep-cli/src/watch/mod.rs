//! `sitrep watch`: polls RSS/Atom feeds and ingests their new items.
//!
//! Takes feed URLs from the command line and a feeds file ([`feeds`]). Each poll is a
//! conditional GET sending the `ETag` and `Last-Modified` saved in the store from the last
//! read ([`fetch`]); a 304 is nothing new. A feed's body is read exactly as `sitrep ingest`
//! reads a feed file and its items go into the store the same way
//! ([`store_documents`](crate::ingest::store_documents): unchanged items are skipped before
//! extraction), then its validators are saved, so a restart does not fetch unchanged feeds
//! again. [`schedule`] decides when each feed is polled next: every `--interval`, backing
//! off exponentially after errors. A failing feed gets an error line naming its URL and the
//! problem; the others keep being polled. `--once` polls every feed once and exits, non-zero
//! when any feed failed.

mod feeds;
mod fetch;
mod schedule;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use clap::Args;
use sitrep_ingest::{Batch, ProblemKind};
use sitrep_kb::KnowledgeBase;
use sitrep_store::Store;

use crate::cli::KbArgs;
use crate::ingest::{DbArgs, Summary, store_documents};
use crate::run::{Tally, pool, report};
use feeds::FeedList;
use fetch::{FetchError, Fetched, Fetcher};
use schedule::Schedule;

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Feed URLs (http:// or https://).
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// A file of feed URLs, one a line; `#` starts a comment.
    #[arg(long, value_name = "FILE")]
    pub feeds: Option<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Seconds between two polls of a feed.
    #[arg(long, default_value_t = 300, value_name = "SECS")]
    pub interval: u64,
    /// Longest wait, in seconds, before polling a feed that keeps failing (the wait doubles
    /// after each error in a row).
    #[arg(long, default_value_t = 3600, value_name = "SECS")]
    pub max_backoff: u64,
    /// Poll every feed once and exit: non-zero when any feed failed.
    #[arg(long)]
    pub once: bool,
    /// Give up on connecting to a feed, or on a whole request, after this many seconds.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    pub timeout: u64,
    /// Refuse feeds larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Documents per transaction.
    #[arg(long, default_value_t = 512, value_name = "N")]
    pub batch: usize,
    #[command(flatten)]
    pub kb: KbArgs,
}

/// `sitrep watch`.
pub fn watch(args: &WatchArgs) -> Result<ExitCode> {
    let list = FeedList::gather(&args.urls, args.feeds.as_deref())?;
    for bad in &list.bad {
        eprintln!("sitrep: error: {bad}");
    }
    if list.urls.is_empty() {
        bail!("no feed to watch: give feed URLs or --feeds FILE");
    }
    let mut watcher = Watcher {
        kb: args.kb.load()?,
        pool: pool(args.threads)?,
        store: args.db.open()?,
        fetcher: Fetcher::new(Duration::from_secs(args.timeout.max(1)), args.max_bytes),
        batch: args.batch,
        tally: Tally::default(),
    };
    if args.once {
        let mut failed = 0;
        for url in &list.urls {
            let polled = watcher.poll(url);
            failed += usize::from(polled.is_err());
            eprintln!("sitrep: {}", line(url, &polled, None));
        }
        eprintln!(
            "sitrep: watch into {}: {} feed(s) polled, {failed} failed, {} skipped",
            args.db.db,
            list.urls.len(),
            list.bad.len()
        );
        return Ok(if failed + list.bad.len() + watcher.tally.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    let mut schedule = Schedule::new(
        list.urls.len(),
        Duration::from_secs(args.interval.max(1)),
        Duration::from_secs(args.max_backoff),
        Instant::now(),
    );
    while let Some((i, due)) = schedule.next() {
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        let url = &list.urls[i];
        let polled = watcher.poll(url);
        let now = Instant::now();
        let retry = match polled {
            Ok(_) => {
                schedule.succeeded(i, now);
                None
            }
            Err(_) => Some(schedule.failed(i, now)),
        };
        eprintln!("sitrep: {}", line(url, &polled, retry));
    }
    Ok(ExitCode::SUCCESS)
}

/// What one poll of a feed did.
#[derive(Debug)]
enum Polled {
    /// 304.
    NotModified,
    /// The items read, by what happened to them.
    Stored(Summary),
}

/// Why a poll failed.
#[derive(Debug, thiserror::Error)]
enum PollError {
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The body gave no item (the reasons are reported as problems).
    #[error("no item could be read from the feed")]
    Unreadable,
    #[error("storing the feed's items: {0:#}")]
    Store(anyhow::Error),
}

impl From<sitrep_store::StoreError> for PollError {
    fn from(e: sitrep_store::StoreError) -> Self {
        PollError::Store(e.into())
    }
}

/// Everything a poll needs, kept across polls.
struct Watcher<S> {
    kb: KnowledgeBase,
    pool: rayon::ThreadPool,
    store: S,
    fetcher: Fetcher,
    batch: usize,
    /// Problems met reading items.
    tally: Tally,
}

impl<S: Store> Watcher<S> {
    /// Fetches `url` if it changed, stores its items, then saves its validators.
    fn poll(&mut self, url: &str) -> Result<Polled, PollError> {
        let last = self.store.feed_validators(url)?;
        let (bytes, validators) = match self.fetcher.fetch(url, &last)? {
            Fetched::NotModified => return Ok(Polled::NotModified),
            Fetched::Body { bytes, validators } => (bytes, validators),
        };
        let mut batch = Batch::default();
        sitrep_ingest::read_bytes(url, None, Some("xml"), &bytes, &mut batch);
        // A well-formed feed with no items is an empty poll, not a failure.
        batch
            .problems
            .retain(|p| p.kind != ProblemKind::NoDocuments);
        report(&batch.problems, &mut self.tally);
        if batch.documents.is_empty() && batch.has_errors() {
            return Err(PollError::Unreadable);
        }
        let mut sum = Summary::default();
        store_documents(
            &mut self.store,
            &self.pool,
            &self.kb,
            batch.documents,
            self.batch,
            &mut sum,
        )
        .map_err(PollError::Store)?;
        self.store.save_feed_validators(url, &validators)?;
        Ok(Polled::Stored(sum))
    }
}

/// The line reporting a poll of `url`, with the wait before the next try after an error.
fn line(url: &str, polled: &Result<Polled, PollError>, retry: Option<Duration>) -> String {
    match polled {
        Ok(Polled::NotModified) => format!("{url}: not modified"),
        Ok(Polled::Stored(s)) => format!(
            "{url}: {} new, {} unchanged, {} replaced",
            s.new, s.unchanged, s.replaced
        ),
        Err(e) => match retry {
            Some(wait) => format!("error: {url}: {e}; next try in {} s", wait.as_secs()),
            None => format!("error: {url}: {e}"),
        },
    }
}
