//! Embeds the repository's `kb/` data files into the library, so the binary needs no files
//! beside it. User files are added at run time.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let kb = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../kb");
    println!("cargo:rerun-if-changed={}", kb.display());
    let mut files = Vec::new();
    for part in KB_FOLDERS {
        collect(&kb.join(part), &mut files);
    }
    files.sort();
    let mut out = String::from(
        "/// The embedded knowledge-base files: (path relative to `kb/`, contents).\npub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for path in &files {
        let rel = path
            .strip_prefix(&kb)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let abs = fs::canonicalize(path).unwrap();
        writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    fs::write(
        PathBuf::from(env::var("OUT_DIR").unwrap()).join("embedded.rs"),
        out,
    )
    .unwrap();
}

/// The folders of `kb/` that hold knowledge-base files (others, such as `models/`, belong to
/// the components that read them).
const KB_FOLDERS: [&str; 4] = ["actors", "offices", "places", "lexicons"];

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, files);
        } else if matches!(
            p.extension().and_then(|x| x.to_str()),
            Some("toml" | "tsv" | "txt")
        ) {
            files.push(p);
        }
    }
}
