//! The knowledge base: reviewed data files in, a [`KnowledgeBase`] with compiled matchers out.
//!
//! Takes the repository's `kb/` files (embedded in the binary at build time, see `build.rs`)
//! and any files or folders a user names at run time, in the formats `kb/README.md`
//! documents: actors and offices as TOML, places as TSV, lexicons as word lists. Gives typed
//! [`Actor`]s, [`Office`]s (with holders over time) and [`Place`]s, and one [`Matcher`] over
//! every name and alias, folded as the analysis layer folds text, so extraction finds them in
//! a single pass in any casing and spelling. [`check`] validates the files.
#![deny(missing_docs)]

pub mod check;
mod compiled;
mod lexicon;
mod load;
mod matcher;
mod model;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
pub use lexicon::{Phrases, split_words};
pub use load::{KbError, Source};
pub use matcher::{Entry, Hit, Matcher, Target, fold_pattern};
pub use model::{Actor, ActorKind, GenericRef, Holder, Office, Place, PlaceKind};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Everything sitrep knows before it reads a report.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    /// Organisations and persons.
    pub actors: Vec<Actor>,
    /// Offices and who held them when.
    pub offices: Vec<Office>,
    /// Countries, divisions, towns, facilities.
    pub places: Vec<Place>,
    /// Generic words standing for a country's actors.
    pub generics: Vec<GenericRef>,
    /// Common English words, lower case: names that are also words need more evidence.
    pub common_words: HashSet<String>,
    /// Month and weekday names, never places.
    pub date_words: HashSet<String>,
    /// Adjectives of nationality, labelled with their country.
    pub demonyms: Phrases,
    /// Closed-class words and reporting verbs, lower case.
    pub function_words: HashSet<String>,
    /// Named word lists from `kb/lexicons/*.txt` (file stem to entries), for extractors.
    pub lexicons: HashMap<String, Vec<String>>,
    /// Words that end or start a facility's name ("railway station", "imambargah").
    pub facility_heads: Phrases,
    /// Titles and ranks before a person's name ("lt gen", "minister").
    pub person_titles: Phrases,
    /// Last words of organisation names, labelled with the usual entity type.
    pub org_heads: Phrases,
    /// First words of transliterated group names ("lashkar", "jamaat").
    pub org_prefixes: Phrases,
    /// The matcher over every name and alias.
    pub matcher: Matcher,
    actor_ix: HashMap<String, usize>,
    place_ix: HashMap<String, usize>,
    compiled: compiled::Compiled,
}

impl KnowledgeBase {
    /// A knowledge base with nothing in it.
    pub fn empty() -> Self {
        Self::default()
    }

    /// The knowledge base embedded in the binary.
    pub fn embedded() -> Result<Self, KbError> {
        Self::load(&[])
    }

    /// The embedded files plus the files and folders in `extra` (read recursively).
    pub fn load(extra: &[&Path]) -> Result<Self, KbError> {
        let mut sources: Vec<Source> = embedded::EMBEDDED
            .iter()
            .map(|(name, text)| Source {
                name: format!("kb/{name}"),
                text: (*text).to_string(),
            })
            .collect();
        for path in extra {
            load::read_sources(path, &mut sources)?;
        }
        Self::from_sources(&sources)
    }

    /// Builds a knowledge base from sources already in memory.
    pub fn from_sources(sources: &[Source]) -> Result<Self, KbError> {
        let parsed = load::parse(sources)?;
        let mut kb = KnowledgeBase {
            actors: parsed.actors,
            offices: parsed.offices,
            places: parsed.places,
            generics: parsed.generics,
            common_words: parsed.common_words,
            lexicons: parsed.lexicons,
            ..Self::default()
        };
        kb.actor_ix = kb
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        kb.place_ix = kb
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let phrases = |name: &str| Phrases::from_lines(kb.lexicons.get(name).into_iter().flatten());
        kb.function_words = kb
            .lexicons
            .get("function_words")
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        kb.date_words = kb
            .lexicons
            .get("date_words")
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        kb.demonyms = phrases("demonyms");
        kb.facility_heads = phrases("facility_heads");
        kb.person_titles = phrases("person_titles");
        kb.org_heads = phrases("org_heads");
        kb.org_prefixes = phrases("org_prefixes");
        kb.matcher = Matcher::build(&kb);
        Ok(kb)
    }

