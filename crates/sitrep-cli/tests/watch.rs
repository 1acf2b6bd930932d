//! `sitrep watch` against a feed server on loopback (`watch/server.rs`): the first poll
//! ingests every item, a restart sends the saved validators and a 304 adds nothing, a new
//! item is the only one extracted, a failing or unreachable feed is named while the others
//! still ingest, a silent server times out, an oversized feed is refused; without `--once`,
//! a failing feed is retried after waits that double up to the cap, and polled every
//! interval once it answers.

#[path = "watch/server.rs"]
mod server;

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

use server::{Route, Server};

/// An Atom feed of invented items: (id, title, text).
fn atom(items: &[(&str, &str, &str)]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Desk</title><id>urn:valley</id>
<updated>2026-04-02T00:00:00Z</updated>
"#,
    );
    for (id, title, text) in items {
        s.push_str(&format!(
            "<entry><id>urn:valley:{id}</id><title>{title}</title>\
             <link href=\"https://valleydesk.example/{id}\"/>\
             <published>2026-04-02T08:00:00+05:00</published>\
             <content type=\"html\">&lt;p&gt;{text}&lt;/p&gt;</content></entry>\n"
        ));
    }
    s.push_str("</feed>\n");
    s
}

const ITEMS: [(&str, &str, &str); 3] = [
    (
        "1",
        "Checkpost fired on",
        "Gunmen fired on a police checkpost near the river bridge on Tuesday night, police said. One constable was wounded.",
    ),
    (
        "2",
        "Market reopens",
        "Traders reopened the vegetable market on Wednesday after a three-day strike over electricity cuts.",
    ),
    (
        "3",
        "Roadside device defused",
        "A bomb disposal squad defused a roadside device found near a school on Wednesday morning, officials said.",
    ),
];

const NEW_ITEM: (&str, &str, &str) = (
    "4",
    "Convoy delayed",
    "A supply convoy was held up for six hours on Thursday after a landslide blocked the highway.",
);

const MODIFIED: &str = "Thu, 02 Apr 2026 06:00:00 GMT";

fn watch(db: &Path, args: &[&str]) -> (Output, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["watch", "--once", "--timeout", "5", "--db"])
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    (out, err)
}

fn documents(db: &Path) -> u64 {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["stats", "--format", "json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    stats["documents"].as_u64().unwrap()
}

fn feed_route(items: &[(&str, &str, &str)], etag: Option<&str>, modified: Option<&str>) -> Route {
    Route {
        status: 200,
        body: atom(items),
        etag: etag.map(str::to_string),
        last_modified: modified.map(str::to_string),
        unannounced: false,
    }
}

#[test]
fn first_poll_ingests_every_item() {
    let server = Server::start();
    server.route("/feed", feed_route(&ITEMS, Some("\"v1\""), Some(MODIFIED)));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let url = server.url("/feed");
    let (out, err) = watch(&db, &[&url]);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("{url}: 3 new, 0 unchanged, 0 replaced")),
        "{err}"
    );
    assert_eq!(documents(&db), 3);
    let seen = server.seen("/feed");
    assert_eq!(seen.len(), 1);
    assert!(!seen[0].headers.contains_key("if-none-match"));
    assert!(!seen[0].headers.contains_key("if-modified-since"));
}

#[test]
fn a_restart_sends_the_saved_validators_and_a_304_adds_nothing() {
    let server = Server::start();
    server.route("/both", feed_route(&ITEMS, Some("\"v1\""), Some(MODIFIED)));
    // A server that only dates its feed.
    server.route("/dated", feed_route(&[NEW_ITEM], None, Some(MODIFIED)));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let (both, dated) = (server.url("/both"), server.url("/dated"));
    let (out, err) = watch(&db, &[&both, &dated]);
    assert!(out.status.success(), "{err}");
    assert_eq!(documents(&db), 4);

    // A new process: the validators come from the database.
    let (out, err) = watch(&db, &[&both, &dated]);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(&format!("{both}: not modified")), "{err}");
    assert!(err.contains(&format!("{dated}: not modified")), "{err}");
    assert_eq!(documents(&db), 4);
    let second = &server.seen("/both")[1];
    assert_eq!(
        second.headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(
        second.headers.get("if-modified-since").map(String::as_str),
        Some(MODIFIED)
    );
    let second = &server.seen("/dated")[1];
    assert!(!second.headers.contains_key("if-none-match"));
    assert_eq!(
        second.headers.get("if-modified-since").map(String::as_str),
        Some(MODIFIED)
    );
}

#[test]
fn a_new_item_is_the_only_one_ingested() {
    let server = Server::start();
    server.route("/feed", feed_route(&ITEMS, Some("\"v1\""), None));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let url = server.url("/feed");
    let (out, err) = watch(&db, &[&url]);
    assert!(out.status.success(), "{err}");

    let mut items = vec![NEW_ITEM];
    items.extend(ITEMS);
    server.route("/feed", feed_route(&items, Some("\"v2\""), None));
    let (out, err) = watch(&db, &[&url]);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains(&format!("{url}: 1 new, 3 unchanged, 0 replaced")),
        "{err}"
    );
    assert_eq!(documents(&db), 4);
    let seen = server.seen("/feed");
    assert_eq!(
        seen[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );

    // The new version's validators were saved: the next poll is a 304.
    let (out, err) = watch(&db, &[&url]);
    assert!(out.status.success(), "{err}");
    assert!(err.contains(&format!("{url}: not modified")), "{err}");
}

