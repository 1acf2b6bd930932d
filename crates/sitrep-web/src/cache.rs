//! The incident lists the server has read, kept in memory: a filter in, the store's whole
//! list for it (latest first) out, without touching the store while the list is fresh.
//!
//! Listing incidents reads every incident that matches (the store has no paging for them),
//! which at ten thousand incidents costs far more than answering from memory. A list is fresh
//! while no report was posted through this server since it was read (a generation counter,
//! bumped on every write) and for at most `ttl` (for writes by other processes, such as
//! `sitrep ingest` or `sitrep watch` on the same database, which the store cannot announce).
//! At most [`ENTRIES`] filters are kept; the oldest read goes first.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sitrep_fuse::Incident;
use sitrep_store::IncidentFilter;

/// Filters whose lists are kept.
pub const ENTRIES: usize = 64;

/// A filter as a cache key.
pub type Key = [Option<String>; 5];

/// The key of a filter.
pub fn key(f: &IncidentFilter) -> Key {
    [
        f.since.clone(),
        f.until.clone(),
        f.place.clone(),
        f.actor.clone(),
        f.kind.clone(),
    ]
}

struct Entry {
    generation: u64,
    read_at: Instant,
    list: Arc<Vec<Incident>>,
}

/// The cache.
pub struct IncidentCache {
    entries: Mutex<HashMap<Key, Entry>>,
    generation: AtomicU64,
    ttl: Duration,
}

impl IncidentCache {
    /// An empty cache whose lists stay fresh for at most `ttl`.
    pub fn new(ttl: Duration) -> IncidentCache {
        IncidentCache {
            entries: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(0),
            ttl,
        }
    }

    /// The current generation: read it before reading the store, and give it to [`put`](Self::put).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Marks every list stale (the store was written).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// The fresh list for `key`, if there is one.
    pub fn get(&self, key: &Key) -> Option<Arc<Vec<Incident>>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let e = entries.get(key)?;
        self.fresh(e).then(|| Arc::clone(&e.list))
    }

    /// Keeps `list`, read from the store at `generation`.
    pub fn put(&self, key: Key, generation: u64, list: Arc<Vec<Incident>>) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= ENTRIES && !entries.contains_key(&key) {
            entries.retain(|_, e| self.fresh(e));
            if entries.len() >= ENTRIES
                && let Some(oldest) = entries
                    .iter()
                    .min_by_key(|(_, e)| e.read_at)
                    .map(|(k, _)| k.clone())
            {
                entries.remove(&oldest);
            }
        }
        entries.insert(
            key,
            Entry {
                generation,
                read_at: Instant::now(),
                list,
            },
        );
    }

    fn fresh(&self, e: &Entry) -> bool {
        e.generation == self.generation() && e.read_at.elapsed() < self.ttl
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(place: &str) -> Key {
        key(&IncidentFilter {
            place: Some(place.into()),
            ..Default::default()
        })
    }

    #[test]
    fn lists_go_stale_on_writes_and_after_the_ttl() {
        let c = IncidentCache::new(Duration::from_secs(60));
        assert!(c.get(&filter("Bannu")).is_none());
        c.put(filter("Bannu"), c.generation(), Arc::new(vec![]));
        assert!(c.get(&filter("Bannu")).is_some());
        assert!(c.get(&filter("Kech")).is_none());
        c.invalidate();
        assert!(c.get(&filter("Bannu")).is_none());
        // A list read before a write is stale when it arrives.
        let before = c.generation();
        c.invalidate();
        c.put(filter("Bannu"), before, Arc::new(vec![]));
        assert!(c.get(&filter("Bannu")).is_none());

        let c = IncidentCache::new(Duration::ZERO);
        c.put(filter("Bannu"), c.generation(), Arc::new(vec![]));
        assert!(c.get(&filter("Bannu")).is_none());
    }

    #[test]
    fn at_most_so_many_filters_are_kept() {
        let c = IncidentCache::new(Duration::from_secs(60));
        for i in 0..ENTRIES + 5 {
            c.put(filter(&i.to_string()), c.generation(), Arc::new(vec![]));
        }
        assert_eq!(c.entries.lock().unwrap().len(), ENTRIES);
        assert!(c.get(&filter(&(ENTRIES + 4).to_string())).is_some());
        assert!(c.get(&filter("0")).is_none());
    }
}
