//! The store, on every backend (`backends`): new, unchanged and replaced documents, fusion across batches, counts,
//! full-text search, denial links, migrations.

use sitrep_model::record::{Casualties, Claim, DateRange, Entity, Event, Location, Record};
use sitrep_model::{DateOrigin, Document, Origin, SourceFormat};
use sitrep_store::{IncidentFilter, Outcome, SqliteStore, Store};

mod backends;

fn doc(id: &str, text: &str, published: &str) -> Document {
    Document {
        id: id.into(),
        url: Some(format!("https://example.invalid/{id}")),
        source: Some(format!("Outlet {id}")),
        title: None,
        published: published.parse().ok(),
        published_from: DateOrigin::Record,
        text: text.into(),
        removed: vec![],
        content_hash: format!("hash-{text}"),
        origin: Origin {
            input: "-".into(),
            line: None,
            format: SourceFormat::Text,
        },
    }
}

fn record(d: &Document, killed: u64) -> Record {
    Record {
        doc_id: d.id.clone(),
        published: d.published.map(|p| p.to_string()),
        content_hash: d.content_hash.clone(),
        entities: vec![Entity {
            id: None,
            name: "Unknown Front".into(),
            kind: "armed_group".into(),
            mentions: vec![],
            country: None,
            admin1: None,
            admin2: None,
            lat: None,
            lon: None,
        }],
        events: vec![Event {
            kind: "Explosions/Remote violence".into(),
            sub_type: Some("Suicide bomb".into()),
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
                kind: Some("admin2".into()),
            }),
            actors: vec![],
            fatalities: Some(Casualties {
                total: killed,
                qualifier: "exact".into(),
                civilians: None,
                security_forces: None,
                militants: None,
            }),
            injured: None,
            weapons: vec![],
            tags: vec![],
            evidence: vec![],
        }],
        claims: vec![Claim {
            speaker: "Unknown Front".into(),
            cue: "said".into(),
            direct: false,
            text: "we did not do it".into(),
            start: 0,
            end: 1,
            kind: "denial".into(),
            about: vec![],
            figures: vec![],
        }],
        ..Record::default()
    }
}

#[test]
fn ingest_reingest_replace() {
    for db in backends::every("ingest_reingest_replace") {
        ingest_reingest_replace_on(&db);
    }
}

fn ingest_reingest_replace_on(db: &backends::Db) {
    let mut s = db.open();
    assert_eq!(
        db.schema_version(),
        sitrep_store::schema::MIGRATIONS.len() as i64
    );
    let a = doc("a", "bomb market toll 31", "2026-03-07");
    let b = doc("b", "bomb market toll 36", "2026-03-08");
    let batch = vec![(a.clone(), record(&a, 31)), (b.clone(), record(&b, 36))];
    assert_eq!(s.ingest(&batch).unwrap(), vec![Outcome::New, Outcome::New]);
    assert_eq!(
        s.ingest(&batch).unwrap(),
        vec![Outcome::Unchanged, Outcome::Unchanged]
    );
    let st = s.stats().unwrap();
    assert_eq!(
        (
            st.documents,
            st.events,
            st.incidents,
            st.claims,
            st.entities,
            st.entity_records
        ),
        (2, 2, 1, 2, 1, 2)
    );
    let inc = &s.incidents(&IncidentFilter::default()).unwrap()[0];
    assert_eq!(inc.reports, vec!["a", "b"]);

    // A new version of b: same id, new text.
    let b2 = doc("b", "bomb market toll 40 updated", "2026-03-09");
    assert_eq!(
        s.ingest(&[(b2.clone(), record(&b2, 40))]).unwrap(),
        vec![Outcome::Replaced]
    );
    let st = s.stats().unwrap();
    assert_eq!((st.documents, st.events, st.incidents), (2, 2, 1));
    let inc = &s.incidents(&IncidentFilter::default()).unwrap()[0];
    let f = inc.fatalities.as_ref().unwrap();
    assert_eq!((f.low, f.high), (31, 40));
    assert_eq!(s.search("updated", 10).unwrap(), vec!["b"]);
    if let Some(path) = db.spec.file() {
        let file = SqliteStore::open(path).unwrap();
        assert_eq!(file.integrity_check().unwrap(), "ok");
    }

    // Filters.
    let none = IncidentFilter {
        since: Some("2026-03-07".into()),
        ..Default::default()
    };
    assert!(s.incidents(&none).unwrap().is_empty());
    let place = IncidentFilter {
        place: Some("lakki".into()),
        kind: Some("suicide".into()),
        ..Default::default()
    };
    assert_eq!(s.incidents(&place).unwrap().len(), 1);
    drop(s);

    // Reopening keeps everything and does not migrate again.
    let s = db.open();
    assert_eq!(s.stats().unwrap().documents, 2);
    assert_eq!(s.claims_by_speaker().unwrap().len(), 1);
}

