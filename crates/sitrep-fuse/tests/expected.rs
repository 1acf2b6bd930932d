//! Fusion of hand-made events mirroring `examples/reports/EXPECTED.md` (incidents A–E, the
//! apex-committee decision and the historical 2014 attack): the expected incidents, tolls,
//! revisions and conflicts, in any arrival order.

use std::collections::BTreeSet;

use sitrep_fuse::{Incident, MemIndex, Member, fuse, remove_doc};
use sitrep_model::record::{Casualties, DateRange, Event, EventActor, Location};

fn place(name: &str, admin2: &str, admin1: &str, country: &str, lat: f64, lon: f64) -> Location {
    Location {
        name: name.into(),
        admin2: Some(admin2.into()),
        admin1: Some(admin1.into()),
        country: Some(country.into()),
        lat: Some(lat),
        lon: Some(lon),
        kind: Some("city".into()),
    }
}

fn toll(total: u64, q: &str) -> Casualties {
    Casualties {
        total,
        qualifier: q.into(),
        civilians: None,
        security_forces: None,
        militants: None,
    }
}

struct Ev {
    doc: &'static str,
    published: Option<&'static str>,
    source: Option<&'static str>,
    kind: &'static str,
    sub: &'static str,
    date: Option<&'static str>,
    loc: Location,
    killed: Option<Casualties>,
    injured: Option<Casualties>,
    perps: Vec<(&'static str, &'static str)>,
}

fn member(e: Ev) -> Member {
    Member {
        doc_id: e.doc.into(),
        event_idx: 0,
        published: e.published.map(str::to_string),
        source: e.source.map(str::to_string),
        event: Event {
            kind: e.kind.into(),
            sub_type: Some(e.sub.into()),
            date: e.date.map(|d| DateRange {
                start: d.into(),
                end: d.into(),
            }),
            location: Some(e.loc),
            actors: e
                .perps
                .iter()
                .map(|(n, s)| EventActor {
                    name: n.to_string(),
                    role: "perpetrator".into(),
                    status: Some(s.to_string()),
                })
                .collect(),
            fatalities: e.killed,
            injured: e.injured,
            weapons: vec![],
            tags: vec![],
            evidence: vec![],
        },
    }
}

const EXP: &str = "Explosions/Remote violence";
const TTP: &str = "Tehrik-i-Taliban Pakistan";

