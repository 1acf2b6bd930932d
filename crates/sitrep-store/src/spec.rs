//! What `--db` names: a SQLite file, or a PostgreSQL database by URL; and [`open`], the one
//! way a command opens the store it names.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::{PgStore, SqliteStore, Store, StoreError};

/// A database: a SQLite file path, or a `postgres://` / `postgresql://` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DbSpec {
    /// A SQLite file (created when missing).
    File(PathBuf),
    /// A PostgreSQL connection URL.
    Postgres(String),
}

impl DbSpec {
    /// Reads what `--db` was given: a URL with a PostgreSQL scheme, else a file path.
    pub fn parse(spec: &str) -> DbSpec {
        let lower = spec.get(..13).unwrap_or(spec).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            DbSpec::Postgres(spec.to_string())
        } else {
            DbSpec::File(PathBuf::from(spec))
        }
    }

    /// The file, for a SQLite database.
    pub fn file(&self) -> Option<&Path> {
        match self {
            DbSpec::File(p) => Some(p),
            DbSpec::Postgres(_) => None,
        }
    }
}

impl FromStr for DbSpec {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<DbSpec, Self::Err> {
        Ok(DbSpec::parse(s))
    }
}

/// The database as a person may see it in messages: the path, or the URL without its
/// password.
impl fmt::Display for DbSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbSpec::File(p) => write!(f, "{}", p.display()),
            DbSpec::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// `scheme://user:secret@host/...` as `scheme://user:***@host/...`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Opens (creating or migrating as needed) the database `spec` names.
pub fn open(spec: &DbSpec) -> Result<Box<dyn Store + Send>, StoreError> {
    Ok(match spec {
        DbSpec::File(path) => Box::new(SqliteStore::open(path)?),
        DbSpec::Postgres(url) => Box::new(PgStore::open(url)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_postgres_and_anything_else_a_file() {
        assert_eq!(
            DbSpec::parse("postgres://u@127.0.0.1:5432/db"),
            DbSpec::Postgres("postgres://u@127.0.0.1:5432/db".into())
        );
        assert!(matches!(
            DbSpec::parse("PostgreSQL://h/db"),
            DbSpec::Postgres(_)
        ));
        assert_eq!(
            DbSpec::parse("sitrep.db"),
            DbSpec::File(PathBuf::from("sitrep.db"))
        );
        assert!(matches!(DbSpec::parse("postgres.db"), DbSpec::File(_)));
    }

    #[test]
    fn a_password_is_not_shown() {
        let spec = DbSpec::parse("postgres://me:s3cret@db.invalid:5432/sitrep?sslmode=disable");
        assert_eq!(
            spec.to_string(),
            "postgres://me:***@db.invalid:5432/sitrep?sslmode=disable"
        );
        assert_eq!(
            DbSpec::parse("postgres://me@h/d").to_string(),
            "postgres://me@h/d"
        );
    }
}
