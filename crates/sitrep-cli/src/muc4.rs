//! `sitrep muc4`: MUC-4 records (`{docid, doctext}` JSON Lines, or any input `extract` reads)
//! in; one `{"docid", "extracts": {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}}` line
//! per document out, the prediction format of the MUC-4 CEAF-REE scorer.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use rayon::prelude::*;
use serde::Serialize;
use sitrep_muc4::{self as muc4, Extracts};

use crate::cli::Muc4Args;
use crate::run::{Tally, pool, read_all};

#[derive(Serialize)]
struct Line<'a> {
    docid: &'a str,
    extracts: &'a Extracts,
}

/// Runs the command.
pub fn muc4(args: &Muc4Args) -> Result<ExitCode> {
    let pool = pool(args.input.threads)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut tally = Tally::default();
    read_all(&args.input, &mut tally, |docs| {
        let all: Vec<Extracts> =
            pool.install(|| docs.par_iter().map(|d| muc4::extract(&d.text)).collect());
        for (doc, extracts) in docs.iter().zip(&all) {
            serde_json::to_writer(
                &mut out,
                &Line {
                    docid: &doc.id,
                    extracts,
                },
            )?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush()?;
    if tally.errors + tally.warnings > 0 {
        eprintln!(
            "sitrep: {} document(s); {} input error(s), {} warning(s)",
            tally.documents, tally.errors, tally.warnings
        );
    }
    Ok(tally.exit_code())
}