/// The events of the example corpus as EXPECTED.md describes them, with actor names
/// canonical as the extractor gives them.
pub fn corpus() -> Vec<Member> {
    let lakki = || {
        place(
            "Lakki Marwat",
            "Lakki Marwat",
            "Khyber Pakhtunkhwa",
            "PK",
            32.6075,
            70.9114,
        )
    };
    let mandi = place(
        "Sabzi Mandi",
        "Lakki Marwat",
        "Khyber Pakhtunkhwa",
        "PK",
        32.6081,
        70.9120,
    );
    let buleda = || place("Buleda", "Kech", "Balochistan", "PK", 26.2011, 62.4247);
    let mir_ali = || {
        place(
            "Mir Ali",
            "North Waziristan",
            "Khyber Pakhtunkhwa",
            "PK",
            32.9796,
            70.2790,
        )
    };
    let a = |doc, published, source, date, loc, killed, injured, perps| Ev {
        doc,
        published,
        source,
        kind: EXP,
        sub: "Suicide bomb",
        date,
        loc,
        killed,
        injured,
        perps,
    };
    let b_toll = |total, sf, mil| Casualties {
        security_forces: Some(sf),
        militants: Some(mil),
        ..toll(total, "exact")
    };
    let b = |doc, published, source, killed, perps| Ev {
        doc,
        published: Some(published),
        source,
        kind: "Battles",
        sub: "Armed clash",
        date: Some("2026-02-24"),
        loc: buleda(),
        killed: Some(killed),
        injured: None,
        perps,
    };
    let d6 = Some("2026-03-06");
    let events = vec![
        a(
            "lakki-market-blast",
            d6,
            None,
            d6,
            mandi,
            Some(toll(15, "at_least")),
            Some(toll(30, "more_than")),
            vec![],
        ),
        a(
            "wire-laki-toll-31",
            Some("2026-03-07"),
            Some("Indus Wire"),
            d6,
            lakki(),
            Some(toll(31, "exact")),
            Some(toll(48, "exact")),
            vec![(TTP, "claimed")],
        ),
        a(
            "khyberchronicle-lakki-toll-31",
            Some("2026-03-07"),
            Some("Khyber Chronicle"),
            d6,
            lakki(),
            Some(toll(31, "exact")),
            Some(toll(40, "more_than")),
            vec![("Islamic State Khorasan Province", "blamed")],
        ),
        a(
            "pakhtunherald-lakki-toll-36",
            Some("2026-03-08"),
            Some("The Pakhtun Herald"),
            d6,
            lakki(),
            Some(toll(36, "exact")),
            Some(toll(60, "exact")),
            vec![(TTP, "denied")],
        ),
        a(
            "sarhadmail-elders-69",
            Some("2026-03-08"),
            Some("Sarhad Mail"),
            d6,
            lakki(),
            Some(toll(69, "exact")),
            Some(toll(100, "more_than")),
            vec![(TTP, "denied")],
        ),
        a(
            "lakki-toll-36-caps",
            Some("2026-03-08"),
            None,
            d6,
            lakki(),
            Some(toll(36, "exact")),
            Some(toll(60, "exact")),
            vec![(TTP, "denied")],
        ),
        a(
            "lakki-traders-strike",
            None,
            None,
            None,
            lakki(),
            Some(toll(36, "exact")),
            None,
            vec![],
        ),
        a(
            "ispr-annual-briefing",
            Some("2026-03-10"),
            None,
            d6,
            lakki(),
            Some(toll(36, "exact")),
            None,
            vec![],
        ),
        b(
            "kech-checkpost-attack",
            "2026-02-25",
            None,
            b_toll(11, 7, 4),
            vec![("Fitna al-Hindustan", "blamed")],
        ),
        b(
            "wire-kech-checkpost",
            "2026-02-25",
            Some("Quetta Courier"),
            b_toll(12, 7, 5),
            vec![],
        ),
        b(
            "kech-soldiers-funeral",
            "2026-02-26",
            None,
            b_toll(11, 7, 4),
            vec![("Baloch Liberation Front", "claimed")],
        ),
        Ev {
            doc: "nw-engineers-abducted",
            published: Some("2026-03-02"),
            source: Some("Khyber Chronicle"),
            kind: "Violence against civilians",
            sub: "Abduction/forced disappearance",
            date: Some("2026-03-01"),
            loc: mir_ali(),
            killed: Some(toll(0, "exact")),
            injured: None,
            perps: vec![],
        },
        Ev {
            doc: "nw-engineers-released",
            published: Some("2026-03-12"),
            source: Some("Sarhad Mail"),
            kind: "Violence against civilians",
            sub: "Abduction/forced disappearance",
            date: Some("2026-03-01"),
            loc: mir_ali(),
            killed: Some(toll(0, "exact")),
            injured: None,
            perps: vec![],
        },
        Ev {
            doc: "kandhkot-police-van-ied",
            published: Some("2026-03-12"),
            source: None,
            kind: EXP,
            sub: "Remote explosive/landmine/IED",
            date: Some("2026-03-12"),
            loc: place("Kandhkot", "Kashmore", "Sindh", "PK", 28.2433, 69.1825),
            killed: Some(toll(2, "exact")),
            injured: Some(toll(3, "exact")),
            perps: vec![],
        },
        Ev {
            doc: "paktika-strikes-kabul",
            published: Some("2026-03-16"),
            source: Some("Khyber Chronicle"),
            kind: EXP,
            sub: "Air/drone strike",
            date: Some("2026-03-15"),
            loc: place("Barmal", "Barmal", "Paktika", "AF", 32.7710, 69.0550),
            killed: Some(Casualties {
                civilians: Some(9),
                ..toll(9, "exact")
            }),
            injured: Some(toll(6, "exact")),
            perps: vec![("Military Forces of Pakistan", "blamed")],
        },
        Ev {
            doc: "nationaldispatch-paktika-strikes",
            published: Some("2026-03-16"),
            source: Some("National Dispatch"),
            kind: EXP,
            sub: "Air/drone strike",
            date: Some("2026-03-15"),
            loc: place("Margha", "Barmal", "Paktika", "AF", 32.7900, 69.0300),
            killed: Some(Casualties {
                militants: Some(22),
                ..toll(22, "at_least")
            }),
            injured: None,
            perps: vec![("Military Forces of Pakistan", "alleged")],
        },
        Ev {
            doc: "kp-apex-committee",
            published: Some("2026-03-09"),
            source: None,
            kind: "Strategic developments",
            sub: "Other",
            date: Some("2026-03-09"),
            loc: place(
                "Peshawar",
                "Peshawar",
                "Khyber Pakhtunkhwa",
                "PK",
                34.008,
                71.578,
            ),
            killed: None,
            injured: None,
            perps: vec![],
        },
        Ev {
            doc: "warsak-road-library",
            published: Some("2026-02-21"),
            source: None,
            kind: "Violence against civilians",
            sub: "Attack",
            date: Some("2014-12-16"),
            loc: place(
                "Peshawar",
                "Peshawar",
                "Khyber Pakhtunkhwa",
                "PK",
                34.008,
                71.578,
            ),
            killed: Some(toll(140, "more_than")),
            injured: None,
            perps: vec![(TTP, "claimed")],
        },
    ];
    events.into_iter().map(member).collect()
}