#[test]
fn failing_feeds_are_named_and_the_others_still_ingest() {
    let server = Server::start();
    server.route("/good", feed_route(&ITEMS, Some("\"g\""), None));
    server.route(
        "/broken",
        Route {
            status: 500,
            body: "oops".into(),
            ..Route::default()
        },
    );
    server.route(
        "/notafeed",
        Route {
            status: 200,
            body: "<rss><channel><title>nothing".into(),
            ..Route::default()
        },
    );
    // A port nobody listens on.
    let dead = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/feed", l.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let feeds = dir.path().join("feeds.txt");
    let (good, broken, notafeed) = (
        server.url("/good"),
        server.url("/broken"),
        server.url("/notafeed"),
    );
    std::fs::write(
        &feeds,
        format!(
            "# desk feeds\n{broken}\n{dead}  # gone\n\n{notafeed}\n{good}\nfeeds.example/rss\n"
        ),
    )
    .unwrap();
    let (out, err) = watch(&db, &["--feeds", feeds.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "error: {broken}: HTTP 500 Internal Server Error\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: {dead}: Connection Failed")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: {notafeed}: not a readable RSS or Atom feed"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: {}:7: not an http:// or https:// URL (\"feeds.example/rss\"); skipped",
            feeds.display()
        )),
        "{err}"
    );
    assert!(err.contains(&format!("{good}: 3 new")), "{err}");
    assert!(
        err.contains("4 feed(s) polled, 3 failed, 1 skipped"),
        "{err}"
    );
    assert_eq!(documents(&db), 3);
}

#[test]
fn a_silent_server_times_out() {
    // Accepts connections and never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/feed", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let held: Vec<TcpStream> = listener.incoming().flatten().collect();
        drop(held);
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["watch", "--once", "--timeout", "1", "--db"])
        .arg(&db)
        .arg(&url)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.lines()
            .any(|l| l.starts_with(&format!("sitrep: error: {url}: ")) && l.contains("timed out")),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[test]
fn an_oversized_feed_is_refused() {
    let server = Server::start();
    server.route("/big", feed_route(&ITEMS, None, None));
    // Without a Content-Length the limit applies to the bytes read.
    let streamed = Route {
        unannounced: true,
        ..feed_route(&ITEMS, None, None)
    };
    server.route("/streamed", streamed);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let (big, streamed) = (server.url("/big"), server.url("/streamed"));
    let (out, err) = watch(&db, &["--max-bytes", "300", &big, &streamed]);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let size = atom(&ITEMS).len();
    assert!(
        err.contains(&format!(
            "error: {big}: feed is {size} bytes or more, over the limit of 300 bytes"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "error: {streamed}: feed is 301 bytes or more, over the limit of 300 bytes"
        )),
        "{err}"
    );
    assert_eq!(documents(&db), 0);

    // Under a limit it fits, the streamed feed reads to the end.
    let (out, err) = watch(&db, &[&streamed]);
    assert!(out.status.success(), "{err}");
    assert_eq!(documents(&db), 3);
}

/// A watch that runs until the test ends, however it ends.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_failing_feed_is_retried_after_doubling_waits_then_polled_every_interval() {
    let server = Server::start();
    let broken = Route {
        status: 500,
        body: "down".into(),
        ..Route::default()
    };
    server.route("/flaky", broken);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let url = server.url("/flaky");
    let mut child = Running(
        Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(["watch", "--interval", "1", "--max-backoff", "3", "--db"])
            .arg(&db)
            .arg(&url)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let stderr = child.0.stderr.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let next = || lines.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(
        next(),
        format!("sitrep: error: {url}: HTTP 500 Internal Server Error; next try in 2 s")
    );
    assert_eq!(
        next(),
        format!("sitrep: error: {url}: HTTP 500 Internal Server Error; next try in 3 s")
    );
    server.route("/flaky", feed_route(&ITEMS, Some("\"f\""), None));
    assert_eq!(
        next(),
        format!("sitrep: {url}: 3 new, 0 unchanged, 0 replaced")
    );
    assert_eq!(next(), format!("sitrep: {url}: not modified"));
    drop(child);

    let at: Vec<Instant> = server.seen("/flaky").iter().map(|s| s.at).collect();
    let gaps: Vec<f64> = at.windows(2).map(|w| (w[1] - w[0]).as_secs_f64()).collect();
    // 2 s and 3 s after the errors, then 1 s (the interval) plus the time extraction took.
    assert!(gaps[0] >= 1.9 && gaps[0] < 3.5, "{gaps:?}");
    assert!(gaps[1] >= 2.9 && gaps[1] < 4.5, "{gaps:?}");
    assert!(gaps[2] >= 0.9, "{gaps:?}");
    assert_eq!(documents(&db), 3);
}
