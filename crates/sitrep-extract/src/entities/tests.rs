//! Entity recognition on small invented texts with a small knowledge base.

use chrono::NaiveDate;
use sitrep_analyse::Analysis;
use sitrep_kb::{KnowledgeBase, Source};
use sitrep_model::Document;

use super::{Entities, Via};

const ACTORS: &str = r#"
[[actor]]
id = "pk.ttp"
name = "Tehreek-e-Taliban Pakistan"
type = "armed_group"
country = "PK"
aliases = ["TTP", "Tehrik-i-Taliban Pakistan"]

[[actor]]
id = "pk.army"
name = "Pakistan Army"
type = "state_force"
country = "PK"

[[actor]]
id = "int.is"
name = "Islamic State"
type = "armed_group"
aliases = ["IS", "ISIS"]

[[actor]]
id = "pk.person.a"
name = "Khawaja Asif"
type = "person"
country = "PK"

[[actor]]
id = "pk.person.b"
name = "Pervez Khattak"
type = "person"
country = "PK"

[[office]]
id = "pk.defence_minister"
title = "Minister of Defence"
country = "PK"
aliases = ["defence minister"]
[[office.holder]]
person = "pk.person.b"
start = "2018-08-20"
end = "2022-04-10"
[[office.holder]]
person = "pk.person.a"
start = "2024-03-11"

[[generic]]
country = "PK"
words = ["army", "military"]
actor = "pk.army"
"#;

const PLACES: &str = "id\tname\tkind\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\taliases\n\
    p1\tPakistan\tcountry\tPK\t\t\t30\t70\t0\t\n\
    p2\tKhyber Pakhtunkhwa\tadmin1\tPK\t\t\t34\t71.5\t0\tKP|KPK\n\
    p3\tBannu\tcity\tPK\tKhyber Pakhtunkhwa\tBannu\t32.98\t70.6\t49000\t\n\
    p4\tTank\tadmin2\tPK\tKhyber Pakhtunkhwa\t\t32.2\t70.4\t0\t\n\
    p5\tHaan\tcity\tDE\tNorth Rhine-Westphalia\t\t51.19\t7.01\t29431\tKhan\n\
    p6\tAbbaspur\tcity\tPK\tPunjab\t\t30.0\t72.0\t20000\tAbbas\n";

fn kb() -> KnowledgeBase {
    KnowledgeBase::from_sources(&[
        Source {
            name: "a.toml".into(),
            text: ACTORS.into(),
        },
        Source {
            name: "p.tsv".into(),
            text: PLACES.into(),
        },
        Source {
            name: "common_words.txt".into(),
            text: "tank\nis\nus\narmy\n".into(),
        },
        Source {
            name: "facility_heads.txt".into(),
            text: "cantonment\nrailway station\n".into(),
        },
        Source {
            name: "person_titles.txt".into(),
            text: "lt gen\nspokesman\n".into(),
        },
        Source {
            name: "function_words.txt".into(),
            text: "said\nthe\n".into(),
        },
    ])
    .unwrap()
}

fn doc(text: &str, published: Option<&str>) -> Document {
    Document::from_text(
        "t",
        text,
        published.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()),
    )
}

fn names(text: &str, published: Option<&str>) -> Vec<(String, String)> {
    let kb = kb();
    let d = doc(text, published);
    let a = Analysis::new(&d);
    let e = Entities::recognise(&a, &kb);
    e.mentions
        .iter()
        .map(|m| (m.span.of(text).to_string(), e.list[m.entity].name.clone()))
        .collect()
}

#[test]
fn offices_resolve_to_the_holder_on_the_publication_date() {
    let text = "The defence minister said the TTP had regrouped.";
    assert_eq!(
        names(text, Some("2025-05-01"))[0],
        ("defence minister".into(), "Khawaja Asif".into())
    );
    assert_eq!(
        names(text, Some("2020-05-01"))[0],
        ("defence minister".into(), "Pervez Khattak".into())
    );
    assert_eq!(
        names(text, Some("2023-01-01"))[0].1,
        "Tehreek-e-Taliban Pakistan",
        "nobody held it"
    );
}

#[test]
fn the_same_entities_in_every_casing() {
    let mixed = "Lt Gen Tariq Nawaz Baloch said the TTP attacked a post near Bannu in KP. The army responded.";
    let want = names(mixed, None);
    assert_eq!(
        want.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
        [
            "Tariq Nawaz Baloch",
            "Tehreek-e-Taliban Pakistan",
            "Bannu",
            "Khyber Pakhtunkhwa",
            "Pakistan Army"
        ]
    );
    for variant in [mixed.to_lowercase(), mixed.to_uppercase()] {
        let got: Vec<String> = names(&variant, None)
            .into_iter()
            .map(|(_, n)| n.to_lowercase())
            .collect();
        let expected: Vec<String> = want.iter().map(|(_, n)| n.to_lowercase()).collect();
        assert_eq!(got, expected, "{variant}");
    }
}

#[test]
fn words_that_are_also_names_need_evidence() {
    // "IS" only in capitals; "Tank" only capitalised mid-sentence or next to "district".
    assert!(names("This is what it is.", None).is_empty());
    assert_eq!(
        names("Fighters of IS and the TTP met.", None)[0].1,
        "Islamic State"
    );
    assert!(names("Tank commanders met.", None).is_empty());
    assert_eq!(names("Two died in Tank on Monday.", None)[0].1, "Tank");
    assert_eq!(names("two died in tank district.", None)[0].1, "Tank");
    assert!(names("the tank was destroyed.", None).is_empty());
}

#[test]
fn facilities_and_short_names() {
    let got = names(
        "A blast hit Bannu Cantonment. Lt Gen Ahmed Ali Shah said Shah would visit.",
        None,
    );
    assert_eq!(
        got[0],
        ("Bannu Cantonment".into(), "Bannu Cantonment".into())
    );
    assert_eq!(got[1].1, "Ahmed Ali Shah");
    assert_eq!(got[2], ("Shah".into(), "Ahmed Ali Shah".into()));
}

#[test]
fn generic_words_follow_the_document_country() {
    let kb = kb();
    let text = "The military said the TTP attacked Bannu.";
    let d = doc(text, None);
    let a = Analysis::new(&d);
    let e = Entities::recognise(&a, &kb);
    assert_eq!(e.country.as_deref(), Some("PK"));
    assert!(
        e.mentions
            .iter()
            .any(|m| m.via == Via::Generic && e.list[m.entity].name == "Pakistan Army")
    );
}

#[test]
fn spelling_coincidences_are_not_places() {
    // A foreign town named only by an alternate spelling, and a small town inside a name.
    let got = names(
        "Ghulam Khan said the TTP attacked Bannu. Ghulam Abbas agreed.",
        None,
    );
    let got: Vec<&str> = got.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(got, ["Tehreek-e-Taliban Pakistan", "Bannu"]);
    // A locative word makes the small town a place again.
    assert_eq!(
        names("Two died in Abbas and in Bannu.", None)[0].1,
        "Abbaspur"
    );
}
