//! The incident lists the server has read, kept in memory: a filter in, the store's whole
//! list for it (latest first) out, without touching the store while the list is fresh.
//!
//! Listing incidents reads every incident that matches (the store has no paging for them),
//! which at ten thousand incidents costs far more than answering from memory. A list is
//! current while no report was posted through this server since it was read (a generation
//! counter, bumped on every write): after a write, the next request reads the store again, so
//! a client sees its own report at once. Writes by other processes (`sitrep ingest` or
//! `sitrep watch` on the same database) cannot be announced by the store, so a list older
//! than `ttl` is read again too; but meanwhile the old list is still answered, and only one
//! request reads the store for it ([`Lookup::Aged`]), so readers never queue behind such
//! refreshes. At most [`ENTRIES`] filters are kept; the oldest read goes first.

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
    /// A request is reading the store for this filter again.
    refreshing: bool,
}

/// What the cache holds for a filter.
pub enum Lookup {
    /// A list current and younger than the TTL.
    Fresh(Arc<Vec<Incident>>),
    /// A current list older than the TTL: answer it, and when `refresh` is true (the first to
    /// see it aged), read the store again and [`put`](IncidentCache::put) the list (or
    /// [`release`](IncidentCache::release) on failure).
    Aged {
        /// The list.
        list: Arc<Vec<Incident>>,
        /// This caller refreshes it.
        refresh: bool,
    },
    /// Nothing current: read the store.
    Miss,
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
        match self.lookup(key) {
            Lookup::Fresh(list) => Some(list),
            _ => None,
        }
    }

    /// What there is for `key`.
    pub fn lookup(&self, key: &Key) -> Lookup {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        let current = self.generation();
        match entries.get_mut(key) {
            Some(e) if e.generation == current && e.read_at.elapsed() < self.ttl => {
                Lookup::Fresh(Arc::clone(&e.list))
            }
            Some(e) if e.generation == current => {
                let refresh = !e.refreshing;
                e.refreshing = true;
                Lookup::Aged {
                    list: Arc::clone(&e.list),
                    refresh,
                }
            }
            _ => Lookup::Miss,
        }
    }

    /// Gives up a refresh [`Lookup::Aged`] asked for (the store failed): the next request
    /// tries again.
    pub fn release(&self, key: &Key) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = entries.get_mut(key) {
            e.refreshing = false;
        }
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
                refreshing: false,
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
    fn an_aged_list_is_answered_while_one_request_refreshes_it() {
        let c = IncidentCache::new(Duration::ZERO);
        let aged = |l: Lookup| match l {
            Lookup::Aged { refresh, .. } => Some(refresh),
            _ => None,
        };
        c.put(filter("Bannu"), c.generation(), Arc::new(vec![]));
        assert_eq!(aged(c.lookup(&filter("Bannu"))), Some(true));
        assert_eq!(aged(c.lookup(&filter("Bannu"))), Some(false));
        c.release(&filter("Bannu"));
        assert_eq!(aged(c.lookup(&filter("Bannu"))), Some(true));
        c.put(filter("Bannu"), c.generation(), Arc::new(vec![]));
        assert_eq!(aged(c.lookup(&filter("Bannu"))), Some(true));
        // After a write, nothing old is answered.
        c.invalidate();
        assert!(matches!(c.lookup(&filter("Bannu")), Lookup::Miss));
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
