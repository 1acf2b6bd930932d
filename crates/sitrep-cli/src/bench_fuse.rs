//! `sitrep bench-fuse N`: ingest + fuse throughput on a synthetic stream of N reports built
//! from the example corpus, and whether the cost per report stays flat as the database grows
//! (the last window of reports against the first).
//!
//! Each synthetic report is an example report's text with a line naming its synthetic
//! incident appended (so every content hash differs); it is extracted for real, and its
//! events are replaced by one synthetic event with a varied place (240 towns in six
//! provinces), date (about seven incidents a day) and toll (rising over an incident's 1–6
//! reports, with an occasional outlier), so fusion has a known answer.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};
use clap::Args;
use sitrep_model::Document;
use sitrep_model::record::{Casualties, DateRange, Event, EventActor, Location};
use sitrep_store::{DbSpec, Store};

use crate::cli::{InputArgs, KbArgs};
use crate::run::{Tally, extract_chunk, pool, read_all};

#[derive(Debug, Args)]
pub struct BenchFuseArgs {
    /// Reports in the stream.
    #[arg(default_value_t = 20_000)]
    pub n: usize,
    /// The example reports the stream is built from.
    #[arg(long, default_value = "examples/reports")]
    pub examples: String,
    /// Database: a SQLite file or a `postgres://` URL (default: a new temporary file).
    #[arg(long, value_name = "FILE|URL")]
    pub db: Option<DbSpec>,
    /// Reports per transaction and per timing window.
    #[arg(long, default_value_t = 1000)]
    pub window: usize,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

const PROVINCES: [&str; 6] = [
    "Khyber Pakhtunkhwa",
    "Balochistan",
    "Punjab",
    "Sindh",
    "Islamabad Capital Territory",
    "Gilgit-Baltistan",
];
const KINDS: [(&str, &str); 4] = [
    ("Explosions/Remote violence", "Suicide bomb"),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
];
const GROUPS: [&str; 4] = [
    "Tehrik-i-Taliban Pakistan",
    "Islamic State Khorasan Province",
    "Baloch Liberation Front",
    "Baloch Liberation Army",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One synthetic report: which incident, which of its reports, when published.
struct Plan {
    incident: usize,
    nth: usize,
    published: i32,
    town: usize,
    kind: usize,
    date: i32,
    toll: u64,
    group: usize,
}

fn plan(n: usize, rng: &mut Rng) -> (Vec<Plan>, usize) {
    let mut out = Vec::with_capacity(n);
    let start = sitrep_fuse::day_number("2024-01-01").unwrap_or(0);
    let mut k = 0;
    while out.len() < n {
        let reports = 1 + rng.below(6) as usize;
        let date = start + (k / 7) as i32;
        let (town, kind, group) = (
            rng.below(240) as usize,
            rng.below(4) as usize,
            rng.below(4) as usize,
        );
        let base = 1 + rng.below(30);
        for nth in 0..reports.min(n - out.len()) {
            let outlier = nth == 3 && rng.below(4) == 0;
            let toll = if outlier {
                base * 3 + 10
            } else {
                base + nth as u64 * (1 + base / 4)
            };
            out.push(Plan {
                incident: k,
                nth,
                published: date + (nth as i32 + 1) / 2,
                town,
                kind,
                date,
                toll,
                group,
            });
        }
        k += 1;
    }
    // The stream arrives by publication day; within a day the order is mixed.
    let mut keyed: Vec<(i32, u64, Plan)> = out
        .into_iter()
        .map(|p| (p.published, rng.next(), p))
        .collect();
    keyed.sort_by_key(|(d, r, _)| (*d, *r));
    (keyed.into_iter().map(|(_, _, p)| p).collect(), k)
}

fn event(p: &Plan) -> Event {
    let (kind, sub) = KINDS[p.kind];
    let j = p.town;
    let day = sitrep_fuse::day_to_string(p.date);
    Event {
        kind: kind.into(),
        sub_type: Some(sub.into()),
        date: Some(DateRange {
            start: day.clone(),
            end: day,
        }),
        location: Some(Location {
            name: format!("Town {j}"),
            admin2: Some(format!("District {}", j / 4)),
            admin1: Some(PROVINCES[j % 6].into()),
            country: Some("PK".into()),
            lat: Some(24.0 + (j * 37 % 1200) as f64 / 100.0),
            lon: Some(61.0 + (j * 53 % 1200) as f64 / 100.0),
            kind: Some("city".into()),
        }),
        actors: vec![EventActor {
            name: GROUPS[p.group].into(),
            role: "perpetrator".into(),
            status: Some(if p.nth == 0 { "claimed" } else { "blamed" }.into()),
        }],
        fatalities: Some(Casualties {
            total: p.toll,
            qualifier: "exact".into(),
            civilians: None,
            security_forces: None,
            militants: None,
        }),
        injured: None,
        weapons: vec![],
        tags: vec![],
        evidence: vec![],
    }
}

/// `sitrep bench-fuse`.
pub fn bench_fuse(args: &BenchFuseArgs) -> Result<ExitCode> {
    let input = InputArgs {
        inputs: vec![args.examples.clone()],
        max_bytes: 64 * 1024 * 1024,
        threads: args.threads,
        kb: KbArgs { extra: vec![] },
    };
    let mut examples: Vec<Document> = Vec::new();
    read_all(&input, &mut Tally::default(), |docs| {
        examples.extend(docs);
        Ok(())
    })?;
    if examples.is_empty() {
        bail!("no example reports in {}", args.examples);
    }
    let kb = input.kb.load()?;
    let pool = pool(args.threads)?;
    let tmp = tempfile_path();
    let spec = args.db.clone().unwrap_or_else(|| DbSpec::File(tmp.clone()));
    let mut store = sitrep_store::open(&spec)?;
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (plans, generated) = plan(args.n, &mut rng);
    let window = args.window.max(1);
    let mut times = Vec::new();
    let mut cpu_times: Vec<Option<f64>> = Vec::new();
    let all = Instant::now();
    for (w, chunk) in plans.chunks(window).enumerate() {
        let t = Instant::now();
        let docs: Vec<Document> = chunk
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut d = examples[(p.incident + p.nth) % examples.len()].clone();
                let line = format!(
                    "\n\nSynthetic report {}: incident {} at Town {} on {}, {} killed.",
                    w * window + i,
                    p.incident,
                    p.town,
                    sitrep_fuse::day_to_string(p.date),
                    p.toll
                );
                d.id = format!("synthetic-{}", w * window + i);
                d.url = None;
                d.text.push_str(&line);
                d.content_hash = format!("synthetic-{}-{}", d.content_hash, w * window + i);
                d.published = d.published.and(
                    chrono::NaiveDate::parse_from_str(
                        &sitrep_fuse::day_to_string(p.published),
                        "%Y-%m-%d",
                    )
                    .ok(),
                );
                d
            })
            .collect();
        let mut records = extract_chunk(&pool, &docs, &kb);
        for (r, p) in records.iter_mut().zip(chunk) {
            r.published = Some(sitrep_fuse::day_to_string(p.published));
            r.events = vec![event(p)];
        }
        let batch: Vec<_> = docs.into_iter().zip(records).collect();
        let (stored, cpu) = (Instant::now(), thread_cpu_seconds());
        store.ingest(&batch)?;
        let cpu = thread_cpu_seconds().zip(cpu).map(|(b, a)| b - a);
        times.push((
            chunk.len(),
            t.elapsed().as_secs_f64(),
            stored.elapsed().as_secs_f64(),
        ));
        cpu_times.push(cpu);
    }
    let total = all.elapsed().as_secs_f64();
    let stats = store.stats()?;
    println!("reports        {}", plans.len());
    println!(
        "total          {total:.1} s, {:.0} docs/s (extract + store + fuse)",
        plans.len() as f64 / total
    );
    if let (Some(first), Some(last)) = (times.first(), times.last()) {
        for (name, w) in [("first", first), ("last", last)] {
            println!(
                "{name:<6} window {} reports in {:.2} s ({:.0} docs/s); store + fuse {:.2} s ({:.0} docs/s)",
                w.0,
                w.1,
                w.0 as f64 / w.1,
                w.2,
                w.0 as f64 / w.2
            );
        }
        println!(
            "last / first   {:.2} overall, {:.2} store + fuse",
            last.1 / first.1 * first.0 as f64 / last.0 as f64,
            last.2 / first.2 * first.0 as f64 / last.0 as f64
        );
        let fuse_total: f64 = times.iter().map(|t| t.2).sum();
        println!(
            "store + fuse   {:.0} docs/s over the whole stream",
            plans.len() as f64 / fuse_total
        );
        if let (Some(Some(a)), Some(Some(b))) = (cpu_times.first(), cpu_times.last()) {
            println!(
                "store + fuse CPU time (this thread; other load on the machine does not count): \
                 first window {a:.2} s, last {b:.2} s, last / first {:.2}",
                b / a * first.0 as f64 / last.0 as f64
            );
        }
        let every = (times.len() / 10).max(1);
        let list: Vec<String> = times
            .iter()
            .step_by(every)
            .map(|t| format!("{:.2}", t.2))
            .collect();
        println!(
            "store + fuse s per window (every {every}th): {}",
            list.join(" ")
        );
    }
    println!(
        "incidents      {} fused from {} generated",
        stats.incidents, generated
    );
    if args.db.is_none() {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// CPU seconds (user + system) the calling thread has used, from `/proc` (Linux).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn tempfile_path() -> PathBuf {
    std::env::temp_dir().join(format!("sitrep-bench-fuse-{}.db", std::process::id()))
}