fn run(members: Vec<Member>) -> Vec<Incident> {
    let mut index = MemIndex::default();
    for m in members {
        fuse(&mut index, m).unwrap();
    }
    index.incidents.into_iter().map(|c| c.summary).collect()
}

fn with_report<'a>(incidents: &'a [Incident], doc: &str) -> &'a Incident {
    incidents
        .iter()
        .find(|i| i.reports.iter().any(|r| r == doc))
        .unwrap_or_else(|| panic!("no incident has {doc}"))
}

fn range(t: &Option<sitrep_fuse::Toll>) -> (u64, u64, u64) {
    let t = t.as_ref().expect("a toll");
    (t.best, t.low, t.high)
}

#[test]
fn expected_incidents() {
    let incidents = run(corpus());
    assert_eq!(
        incidents.len(),
        7,
        "{:#?}",
        incidents.iter().map(|i| &i.reports).collect::<Vec<_>>()
    );

    let a = with_report(&incidents, "lakki-market-blast");
    assert_eq!(a.reports.len(), 8);
    assert_eq!(a.sub_type.as_deref(), Some("Suicide bomb"));
    assert_eq!(a.date.as_ref().unwrap().start, "2026-03-06");
    assert_eq!(range(&a.fatalities), (36, 15, 69));
    assert_eq!(a.fatalities.as_ref().unwrap().revisions, vec![15, 31, 36]);
    assert_eq!(range(&a.injured), (60, 30, 100));
    let outlier = a
        .conflicts
        .iter()
        .find(|c| c.kind == "outlier" && c.field == "fatalities")
        .unwrap();
    assert_eq!(outlier.values, vec![69]);
    assert_eq!(outlier.doc_ids, vec!["sarhadmail-elders-69"]);
    let ttp = a
        .perpetrators
        .iter()
        .find(|p| p.name.to_lowercase().contains("taliban"))
        .unwrap();
    assert_eq!(ttp.statuses.get("claimed"), Some(&1));
    assert_eq!(ttp.statuses.get("denied"), Some(&3));
    assert_eq!(ttp.status, "denied");
    assert!(
        a.perpetrators
            .iter()
            .any(|p| p.name.starts_with("Islamic State") && p.status == "blamed")
    );
    assert!(a.conflicts.iter().any(|c| c.kind == "attribution"));
    let first = &a.fatalities.as_ref().unwrap().reports[0];
    assert_eq!(
        (first.doc_id.as_str(), first.value, first.qualifier.as_str()),
        ("lakki-market-blast", 15, "at_least")
    );

    let b = with_report(&incidents, "kech-checkpost-attack");
    assert_eq!(b.reports.len(), 3);
    assert_eq!(range(&b.fatalities), (11, 11, 12));
    let cats = &b.fatalities.as_ref().unwrap().by_category;
    assert_eq!(
        (
            cats["security_forces"].best,
            cats["security_forces"].low,
            cats["security_forces"].high
        ),
        (7, 7, 7)
    );
    assert_eq!(
        (
            cats["militants"].best,
            cats["militants"].low,
            cats["militants"].high
        ),
        (4, 4, 5)
    );

    let c = with_report(&incidents, "nw-engineers-abducted");
    assert_eq!(
        c.reports,
        vec!["nw-engineers-abducted", "nw-engineers-released"]
    );
    assert_eq!(range(&c.fatalities), (0, 0, 0));

    let d = with_report(&incidents, "kandhkot-police-van-ied");
    assert_eq!(d.reports.len(), 1);
    assert_eq!(
        (range(&d.fatalities), range(&d.injured)),
        ((2, 2, 2), (3, 3, 3))
    );

    let e = with_report(&incidents, "paktika-strikes-kabul");
    assert_eq!(e.reports.len(), 2);
    assert_eq!(range(&e.fatalities), (9, 9, 22));
    assert!(
        e.conflicts
            .iter()
            .any(|c| c.kind == "disputed" && c.field == "fatalities")
    );
    assert_eq!(range(&e.injured), (6, 6, 6));

    assert_eq!(
        with_report(&incidents, "warsak-road-library").reports.len(),
        1
    );
    assert_eq!(
        with_report(&incidents, "kp-apex-committee").reports.len(),
        1
    );
}