#[test]
fn a_denial_is_linked_to_the_accusation_it_denies() {
    for db in backends::every("a_denial_is_linked_to_the_accusation_it_denies") {
        a_denial_is_linked_to_the_accusation_it_denies_on(db.open());
    }
}

fn a_denial_is_linked_to_the_accusation_it_denies_on(mut s: Box<dyn Store + Send>) {
    let p = doc("p", "police blame the front", "2026-03-07");
    let mut rp = record(&p, 31);
    rp.claims[0] = Claim {
        speaker: "District Police Officer".into(),
        kind: "accusation".into(),
        about: vec!["Unknown Front".into()],
        text: "the front carried out the attack".into(),
        ..rp.claims[0].clone()
    };
    s.ingest(&[(p.clone(), rp)]).unwrap();
    let q = doc("q", "the front denies", "2026-03-08");
    s.ingest(&[(q.clone(), record(&q, 36))]).unwrap();
    let groups = s.claims_by_speaker().unwrap();
    let front = groups
        .iter()
        .find(|g| g.speaker == "Unknown Front")
        .unwrap();
    assert_eq!(front.claims[0].denies, Some(("p".to_string(), 0)));
    let police = groups
        .iter()
        .find(|g| g.speaker == "District Police Officer")
        .unwrap();
    assert_eq!(police.claims[0].kind, "accusation");
}

#[test]
fn a_speaker_s_claims_are_grouped_by_topic() {
    for db in backends::every("a_speaker_s_claims_are_grouped_by_topic") {
        a_speaker_s_claims_are_grouped_by_topic_on(db.open());
    }
}

fn a_speaker_s_claims_are_grouped_by_topic_on(mut s: Box<dyn Store + Send>) {
    let said = |about: &[&str], text: &str| Claim {
        speaker: "Provincial Spokesman".into(),
        kind: "assertion".into(),
        about: about.iter().map(|a| a.to_string()).collect(),
        text: text.into(),
        ..record(&doc("x", "x", "2026-03-01"), 1).claims[0].clone()
    };
    for (id, day, claims) in [
        (
            "m",
            "2026-03-07",
            vec![
                said(&["Unknown Front"], "the front is behind it"),
                said(&[], "calm has returned"),
            ],
        ),
        (
            "n",
            "2026-03-08",
            vec![
                said(&["Budget"], "funds were released"),
                said(&["Unknown Front"], "the front's cell was broken up"),
            ],
        ),
    ] {
        let d = doc(id, id, day);
        let mut r = record(&d, 3);
        r.claims = claims;
        s.ingest(&[(d, r)]).unwrap();
    }
    let groups = s.claims_by_speaker().unwrap();
    let g = groups
        .iter()
        .find(|g| g.speaker == "Provincial Spokesman")
        .unwrap();
    let order: Vec<(Option<&str>, &str)> = g
        .claims
        .iter()
        .map(|c| (c.topic.as_deref(), c.doc_id.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (Some("Budget"), "n"),
            (Some("Unknown Front"), "m"),
            (Some("Unknown Front"), "n"),
            (None, "m"),
        ]
    );
}

#[test]
fn a_version_1_postgres_database_is_brought_up_with_its_claim_days() {
    use sitrep_store::postgres::schema::MIGRATIONS;
    let Some(pg) = sitrep_store::testing::fresh_postgres(
        "a_version_1_postgres_database_is_brought_up_with_its_claim_days",
    ) else {
        return;
    };
    let mut c = postgres::Client::connect(&pg.url(), postgres::NoTls).unwrap();
    c.batch_execute(MIGRATIONS[0]).unwrap();
    c.batch_execute(
        "CREATE TABLE schema_version (version BIGINT NOT NULL);
         INSERT INTO schema_version (version) VALUES (1);
         INSERT INTO documents (id, published, content_hash, text, origin)
             VALUES ('d', '2026-03-08', 'h', 't', 'o'), ('u', NULL, 'h2', 't', 'o');
         INSERT INTO claim_about (doc_id, idx, about_key) VALUES ('d', 0, 'x'), ('u', 0, 'x');",
    )
    .unwrap();
    let s = sitrep_store::PgStore::open(&pg.url()).unwrap();
    assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    assert_eq!(MIGRATIONS.len(), sitrep_store::schema::MIGRATIONS.len());
    let days: Vec<Option<i32>> = c
        .query("SELECT day FROM claim_about ORDER BY doc_id", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let march_8 = chrono::NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
    assert_eq!(
        days,
        [Some(chrono::Datelike::num_days_from_ce(&march_8))]
            .into_iter()
            .chain([None])
            .collect::<Vec<_>>()
    );
    // Feeds' validators (migration 3) are there, and saved ones read back.
    let mut s = s;
    let v = sitrep_store::FeedValidators {
        etag: Some("\"e1\"".into()),
        last_modified: None,
    };
    s.save_feed_validators("https://example.invalid/feed", &v)
        .unwrap();
    assert_eq!(
        s.feed_validators("https://example.invalid/feed").unwrap(),
        v
    );
}
