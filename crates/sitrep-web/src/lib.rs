//! The web UI and JSON API over a store: a [`Store`] in, an axum [`Router`] out.
//!
//! Pages ([`pages`]) are rendered on the server with maud, which escapes every value it is
//! given, and need no JavaScript: overview (map of incidents on the offline basemap
//! [`map`], weekly chart [`chart`], top actors, latest incidents), incidents, actors, the
//! claims ledger, indicators, documents with every extracted span highlighted
//! ([`highlight`]), and search. The JSON API ([`api`]) mirrors them and is described by the
//! OpenAPI document [`openapi`]. Nothing is fetched from outside: the stylesheet and the
//! basemap are compiled into the binary.
//!
//! One route writes: `POST /api/documents` ([`intake`]) stores a report, given the bearer
//! token the server was started with ([`token`]).
//!
//! Every request first passes [`guard`], which refuses paths with `.` or `..` segments
//! (plain or percent-encoded) and gives every answer a content security policy, and
//! [`limits`], which bounds bodies and the time a request may take; [`server`] bounds the
//! time a client may take to send a request's head. Store calls run on the blocking pool,
//! one at a time (the store is one connection); incident lists are answered from memory
//! while fresh ([`cache`]).
#![deny(missing_docs)]

pub mod api;
pub mod cache;
pub mod chart;
mod error;
pub mod guard;
pub mod highlight;
pub mod intake;
pub mod limits;
pub mod map;
pub mod openapi;
pub mod pages;
mod params;
pub mod server;
pub mod token;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use sitrep_fuse::Incident;
use sitrep_store::{IncidentFilter, Store};

pub use error::WebError;
pub use intake::Intake;
pub use limits::Limits;
pub use token::Token;

/// How long an incident list read from the store is answered from memory at most (writes
/// through this server make it stale at once; this bounds how long writes by other
/// processes go unseen).
pub const CACHE_TTL: Duration = Duration::from_secs(2);

/// How the server is set up beyond its store.
#[derive(Default)]
pub struct Options {
    /// The token writes need; without one, writing is disabled.
    pub token: Option<Token>,
    /// What stores a posted report; without it, writing is disabled.
    pub intake: Option<Intake>,
    /// Body size and time limits.
    pub limits: Limits,
}

/// The store shared by the handlers, and what the server was set up with.
pub struct AppState {
    store: Mutex<Box<dyn Store + Send>>,
    incidents: cache::IncidentCache,
    token: Option<Token>,
    intake: Option<Intake>,
    limits: Limits,
}

/// What the handlers hold.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Wraps a store, read-only, with the default limits.
    pub fn new(store: impl Store + Send + 'static) -> Shared {
        AppState::with_options(store, Options::default())
    }

    /// Wraps a store with options.
    pub fn with_options(store: impl Store + Send + 'static, options: Options) -> Shared {
        Arc::new(AppState {
            store: Mutex::new(Box::new(store)),
            incidents: cache::IncidentCache::new(CACHE_TTL),
            token: options.token,
            intake: options.intake,
            limits: options.limits,
        })
    }

    /// The incidents matching `filter`, latest first (undated last): from memory while
    /// fresh, else read from the store (and kept).
    pub async fn incidents(
        self: &Arc<Self>,
        filter: IncidentFilter,
    ) -> Result<Arc<Vec<Incident>>, WebError> {
        let key = cache::key(&filter);
        match self.incidents.lookup(&key) {
            cache::Lookup::Fresh(list) => return Ok(list),
            cache::Lookup::Aged { list, refresh } => {
                if refresh {
                    let state = Arc::clone(self);
                    tokio::spawn(async move {
                        let k = key.clone();
                        if state.read_incidents(filter, key).await.is_err() {
                            state.incidents.release(&k);
                        }
                    });
                }
                return Ok(list);
            }
            cache::Lookup::Miss => {}
        }
        self.read_incidents(filter, key).await
    }

    /// Reads the incidents matching `filter` from the store, latest first, and keeps them
    /// under `key`, unless another request did while this one waited for the store.
    async fn read_incidents(
        self: &Arc<Self>,
        filter: IncidentFilter,
        key: cache::Key,
    ) -> Result<Arc<Vec<Incident>>, WebError> {
        let state = Arc::clone(self);
        self.with(move |st| {
            if let Some(list) = state.incidents.get(&key) {
                return Ok(list);
            }
            let generation = state.incidents.generation();
            let mut all = st.incidents(&filter)?;
            api::latest_first(&mut all);
            let all = Arc::new(all);
            state.incidents.put(key, generation, Arc::clone(&all));
            Ok(all)
        })
        .await
    }

    /// Runs `f` with the store, writable, and the intake on the blocking pool; every list
    /// read before is stale after. Fails with 403 when writing is disabled.
    pub async fn write<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut dyn Store, &Intake) -> Result<T, WebError> + Send + 'static,
    ) -> Result<T, WebError> {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let Some(intake) = &state.intake else {
                return Err(WebError::Forbidden("writing is disabled".into()));
            };
            // A write that panicked inside the store's transaction was rolled back.
            let mut store = state.store.lock().unwrap_or_else(|p| p.into_inner());
            let out = f(&mut **store, intake);
            state.incidents.invalidate();
            out
        })
        .await
        .map_err(|e| WebError::Internal(format!("worker: {e}")))?
    }

    /// Runs `f` with the store on the blocking pool.
    pub async fn with<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&dyn Store) -> Result<T, WebError> + Send + 'static,
    ) -> Result<T, WebError> {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            // A handler that panicked while holding the lock left the store as it was (reads
            // only), so the poisoned lock is taken over.
            let store = state.store.lock().unwrap_or_else(|p| p.into_inner());
            f(store.as_ref())
        })
        .await
        .map_err(|e| WebError::Internal(format!("worker: {e}")))?
    }
}

/// Every page, API route and asset.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(pages::overview::page))
        .route("/incidents", get(pages::incidents::list))
        .route("/incidents/{id}", get(pages::incidents::page))
        .route("/actors", get(pages::actors::list))
        .route("/actors/{key}", get(pages::actors::page))
        .route("/claims", get(pages::claims::page))
        .route("/indicators", get(pages::indicators::page))
        .route("/documents", get(pages::documents::list))
        .route("/documents/{id}", get(pages::documents::page))
        .route("/search", get(pages::search::page))
        .route("/static/style.css", get(pages::layout::stylesheet))
        .merge(api::routes())
        .fallback(error::not_found)
        .layer(DefaultBodyLimit::max(state.limits.max_body))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            limits::deadline,
        ))
        .layer(axum::middleware::from_fn(guard::refuse_dot_segments))
        .layer(axum::middleware::from_fn(guard::security_headers))
        .with_state(state)
}

/// Serves `router(state)` on a bound listener until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Shared,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let limits = state.limits;
    server::run(listener, router(state), limits, shutdown).await
}