/// The incidents as sets of reports with their tolls: what must not depend on order.
type Shape = (
    Vec<String>,
    Option<(u64, u64, u64)>,
    Option<(u64, u64, u64)>,
);

fn shape(incidents: &[Incident]) -> BTreeSet<Shape> {
    incidents
        .iter()
        .map(|i| {
            let t = |t: &Option<sitrep_fuse::Toll>| t.as_ref().map(|t| (t.best, t.low, t.high));
            (i.reports.clone(), t(&i.fatalities), t(&i.injured))
        })
        .collect()
}

#[test]
fn arrival_order_does_not_change_the_incidents() {
    let want = shape(&run(corpus()));
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..30 {
        let mut members = corpus();
        for i in (1..members.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            members.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let order: Vec<String> = members.iter().map(|m| m.doc_id.clone()).collect();
        assert_eq!(shape(&run(members)), want, "order {order:?}");
    }
    let mut reversed = corpus();
    reversed.reverse();
    assert_eq!(shape(&run(reversed)), want);
}

#[test]
fn a_replaced_report_is_refused() {
    let mut index = MemIndex::default();
    for m in corpus() {
        fuse(&mut index, m).unwrap();
    }
    // The outlier outlet corrects itself: 69 becomes 36.
    assert_eq!(remove_doc(&mut index, "sarhadmail-elders-69").unwrap(), 1);
    let mut fixed = corpus()
        .into_iter()
        .find(|m| m.doc_id == "sarhadmail-elders-69")
        .unwrap();
    fixed.event.fatalities = Some(toll(36, "exact"));
    fuse(&mut index, fixed).unwrap();
    let incidents: Vec<Incident> = index.incidents.into_iter().map(|c| c.summary).collect();
    let a = with_report(&incidents, "lakki-market-blast");
    assert_eq!(a.reports.len(), 8);
    assert_eq!(range(&a.fatalities), (36, 15, 36));
    assert!(
        !a.conflicts
            .iter()
            .any(|c| c.kind == "outlier" && c.field == "fatalities")
    );
}
