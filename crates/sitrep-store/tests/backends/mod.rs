//! Every backend a test can run against: SQLite always, PostgreSQL when
//! `SITREP_TEST_POSTGRES` names a server (see `sitrep_store::testing`); each a fresh, empty
//! database.

use sitrep_store::testing::{FreshPostgres, fresh_postgres};
use sitrep_store::{DbSpec, PgStore, SqliteStore, Store};

/// A fresh database of one backend, removed when dropped.
pub struct Db {
    /// `sqlite` or `postgres`.
    pub name: &'static str,
    /// What `--db` would name.
    pub spec: DbSpec,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<FreshPostgres>,
}

impl Db {
    /// Opens (again) the database.
    pub fn open(&self) -> Box<dyn Store + Send> {
        // Printed (shown when a test fails) so a failure names its backend.
        eprintln!("backend: {}", self.name);
        sitrep_store::open(&self.spec).unwrap()
    }

    /// The schema version.
    #[allow(dead_code)] // Not every test file asks.
    pub fn schema_version(&self) -> i64 {
        match &self.spec {
            DbSpec::File(p) => SqliteStore::open(p).unwrap().schema_version().unwrap(),
            DbSpec::Postgres(url) => PgStore::open(url).unwrap().schema_version().unwrap(),
        }
    }
}

/// One fresh database per available backend.
pub fn every(test: &str) -> Vec<Db> {
    let dir = tempfile::tempdir().unwrap();
    let mut out = vec![Db {
        name: "sqlite",
        spec: DbSpec::File(dir.path().join("t.db")),
        _dir: Some(dir),
        _pg: None,
    }];
    if let Some(pg) = fresh_postgres(test) {
        out.push(Db {
            name: "postgres",
            spec: pg.spec(),
            _dir: None,
            _pg: Some(pg),
        });
    }
    out
}
