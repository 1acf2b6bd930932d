//! A small invented dataset for the format tests: two outlets reporting one bombing (the
//! second disputing the attribution, with a denial), and an undated report from no named
//! outlet of an arrest at no known place. Incidents are fused by `sitrep_fuse::summarise`.

use sitrep_fuse::{Member, summarise};
use sitrep_model::record::{
    Casualties, Claim, DateRange, Entity, Event, EventActor, Evidence, Figure, Location, Mention,
    Record,
};

use crate::{ClaimId, Dataset, DenialLink, FusedIncident};

fn casualties(total: u64) -> Casualties {
    Casualties {
        total,
        qualifier: "exact".into(),
        civilians: None,
        security_forces: None,
        militants: None,
    }
}

fn actor(name: &str, role: &str, status: Option<&str>) -> EventActor {
    EventActor {
        name: name.into(),
        role: role.into(),
        status: status.map(str::to_string),
    }
}

fn place() -> Location {
    Location {
        name: "Tajori".into(),
        admin2: Some("Lakki Marwat".into()),
        admin1: Some("Khyber Pakhtunkhwa".into()),
        country: Some("PK".into()),
        lat: Some(32.5812),
        lon: Some(70.9124),
        kind: Some("city".into()),
    }
}

fn bombing(killed: u64, status: &str, evidence: &[(usize, usize)]) -> Event {
    Event {
        kind: "Explosions/Remote violence".into(),
        sub_type: Some("Remote explosive/landmine/IED".into()),
        date: Some(DateRange {
            start: "2026-02-09".into(),
            end: "2026-02-09".into(),
        }),
        location: Some(place()),
        actors: vec![
            actor("Tehreek-e-Taliban Pakistan", "perpetrator", Some(status)),
            actor("Police", "target", None),
        ],
        fatalities: Some(casualties(killed)),
        injured: Some(casualties(4)),
        weapons: vec!["IED".into()],
        tags: vec![],
        evidence: evidence
            .iter()
            .map(|&(start, end)| Evidence { start, end })
            .collect(),
    }
}

fn claim(speaker: &str, kind: &str, about: &[&str], text: &str, start: usize) -> Claim {
    Claim {
        speaker: speaker.into(),
        cue: "said".into(),
        direct: false,
        text: text.into(),
        start,
        end: start + text.chars().count(),
        kind: kind.into(),
        about: about.iter().map(|s| s.to_string()).collect(),
        figures: vec![],
    }
}

fn ttp(start: usize) -> Entity {
    Entity {
        id: Some("pk.ttp".into()),
        name: "Tehreek-e-Taliban Pakistan".into(),
        kind: "armed_group".into(),
        mentions: vec![Mention {
            start,
            end: start + 3,
            text: "TTP".into(),
        }],
        country: Some("PK".into()),
        admin1: None,
        admin2: None,
        lat: None,
        lon: None,
    }
}

fn record(id: &str, source: Option<&str>, published: Option<&str>) -> Record {
    Record {
        doc_id: id.into(),
        published: published.map(str::to_string),
        title: Some(format!("Report {id}")),
        source: source.map(str::to_string),
        url: source.map(|_| format!("https://news.example/{id}")),
        content_hash: format!("hash-{id}"),
        ..Record::default()
    }
}

fn member(rec: &Record, event_idx: usize) -> Member {
    Member {
        doc_id: rec.doc_id.clone(),
        event_idx,
        published: rec.published.clone(),
        source: rec.source.clone(),
        event: rec.events[event_idx].clone(),
    }
}

/// The dataset.
pub fn dataset() -> Dataset {
    let mut alpha = record("alpha-wire", Some("Alpha Wire"), Some("2026-02-10"));
    alpha.events = vec![bombing(3, "blamed", &[(0, 58), (120, 176)])];
    alpha.entities = vec![ttp(140)];
    alpha.claims = vec![claim(
        "District Police Officer",
        "accusation",
        &["Tehreek-e-Taliban Pakistan"],
        "the banned TTP planted the device, \"on the road\", near the checkpost",
        200,
    )];
    alpha.figures = vec![Figure {
        value: Some(3.0),
        low: None,
        high: None,
        qualifier: "exact".into(),
        unit: "count".into(),
        measure: Some("policemen".into()),
        subject: None,
        place: Some("Tajori".into()),
        period: None,
        source: None,
        start: 20,
        end: 35,
        text: "three policemen".into(),
    }];
    let mut beta = record("beta-post", Some("Beta Post"), Some("2026-02-11"));
    beta.events = vec![bombing(3, "denied", &[(10, 70)])];
    // Lower-case "ttp" and the full name: neither is a new alias.
    let mut beta_ttp = ttp(60);
    beta_ttp.mentions[0].text = "ttp".into();
    beta_ttp.mentions.push(Mention {
        start: 90,
        end: 116,
        text: "Tehreek-e-Taliban Pakistan".into(),
    });
    beta.entities = vec![beta_ttp];
    beta.claims = vec![claim(
        "Tehreek-e-Taliban Pakistan",
        "denial",
        &[],
        "it had no hand in the blast",
        80,
    )];
    let mut gamma = record("gamma-note", None, None);
    gamma.events = vec![Event {
        kind: "Strategic developments".into(),
        sub_type: Some("Arrests".into()),
        date: None,
        location: None,
        actors: vec![],
        fatalities: None,
        injured: None,
        weapons: vec![],
        tags: vec![],
        evidence: vec![Evidence { start: 5, end: 40 }],
    }];
    let bombing_members = vec![member(&alpha, 0), member(&beta, 0)];
    let arrest_members = vec![member(&gamma, 0)];
    let mut first = summarise(&bombing_members);
    first.id = 1;
    let mut second = summarise(&arrest_members);
    second.id = 2;
    Dataset {
        reports: vec![alpha, beta, gamma],
        incidents: vec![
            FusedIncident {
                incident: first,
                members: bombing_members,
            },
            FusedIncident {
                incident: second,
                members: arrest_members,
            },
        ],
        denials: vec![DenialLink {
            denial: ClaimId {
                doc_id: "beta-post".into(),
                idx: 0,
            },
            denied: ClaimId {
                doc_id: "alpha-wire".into(),
                idx: 0,
            },
        }],
    }
}