    /// The form of type `T` that a stage compiles from this knowledge base (its lexicons,
    /// say), built by `build` on first use and kept with this knowledge base.
    pub fn compiled<T: Send + Sync + 'static>(
        &self,
        build: impl FnOnce(&Self) -> T,
    ) -> std::sync::Arc<T> {
        self.compiled.get(|| build(self))
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_ix.get(id).map(|&i| &self.actors[i])
    }

    /// Index of the actor with this id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_ix.get(id).copied()
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_ix.get(id).map(|&i| &self.places[i])
    }

    /// Who held `office` on `date`; with no date, the current holder.
    pub fn holder_on(&self, office: &Office, date: Option<NaiveDate>) -> Option<&Actor> {
        let h = match date {
            Some(d) => office
                .holders
                .iter()
                .find(|h| h.start <= d && h.end.is_none_or(|e| d <= e)),
            None => office.holders.iter().find(|h| h.end.is_none()),
        }?;
        self.actor(&h.person)
    }

    /// True when `word` (lower case) is a closed-class word or a frequent reporting verb,
    /// which ends a name in text without capitals.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }

    /// True when `word` (lower case) is a common English word.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn small() -> KnowledgeBase {
        let actors = r#"
[[actor]]
id = "pk.ttp"
name = "Tehreek-e-Taliban Pakistan"
type = "armed_group"
country = "PK"
aliases = ["TTP", "Tehrik-i-Taliban Pakistan", "Fitna al-Khawarij"]

[[actor]]
id = "pk.person.asif"
name = "Khawaja Asif"
type = "person"
country = "PK"
aliases = ["Khawaja Muhammad Asif"]

[[actor]]
id = "pk.person.other"
name = "Pervez Khattak"
type = "person"
country = "PK"

[[office]]
id = "pk.defence_minister"
title = "Minister of Defence"
country = "PK"
aliases = ["defence minister", "defense minister"]
[[office.holder]]
person = "pk.person.other"
start = "2018-08-20"
end = "2022-04-10"
[[office.holder]]
person = "pk.person.asif"
start = "2024-03-11"
"#;
        let places = "id\tname\tkind\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\taliases\n\
            gn:1\tKhyber Pakhtunkhwa\tadmin1\tPK\t\t\t34.0\t71.5\t0\tKP|KPK|NWFP\n\
            gn:2\tTank\tadmin2\tPK\tKhyber Pakhtunkhwa\t\t32.2\t70.4\t0\t\n";
        KnowledgeBase::from_sources(&[
            Source {
                name: "actors/t.toml".into(),
                text: actors.into(),
            },
            Source {
                name: "places/t.tsv".into(),
                text: places.into(),
            },
            Source {
                name: "lexicons/common_words.txt".into(),
                text: "# c\ntank\nus\n".into(),
            },
        ])
        .unwrap()
    }

    #[test]
    fn offices_resolve_by_date() {
        let kb = small();
        let office = &kb.offices[0];
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            kb.holder_on(office, d("2025-06-01")).unwrap().name,
            "Khawaja Asif"
        );
        assert_eq!(
            kb.holder_on(office, d("2020-01-01")).unwrap().name,
            "Pervez Khattak"
        );
        assert!(kb.holder_on(office, d("2023-01-01")).is_none());
        assert_eq!(kb.holder_on(office, None).unwrap().name, "Khawaja Asif");
    }

    #[test]
    fn compiled_forms_belong_to_their_knowledge_base() {
        let (a, b) = (small(), KnowledgeBase::empty());
        let count = |kb: &KnowledgeBase| kb.actors.len();
        assert_eq!(*a.compiled(count), 3);
        assert_eq!(*b.compiled(count), 0);
        assert_eq!(*a.compiled(|_| 99usize), 3, "built once, then kept");
    }

    #[test]
    fn embedded_kb_loads() {
        let kb = KnowledgeBase::embedded().unwrap();
        assert!(!kb.common_words.is_empty());
    }
}
