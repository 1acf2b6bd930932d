//! Integration tests of `sitrep kb check` and of user knowledge-base files (`--kb`).

use std::fs;
use std::process::{Command, Output};

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .expect("run sitrep")
}

#[test]
fn built_in_knowledge_base_is_clean() {
    let out = sitrep(&["kb", "check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("no problems"), "{stdout}");
}

#[test]
fn user_files_are_checked_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("mine.toml");
    fs::write(
        &good,
        "[[actor]]\nid = \"x.rfm\"\nname = \"Red Feather Movement\"\ntype = \"armed_group\"\naliases = [\"RFM\"]\n",
    )
    .unwrap();
    let report = dir.path().join("r.txt");
    fs::write(
        &report,
        "Police blamed the RFM for the attack on the depot.\n",
    )
    .unwrap();
    let out = sitrep(&[
        "extract",
        "--kb",
        &good.display().to_string(),
        &report.display().to_string(),
    ]);
    assert!(out.status.success());
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Red Feather Movement"), "{names:?}");

    let bad = dir.path().join("bad.toml");
    fs::write(
        &bad,
        "[[actor]]\nid = \"x.rfm\"\nname = \"Other\"\ntype = \"armed_group\"\nparent = \"x.nobody\"\n",
    )
    .unwrap();
    let out = sitrep(&[
        "kb",
        "check",
        "--kb",
        &good.display().to_string(),
        "--kb",
        &bad.display().to_string(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("bad.toml: actor id `x.rfm` is also used in"),
        "{stdout}"
    );
    assert!(
        stdout.contains("parent `x.nobody`, which is not defined"),
        "{stdout}"
    );

    let broken = dir.path().join("broken.toml");
    fs::write(&broken, "[[actor]]\nid = \n").unwrap();
    let out = sitrep(&["kb", "check", "--kb", &broken.display().to_string()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("broken.toml") && stderr.contains("TOML parse error"),
        "{stderr}"
    );
}
