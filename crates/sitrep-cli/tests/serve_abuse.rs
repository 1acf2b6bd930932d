//! `sitrep serve` writing and under abuse: `POST /api/documents` needs the server's token
//! (401 without or with a wrong one, 403 when the server has none) and stores a report that
//! is then read back, counted and fused; bodies over `--max-body` get 413, bodies that are not
//! a report 400; a client that dribbles its request is cut off within `--timeout`; hostile
//! query strings in every filter are answered and leave the database as it was.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Corpus, Server, database};

const TOKEN: &str = "test-token-0123456789abcdef";

/// A copy of the test database in a folder of its own (writes must not reach the database
/// the other tests share).
fn private_copy(dir: &Path) -> PathBuf {
    let shared = database("serve-abuse-test", Corpus::Some);
    let db = dir.join("sitrep.db");
    std::fs::copy(&shared, &db).unwrap();
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", shared.display()));
        if side.exists() {
            std::fs::copy(&side, format!("{}{ext}", db.display())).unwrap();
        }
    }
    db
}

/// A server over a private copy, with a token file and `options`.
fn writable(dir: &Path, options: &[&str]) -> Server {
    let db = private_copy(dir);
    let token = dir.join("token");
    std::fs::write(&token, format!("{TOKEN}\n")).unwrap();
    let mut all = vec!["--token-file", token.to_str().unwrap()];
    all.extend(options);
    Server::start_with(&db, &all, &[])
}

