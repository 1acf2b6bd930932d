//! `sitrep kb check`: validation of the knowledge-base files.
//!
//! Takes a loaded [`KnowledgeBase`]; gives every [`Issue`]: duplicate ids, an alias that names
//! two actors, dangling parents, office holders that are not persons, overlapping or
//! backwards office terms, places without a country.

use std::collections::HashMap;
use std::fmt;

use crate::matcher::fold_pattern;
use crate::{ActorKind, KnowledgeBase};

/// One problem found in the knowledge base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The file the problem is in.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// Every problem in `kb`, in file order.
pub fn check(kb: &KnowledgeBase) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut issue = |file: &str, message: String| {
        issues.push(Issue {
            file: file.to_string(),
            message,
        })
    };

    let mut ids: HashMap<&str, &str> = HashMap::new();
    for a in &kb.actors {
        if let Some(first) = ids.insert(&a.id, &a.file) {
            issue(
                &a.file,
                format!("actor id `{}` is also used in {first}", a.id),
            );
        }
    }
    for o in &kb.offices {
        if let Some(first) = ids.insert(&o.id, &o.file) {
            issue(
                &o.file,
                format!("office id `{}` is also used in {first}", o.id),
            );
        }
    }

    let mut aliases: HashMap<String, &str> = HashMap::new();
    for a in &kb.actors {
        for n in std::iter::once(&a.name).chain(&a.aliases) {
            let key = fold_pattern(n);
            match aliases.get(key.as_str()) {
                Some(other) if *other != a.id => {
                    issue(
                        &a.file,
                        format!("alias `{n}` of `{}` also names `{other}`", a.id),
                    );
                }
                _ => {
                    aliases.insert(key, &a.id);
                }
            }
        }
        if let Some(parent) = &a.parent {
            if kb.actor(parent).is_none() {
                issue(
                    &a.file,
                    format!(
                        "actor `{}` has parent `{parent}`, which is not defined",
                        a.id
                    ),
                );
            } else if parent == &a.id {
                issue(&a.file, format!("actor `{}` is its own parent", a.id));
            }
        }
    }

    for o in &kb.offices {
        if let Some(org) = &o.org
            && kb.actor(org).is_none()
        {
            issue(
                &o.file,
                format!("office `{}` belongs to `{org}`, which is not defined", o.id),
            );
        }
        let mut terms: Vec<_> = o.holders.iter().collect();
        terms.sort_by_key(|h| h.start);
        for h in &terms {
            match kb.actor(&h.person) {
                None => issue(
                    &o.file,
                    format!("office `{}`: holder `{}` is not defined", o.id, h.person),
                ),
                Some(p) if p.kind != ActorKind::Person => issue(
                    &o.file,
                    format!("office `{}`: holder `{}` is not a person", o.id, h.person),
                ),
                _ => {}
            }
            if h.end.is_some_and(|e| e < h.start) {
                issue(
                    &o.file,
                    format!(
                        "office `{}`: term of `{}` ends before it starts",
                        o.id, h.person
                    ),
                );
            }
        }
        for pair in terms.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            match a.end {
                Some(end) if end <= b.start => {}
                _ => issue(
                    &o.file,
                    format!(
                        "office `{}`: terms overlap: `{}` from {} to {} and `{}` from {}",
                        o.id,
                        a.person,
                        a.start,
                        a.end.map_or("now".to_string(), |d| d.to_string()),
                        b.person,
                        b.start
                    ),
                ),
            }
        }
    }

    for g in &kb.generics {
        if kb.actor(&g.actor).is_none() {
            issue(
                "generic",
                format!(
                    "generic words {:?} stand for `{}`, which is not defined",
                    g.words, g.actor
                ),
            );
        }
    }

    let mut place_ids: HashMap<&str, ()> = HashMap::new();
    for p in &kb.places {
        if place_ids.insert(&p.id, ()).is_some() {
            issue("places", format!("place id `{}` is used twice", p.id));
        }
        if p.country.len() != 2 {
            issue(
                "places",
                format!("place `{}` ({}) has no ISO country code", p.id, p.name),
            );
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    #[test]
    fn finds_each_kind_of_problem() {
        let toml = r#"
[[actor]]
id = "a"
name = "Alpha Front"
type = "armed_group"
parent = "nowhere"
[[actor]]
id = "b"
name = "Beta Front"
type = "armed_group"
aliases = ["Alpha Front"]
[[actor]]
id = "a"
name = "Gamma Front"
type = "armed_group"
[[actor]]
id = "p1"
name = "Person One"
type = "person"
[[office]]
id = "o"
title = "Chief"
[[office.holder]]
person = "p1"
start = "2020-01-01"
end = "2022-01-01"
[[office.holder]]
person = "a"
start = "2021-06-01"
"#;
        let kb = KnowledgeBase::from_sources(&[Source {
            name: "x.toml".into(),
            text: toml.into(),
        }])
        .unwrap();
        let messages: Vec<String> = check(&kb).iter().map(|i| i.message.clone()).collect();
        let expect = [
            "actor id `a` is also used in x.toml",
            "actor `a` has parent `nowhere`, which is not defined",
            "alias `Alpha Front` of `b` also names `a`",
            "office `o`: holder `a` is not a person",
            "office `o`: terms overlap",
        ];
        for e in expect {
            assert!(
                messages.iter().any(|m| m.starts_with(e)),
                "missing `{e}` in {messages:#?}"
            );
        }
    }
}
