//! The load generator: a database in, the latency of `GET /api/incidents` at a fixed request
//! rate out.
//!
//! It serves the database (`--db FILE` or `postgres://...`; build one with ten thousand
//! incidents and more by `sitrep bench-fuse 40000 --db FILE`) on 127.0.0.1:0 with
//! [`sitrep_web::serve`], the server `sitrep serve` runs, then sends `--rate` requests a
//! second (default 500) for `--secs` seconds (default 30) from `--clients` tasks (default 8),
//! each with its own keep-alive connection (hyper's client), cycling through pages and
//! filters of `/api/incidents`, after one request for each (their times, reading the store,
//! are printed apart). Requests go out on a fixed schedule whatever the answers do,
//! and each latency is counted from the request's scheduled time, so a stall shows as the
//! delay it causes every request after it (no coordinated omission). It prints p50, p90, p99
//! and max latency, the rate achieved and the errors (any answer but 200, or no answer),
//! and fails when there is any error.
//!
//! `cargo bench -p sitrep-web --bench load -- --db FILE [--rate N] [--secs N] [--clients N]`
//!
//! Run by `cargo test` (without cargo bench's `--bench` flag) it measures nothing.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use sitrep_store::DbSpec;

/// The paths requested, in turn: the first page, deeper pages, and filters.
const PATHS: &[&str] = &[
    "/api/incidents",
    "/api/incidents?offset=50",
    "/api/incidents?limit=200&offset=1000",
    "/api/incidents?limit=10&offset=9000",
    "/api/incidents?place=Bannu",
    "/api/incidents?type=suicide",
    "/api/incidents?since=2024-06-01&until=2024-06-30",
    "/api/incidents?actor=Baloch",
];

struct Plan {
    db: String,
    rate: f64,
    secs: f64,
    clients: usize,
}

fn parse(args: &[String]) -> Result<Plan, String> {
    let mut plan = Plan {
        db: String::new(),
        rate: 500.0,
        secs: 30.0,
        clients: 8,
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name}: give a value"))
        };
        let number = |name: &str, v: String| {
            v.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && *n > 0.0)
                .ok_or_else(|| format!("{name} {v}: give a positive number"))
        };
        match a.as_str() {
            "--db" => plan.db = value("--db")?,
            "--rate" => plan.rate = number("--rate", value("--rate")?)?,
            "--secs" => plan.secs = number("--secs", value("--secs")?)?,
            "--clients" => plan.clients = number("--clients", value("--clients")?)? as usize,
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if plan.db.is_empty() {
        return Err(
            "give the database: --db FILE (make one with `sitrep bench-fuse 40000 --db FILE`)"
                .into(),
        );
    }
    plan.clients = plan.clients.max(1);
    Ok(plan)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        eprintln!("load: measures only under `cargo bench` (see the file's documentation)");
        return ExitCode::SUCCESS;
    }
    match parse(&args).and_then(|p| run(&p)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("load: {e}");
            ExitCode::from(2)
        }
    }
}

/// What one request gave.
struct Sample {
    latency: Duration,
    ok: bool,
}

fn run(plan: &Plan) -> Result<bool, String> {
    let spec = DbSpec::parse(&plan.db);
    if spec.file().is_some_and(|p| !p.exists()) {
        return Err(format!("no database at {}", plan.db));
    }
    let store = sitrep_store::open(&spec).map_err(|e| format!("{}: {e}", plan.db))?;
    let incidents = {
        use sitrep_store::Store;
        store.stats().map_err(|e| e.to_string())?.incidents
    };

    // The server, on a runtime of its own with the two workers `sitrep serve` uses.
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let listener = server
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let state = sitrep_web::AppState::new(store);
    let served = server.spawn(sitrep_web::serve(listener, state, async {
        let _ = stopped.await;
    }));

    // The clients, on one thread.
    let clients = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let base = format!("http://{addr}");
    // Warm-up: each path once, in turn.
    let cold = clients.block_on(async {
        let client = Client::builder(TokioExecutor::new()).build_http::<Empty<Bytes>>();
        let mut out = Vec::new();
        for path in PATHS {
            let start = Instant::now();
            let uri = format!("{base}{path}");
            let res = client
                .get(uri.parse().map_err(|e| format!("{uri}: {e}"))?)
                .await
                .map_err(|e| format!("{uri}: {e}"))?;
            let status = res.status();
            let body = res
                .into_body()
                .collect()
                .await
                .map_err(|e| e.to_string())?
                .to_bytes();
            let v: serde_json::Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
            if !status.is_success() {
                return Err(format!("{path}: {status}: {v}"));
            }
            out.push((path, start.elapsed(), v["total"].as_u64().unwrap_or(0)));
        }
        Ok::<_, String>(out)
    })?;
    println!("database   {}: {incidents} incidents", plan.db);
    println!("warm-up    one request a path; the first of each filter reads the store");
    for (path, took, listed) in &cold {
        println!("warm-up    {path}: {listed} incidents, {:.1} ms", ms(*took));
    }
    println!(
        "load       {} req/s for {} s from {} clients, each one keep-alive connection; {} paths in turn",
        plan.rate,
        plan.secs,
        plan.clients,
        PATHS.len()
    );

    let total = (plan.rate * plan.secs).round() as usize;
    let interval = Duration::from_secs_f64(1.0 / plan.rate);
    let started = Instant::now();
    let samples = clients.block_on(async {
        let start = tokio::time::Instant::now() + Duration::from_millis(50);
        let base = Arc::new(base);
        let mut tasks = Vec::new();
        for c in 0..plan.clients {
            let base = Arc::clone(&base);
            let n = plan.clients;
            tasks.push(tokio::spawn(async move {
                let client = Client::builder(TokioExecutor::new())
                    .pool_max_idle_per_host(1)
                    .build_http::<Empty<Bytes>>();
                let mut out = Vec::with_capacity(total / n + 1);
                for k in (c..total).step_by(n) {
                    let due = start + interval * k as u32;
                    tokio::time::sleep_until(due).await;
                    let uri = format!("{base}{}", PATHS[k % PATHS.len()]);
                    let ok = match client.get(uri.parse().expect("a valid URI")).await {
                        Ok(res) => {
                            let status = res.status();
                            let body = res.into_body().collect().await;
                            status.is_success() && body.is_ok_and(|b| !b.to_bytes().is_empty())
                        }
                        Err(_) => false,
                    };
                    out.push(Sample {
                        latency: due.elapsed(),
                        ok,
                    });
                }
                out
            }));
        }
        let mut all = Vec::with_capacity(total);
        for t in tasks {
            if let Ok(s) = t.await {
                all.extend(s);
            }
        }
        all
    });
    let took = started.elapsed();
    let _ = stop.send(());
    let _ = server.block_on(served);

    let errors = samples.iter().filter(|s| !s.ok).count() + total.saturating_sub(samples.len());
    let mut lat: Vec<Duration> = samples.iter().map(|s| s.latency).collect();
    lat.sort();
    let q = |p: f64| {
        lat.get(((lat.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "sent       {} requests in {:.1} s: {:.1} req/s achieved",
        samples.len(),
        took.as_secs_f64(),
        samples.len() as f64 / took.as_secs_f64()
    );
    println!(
        "latency    p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms (from each request's scheduled time)",
        ms(q(0.50)),
        ms(q(0.90)),
        ms(q(0.99)),
        ms(lat.last().copied().unwrap_or_default())
    );
    println!("errors     {errors}");
    Ok(errors == 0)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
