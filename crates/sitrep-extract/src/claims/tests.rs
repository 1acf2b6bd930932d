//! Claims on small invented texts with a small knowledge base.

use chrono::NaiveDate;
use sitrep_analyse::Analysis;
use sitrep_kb::{KnowledgeBase, Source};
use sitrep_model::record::Claim;
use sitrep_model::{CharIndex, Document};

use crate::entities::Entities;

const ACTORS: &str = r#"
[[actor]]
id = "xx.person.a"
name = "Farid Qasimi"
type = "person"
country = "PK"

[[actor]]
id = "xx.person.b"
name = "Nadia Rehmat"
type = "person"
country = "PK"

[[actor]]
id = "xx.person.c"
name = "Omar Balti"
type = "person"
country = "PK"

[[actor]]
id = "xx.front"
name = "Mountain Liberation Front"
type = "armed_group"
country = "PK"
aliases = ["MLF"]

[[office]]
id = "xx.interior_minister"
title = "Minister of the Interior"
country = "PK"
aliases = ["interior minister"]
[[office.holder]]
person = "xx.person.c"
start = "2015-01-01"
end = "2020-01-01"
[[office.holder]]
person = "xx.person.b"
start = "2020-01-02"
"#;

fn kb() -> KnowledgeBase {
    let lex = |name: &str, text: &str| Source {
        name: format!("lexicons/{name}.txt"),
        text: text.into(),
    };
    KnowledgeBase::from_sources(&[
        Source {
            name: "actors/a.toml".into(),
            text: ACTORS.into(),
        },
        lex(
            "reporting_verbs",
            include_str!("../../../../kb/lexicons/reporting_verbs.txt"),
        ),
        lex(
            "collective_sources",
            include_str!("../../../../kb/lexicons/collective_sources.txt"),
        ),
        lex(
            "speaker_roles",
            include_str!("../../../../kb/lexicons/speaker_roles.txt"),
        ),
        lex("function_words", "said\nthe\n"),
    ])
    .unwrap()
}

fn claims(text: &str) -> Vec<Claim> {
    let kb = kb();
    let d = Document::from_text(
        "t",
        text,
        NaiveDate::parse_from_str("2024-05-01", "%Y-%m-%d").ok(),
    );
    let a = Analysis::new(&d);
    let e = Entities::recognise(&a, &kb);
    super::extract(&a, &kb, &e, &CharIndex::new(text))
}

/// (speaker, text) pairs.
fn pairs(text: &str) -> Vec<(String, String)> {
    claims(text)
        .into_iter()
        .map(|c| (c.speaker, c.text))
        .collect()
}

fn has(found: &[(String, String)], speaker: &str, words: &str) -> bool {
    found.iter().any(|(s, t)| s == speaker && t.contains(words))
}

#[test]
fn quote_with_attribution_after_and_before() {
    let f = pairs("“The valley roads will reopen within a week,” Farid Qasimi said on Friday.");
    assert!(has(&f, "Farid Qasimi", "valley roads will reopen"), "{f:?}");
    let f = pairs("Nadia Rehmat said: “Nobody will be allowed to block the highway again.”");
    assert!(has(&f, "Nadia Rehmat", "Nobody will be allowed"), "{f:?}");
    let f = pairs("\"The checkpoints stay in place for now,\" said Farid Qasimi.");
    assert!(
        has(&f, "Farid Qasimi", "checkpoints stay in place"),
        "{f:?}"
    );
}

#[test]
fn quote_resumed_after_attribution_and_across_paragraphs() {
    let text = "“We have lost three bridges this month,” Farid Qasimi said. “The repairs will take the whole winter.\n\n“After that the convoys can move again.”";
    let f = pairs(text);
    assert!(has(&f, "Farid Qasimi", "lost three bridges"), "{f:?}");
    assert!(has(&f, "Farid Qasimi", "repairs will take"), "{f:?}");
    assert!(has(&f, "Farid Qasimi", "convoys can move again"), "{f:?}");
}

#[test]
fn reported_speech_and_pronouns() {
    let text = "Nadia Rehmat said that the district council would meet on Monday to discuss the curfew.\n\nShe also warned that the MLF was recruiting teenagers in the border villages.";
    let c = claims(text);
    assert!(
        c.iter()
            .any(|c| c.speaker == "Nadia Rehmat" && c.text.starts_with("the district council")),
        "{c:?}"
    );
    let w = c
        .iter()
        .find(|c| c.text.contains("recruiting teenagers"))
        .expect("warning");
    assert_eq!(w.speaker, "Nadia Rehmat");
    assert_eq!(w.kind, "warning");
    assert!(w.about.contains(&"Mountain Liberation Front".to_string()));
    let chars: Vec<char> = text.chars().collect();
    let s: String = chars[w.start..w.end].iter().collect();
    assert_eq!(s, w.text);
}

#[test]
fn collective_sources_and_continuation() {
    let text = "Security sources said the attackers had crossed the river before dawn and hidden in an orchard.\n\nThey also claimed that two of the attackers had been trained abroad in recent months.";
    let f = pairs(text);
    assert!(
        has(&f, "Security sources", "attackers had crossed"),
        "{f:?}"
    );
    assert!(has(&f, "Security sources", "trained abroad"), "{f:?}");
    let f = pairs(
        "According to the report, the number of kidnappings doubled in the northern districts last year.",
    );
    assert!(has(&f, "report", "number of kidnappings doubled"), "{f:?}");
}

#[test]
fn office_speaker_resolved_and_denial() {
    let f = claims(
        "The interior minister denied that the police had fired on the protesters in the market.",
    );
    let c = f
        .iter()
        .find(|c| c.text.contains("fired on the protesters"))
        .expect("claim");
    assert_eq!(c.speaker, "Nadia Rehmat");
    assert_eq!(c.kind, "denial");
}

#[test]
fn speaker_after_the_clause() {
    let f = pairs("The curfew will be lifted once the search operation is over, Omar Balti added.");
    assert!(has(&f, "Omar Balti", "curfew will be lifted"), "{f:?}");
}

#[test]
fn lower_case_wire_text() {
    let f = pairs(
        "colonel omar balti said that the rebels had attacked the power station with mortars.",
    );
    assert!(
        f.iter()
            .any(|(s, t)| s.to_lowercase().contains("balti") && t.contains("rebels had attacked")),
        "{f:?}"
    );
}

#[test]
fn scare_quotes_are_not_claims() {
    let f = pairs("The so-called “peace committee” met again in the town hall.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn pronoun_after_a_report_continues_it() {
    let text = "The report said that the border crossings stayed shut and that “the smugglers simply moved further north along the ridge.” He added that the militia had about 300 fighters in the valley.";
    let f = pairs(text);
    assert!(has(&f, "report", "smugglers simply moved"), "{f:?}");
    assert!(has(&f, "report", "militia had about 300"), "{f:?}");
}