/// Sends raw bytes, answering (status, headers, body); the connection is closed by the
/// request.
fn send(s: &Server, raw: &[u8]) -> (u16, String, String) {
    let mut c = TcpStream::connect(s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    // The server may answer (413, 401) before reading the whole body and close.
    let _ = c.write_all(raw);
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no answer: {text:?}"));
    (status, head.to_ascii_lowercase(), body.to_string())
}

/// `POST /api/documents` with `body` and, when given, `Authorization: Bearer token`.
fn post(s: &Server, token: Option<&str>, body: &str) -> (u16, String, serde_json::Value) {
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let raw = format!(
        "POST /api/documents HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        s.addr,
        body.len()
    );
    let (status, head, body) = send(s, raw.as_bytes());
    let v = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{status} {body:?}: {e}"));
    (status, head, v)
}

const REPORT: &str = r#"{"id": "bannu-checkpost-posted", "title": "Checkpost attacked in Bannu", "published": "2026-04-07", "source": "Test Wire", "text": "Two policemen were killed and three injured when militants attacked a police checkpost in Bannu on Tuesday night, officials said."}"#;

#[test]
fn posted_reports_need_the_token_and_are_stored_and_fused() {
    let dir = tempfile::tempdir().unwrap();
    let s = writable(dir.path(), &[]);
    let before = s.json("/api/stats");
    // Read the incident list first, so a stale copy would show below.
    let incidents_before = s.json("/api/incidents?limit=1000")["total"]
        .as_u64()
        .unwrap();

    let (status, head, v) = post(&s, None, REPORT);
    assert_eq!(status, 401, "{v}");
    assert!(head.contains("www-authenticate: bearer"), "{head}");
    let (status, _, v) = post(&s, Some("test-token-0123456789abcdeX"), REPORT);
    assert_eq!(status, 401, "{v}");
    assert!(v["error"].as_str().unwrap().contains("token"), "{v}");
    assert_eq!(
        s.json("/api/stats"),
        before,
        "refused writes change nothing"
    );

    let (status, head, v) = post(&s, Some(TOKEN), REPORT);
    assert_eq!(status, 201, "{v}");
    assert_eq!(v["id"], "bannu-checkpost-posted");
    assert_eq!(v["outcome"], "new");
    assert!(
        head.contains("location: /api/documents/bannu-checkpost-posted"),
        "{head}"
    );
    let doc = s.json("/api/documents/bannu-checkpost-posted");
    assert!(
        doc["text"]
            .as_str()
            .unwrap()
            .contains("police checkpost in Bannu")
    );
    assert_eq!(doc["published"], "2026-04-07");
    let after = s.json("/api/stats");
    assert_eq!(
        after["documents"].as_u64().unwrap(),
        before["documents"].as_u64().unwrap() + 1
    );
    // Extracted and fused: the report's event is an incident, listed at once.
    assert!(
        after["events"].as_u64() > before["events"].as_u64(),
        "{after}"
    );
    let list = s.json("/api/incidents?limit=1000");
    assert_eq!(list["total"].as_u64().unwrap(), incidents_before + 1);
    assert!(
        list["items"].as_array().unwrap().iter().any(|i| i
            .to_string()
            .contains("\"doc_id\":\"bannu-checkpost-posted\"")
            || i["reports"].to_string().contains("bannu-checkpost-posted")),
        "{list}"
    );

    // The same report again is unchanged; a new version of it replaces it.
    let (status, _, v) = post(&s, Some(TOKEN), REPORT);
    assert_eq!((status, v["outcome"].as_str()), (201, Some("unchanged")));
    let changed = REPORT.replace("Two policemen", "Three policemen");
    let (status, _, v) = post(&s, Some(TOKEN), &changed);
    assert_eq!((status, v["outcome"].as_str()), (201, Some("replaced")));
    assert_eq!(s.json("/api/stats")["documents"], after["documents"]);

    // A report without an id is named by its text.
    let (status, _, v) = post(
        &s,
        Some(TOKEN),
        r#"{"text": "Shops stayed shut in Lakki."}"#,
    );
    assert_eq!(status, 201, "{v}");
    assert!(v["id"].as_str().unwrap().starts_with("report-"), "{v}");
}

#[test]
fn bodies_that_are_not_reports_or_too_large_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let s = writable(dir.path(), &["--max-body", "4096"]);
    let before = s.json("/api/stats");
    for (body, says) in [
        ("{\"text\": \"unfinished", "not a JSON report"),
        ("[1, 2, 3]", "not a JSON report"),
        ("{\"text\": 7}", "not a JSON report"),
        ("{\"title\": \"No text\"}", "no text"),
        ("{\"text\": \"   \"}", "no text"),
        ("", "not a JSON report"),
    ] {
        let (status, _, v) = post(&s, Some(TOKEN), body);
        assert_eq!(status, 400, "{body:?}: {v}");
        assert!(v["error"].as_str().unwrap().contains(says), "{body:?}: {v}");
    }
    let big = format!(r#"{{"text": "{}"}}"#, "Bannu ".repeat(1000));
    let (status, _, v) = post(&s, Some(TOKEN), &big);
    assert_eq!(status, 413, "{v}");
    assert!(v["error"].as_str().unwrap().contains("4096"), "{v}");
    // Chunked, without a length up front: still cut at the limit.
    let chunk = "x".repeat(3000);
    let raw = format!(
        "POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{:x}\r\n{chunk}\r\n{:x}\r\n{chunk}\r\n0\r\n\r\n",
        chunk.len(),
        chunk.len()
    );
    assert_eq!(send(&s, raw.as_bytes()).0, 413);
    assert_eq!(s.json("/api/stats"), before);
}

#[test]
fn writing_is_disabled_without_a_token_and_weak_tokens_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = private_copy(dir.path());
    let s = Server::start_with(&db, &[], &[]);
    let (status, _, v) = post(&s, Some(TOKEN), REPORT);
    assert_eq!(status, 403, "{v}");
    assert!(v["error"].as_str().unwrap().contains("--token-file"), "{v}");
    drop(s);

    // The variable works as the file does.
    let s = Server::start_with(&db, &[], &[("SITREP_TOKEN", TOKEN)]);
    assert_eq!(post(&s, Some(TOKEN), REPORT).0, 201);
    drop(s);

    let weak = dir.path().join("weak");
    std::fs::write(&weak, "secret\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .args(["--token-file", weak.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("weak") && err.contains("at least 16"), "{err}");
}

#[test]
fn slow_clients_are_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let s = writable(dir.path(), &["--timeout", "1"]);
    // Half a request line, then nothing: the connection is closed.
    let mut c = TcpStream::connect(s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let start = Instant::now();
    c.write_all(b"GET /api/sta").unwrap();
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(5), "held for {took:?}");
    assert!(took >= Duration::from_millis(900), "cut after {took:?}");
    // Whatever hyper says on the way out, it is not an answer to the request.
    let text = String::from_utf8_lossy(&out);
    assert!(!text.contains("200 OK"), "{text}");

    // A whole head but a body that never comes: 408.
    let start = Instant::now();
    let raw = format!(
        "POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: 500\r\n\r\n{{\"text\": \"Bannu"
    );
    let mut c = TcpStream::connect(s.addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    c.write_all(raw.as_bytes()).unwrap();
    let mut out = Vec::new();
    let _ = c.read_to_end(&mut out);
    let took = start.elapsed();
    let text = String::from_utf8_lossy(&out);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(took < Duration::from_secs(5), "held for {took:?}");
    // Clients that keep to time are served meanwhile and after.
    assert_eq!(s.get("/api/stats").status, 200);
}

/// Percent-encodes a query value.
fn enc(v: &str) -> String {
    v.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[test]
fn hostile_query_strings_leave_the_database_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = private_copy(dir.path());
    let s = Server::start_with(&db, &[], &[]);
    let before = s.json("/api/stats");
    let documents = s.json("/api/documents?limit=1000");
    let hostile = [
        "'; DROP TABLE documents; --",
        "\"; DROP TABLE incidents; --",
        "x' OR '1'='1",
        "%' OR 1=1 --",
        ") UNION SELECT * FROM documents --",
        "* NEAR(a b) OR \"",
    ];
    let filters: &[(&str, &[&str])] = &[
        (
            "/api/incidents",
            &["place", "actor", "type", "since", "until"],
        ),
        ("/incidents", &["place", "actor", "type"]),
        ("/api/actors", &["name", "type"]),
        ("/api/claims", &["speaker", "about", "kind", "doc"]),
        ("/api/figures", &["measure", "place", "doc"]),
        ("/api/search", &["q"]),
        ("/search", &["q"]),
    ];
    for h in hostile {
        for (route, params) in filters {
            for p in *params {
                let url = format!("{route}?{p}={}", enc(h));
                let r = s.get(&url);
                // Dates are checked (400); everything else is words to look for.
                let expected = if ["since", "until"].contains(p) {
                    400
                } else {
                    200
                };
                assert_eq!(r.status, expected, "{url}: {}", r.body);
            }
        }
        for path in ["/api/documents/", "/api/actors/", "/api/incidents/"] {
            assert_eq!(s.get(&format!("{path}{}", enc(h))).status, 404, "{path}{h}");
        }
    }
    assert_eq!(s.json("/api/stats"), before);
    assert_eq!(s.json("/api/documents?limit=1000"), documents);
    drop(s);
    // And on disk, read by a new process.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["stats", "--format", "json", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    let on_disk: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(on_disk, before);
}
