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
//! Every request first passes [`guard`], which refuses paths with `.` or `..` segments
//! (plain or percent-encoded) and gives every answer a content security policy. Store calls run on the blocking pool, one at a time (the
//! store is one SQLite connection).
#![deny(missing_docs)]

pub mod api;
pub mod chart;
mod error;
pub mod guard;
pub mod highlight;
pub mod map;
pub mod openapi;
pub mod pages;
mod params;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::routing::get;
use sitrep_store::Store;

pub use error::WebError;

/// The store shared by the handlers.
pub struct AppState {
    store: Mutex<Box<dyn Store + Send>>,
}

/// What the handlers hold.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Wraps a store.
    pub fn new(store: impl Store + Send + 'static) -> Shared {
        Arc::new(AppState {
            store: Mutex::new(Box::new(store)),
        })
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
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}
