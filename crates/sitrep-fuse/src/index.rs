//! Where incidents live while fusing: the [`IncidentIndex`] trait (the store implements it
//! over SQLite; [`MemIndex`] keeps them in memory), blocking, and the fusion steps.

use serde::{Deserialize, Serialize};

use crate::dates::day_number;
use crate::incident::Incident;
use crate::member::Member;
use crate::names::key;
use crate::score::{THRESHOLD, score};
use crate::summary::summarise;

/// Days of slack around an event's dates when looking for candidate incidents.
pub const WINDOW_DAYS: i32 = 3;
/// The longest span an incident's date is indexed with: longer vague ranges are cut to it.
pub const MAX_SPAN_DAYS: i32 = 14;
/// How far before its publication an undated report's event is looked for.
pub const UNDATED_LOOKBACK_DAYS: i32 = 10;
/// Candidates returned for an event with no date and no publication date.
pub const UNDATED_LIMIT: usize = 50;

/// An incident as the index keeps it: summary and members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredIncident {
    /// Store id.
    pub id: i64,
    /// The fused summary.
    pub summary: Incident,
    /// The events fused into it.
    pub members: Vec<Member>,
}

/// Which incidents an event is compared with: a region and a date window.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// First-level division key ([`crate::names::key`]), when the event has one.
    pub admin1: Option<String>,
    /// Country key, when the event has one. An incident is in the block when its admin1
    /// agrees (both known), else when its country agrees (both known), else always.
    pub country: Option<String>,
    /// Day numbers `[lo, hi]` an incident's dates must touch; `None`: the latest incidents.
    pub days: Option<(i32, i32)>,
}

impl Block {
    /// The block of an event.
    pub fn of(m: &Member) -> Block {
        let loc = m.event.location.as_ref();
        let admin1 = loc.and_then(|l| l.admin1.as_deref()).map(key);
        let country = loc.and_then(|l| l.country.as_deref()).map(key);
        let days = match (m.days(), m.published_day()) {
            (Some((s, e)), _) => Some((s - WINDOW_DAYS, e + WINDOW_DAYS)),
            (None, Some(p)) => Some((p - UNDATED_LOOKBACK_DAYS - WINDOW_DAYS, p)),
            (None, None) => None,
        };
        Block {
            admin1,
            country,
            days,
        }
    }

    /// The indexed keys of an incident summary: `(admin1, country, day_start, day_end)`,
    /// from the span of its reports' dates, cut to [`MAX_SPAN_DAYS`].
    pub fn keys(inc: &Incident) -> (Option<String>, Option<String>, Option<i32>, Option<i32>) {
        let loc = inc.location.as_ref();
        let admin1 = loc.and_then(|l| l.admin1.as_deref()).map(key);
        let country = loc.and_then(|l| l.country.as_deref()).map(key);
        let span = inc.span.as_ref().or(inc.date.as_ref());
        let start = span.and_then(|d| day_number(&d.start));
        let end = span.and_then(|d| day_number(&d.end));
        let end = match (start, end) {
            (Some(s), Some(e)) => Some(e.clamp(s, s + MAX_SPAN_DAYS)),
            (Some(s), None) => Some(s),
            _ => None,
        };
        (admin1, country, start, end)
    }

    /// True when an incident with these keys belongs to the block (what an index must return).
    pub fn admits(&self, inc: &Incident) -> bool {
        let (admin1, country, start, end) = Block::keys(inc);
        let region = match (&self.admin1, &admin1, &self.country, &country) {
            (Some(a), Some(b), _, _) => a == b,
            (_, _, Some(c), Some(d)) => c == d,
            _ => true,
        };
        let dates = match (self.days, start, end) {
            (Some((lo, hi)), Some(s), Some(e)) => s <= hi && e >= lo,
            _ => true,
        };
        region && dates
    }
}

/// The incidents fusion reads and writes. Candidates must include every incident the
/// [`Block`] admits (more is allowed; they are scored and rejected).
pub trait IncidentIndex {
    /// The index's error.
    type Error;
    /// The incidents an event in `block` may belong to.
    fn candidates(&mut self, block: &Block) -> Result<Vec<StoredIncident>, Self::Error>;
    /// Stores a new incident and returns its id (also written into `summary.id`).
    fn insert(&mut self, summary: &mut Incident, members: &[Member]) -> Result<i64, Self::Error>;
    /// Replaces an incident's summary and members.
    fn update(
        &mut self,
        id: i64,
        summary: &Incident,
        members: &[Member],
    ) -> Result<(), Self::Error>;
    /// Deletes an incident.
    fn delete(&mut self, id: i64) -> Result<(), Self::Error>;
    /// The incidents that have a member from this report.
    fn incidents_of_doc(&mut self, doc_id: &str) -> Result<Vec<StoredIncident>, Self::Error>;
}

/// True when two events are the same incident: each scores at least [`THRESHOLD`] against
/// the other alone, and an event without a place only links to events of its own report
/// (without a place it would fit anything nearby in time).
pub fn linked(a: &Member, b: &Member) -> bool {
    let placeless = a.event.location.is_none() || b.event.location.is_none();
    if placeless && a.doc_id != b.doc_id {
        return false;
    }
    if !compatible(a, b) {
        return false;
    }
    let one = |m: &Member| summarise(std::slice::from_ref(m));
    score(a, &one(b)).is_some_and(|s| s >= THRESHOLD)
        && score(b, &one(a)).is_some_and(|s| s >= THRESHOLD)
}

