//! Reading knowledge-base files: TOML actors and offices, TSV places, word lists.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;

use serde::Deserialize;

use crate::model::{Actor, GenericRef, Office, Place, PlaceKind};

/// One knowledge-base file in memory.
#[derive(Clone, Debug)]
pub struct Source {
    /// Where it came from, for messages; its extension says its format.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// A knowledge-base file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// Reading failed.
    #[error("{path}: cannot read: {message}")]
    Io {
        /// The path.
        path: String,
        /// What the system said.
        message: String,
    },
    /// A TOML file that does not parse or does not fit the format.
    #[error("{file}: {message}")]
    Toml {
        /// The file.
        file: String,
        /// What the parser said (it names the line).
        message: String,
    },
    /// A bad row in a places TSV file.
    #[error("{file}:{line}: {message}")]
    Tsv {
        /// The file.
        file: String,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file whose format is unknown.
    #[error(
        "{0}: not a knowledge-base file (expected .toml actors/offices, .tsv places or .txt word list)"
    )]
    UnknownFormat(String),
}

/// Reads a file, or every file under a folder, into `sources`.
pub(crate) fn read_sources(path: &Path, sources: &mut Vec<Source>) -> Result<(), KbError> {
    let io = |e: std::io::Error| KbError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path)
            .map_err(io)?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            let md = p.extension().is_some_and(|e| e == "md");
            if !hidden && !md {
                read_sources(&p, sources)?;
            }
        }
        return Ok(());
    }
    let text = fs::read_to_string(path).map_err(io)?;
    sources.push(Source {
        name: path.display().to_string(),
        text,
    });
    Ok(())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    actor: Vec<Actor>,
    #[serde(default)]
    office: Vec<Office>,
    #[serde(default)]
    generic: Vec<GenericRef>,
}

/// Everything parsed, before indexing.
pub(crate) struct Parsed {
    pub actors: Vec<Actor>,
    pub offices: Vec<Office>,
    pub places: Vec<Place>,
    pub generics: Vec<GenericRef>,
    pub common_words: HashSet<String>,
    pub lexicons: HashMap<String, Vec<String>>,
}

pub(crate) fn parse(sources: &[Source]) -> Result<Parsed, KbError> {
    let mut parsed = Parsed {
        actors: Vec::new(),
        offices: Vec::new(),
        places: Vec::new(),
        generics: Vec::new(),
        common_words: HashSet::new(),
        lexicons: HashMap::new(),
    };
    for src in sources {
        let ext = src.name.rsplit('.').next().unwrap_or("");
        match ext {
            "toml" => {
                let file: TomlFile = toml::from_str(&src.text).map_err(|e| KbError::Toml {
                    file: src.name.clone(),
                    message: e.to_string(),
                })?;
                parsed.actors.extend(file.actor.into_iter().map(|mut a| {
                    a.file = src.name.clone();
                    a
                }));
                parsed.offices.extend(file.office.into_iter().map(|mut o| {
                    o.file = src.name.clone();
                    o
                }));
                parsed.generics.extend(file.generic);
            }
            "tsv" => parse_places(src, &mut parsed.places)?,
            "txt" => {
                let stem = src
                    .name
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .trim_end_matches(".txt")
                    .to_string();
                let words = src
                    .text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string);
                if stem == "common_words" {
                    parsed.common_words.extend(words);
                } else {
                    parsed.lexicons.entry(stem).or_default().extend(words);
                }
            }
            _ => return Err(KbError::UnknownFormat(src.name.clone())),
        }
    }
    Ok(parsed)
}

const COLUMNS: [&str; 10] = [
    "id",
    "name",
    "kind",
    "country",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "aliases",
];

fn parse_places(src: &Source, places: &mut Vec<Place>) -> Result<(), KbError> {
    let err = |line: usize, message: String| KbError::Tsv {
        file: src.name.clone(),
        line,
        message,
    };
    let mut columns: Option<Vec<usize>> = None;
    for (i, line) in src.text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(cols) = &columns else {
            let index: Vec<usize> = COLUMNS
                .iter()
                .map(|c| {
                    fields
                        .iter()
                        .position(|f| f.trim() == *c)
                        .ok_or_else(|| err(lineno, format!("header has no `{c}` column")))
                })
                .collect::<Result<_, _>>()?;
            columns = Some(index);
            continue;
        };
        let get = |k: usize| fields.get(cols[k]).map(|s| s.trim()).unwrap_or("");
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let kind = PlaceKind::parse(get(2))
            .ok_or_else(|| err(lineno, format!("unknown place kind `{}`", get(2))))?;
        let coord = |k: usize, name: &str, limit: f64| -> Result<f64, KbError> {
            get(k)
                .parse::<f64>()
                .ok()
                .filter(|v| v.abs() <= limit)
                .ok_or_else(|| err(lineno, format!("bad {name} `{}`", get(k))))
        };
        if get(0).is_empty() || get(1).is_empty() {
            return Err(err(lineno, "empty id or name".into()));
        }
        places.push(Place {
            id: get(0).to_string(),
            name: get(1).to_string(),
            kind,
            country: get(3).to_string(),
            admin1: opt(get(4)),
            admin2: opt(get(5)),
            lat: coord(6, "latitude", 90.0)?,
            lon: coord(7, "longitude", 180.0)?,
            population: get(8).parse().unwrap_or(0),
            aliases: get(9)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_file_and_line() {
        let bad_tsv = Source {
            name: "places/x.tsv".into(),
            text: "# c\nid\tname\tkind\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\taliases\ng:1\tQuetta\tcity\tPK\t\t\tNaN?\t67\t0\t\n".into(),
        };
        let e = parse(&[bad_tsv]).err().unwrap().to_string();
        assert_eq!(e, "places/x.tsv:3: bad latitude `NaN?`");
        let bad_toml = Source {
            name: "actors/x.toml".into(),
            text: "[[actor]]\nid = \"a\"\nname = \"A\"\ntype = \"gang\"\n".into(),
        };
        let e = parse(&[bad_toml]).err().unwrap().to_string();
        assert!(
            e.starts_with("actors/x.toml: TOML parse error at line 4"),
            "{e}"
        );
        let e = parse(&[Source {
            name: "x.csv".into(),
            text: String::new(),
        }])
        .err()
        .unwrap();
        assert!(matches!(e, KbError::UnknownFormat(_)));
    }
}
