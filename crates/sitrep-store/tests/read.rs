//! The read methods of the store, on every backend (`backends`): a document with its record, the document list, an
//! incident with its members, actors with aliases and activity, claims with filters and
//! denials side by side, search with snippets, pagination, and unknown ids.

use sitrep_model::Document;
use sitrep_model::record::{
    Casualties, Claim, DateRange, Entity, Event, EventActor, Evidence, Location, Mention, Record,
};
use sitrep_store::{ActorFilter, ClaimFilter, MATCH_END, MATCH_START, Page, Store};

mod backends;

const POLICE: &str = "Police said the Unknown Front bombed the Lakki market, killing 31.";
const FRONT: &str = "The front, also called UF, denied it bombed the market in Lakki.";

fn mention(text: &str, word: &str) -> Mention {
    let byte = text.find(word).unwrap();
    let start = text[..byte].chars().count();
    Mention {
        start,
        end: start + word.chars().count(),
        text: word.into(),
    }
}

fn front(mentions: Vec<Mention>) -> Entity {
    Entity {
        id: Some("uf".into()),
        name: "Unknown Front".into(),
        kind: "armed_group".into(),
        mentions,
        country: None,
        admin1: None,
        admin2: None,
        lat: None,
        lon: None,
    }
}

fn event(text: &str, killed: Option<u64>) -> Event {
    Event {
        kind: "Explosions/Remote violence".into(),
        sub_type: Some("Remote explosive/landmine/IED".into()),
        date: Some(DateRange {
            start: "2026-03-06".into(),
            end: "2026-03-06".into(),
        }),
        location: Some(Location {
            name: "Lakki Marwat".into(),
            admin2: Some("Lakki Marwat".into()),
            admin1: Some("Khyber Pakhtunkhwa".into()),
            country: Some("PK".into()),
            lat: Some(32.6),
            lon: Some(70.9),
            kind: Some("city".into()),
        }),
        actors: vec![EventActor {
            name: "Unknown Front".into(),
            role: "perpetrator".into(),
            status: Some("blamed".into()),
        }],
        fatalities: killed.map(|total| Casualties {
            total,
            qualifier: "exact".into(),
            civilians: None,
            security_forces: None,
            militants: None,
        }),
        injured: None,
        weapons: vec![],
        tags: vec![],
        evidence: vec![Evidence {
            start: 0,
            end: text.chars().count(),
        }],
    }
}

fn claim(text: &str, speaker: &str, said: &str, kind: &str) -> Claim {
    let m = mention(text, said);
    Claim {
        speaker: speaker.into(),
        cue: "said".into(),
        direct: false,
        text: said.into(),
        start: m.start,
        end: m.end,
        kind: kind.into(),
        about: vec!["Unknown Front".into()],
        figures: vec![],
    }
}

/// The two reports stored in a fresh database of every backend.
fn stores(test: &str) -> Vec<(backends::Db, Box<dyn Store + Send>)> {
    backends::every(test)
        .into_iter()
        .map(|db| {
            let s = store(&db);
            (db, s)
        })
        .collect()
}

fn store(db: &backends::Db) -> Box<dyn Store + Send> {
    let mut s = db.open();
    let mut p = Document::from_text("police", POLICE, "2026-03-07".parse().ok());
    p.title = Some("Market bombed".into());
    p.content_hash = "p".into();
    let rp = Record {
        doc_id: "police".into(),
        entities: vec![front(vec![mention(POLICE, "Unknown Front")])],
        events: vec![event(POLICE, Some(31))],
        claims: vec![claim(
            POLICE,
            "Police",
            "the Unknown Front bombed the Lakki market",
            "accusation",
        )],
        ..Record::default()
    };
    let mut f = Document::from_text("front", FRONT, "2026-03-08".parse().ok());
    f.content_hash = "f".into();
    let rf = Record {
        doc_id: "front".into(),
        entities: vec![front(vec![mention(FRONT, "front"), mention(FRONT, "UF")])],
        events: vec![event(FRONT, None)],
        claims: vec![claim(
            FRONT,
            "Unknown Front",
            "it bombed the market in Lakki",
            "denial",
        )],
        ..Record::default()
    };
    s.ingest(&[(p, rp), (f, rf)]).unwrap();
    s
}

#[test]
fn documents_by_id_and_in_a_list() {
    for (_db, s) in stores("documents_by_id_and_in_a_list") {
        let d = s.document("police").unwrap().unwrap();
        assert_eq!(d.meta.title.as_deref(), Some("Market bombed"));
        assert_eq!(d.meta.published.as_deref(), Some("2026-03-07"));
        assert_eq!(d.text, POLICE);
        assert_eq!(d.record.events.len(), 1);
        assert!(s.document("nope").unwrap().is_none());
        let ids: Vec<String> = s
            .documents(Page::all())
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["front", "police"]);
        let second = s
            .documents(Page {
                limit: 1,
                offset: 1,
            })
            .unwrap();
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].id, "police");
    }
}

