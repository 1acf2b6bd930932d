//! The PostgreSQL incidents table as a [`sitrep_fuse::IncidentIndex`], the same candidate
//! queries as the SQLite one ([`crate::index`]) with numbered parameters and `RETURNING id`.

use postgres::Transaction;
use postgres::types::ToSql;
use sitrep_fuse::{
    Block, Incident, IncidentIndex, MAX_SPAN_DAYS, Member, StoredIncident, UNDATED_LIMIT,
};

use crate::StoreError;

/// Fusion's view of the incidents table, inside the caller's transaction.
pub struct PgIndex<'a, 'b>(pub &'a mut Transaction<'b>);

const COLUMNS: &str = "SELECT id, summary, members FROM incidents";

impl PgIndex<'_, '_> {
    fn query(
        &mut self,
        sql: &str,
        args: &[&(dyn ToSql + Sync)],
        out: &mut Vec<StoredIncident>,
    ) -> Result<(), StoreError> {
        for row in self.0.query(sql, args)? {
            let id: i64 = row.get(0);
            if out.iter().any(|c| c.id == id) {
                continue;
            }
            out.push(StoredIncident {
                id,
                summary: serde_json::from_str(row.get(1))?,
                members: serde_json::from_str(row.get(2))?,
            });
        }
        Ok(())
    }

    fn write_links(&mut self, id: i64, members: &[Member]) -> Result<(), StoreError> {
        self.0
            .execute("DELETE FROM incident_events WHERE incident_id = $1", &[&id])?;
        let st = self.0.prepare(
            "INSERT INTO incident_events (incident_id, doc_id, event_idx) VALUES ($1, $2, $3)
             ON CONFLICT (doc_id, event_idx) DO UPDATE SET incident_id = EXCLUDED.incident_id",
        )?;
        for m in members {
            self.0
                .execute(&st, &[&id, &m.doc_id, &(m.event_idx as i64)])?;
        }
        Ok(())
    }
}

impl IncidentIndex for PgIndex<'_, '_> {
    type Error = StoreError;

    fn candidates(&mut self, block: &Block) -> Result<Vec<StoredIncident>, StoreError> {
        // Region clauses: same admin1; else (admin1 unknown on one side) same country; else
        // region unknown. `$1` is the region's value when the clause has one.
        let mut regions: Vec<(&str, Option<&String>)> = Vec::new();
        match (&block.admin1, &block.country) {
            (Some(a), c) => {
                regions.push(("admin1 = $1", Some(a)));
                if let Some(c) = c {
                    regions.push(("admin1 IS NULL AND country = $1", Some(c)));
                }
                regions.push(("admin1 IS NULL AND country IS NULL", None));
            }
            (None, Some(c)) => {
                regions.push(("country = $1", Some(c)));
                regions.push(("country IS NULL", None));
            }
            (None, None) => regions.push(("TRUE", None)),
        }
        let mut out = Vec::new();
        for (clause, value) in regions {
            let a: Vec<&(dyn ToSql + Sync)> =
                value.iter().map(|v| *v as &(dyn ToSql + Sync)).collect();
            let next = a.len() + 1;
            match block.days {
                Some((lo, hi)) => {
                    let from = lo - MAX_SPAN_DAYS;
                    let mut dated = a.clone();
                    dated.extend([&from as &(dyn ToSql + Sync), &hi, &lo]);
                    let sql = format!(
                        "{COLUMNS} WHERE {clause} AND day_start BETWEEN ${next} AND ${} AND day_end >= ${}
                         ORDER BY day_start, id",
                        next + 1,
                        next + 2
                    );
                    self.query(&sql, &dated, &mut out)?;
                    let sql = format!(
                        "{COLUMNS} WHERE {clause} AND day_start IS NULL ORDER BY id DESC LIMIT {UNDATED_LIMIT}"
                    );
                    self.query(&sql, &a, &mut out)?;
                }
                None => {
                    let sql = format!(
                        "{COLUMNS} WHERE {clause}
                         ORDER BY day_start DESC NULLS LAST, id DESC LIMIT {UNDATED_LIMIT}"
                    );
                    self.query(&sql, &a, &mut out)?;
                }
            }
        }
        Ok(out)
    }

    fn insert(&mut self, summary: &mut Incident, members: &[Member]) -> Result<i64, StoreError> {
        let (admin1, country, start, end) = Block::keys(summary);
        let id: i64 = self
            .0
            .query_one(
                "INSERT INTO incidents (admin1, country, day_start, day_end, type, summary, members)
                 VALUES ($1, $2, $3, $4, $5, '{}', '[]') RETURNING id",
                &[&admin1, &country, &start, &end, &summary.kind],
            )?
            .get(0);
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
            "UPDATE incidents SET admin1 = $2, country = $3, day_start = $4, day_end = $5,
             type = $6, summary = $7, members = $8 WHERE id = $1",
            &[
                &id,
                &admin1,
                &country,
                &start,
                &end,
                &summary.kind,
                &serde_json::to_string(summary)?,
                &serde_json::to_string(members)?,
            ],
        )?;
        self.write_links(id, members)
    }

    fn delete(&mut self, id: i64) -> Result<(), StoreError> {
        self.0
            .execute("DELETE FROM incident_events WHERE incident_id = $1", &[&id])?;
        self.0
            .execute("DELETE FROM incidents WHERE id = $1", &[&id])?;
        Ok(())
    }

    fn incidents_of_doc(&mut self, doc_id: &str) -> Result<Vec<StoredIncident>, StoreError> {
        let mut out = Vec::new();
        self.query(
            &format!(
                "{COLUMNS} WHERE id IN (SELECT DISTINCT incident_id FROM incident_events WHERE doc_id = $1)
                 ORDER BY id"
            ),
            &[&doc_id],
            &mut out,
        )?;
        Ok(out)
    }
}
