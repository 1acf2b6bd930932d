//! Forms compiled from a knowledge base by the stages that read it, built once per knowledge
//! base and kept with it, so a process holding two knowledge bases never mixes them up.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One compiled form per type.
#[derive(Default)]
pub(crate) struct Compiled(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0.lock().map_or(0, |m| m.len());
        write!(f, "Compiled({n} forms)")
    }
}

impl Compiled {
    /// The form of type `T`, built by `build` the first time it is asked for.
    pub(crate) fn get<T: Send + Sync + 'static>(&self, build: impl FnOnce() -> T) -> Arc<T> {
        let mut map = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let any = map
            .entry(TypeId::of::<T>())
            .or_insert_with(|| Arc::new(build()))
            .clone();
        any.downcast::<T>().expect("keyed by its own type")
    }
}
