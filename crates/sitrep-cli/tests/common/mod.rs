//! What the `serve` and browser tests share: a database ingested once per test binary from a
//! few example reports (plus a report whose words look like HTML), a `sitrep serve` child
//! process on a free loopback port, and plain HTTP/1.1 requests over a TCP stream (so paths
//! reach the server exactly as written).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

const EXAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reports");

/// The example reports the tests ingest: the Lakki market incident told by four reports, the
/// Kech attack with its claim, the apex committee's scorecard figures, the wire feed.
pub const REPORTS: &[&str] = &[
    "lakki-market-blast.txt",
    "lakki-toll-36-caps.txt",
    "pakhtunherald-lakki-toll-36.html",
    "kech-checkpost-attack.txt",
    "kech-soldiers-funeral.txt",
    "kp-apex-committee.txt",
    "wire.jsonl",
];

/// A report whose title and text hold markup, to check that pages escape it.
pub const HOSTILE: &str = "<b>Bold</b> claims & <script>alert('x')</script>\n\nMon Mar 02 2026\n\nPolice said two men were arrested in Bannu on Sunday with <script> tags in their pockets.\n";

/// Which reports a test database holds.
pub enum Corpus {
    /// [`REPORTS`] and [`HOSTILE`].
    Some,
    /// The whole example folder (what `sitrep demo` serves).
    All,
}

/// The database, ingested on first use (once per test binary) into `name` under the test
/// temporary folder.
pub fn database(name: &str, corpus: Corpus) -> PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("sitrep.db");
        let mut args = vec![
            "ingest".to_string(),
            "--db".into(),
            db.display().to_string(),
        ];
        match corpus {
            Corpus::Some => {
                let hostile = dir.join("hostile-markup.txt");
                std::fs::write(&hostile, HOSTILE).unwrap();
                args.extend(REPORTS.iter().map(|r| format!("{EXAMPLES}/{r}")));
                args.push(hostile.display().to_string());
            }
            Corpus::All => args.push(EXAMPLES.to_string()),
        }
        let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        db
    })
    .clone()
}

/// A running `sitrep serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
}

impl Server {
    /// Starts `sitrep serve --db DB --addr 127.0.0.1:0` and reads the address it prints.
    pub fn start(db: &Path) -> Server {
        Server::spawn(&[
            "serve",
            "--db",
            &db.display().to_string(),
            "--addr",
            "127.0.0.1:0",
        ])
    }

    /// Starts `sitrep demo --addr 127.0.0.1:0` (like every server here, outside the repository).
    pub fn demo() -> Server {
        Server::spawn(&["demo", "--addr", "127.0.0.1:0"])
    }

    /// Starts `sitrep serve --db DB --addr 127.0.0.1:0` with more options and variables.
    pub fn start_with(db: &Path, options: &[&str], vars: &[(&str, &str)]) -> Server {
        let db = db.display().to_string();
        let mut args = vec!["serve", "--db", &db, "--addr", "127.0.0.1:0"];
        args.extend(options);
        Server::spawn_with(&args, vars)
    }

    fn spawn(args: &[&str]) -> Server {
        Server::spawn_with(args, &[])
    }

    fn spawn_with(args: &[&str], vars: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
            .args(args)
            .env_remove("SITREP_TOKEN")
            .envs(vars.iter().copied())
            .current_dir(std::env::temp_dir())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let addr = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        Server { child, addr }
    }

    /// `http://ADDR`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `GET path` exactly as written: (status, content type, body).
    pub fn get(&self, path: &str) -> Response {
        let mut s = TcpStream::connect(self.addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let text = String::from_utf8(raw).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        let header = |name: &str| {
            head.lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
                })
                .unwrap_or_default()
        };
        assert!(
            header("transfer-encoding").is_empty(),
            "chunked answers are not read here"
        );
        Response {
            status,
            content_type: header("content-type"),
            policy: header("content-security-policy"),
            body: body.to_string(),
        }
    }

    /// `GET path`, expecting 200 JSON.
    pub fn json(&self, path: &str) -> serde_json::Value {
        let r = self.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
        assert!(r.content_type.starts_with("application/json"), "{path}");
        serde_json::from_str(&r.body).unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer.
#[derive(Debug)]
pub struct Response {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: String,
    /// `Content-Security-Policy`.
    pub policy: String,
    /// The body.
    pub body: String,
}

/// The incident most reports tell (the Lakki market bombing in these reports).
pub fn most_reported_incident(server: &Server) -> serde_json::Value {
    let list = server.json("/api/incidents?limit=1000");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|i| i["reports"].as_array().unwrap().len())
        .unwrap()
        .clone()
}
