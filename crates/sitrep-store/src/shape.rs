//! Rows in, views out: the parts of the read methods that are not SQL, shared by every
//! backend so both give the same answers (the incident filters on names, claims grouped by
//! speaker and topic).

use std::collections::BTreeMap;

use sitrep_fuse::Incident;
use sitrep_fuse::names::key;
use sitrep_model::record::Claim;

use crate::{IncidentFilter, SpeakerClaim, SpeakerClaims, StoreError};

/// The incidents (stored summaries, in order) that mention the filter's place, actor and
/// kind; the date bounds are the query's.
pub fn matching_incidents(
    summaries: impl IntoIterator<Item = String>,
    f: &IncidentFilter,
) -> Result<Vec<Incident>, StoreError> {
    let (place, actor, kind) = (
        f.place.as_deref().map(key),
        f.actor.as_deref().map(key),
        f.kind.as_deref().map(key),
    );
    let mut out = Vec::new();
    for summary in summaries {
        let inc: Incident = serde_json::from_str(&summary)?;
        let has = |names: &[String], want: &Option<String>| {
            want.as_ref()
                .is_none_or(|w| names.iter().any(|n| key(n).contains(w.as_str())))
        };
        let kinds = [inc.kind.clone(), inc.sub_type.clone().unwrap_or_default()];
        if has(&inc.places, &place) && has(&inc.actors, &actor) && has(&kinds, &kind) {
            out.push(inc);
        }
    }
    Ok(out)
}

/// One stored claim as [`group_by_speaker`] takes it, in `(speaker_key, doc_id, idx)`
/// order: speaker key, speaker, report, index, claim JSON, denied report, denied index.
pub type SpeakerRow = (
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<i64>,
);

/// Claims grouped by speaker key and, within a speaker, by topic (report order kept).
pub fn group_by_speaker(
    rows: impl IntoIterator<Item = SpeakerRow>,
) -> Result<Vec<SpeakerClaims>, StoreError> {
    let mut groups: BTreeMap<String, SpeakerClaims> = BTreeMap::new();
    for (k, speaker, doc, idx, json, dd, di) in rows {
        let c: Claim = serde_json::from_str(&json)?;
        let g = groups.entry(k).or_insert_with(|| SpeakerClaims {
            speaker,
            claims: vec![],
        });
        g.claims.push(SpeakerClaim {
            doc_id: doc,
            idx: idx as usize,
            kind: c.kind,
            text: c.text,
            topic: c.about.into_iter().next(),
            denies: dd.zip(di.map(|i| i as usize)),
        });
    }
    let mut groups: Vec<SpeakerClaims> = groups.into_values().collect();
    for g in &mut groups {
        // Stable: within a topic, claims stay in report order.
        g.claims
            .sort_by_key(|c| (c.topic.is_none(), c.topic.as_deref().map(key)));
    }
    Ok(groups)
}
