//! `sitrep kb check`.

use std::process::ExitCode;

use anyhow::Result;
use sitrep_kb::check::check as validate;

use crate::cli::KbArgs;

pub fn check(args: &KbArgs) -> Result<ExitCode> {
    let kb = args.load()?;
    let issues = validate(&kb);
    for issue in &issues {
        println!("{issue}");
    }
    println!(
        "{} actors, {} offices, {} places, {} patterns: {}",
        kb.actors.len(),
        kb.offices.len(),
        kb.places.len(),
        kb.matcher.entries.len(),
        if issues.is_empty() {
            "no problems".to_string()
        } else {
            format!("{} problem(s)", issues.len())
        }
    );
    Ok(if issues.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
