//! `sitrep assess`: prints the assessment `sitrep_assess` computes (per province, district
//! and ISO week: incidents, fatalities, actors, baselines, spikes, trend; and the indicator
//! ledger, the NAP scorecard, from figures, every value with its source document).

use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use sitrep_assess::{Assessment, assess};
use sitrep_store::{IncidentFilter, Store};

use crate::ingest::DbArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AssessFormat {
    /// Readable tables.
    Table,
    /// One JSON object.
    Json,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AssessFormat::Table)]
    pub format: AssessFormat,
}

/// `sitrep assess`.
pub fn run(args: &AssessArgs) -> Result<ExitCode> {
    let store = args.db.open_existing()?;
    let a = assess(
        &store.incidents(&IncidentFilter::default())?,
        &store.figures()?,
    );
    match args.format {
        AssessFormat::Json => println!("{}", serde_json::to_string_pretty(&a)?),
        AssessFormat::Table => print_table(&a),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(a: &Assessment) {
    for p in &a.places {
        println!("{} {} (trend: {})", p.level, p.name, p.trend);
        for w in p.weeks.iter().filter(|w| w.incidents > 0 || w.spike) {
            let actors: Vec<&str> = w.actors.iter().map(String::as_str).collect();
            println!(
                "  {}  incidents {:>3}  killed {:>4}  baseline {:.2} ± {:.2}{}  {}",
                w.week,
                w.incidents,
                w.fatalities,
                w.baseline_mean,
                w.baseline_sd,
                if w.spike { "  SPIKE" } else { "" },
                actors.join(", ")
            );
        }
    }
    if !a.indicators.is_empty() {
        println!("\nindicators");
    }
    for i in &a.indicators {
        println!("  {} — {}", i.indicator, i.place);
        for v in &i.values {
            let value = v
                .value
                .map(|x| x.to_string())
                .unwrap_or_else(|| format!("{:?}-{:?}", v.low, v.high));
            println!(
                "    {:<12} {:>10} {:<8} {}  [{} {}]",
                v.period.as_deref().unwrap_or("?"),
                value,
                v.unit,
                v.measure.as_deref().unwrap_or(""),
                v.doc_id,
                v.published.as_deref().unwrap_or("undated")
            );
        }
    }
}
