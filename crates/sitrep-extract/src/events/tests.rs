//! Event extraction on small invented texts with the embedded knowledge base.

use chrono::NaiveDate;
use sitrep_kb::KnowledgeBase;
use sitrep_model::Document;
use sitrep_model::record::Event;

fn events(text: &str, published: &str) -> Vec<Event> {
    let kb = KnowledgeBase::embedded().unwrap();
    let doc = Document::from_text(
        "t",
        text,
        Some(NaiveDate::parse_from_str(published, "%Y-%m-%d").unwrap()),
    );
    crate::extract(&doc, &kb).events
}

fn day(e: &Event) -> (String, String) {
    let d = e.date.as_ref().unwrap();
    (d.start.clone(), d.end.clone())
}

#[test]
fn suicide_bombing_with_toll_date_place_and_later_mentions() {
    let text = "At least 12 people were killed and more than 20 injured on Monday when a suicide \
                bomber struck a wedding hall in Peshawar. Police said the blast shattered windows \
                across the street. The bomber was about 20 years old.";
    let ev = events(text, "2025-06-04");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.kind, "Explosions/Remote violence");
    assert_eq!(e.sub_type.as_deref(), Some("Suicide bomb"));
    assert_eq!(day(e), ("2025-06-02".into(), "2025-06-02".into()));
    assert_eq!(e.location.as_ref().unwrap().name, "Peshawar");
    let f = e.fatalities.as_ref().unwrap();
    assert_eq!((f.total, f.qualifier.as_str()), (12, "at_least"));
    let i = e.injured.as_ref().unwrap();
    assert_eq!((i.total, i.qualifier.as_str()), (20, "more_than"));
    assert_eq!(e.evidence.len(), 3);
    assert!(e.tags.contains(&"suicide".to_string()));
}

#[test]
fn tolls_by_category_add_up() {
    let text = "Gunmen attacked a bus near Quetta last week, killing nine passengers. \
                Three policemen escorting the bus were also killed.";
    let ev = events(text, "2025-03-12");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let f = ev[0].fatalities.as_ref().unwrap();
    assert_eq!(
        (f.total, f.civilians, f.security_forces),
        (12, Some(9), Some(3))
    );
    assert_eq!(day(&ev[0]), ("2025-03-03".into(), "2025-03-09".into()));
}

#[test]
fn clash_with_a_post_is_a_battle() {
    let text = "Four soldiers were martyred in an exchange of fire with militants who tried to \
                storm a check post in Bannu on 3 May.";
    let ev = events(text, "2025-05-05");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        (ev[0].kind.as_str(), ev[0].sub_type.as_deref()),
        ("Battles", Some("Armed clash"))
    );
    assert_eq!(day(&ev[0]), ("2025-05-03".into(), "2025-05-03".into()));
    assert_eq!(ev[0].fatalities.as_ref().unwrap().total, 4);
}

#[test]
fn ceasefire_and_talks_are_strategic() {
    let text = "A truce was agreed on 2 April after talks in Doha.";
    let ev = events(text, "2025-04-10");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(
        (ev[0].kind.as_str(), ev[0].sub_type.as_deref()),
        ("Strategic developments", Some("Agreement"))
    );
}

#[test]
fn aggregates_hedges_and_generic_mentions_are_not_events() {
    let text = "Police conducted 1,250 raids in 2024. The minister said the army would never \
                attack civilians. Militants have carried out attacks across the country. \
                Officials discussed drone strikes.";
    assert!(events(text, "2025-01-10").is_empty());
}

#[test]
fn historical_attack_is_tagged() {
    let text = "Survivors remembered the attack on the Army Public School in Peshawar in 2014.";
    let ev = events(text, "2025-12-16");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert!(ev[0].tags.contains(&"historical".to_string()));
    assert_eq!(day(&ev[0]), ("2014-01-01".into(), "2014-12-31".into()));
}

#[test]
fn plural_triggers_that_count_many_incidents_are_not_incidents() {
    let text = "Troops carried out 4,210 operations in the province in 2025. During the same \
                period, 96 policemen and 140 civilians lost their lives in terrorist attacks. \
                Relations soured last month amid border clashes near Chaman.";
    let ev = events(text, "2026-01-20");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert!(ev[0].fatalities.is_none(), "{ev:#?}");
}

#[test]
fn the_headline_event_is_the_story_s_incident() {
    let text = "Five soldiers martyred, three militants killed in attack on Zhob post\n\n\
                Five soldiers were martyred and three militants killed when attackers stormed \
                a post in Zhob on Sunday night, officials said on Monday.";
    let kb = KnowledgeBase::embedded().unwrap();
    let mut doc = Document::from_text(
        "t",
        text,
        Some(NaiveDate::parse_from_str("2025-09-02", "%Y-%m-%d").unwrap()),
    );
    doc.title =
        Some("Five soldiers martyred, three militants killed in attack on Zhob post".into());
    let ev = crate::extract(&doc, &kb).events;
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert!(ev[0].date.is_some(), "{ev:#?}");
    let f = ev[0].fatalities.as_ref().unwrap();
    assert_eq!(
        (f.total, f.security_forces, f.militants),
        (8, Some(5), Some(3))
    );
    assert_eq!(day(&ev[0]), ("2025-08-31".into(), "2025-08-31".into()));
}

#[test]
fn parts_others_and_statement_days_do_not_mislead_the_frame() {
    let text = "The Taliban government on Tuesday accused the neighbouring army of shelling \
                houses in the Dand district of southern Kandahar province late on Monday, \
                saying six civilians, including two children and a woman, were killed and \
                four others injured.";
    let ev = events(text, "2025-05-07");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(day(e), ("2025-05-05".into(), "2025-05-05".into()));
    assert_eq!(e.location.as_ref().unwrap().name, "Kandahar");
    assert_eq!(e.fatalities.as_ref().unwrap().total, 6);
    assert_eq!(e.injured.as_ref().unwrap().total, 4);
}

#[test]
fn a_later_place_elsewhere_does_not_move_the_incident() {
    let text = "A roadside bomb killed three people in Bannu on Friday. The wounded were taken \
                to Lady Reading Hospital in Peshawar, an official at the hospital said.";
    let ev = events(text, "2025-04-12");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].location.as_ref().unwrap().name, "Bannu");
}

#[test]
fn each_group_gets_what_the_words_next_to_it_say() {
    let text = "A bomb blast killed four people at a bus stand in Bannu on Friday. The Tehreek-e-Taliban \
                Pakistan has denied carrying out the attack, while police said they suspect a \
                cell of the Islamic State Khorasan Province.";
    let ev = events(text, "2025-04-12");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let status = |name: &str| {
        ev[0]
            .actors
            .iter()
            .find(|a| a.name == name)
            .and_then(|a| a.status.clone())
    };
    assert_eq!(
        status("Tehreek-e-Taliban Pakistan").as_deref(),
        Some("denied")
    );
    assert_eq!(
        status("Islamic State Khorasan Province").as_deref(),
        Some("blamed")
    );
}
