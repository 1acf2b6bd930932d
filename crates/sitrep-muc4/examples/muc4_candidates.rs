//! Writes the scored candidate mentions of MUC-4 documents, the training data of
//! `scripts/train_muc4_entities.py`: `{docid, doctext}` JSON Lines in (path argument), one
//! `{"docid", "candidates": [{"role", "mention", "features", "score", "spans"}]}` line per document out.
//!
//!     cargo run --release -p sitrep-muc4 --example muc4_candidates -- TRAIN.jsonl

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: muc4_candidates INPUT.jsonl");
        return ExitCode::FAILURE;
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("muc4_candidates: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = match line {
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => l,
            Err(e) => {
                eprintln!("muc4_candidates: {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let doc: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("muc4_candidates: {path}:{}: not JSON: {e}", n + 1);
                failed = true;
                continue;
            }
        };
        let (Some(id), Some(text)) = (doc["docid"].as_str(), doc["doctext"].as_str()) else {
            eprintln!("muc4_candidates: {path}:{}: no docid or doctext", n + 1);
            failed = true;
            continue;
        };
        let cands: Vec<Value> = sitrep_muc4::candidates(text)
            .into_iter()
            .map(|c| {
                json!({
                    "role": sitrep_muc4::ROLES[c.role],
                    "mention": c.mention,
                    "features": c.features,
                    "score": c.score,
                    "spans": c.spans,
                })
            })
            .collect();
        let rec = json!({"docid": id, "candidates": cands});
        if writeln!(out, "{rec}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() || failed {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
