//! Fresh PostgreSQL databases for tests, so one suite runs against every backend.
//!
//! `SITREP_TEST_POSTGRES` names a server's database (`scripts/test.sh` starts a throwaway
//! one and sets it); each [`FreshPostgres`] is an empty schema in it, dropped when the value
//! is, so tests stay independent. Unset, [`fresh_postgres`] says so on standard error and
//! gives `None` (a laptop's `cargo test` passes without a server), except under CI, where a
//! skipped backend would be a silent gap and is an error instead.

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::DbSpec;

/// The variable naming the test server's database.
pub const VAR: &str = "SITREP_TEST_POSTGRES";

/// An empty schema of the test database, dropped with this value.
pub struct FreshPostgres {
    base: String,
    schema: String,
}

impl FreshPostgres {
    /// A URL whose connections use only this schema.
    pub fn url(&self) -> String {
        let sep = if self.base.contains('?') { '&' } else { '?' };
        format!(
            "{}{sep}options=-c%20search_path%3D{}",
            self.base, self.schema
        )
    }

    /// [`Self::url`] as what `--db` takes.
    pub fn spec(&self) -> DbSpec {
        DbSpec::Postgres(self.url())
    }
}

impl Drop for FreshPostgres {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.base, postgres::NoTls) {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

/// A fresh schema in the test database; `None` (after a note on standard error) when
/// [`VAR`] is unset.
///
/// # Panics
///
/// When the server cannot be reached, or when [`VAR`] is unset under CI (`CI` set).
pub fn fresh_postgres(test: &str) -> Option<FreshPostgres> {
    let Ok(base) = std::env::var(VAR) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{VAR} is unset under CI: run scripts/test.sh, which starts PostgreSQL"
        );
        // Straight to the stream, past the test harness's capture: a skip should be seen.
        let _ = writeln!(
            std::io::stderr(),
            "{test}: PostgreSQL backend skipped ({VAR} unset; scripts/test.sh sets it)"
        );
        return None;
    };
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let schema = format!(
        "t_{}_{}_{nanos}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut c = postgres::Client::connect(&base, postgres::NoTls)
        .unwrap_or_else(|e| panic!("{test}: cannot reach {VAR}: {e}"));
    c.batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap_or_else(|e| panic!("{test}: cannot create schema {schema}: {e}"));
    Some(FreshPostgres { base, schema })
}
