//! Integration tests of `sitrep extract`: every input format, every bad input, exit codes.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .expect("run sitrep")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

const REPORT: &str = "Blast near Bannu market\n\nBANNU: At least four people were killed when a bomb exploded near the vegetable market on Tuesday, police said.\nRead more: Curfew lifted in Parachinar after talks\nThe district police officer said the device was planted on a motorcycle.\n";

#[test]
fn plain_text_gives_contract_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bannu-blast.txt", REPORT.as_bytes());
    let out = sitrep(&["extract", "--format", "jsonl", &path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["doc_id"], "bannu-blast");
    assert_eq!(r["published"], Value::Null);
    for key in ["entities", "events", "claims", "figures"] {
        assert!(r[key].is_array(), "{key} missing");
    }
    let removed = &r["removed"][0];
    let (s, e) = (
        removed["start"].as_u64().unwrap() as usize,
        removed["end"].as_u64().unwrap() as usize,
    );
    let chars: Vec<char> = REPORT.chars().collect();
    assert_eq!(
        chars[s..e].iter().collect::<String>(),
        "Read more: Curfew lifted in Parachinar after talks"
    );
}

#[test]
fn every_format_from_a_directory_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("feeds");
    fs::create_dir(&sub).unwrap();
    write(
        dir.path(),
        "a.txt",
        b"Mon Mar 09 2026\nQUETTA: Two policemen were injured in a grenade attack.\n",
    );
    write(dir.path(), "b.jsonl", b"{\"id\": \"w-1\", \"url\": \"https://wire.example/1\", \"published\": \"2026-03-10\", \"text\": \"Militants attacked a post in Kech.\"}\n{\"docid\": \"MUC-1\", \"doctext\": \"guerrillas attacked a bus.\"}\n");
    write(dir.path(), "c.html", b"<html><head><meta property='article:published_time' content='2026-03-11T08:00:00+05:00'></head><body><nav>Home</nav><article><p>PESHAWAR: A checkpost came under fire on Tuesday night and two soldiers were injured, officials said.</p></article></body></html>");
    write(&sub, "d.xml", b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><link>https://t.example/</link><description>d</description><item><title>x</title><guid>t-1</guid><pubDate>Thu, 12 Mar 2026 09:00:00 +0500</pubDate><description>Four abducted engineers were freed in Khyber.</description></item></channel></rss>");
    write(&sub, "README.md", b"# not a report\n");
    let out = sitrep(&["extract", &dir.path().display().to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Vec<(String, String)> = records(&out)
        .iter()
        .map(|r| {
            (
                r["doc_id"].as_str().unwrap().to_string(),
                r["published"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect();
    let want = [
        ("a", "2026-03-09"),
        ("w-1", "2026-03-10"),
        ("MUC-1", "-"),
        ("c", "2026-03-11"),
        ("t-1", "2026-03-12"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
}

#[test]
fn stdin_is_read_with_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"s1\", \"text\": \"A blast in Tank.\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(records(&out)[0]["doc_id"], "s1");
}

/// A generated corpus of bad inputs next to good ones: every good input is processed, every
/// bad one is named on standard error, the exit code says something failed, nothing panics.
#[test]
fn bad_inputs_are_named_and_good_ones_survive() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "good.txt", REPORT.as_bytes());
    let lossy = write(
        d,
        "latin1.txt",
        b"Pe\xf1a said the caf\xe9 in Quetta was hit.\n",
    );
    let binary = write(
        d,
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    );
    let empty = write(d, "empty.txt", b"  \n\n");
    let jsonl = write(d, "mixed.jsonl", b"{\"id\": \"ok-1\", \"text\": \"fine\"}\n{\"id\": \"broken\", \"text\": \n{\"id\": \"no-text\"}\n{\"id\": \"ok-2\", \"text\": \"also fine\"}\n");
    let html = write(
        d,
        "broken.html",
        b"<html><body><div><p>Unclosed paragraph about a raid in Kurram <b>with bold",
    );
    let feed = write(d, "broken.xml", b"<rss><channel><item><guid>b1</guid><description>Attack in Chaman & Zhob</description></item><item><title>cut");
    let not_feed = write(d, "garbage.xml", b"<rss><channel><title>nothing here");
    let big = write(d, "big.txt", &vec![b'a'; 5000]);
    let missing = d.join("missing.txt").display().to_string();
    let out = sitrep(&[
        "extract",
        "--max-bytes",
        "4096",
        &good,
        &lossy,
        &binary,
        &empty,
        &jsonl,
        &html,
        &feed,
        &not_feed,
        &big,
        &missing,
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good", "latin1", "ok-1", "ok-2", "broken", "b1"]);
    for (input, words) in [
        (&lossy, "invalid UTF-8"),
        (&binary, "binary"),
        (&empty, "empty"),
        (&format!("{jsonl}:2"), "not JSON"),
        (&format!("{jsonl}:3"), "no \"text\""),
        (&feed, "malformed feed"),
        (&not_feed, "not a readable RSS or Atom feed"),
        (&big, "over the limit of 4096 bytes"),
        (&missing, "no such file"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(input.as_str()) && l.contains(words)),
            "no `{words}` for {input} in:\n{stderr}"
        );
    }
}

#[test]
fn pretty_format_is_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.txt", REPORT.as_bytes());
    let out = sitrep(&["extract", "--format", "pretty", &path]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("r  [date unknown]"), "{text}");
    assert!(text.contains("Blast near Bannu market"));
}

#[test]
fn bench_reports_throughput() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "r.txt", REPORT.as_bytes());
    let out = sitrep(&["bench", "--passes", "1", "--threads", "2", &path]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("extract on 1 thread:") && text.contains("MB/s"),
        "{text}"
    );
}
