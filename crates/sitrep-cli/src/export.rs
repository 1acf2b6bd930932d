//! `sitrep export`: the stored picture in a format other tools load (ACLED-style CSV,
//! GeoJSON, STIX 2.1, JSON Lines), on standard output or, with `-o`, in a file written whole
//! or not at all (a temporary file beside it, renamed over it once complete).
//!
//! Loads every report's record, every incident with its members and the denial links from
//! the store into a [`Dataset`]; the conversion is `sitrep_export`'s.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use sitrep_export::{ClaimId, Dataset, DenialLink, ExportError, Format, FusedIncident, Options};
use sitrep_kb::PlaceKind;
use sitrep_store::{ClaimFilter, DbSpec, IncidentFilter, Page, Store};

use crate::cli::KbArgs;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// ACLED-style CSV, one row per incident.
    AcledCsv,
    /// A GeoJSON FeatureCollection of incidents.
    Geojson,
    /// A STIX 2.1 bundle.
    Stix,
    /// JSON Lines of everything: documents, entities, events, claims, figures, checks,
    /// incidents.
    Jsonl,
}

impl ExportFormat {
    fn format(self) -> Format {
        match self {
            ExportFormat::AcledCsv => Format::AcledCsv,
            ExportFormat::Geojson => Format::Geojson,
            ExportFormat::Stix => Format::Stix,
            ExportFormat::Jsonl => Format::Jsonl,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The database: a SQLite file (it must exist: exporting never creates one) or a
    /// `postgres://` URL.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE|URL")]
    pub db: DbSpec,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to this file (replaced only once the export is complete) instead of standard
    /// output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Knowledge base (country names for ACLED's `country` column).
    #[command(flatten)]
    pub kb: KbArgs,
}

/// True for the formats that export reports and claims, not only incidents.
fn with_reports(format: Format) -> bool {
    matches!(format, Format::Stix | Format::Jsonl)
}

/// What `format` exports, from the store: the incidents with their members and, for the
/// formats that need them, every report's record and the denial links.
fn load(store: &impl Store, format: Format) -> Result<Dataset> {
    let mut incidents = Vec::new();
    for i in store.incidents(&IncidentFilter::default())? {
        if let Some(d) = store.incident(i.id)? {
            incidents.push(FusedIncident {
                incident: d.incident,
                members: d.members,
            });
        }
    }
    if !with_reports(format) {
        return Ok(Dataset {
            incidents,
            ..Dataset::default()
        });
    }
    let mut metas = store.documents(Page::all())?;
    metas.sort_by(|a, b| {
        (a.published.is_none(), &a.published, &a.id).cmp(&(
            b.published.is_none(),
            &b.published,
            &b.id,
        ))
    });
    let mut reports = Vec::with_capacity(metas.len());
    for m in metas {
        let Some(doc) = store.document(&m.id)? else {
            continue;
        };
        let mut r = doc.record;
        r.doc_id = m.id;
        r.title = m.title;
        r.source = m.source;
        r.url = m.url;
        r.published = m.published;
        r.content_hash = doc.content_hash;
        reports.push(r);
    }
    let denial = ClaimFilter {
        kind: Some("denial".into()),
        ..ClaimFilter::default()
    };
    let denials = store
        .claims(&denial, Page::all())?
        .into_iter()
        .filter_map(|c| {
            let denied = c.denies?;
            Some(DenialLink {
                denial: ClaimId {
                    doc_id: c.doc_id,
                    idx: c.idx,
                },
                denied: ClaimId {
                    doc_id: denied.doc_id,
                    idx: denied.idx,
                },
            })
        })
        .collect();
    Ok(Dataset {
        reports,
        incidents,
        denials,
    })
}

fn options(args: &ExportArgs) -> Result<Options> {
    let mut options = Options::at(chrono::Utc::now());
    if args.format == ExportFormat::AcledCsv {
        let kb = args.kb.load()?;
        options.country_names = kb
            .places
            .iter()
            .filter(|p| p.kind == PlaceKind::Country)
            .map(|p| (p.country.clone(), p.name.clone()))
            .collect();
    }
    Ok(options)
}

/// Writes the export to `path` through a temporary file in the same folder, renamed over
/// `path` only when complete.
/// A device or a pipe (`/dev/stdout`, a FIFO) is written straight and never replaced.
fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if path
        .metadata()
        .is_ok_and(|m| !m.file_type().is_file() && !m.is_dir())
    {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = BufWriter::new(file);
        write(&mut out).with_context(|| format!("cannot write {}", path.display()))?;
        return out
            .flush()
            .with_context(|| format!("cannot write {}", path.display()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sitrep-export-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot write {}", path.display()))?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// `sitrep export`.
pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let db = &args.db;
    if let (Some(out), Some(db)) = (&args.output, db.file()) {
        let same = |a: &Path, b: &Path| {
            a.canonicalize()
                .ok()
                .is_some_and(|a| b.canonicalize().ok() == Some(a))
        };
        if same(out, db) {
            bail!("{} is the database; export to another file", out.display());
        }
    }
    let format = args.format.format();
    let store = crate::ingest::open_existing(db)?;
    let data = load(&store, format).with_context(|| format!("cannot read {db}"))?;
    let options = options(args)?;
    // A failed write stays an io::Error, so a closed pipe (`| head`) ends the output quietly.
    let write = |out: &mut dyn Write| -> Result<()> {
        match sitrep_export::write(format, &data, &options, out) {
            Ok(()) => Ok(()),
            Err(ExportError::Io(e)) => Err(e.into()),
            Err(e) => Err(e.into()),
        }
    };
    match &args.output {
        Some(path) => {
            write_file(path, write)?;
            let reports = if with_reports(format) {
                format!(" and {} reports", data.reports.len())
            } else {
                String::new()
            };
            eprintln!(
                "sitrep: exported {} incidents{reports} to {}",
                data.incidents.len(),
                path.display()
            );
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