#[test]
fn an_incident_with_every_report_and_its_evidence() {
    for (_db, s) in stores("an_incident_with_every_report_and_its_evidence") {
        let id = s.incidents(&Default::default()).unwrap()[0].id;
        let d = s.incident(id).unwrap().unwrap();
        assert_eq!(d.incident.reports, ["front", "police"]);
        assert_eq!(d.members.len(), 2);
        assert!(d.members.iter().all(|m| !m.event.evidence.is_empty()));
        assert!(s.incident(id + 1000).unwrap().is_none());
    }
}

#[test]
fn actors_with_aliases_counts_and_activity() {
    for (_db, s) in stores("actors_with_aliases_counts_and_activity") {
        let list = s.actors(&ActorFilter::default(), Page::all()).unwrap();
        assert_eq!(list.len(), 1);
        let a = &list[0];
        assert_eq!(
            (a.key.as_str(), a.name.as_str()),
            ("kb:uf", "Unknown Front")
        );
        assert_eq!(a.aliases, ["UF", "Unknown Front", "front"]);
        assert_eq!((a.documents, a.mentions), (2, 3));
        assert_eq!(a.first_seen.as_deref(), Some("2026-03-07"));
        assert_eq!(a.last_seen.as_deref(), Some("2026-03-08"));
        let by_alias = ActorFilter {
            name: Some("unknown".into()),
            ..Default::default()
        };
        assert_eq!(s.actors(&by_alias, Page::all()).unwrap().len(), 1);
        let places = ActorFilter {
            kind: Some("place".into()),
            ..Default::default()
        };
        assert!(s.actors(&places, Page::all()).unwrap().is_empty());

        let d = s.actor("kb:uf").unwrap().unwrap();
        let reports: Vec<&str> = d.reports.iter().map(|r| r.document.id.as_str()).collect();
        assert_eq!(reports, ["police", "front"]);
        assert_eq!(d.reports[1].mentions.len(), 2);
        assert_eq!(d.incidents.len(), 1);
        assert_eq!(d.claims_by.len(), 1);
        assert_eq!(d.claims_by[0].claim.kind, "denial");
        assert_eq!(d.claims_about.len(), 2);
        assert!(s.actor("kb:nobody").unwrap().is_none());
    }
}

#[test]
fn claims_filtered_with_denials_side_by_side() {
    for (_db, s) in stores("claims_filtered_with_denials_side_by_side") {
        let all = s.claims(&ClaimFilter::default(), Page::all()).unwrap();
        assert_eq!(all.len(), 2);
        let accusation = &all[0];
        assert_eq!(accusation.doc_id, "police");
        assert_eq!(accusation.denied_by.len(), 1);
        assert_eq!(accusation.denied_by[0].doc_id, "front");
        let denial = &all[1];
        let denied = denial.denies.as_ref().unwrap();
        assert_eq!((denied.doc_id.as_str(), denied.idx), ("police", 0));
        assert_eq!(denied.claim.kind, "accusation");

        let count = |f: ClaimFilter| s.claims(&f, Page::all()).unwrap().len();
        let speaker = |w: &str| ClaimFilter {
            speaker: Some(w.into()),
            ..Default::default()
        };
        assert_eq!(count(speaker("POLICE")), 1);
        assert_eq!(count(speaker("nobody")), 0);
        assert_eq!(
            count(ClaimFilter {
                kind: Some("denial".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            count(ClaimFilter {
                about: Some("front".into()),
                doc_id: Some("front".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            s.claims(&ClaimFilter::default(), Page::first(1))
                .unwrap()
                .len(),
            1
        );
    }
}

#[test]
fn search_marks_the_matches_and_takes_any_words() {
    for (_db, s) in stores("search_marks_the_matches_and_takes_any_words") {
        let hits = s.search_hits("lakki market", Page::all()).unwrap();
        assert_eq!(hits.len(), 2);
        let police = hits.iter().find(|h| h.document.id == "police").unwrap();
        assert!(
            police
                .snippet
                .contains(&format!("{MATCH_START}Lakki{MATCH_END}")),
            "{:?}",
            police.snippet
        );
        assert_eq!(s.search_hits("denied", Page::all()).unwrap().len(), 1);
        // Query syntax is read as words, never as an error.
        for q in ["\"", "AND (", "market*", "-x", "NEAR(", ""] {
            s.search_hits(q, Page::all()).unwrap();
        }
        assert!(s.search_hits("", Page::all()).unwrap().is_empty());
    }
}