/// Cheap checks that rule a pair out before scoring: type category, first-level division,
/// and dates more than [`WINDOW_DAYS`] apart.
fn compatible(a: &Member, b: &Member) -> bool {
    if crate::score::category(&a.event.kind) != crate::score::category(&b.event.kind) {
        return false;
    }
    let admin1 = |m: &Member| {
        m.event
            .location
            .as_ref()
            .and_then(|l| l.admin1.as_deref())
            .map(key)
    };
    if let (Some(x), Some(y)) = (admin1(a), admin1(b))
        && x != y
    {
        return false;
    }
    match (a.days(), b.days()) {
        (Some((s1, e1)), Some((s2, e2))) => (s2 - e1).max(s1 - e2) <= WINDOW_DAYS,
        _ => true,
    }
}

/// Splits members into groups linked directly or through each other ([`linked`]).
pub fn components(members: Vec<Member>) -> Vec<Vec<Member>> {
    let n = members.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if root(&mut parent, i) != root(&mut parent, j) && linked(&members[i], &members[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Member>)> = Vec::new();
    for (i, m) in members.into_iter().enumerate() {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, v)) => v.push(m),
            None => groups.push((r, vec![m])),
        }
    }
    groups.into_iter().map(|(_, v)| v).collect()
}

/// Fuses one event. An incident is a group of events linked to each other directly or
/// through others ([`linked`]), so the incidents do not depend on arrival order: the event
/// joins every candidate incident it links to (merging them) or starts a new one. Returns
/// the incident's id.
pub fn fuse<I: IncidentIndex>(index: &mut I, m: Member) -> Result<i64, I::Error> {
    let block = Block::of(&m);
    let mut joined: Vec<StoredIncident> = index
        .candidates(&block)?
        .into_iter()
        .filter(|c| c.members.iter().any(|x| linked(&m, x)))
        .collect();
    joined.sort_by_key(|c| c.id);
    let mut members: Vec<Member> = joined
        .iter()
        .flat_map(|c| c.members.iter().cloned())
        .collect();
    members.retain(|x| !(x.doc_id == m.doc_id && x.event_idx == m.event_idx));
    members.push(m);
    let mut summary = summarise(&members);
    let Some(keep) = joined.first() else {
        return index.insert(&mut summary, &members);
    };
    summary.id = keep.id;
    for other in &joined[1..] {
        index.delete(other.id)?;
    }
    index.update(keep.id, &summary, &members)?;
    Ok(keep.id)
}

/// Takes a report's events out of every incident (before a changed version is fused, or
/// when it is deleted): incidents left empty are deleted, and those whose remaining events
/// no longer link are split. Returns how many events left.
pub fn remove_doc<I: IncidentIndex>(index: &mut I, doc_id: &str) -> Result<usize, I::Error> {
    let mut removed = 0;
    for mut c in index.incidents_of_doc(doc_id)? {
        let before = c.members.len();
        c.members.retain(|m| m.doc_id != doc_id);
        removed += before - c.members.len();
        let mut groups = components(c.members).into_iter();
        match groups.next() {
            None => index.delete(c.id)?,
            Some(first) => {
                let mut summary = summarise(&first);
                summary.id = c.id;
                index.update(c.id, &summary, &first)?;
            }
        }
        for g in groups {
            let mut summary = summarise(&g);
            index.insert(&mut summary, &g)?;
        }
    }
    Ok(removed)
}

/// Incidents in memory: for tests and one-off runs.
#[derive(Debug, Default)]
pub struct MemIndex {
    /// Every incident, in creation order.
    pub incidents: Vec<StoredIncident>,
    next: i64,
}

impl IncidentIndex for MemIndex {
    type Error = std::convert::Infallible;

    fn candidates(&mut self, block: &Block) -> Result<Vec<StoredIncident>, Self::Error> {
        Ok(self
            .incidents
            .iter()
            .filter(|c| block.admits(&c.summary))
            .cloned()
            .collect())
    }

    fn insert(&mut self, summary: &mut Incident, members: &[Member]) -> Result<i64, Self::Error> {
        self.next += 1;
        summary.id = self.next;
        self.incidents.push(StoredIncident {
            id: self.next,
            summary: summary.clone(),
            members: members.to_vec(),
        });
        Ok(self.next)
    }

    fn update(
        &mut self,
        id: i64,
        summary: &Incident,
        members: &[Member],
    ) -> Result<(), Self::Error> {
        if let Some(c) = self.incidents.iter_mut().find(|c| c.id == id) {
            c.summary = summary.clone();
            c.members = members.to_vec();
        }
        Ok(())
    }

    fn delete(&mut self, id: i64) -> Result<(), Self::Error> {
        self.incidents.retain(|c| c.id != id);
        Ok(())
    }

    fn incidents_of_doc(&mut self, doc_id: &str) -> Result<Vec<StoredIncident>, Self::Error> {
        Ok(self
            .incidents
            .iter()
            .filter(|c| c.members.iter().any(|m| m.doc_id == doc_id))
            .cloned()
            .collect())
    }
}
