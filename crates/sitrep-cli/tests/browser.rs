//! A real browser on `sitrep serve`: headless Chromium, driven through chromedriver
//! (WebDriver, the Debian packages `chromium` and `chromium-driver`), opens the overview,
//! follows the most reported incident from the latest-incidents table, sees its evidence
//! highlighted, follows a report link to the evidence in the report, and runs a search from
//! the header box.
//!
//! It runs when `SITREP_BROWSER_TEST` is set (scripts/test.sh sets it, after installing the
//! browser when missing); then a missing browser is a failure. Under a plain `cargo test` it
//! says it is skipped. With `SITREP_SCREENSHOTS=DIR` (relative to the repository root) it saves
//! `overview.png` and `incident.png` there (how docs/ gets its pictures).

mod common;

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Corpus, Server, database, most_reported_incident};
use fantoccini::{Client, ClientBuilder, Locator};

const RUN: &str = "SITREP_BROWSER_TEST";
const SHOTS: &str = "SITREP_SCREENSHOTS";
/// Chromium flags: headless, and none of the background traffic that stalls it offline.
const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--window-size=1280,1700",
];

fn find(program: &str) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("{RUN} is set but `{program}` is not installed (Debian packages chromium and chromium-driver; scripts/test.sh installs them)")
        })
}

/// A chromedriver process, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(find("chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn connect(driver: &Driver, profile: &Path) -> Client {
    let mut args: Vec<String> = FLAGS.iter().map(|f| f.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let caps = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": find("chromium"), "args": args }
    });
    let serde_json::Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("chromedriver session")
}

async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.text().await.unwrap());
    }
    out
}

/// Saves a screenshot when asked (`SITREP_SCREENSHOTS`, relative to the repository root).
async fn shot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os(SHOTS) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(dir);
        let png = c.screenshot().await.unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), png).unwrap();
    }
}

#[test]
fn a_browser_reads_the_overview_an_incident_its_evidence_and_searches() {
    if std::env::var_os(RUN).is_none() {
        eprintln!(
            "browser test skipped: set {RUN}=1 to drive headless Chromium (scripts/test.sh does)"
        );
        return;
    }
    let server = Server::start(&database("browser-test", Corpus::All));
    let lakki = most_reported_incident(&server);
    let id = lakki["id"].as_i64().unwrap();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let base = server.base();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let c = connect(&driver, profile.path()).await;

        // The overview: map with pins, chart, latest incidents.
        c.goto(&format!("{base}/")).await.unwrap();
        assert_eq!(texts(&c, "h1").await, ["Overview"]);
        let pins = c.find_all(Locator::Css("svg circle.pin")).await.unwrap();
        assert!(pins.len() >= 5, "{} pins", pins.len());
        assert!(
            !c.find_all(Locator::Css("svg rect.bar"))
                .await
                .unwrap()
                .is_empty()
        );
        shot(&c, "overview.png").await;

        // Follow the most reported incident.
        c.find(Locator::Css(&format!(
            "table.incidents a[href='/incidents/{id}']"
        )))
        .await
        .expect("the most reported incident is among the latest")
        .click()
        .await
        .unwrap();
        c.wait()
            .for_element(Locator::Css("section.account"))
            .await
            .unwrap();
        assert!(
            c.current_url()
                .await
                .unwrap()
                .path()
                .ends_with(&format!("/incidents/{id}"))
        );
        let page = c.source().await.unwrap();
        assert!(page.contains("Fused values") && page.contains("Conflicts"));
        let evidence = texts(&c, "blockquote.evidence mark").await;
        assert!(evidence.len() >= 3, "{evidence:?}");
        assert!(
            evidence.iter().all(|e| !e.trim().is_empty()),
            "{evidence:?}"
        );
        shot(&c, "incident.png").await;

        // A report link lands on the evidence, highlighted in the report.
        c.find(Locator::Css("section.account h3 a"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let focus = c
            .wait()
            .for_element(Locator::Css("mark.focus"))
            .await
            .unwrap();
        assert!(focus.is_displayed().await.unwrap());
        let marked = texts(&c, "mark.focus").await.concat();
        assert!(
            evidence.iter().any(|e| marked.contains(e.trim())),
            "{marked:?} vs {evidence:?}"
        );

        // Search from the header box.
        let input = c
            .find(Locator::Css("header form input[name=q]"))
            .await
            .unwrap();
        // Typed, then Enter, as a person does (the box has no button).
        let enter = char::from(fantoccini::key::Key::Enter);
        input.send_keys(&format!("Lakki{enter}")).await.unwrap();
        c.wait().for_element(Locator::Css("ol.hits")).await.unwrap();
        assert_eq!(c.current_url().await.unwrap().path(), "/search");
        let marks = texts(&c, ".snippet mark").await;
        assert!(!marks.is_empty());
        assert!(
            marks.iter().all(|m| m.eq_ignore_ascii_case("lakki")),
            "{marks:?}"
        );

        c.close().await.unwrap();
    });
}
