//! `sitrep serve` on a database of a few example reports: every route of the OpenAPI document
//! answers, the pages carry the data (map pins, fused tolls with every report's figure,
//! highlighted evidence, claims side by side, indicators, search marks), markup in reports is
//! escaped, and bad requests get 400 or 404 (dot segments in raw paths, bad parameters,
//! unknown ids) in the form of the route, without taking the server down.

mod common;

use common::{Corpus, Server, database, most_reported_incident};

fn server() -> Server {
    Server::start(&database("serve-test", Corpus::Some))
}

/// Fills the path parameters of an OpenAPI path with ids that exist.
fn concrete(path: &str, s: &Server) -> String {
    let incident = most_reported_incident(s)["id"].as_i64().unwrap();
    let actor = s.json("/api/actors?limit=1")["items"][0]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let doc = s.json("/api/documents?limit=1")["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let enc = |v: &str| {
        v.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    let p = path
        .replace(
            "{id}",
            &if path.contains("incidents") {
                incident.to_string()
            } else {
                enc(&doc)
            },
        )
        .replace("{key}", &enc(&actor));
    if p == "/api/search" {
        format!("{p}?q=lakki")
    } else {
        p
    }
}

#[test]
fn every_route_of_the_openapi_document_answers() {
    let s = server();
    let doc = s.json("/api/openapi.json");
    assert_eq!(doc["openapi"], "3.0.3");
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 12, "{:?}", paths.keys());
    for (path, item) in paths {
        let url = concrete(path, &s);
        let v = s.json(&url);
        // Lists answer {items, limit, offset}.
        let schema =
            item["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
                .as_str()
                .unwrap();
        if schema.ends_with("List") {
            assert!(v["items"].is_array(), "{url}");
            assert!(!v["items"].as_array().unwrap().is_empty(), "{url} is empty");
        }
    }
}

#[test]
fn the_api_carries_the_fused_data_and_its_sources() {
    let s = server();
    let stats = s.json("/api/stats");
    assert_eq!(stats["documents"], 10);
    let lakki = most_reported_incident(&s);
    assert!(lakki["places"].to_string().contains("Lakki"), "{lakki}");
    let id = lakki["id"].as_i64().unwrap();
    let detail = s.json(&format!("/api/incidents/{id}"));
    let members = detail["members"].as_array().unwrap();
    assert!(members.len() >= 3);
    // Each member's evidence is a character span of its report's text.
    let m = &members[0];
    let doc = s.json(&format!("/api/documents/{}", m["doc_id"].as_str().unwrap()));
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let ev = &m["event"]["evidence"][0];
    let (a, b) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert!(a < b && b <= text.len());
    assert!(doc["record"]["events"].is_array());

    // Filters and paging.
    let kp = s.json("/api/incidents?place=lakki&limit=1");
    assert_eq!(kp["items"].as_array().unwrap().len(), 1);
    assert!(kp["total"].as_u64().unwrap() >= 1);
    let none = s.json("/api/incidents?since=2030-01-01");
    assert_eq!(none["total"], 0);
    let page2 = s.json("/api/documents?limit=3&offset=3");
    assert_eq!(page2["items"].as_array().unwrap().len(), 3);
    assert_eq!(page2["offset"], 3);

    let ttp = s.json("/api/actors?name=taliban");
    assert!(
        ttp["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["key"] == "kb:pk.ttp")
    );
    let actor = s.json("/api/actors/kb%3Apk.ttp");
    assert!(actor["actor"]["aliases"].as_array().unwrap().len() >= 2);
    assert!(!actor["reports"].as_array().unwrap().is_empty());

    let denials = s.json("/api/claims?kind=denial");
    for c in denials["items"].as_array().unwrap() {
        assert_eq!(c["claim"]["kind"], "denial");
    }
    let figures = s.json("/api/figures?limit=5");
    assert_eq!(figures["items"].as_array().unwrap().len(), 5);

    let hits = s.json("/api/search?q=Lakki%20Marwat");
    let first = &hits["items"][0];
    let snippet: Vec<char> = first["snippet"].as_str().unwrap().chars().collect();
    let [a, b] = [0, 1].map(|k| first["matches"][0][k].as_u64().unwrap() as usize);
    let word: String = snippet[a..b].iter().collect();
    assert!(
        word.eq_ignore_ascii_case("lakki") || word.eq_ignore_ascii_case("marwat"),
        "{word}"
    );
}

#[test]
fn pages_show_map_tolls_evidence_claims_indicators_and_search() {
    let s = server();
    let home = s.get("/");
    assert_eq!(home.status, 200);
    assert!(home.content_type.starts_with("text/html"));
    for want in [
        "Map of incidents",
        "class=\"pin\"",
        "class=\"province\"",
        "Incidents and killed per week",
        "class=\"bar\"",
        "Tehreek-e-Taliban Pakistan",
        "Latest incidents",
    ] {
        assert!(home.body.contains(want), "overview lacks {want}");
    }
    // Nothing is fetched from outside: no external script, stylesheet, image or font, and
    // the browser is told so.
    assert!(
        home.policy.starts_with("default-src 'none'"),
        "{}",
        home.policy
    );
    assert_eq!(s.get("/../x").policy, home.policy, "refusals carry it too");
    let css = s.get("/static/style.css").body;
    for page in [&home.body, &css] {
        for outside in ["src=\"http", "href=\"http", "url(", "@import", "<script"] {
            assert!(!page.contains(outside), "{outside}");
        }
    }

    let lakki = most_reported_incident(&s);
    let id = lakki["id"].as_i64().unwrap();
    let page = s.get(&format!("/incidents/{id}"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Fused values"));
    assert!(page.body.contains("Each report's account"));
    assert!(page.body.contains("<blockquote class=\"evidence\">"));
    assert!(page.body.contains("<mark>"));
    // Every report's figure is listed.
    for r in lakki["fatalities"]["reports"].as_array().unwrap() {
        assert!(
            page.body
                .contains(&format!("/documents/{}", r["doc_id"].as_str().unwrap()))
        );
    }
    let link = page
        .body
        .split("href=\"")
        .find(|p| p.contains("?event="))
        .unwrap();
    let link = link.split('"').next().unwrap().replace("&amp;", "&");
    let doc = s.get(&link);
    assert_eq!(doc.status, 200, "{link}");
    assert!(doc.body.contains("<mark class=\"focus"), "{link}");
    assert!(doc.body.contains("hl-entity"));
    assert!(doc.body.contains("id=\"event-"));

    let actor = s.get("/actors/kb%3Apk.ttp");
    assert_eq!(actor.status, 200);
    for want in ["Aliases", "Activity over time", "Claims by", "Claims about"] {
        assert!(actor.body.contains(want), "actor page lacks {want}");
    }
    let claims = s.get("/claims?kind=denial");
    assert_eq!(claims.status, 200);
    assert!(claims.body.contains("Ledger"));
    let filtered = s.get("/claims?speaker=zzzz-nobody");
    assert!(filtered.body.contains("No claims."));
    let ind = s.get("/indicators");
    assert_eq!(ind.status, 200);
    assert!(ind.body.contains("NAP scorecard") && ind.body.contains("Places by week"));
    // Each indicator value links to its figure's place in its report.
    let link = ind
        .body
        .split("href=\"")
        .find(|p| p.starts_with("/documents/") && p.contains("#figure-at-"))
        .unwrap();
    let (doc, anchor) = link.split('"').next().unwrap().split_once('#').unwrap();
    assert!(
        s.get(doc).body.contains(&format!("id=\"{anchor}\"")),
        "{doc}#{anchor}"
    );
    let search = s.get("/search?q=lakki");
    assert!(search.body.contains("<mark>"), "{}", search.body);
    let none = s.get("/search?q=qqqqzzzz");
    assert!(none.body.contains("0 report(s)"));
    let css = s.get("/static/style.css");
    assert!(css.content_type.starts_with("text/css"));
    for list in [
        "/incidents",
        "/actors",
        "/documents",
        "/incidents?type=explosions&limit=1",
    ] {
        assert_eq!(s.get(list).status, 200, "{list}");
    }
}

#[test]
fn markup_in_reports_is_escaped() {
    let s = server();
    let hits = s.json("/api/search?q=pockets");
    let id = hits["items"][0]["document"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    for path in [
        format!("/documents/{id}"),
        "/search?q=script".into(),
        "/documents".into(),
    ] {
        let page = s.get(&path);
        assert_eq!(page.status, 200, "{path}");
        assert!(!page.body.contains("<script"), "{path} lets markup through");
        assert!(!page.body.contains("<b>Bold"), "{path} lets markup through");
    }
    assert!(
        s.get(&format!("/documents/{id}"))
            .body
            .contains("&lt;script&gt;")
    );
}

#[test]
fn bad_requests_are_refused_in_the_form_of_the_route() {
    let s = server();
    for path in [
        "/../../etc/passwd",
        "/static/../../Cargo.toml",
        "/documents/%2e%2e/%2e%2e/etc/passwd",
        "/documents/..%2f..%2fetc%2fpasswd",
        "/static/%2E%2E/style.css",
        "/api/documents/..%5c..%5cwin.ini",
        "/documents/%252e%252e/x",
        "/api/../api/stats",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 400, "{path}: {}", r.body);
        assert!(!r.body.contains("root:"), "{path}");
    }
    let r = s.get("/api/../api/stats");
    assert!(r.content_type.starts_with("application/json"));

    for path in [
        "/api/incidents/999999",
        "/api/incidents/abc",
        "/api/documents/no-such-report",
        "/api/actors/kb%3Anobody",
        "/api/nothing",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}");
        let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert!(v["error"].as_str().unwrap().contains("not found"), "{path}");
    }
    for path in [
        "/incidents/999999",
        "/incidents/-1",
        "/documents/no-such-report",
        "/actors/nobody",
        "/nothing/here",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(r.content_type.starts_with("text/html"), "{path}");
    }
    for path in [
        "/api/incidents?limit=abc",
        "/api/incidents?limit=0",
        "/api/incidents?limit=100000",
        "/api/incidents?offset=-1",
        "/api/incidents?since=yesterday",
        "/api/incidents?until=2026-02-30",
        "/api/incidents?colour=red",
        "/api/search",
        "/api/search?q=%20",
        "/api/claims?limit=1e3",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 400, "{path}: {}", r.body);
        assert!(r.content_type.starts_with("application/json"), "{path}");
    }
    for path in [
        "/claims?bogus=1",
        "/incidents?since=soon",
        "/documents/x?event=first",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 400, "{path}");
        assert!(r.content_type.starts_with("text/html"), "{path}");
    }
    // Query syntax is read as words; odd input is answered, not failed.
    for path in [
        "/api/search?q=%22%28AND%20NEAR",
        "/search?q=%F0%9F%92%A3",
        "/api/actors?name=%25%27%3B--",
    ] {
        assert_eq!(s.get(path).status, 200, "{path}");
    }
    // The server is still up.
    assert_eq!(s.get("/api/stats").status, 200);
}

#[test]
fn demo_serves_the_whole_example_corpus_from_any_folder() {
    let s = Server::demo();
    let stats = s.json("/api/stats");
    // examples/reports: 20 documents in 15 files (README.md there says so).
    assert_eq!(stats["documents"], 20);
    assert!(stats["incidents"].as_u64().unwrap() >= 5);
    assert!(s.get("/").body.contains("class=\"pin\""));
}

#[test]
fn serve_needs_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args([
            "serve",
            "--db",
            &missing.display().to_string(),
            "--addr",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no database at") && err.contains("none.db"),
        "{err}"
    );
    assert!(!missing.exists(), "serve must not create an empty database");
}
