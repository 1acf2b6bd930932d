//! The incidents table as a [`sitrep_fuse::IncidentIndex`]: candidates come from the
//! `(admin1, day_start)` and `(country, day_start)` indexes, so fusing one event reads a
//! handful of rows whatever the size of the database.

use rusqlite::{Connection, params};
use sitrep_fuse::{
    Block, Incident, IncidentIndex, MAX_SPAN_DAYS, Member, StoredIncident, UNDATED_LIMIT,
};

use crate::StoreError;

/// Fusion's view of the incidents table, inside the caller's transaction.
pub struct SqlIndex<'a>(pub &'a Connection);

const COLUMNS: &str = "SELECT id, summary, members FROM incidents";

impl SqlIndex<'_> {
    fn query(
        &self,
        sql: &str,
        args: &[&dyn rusqlite::ToSql],
        out: &mut Vec<StoredIncident>,
    ) -> Result<(), StoreError> {
        let mut st = self.0.prepare_cached(sql)?;
        let rows = st.query_map(args, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, summary, members) = row?;
            if out.iter().any(|c| c.id == id) {
                continue;
            }
            out.push(StoredIncident {
                id,
                summary: serde_json::from_str(&summary)?,
                members: serde_json::from_str(&members)?,
            });
        }
        Ok(())
    }

    fn write_links(&self, id: i64, members: &[Member]) -> Result<(), StoreError> {
        self.0
            .execute("DELETE FROM incident_events WHERE incident_id = ?1", [id])?;
        let mut st = self.0.prepare_cached(
            "INSERT OR REPLACE INTO incident_events (incident_id, doc_id, event_idx) VALUES (?1, ?2, ?3)",
        )?;
        for m in members {
            st.execute(params![id, m.doc_id, m.event_idx as i64])?;
        }
        Ok(())
    }
}

impl IncidentIndex for SqlIndex<'_> {
    type Error = StoreError;

    fn candidates(&mut self, block: &Block) -> Result<Vec<StoredIncident>, StoreError> {
        // Region clauses: same admin1; else (admin1 unknown on one side) same country; else
        // region unknown.
        let mut regions: Vec<(String, Vec<String>)> = Vec::new();
        match (&block.admin1, &block.country) {
            (Some(a), c) => {
                regions.push(("admin1 = ?".into(), vec![a.clone()]));
                if let Some(c) = c {
                    regions.push(("admin1 IS NULL AND country = ?".into(), vec![c.clone()]));
                }
                regions.push(("admin1 IS NULL AND country IS NULL".into(), vec![]));
            }
            (None, Some(c)) => {
                regions.push(("country = ?".into(), vec![c.clone()]));
                regions.push(("country IS NULL".into(), vec![]));
            }
            (None, None) => regions.push(("1 = 1".into(), vec![])),
        }
        let mut out = Vec::new();
        for (clause, args) in regions {
            let mut a: Vec<&dyn rusqlite::ToSql> =
                args.iter().map(|s| s as &dyn rusqlite::ToSql).collect();
            match block.days {
                Some((lo, hi)) => {
                    let (from, lo2) = (lo - MAX_SPAN_DAYS, lo);
                    let mut dated = a.clone();
                    dated.extend([&from as &dyn rusqlite::ToSql, &hi, &lo2]);
                    let sql = format!(
                        "{COLUMNS} WHERE {clause} AND day_start BETWEEN ? AND ? AND day_end >= ?
                         ORDER BY day_start, id"
                    );
                    self.query(&sql, &dated, &mut out)?;
                    let sql = format!(
                        "{COLUMNS} WHERE {clause} AND day_start IS NULL ORDER BY id DESC LIMIT {UNDATED_LIMIT}"
                    );
                    self.query(&sql, &a, &mut out)?;
                }
                None => {
                    let sql = format!(
                        "{COLUMNS} WHERE {clause} ORDER BY day_start DESC, id DESC LIMIT {UNDATED_LIMIT}"
                    );
                    self.query(&sql, &a, &mut out)?;
                    a.clear();
                }
            }
        }
        Ok(out)
    }

    fn insert(&mut self, summary: &mut Incident, members: &[Member]) -> Result<i64, StoreError> {
        let (admin1, country, start, end) = Block::keys(summary);
        self.0.execute(
            "INSERT INTO incidents (admin1, country, day_start, day_end, type, summary, members)
             VALUES (?1, ?2, ?3, ?4, ?5, '{}', '[]')",
            params![admin1, country, start, end, summary.kind],
        )?;
        let id = self.0.last_insert_rowid();
        summary.id = id;
        self.update(id, summary, members)?;
        Ok(id)
    }

    fn update(
        &mut self,
        id: i64,
        summary: &Incident,
        members: &[Member],
    ) -> Result<(), StoreError> {
        let (admin1, country, start, end) = Block::keys(summary);
        self.0.execute(
            "UPDATE incidents SET admin1 = ?2, country = ?3, day_start = ?4, day_end = ?5, type = ?6,
             summary = ?7, members = ?8 WHERE id = ?1",
            params![
                id,
                admin1,
                country,
                start,
                end,
                summary.kind,
                serde_json::to_string(summary)?,
                serde_json::to_string(members)?
            ],
        )?;
        self.write_links(id, members)
    }

    fn delete(&mut self, id: i64) -> Result<(), StoreError> {
        self.0
            .execute("DELETE FROM incident_events WHERE incident_id = ?1", [id])?;
        self.0
            .execute("DELETE FROM incidents WHERE id = ?1", [id])?;
        Ok(())
    }

    fn incidents_of_doc(&mut self, doc_id: &str) -> Result<Vec<StoredIncident>, StoreError> {
        let mut out = Vec::new();
        let sql = format!(
            "{COLUMNS} WHERE id IN (SELECT DISTINCT incident_id FROM incident_events WHERE doc_id = ?)
             ORDER BY id"
        );
        self.query(&sql, &[&doc_id], &mut out)?;
        Ok(out)
    }
}
