//! The JSON API: the same data as the pages, as JSON, with filters and pagination. Lists
//! answer `{"items": [...], "limit", "offset", "total"}` (`total` when known). The routes are
//! [`PATHS`]; [`crate::openapi`] describes each.

use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use sitrep_fuse::Incident;
use sitrep_store::{MATCH_END, MATCH_START, SearchHit, Store, StoredFigure};

use crate::error::{Failure, WebError, is_api};
use crate::params::{
    ActorQuery, ClaimQuery, DocumentQuery, FigureQuery, IncidentQuery, NoQuery, PageQuery, Paging,
    Params, SearchQuery, words,
};
use crate::{Shared, openapi};

/// Every API path, as the router and the OpenAPI document write it.
pub const PATHS: &[&str] = &[
    "/api/openapi.json",
    "/api/stats",
    "/api/incidents",
    "/api/incidents/{id}",
    "/api/actors",
    "/api/actors/{key}",
    "/api/claims",
    "/api/figures",
    "/api/indicators",
    "/api/documents",
    "/api/documents/{id}",
    "/api/search",
];

/// The API routes.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route(PATHS[0], get(openapi_document))
        .route(PATHS[1], get(stats))
        .route(PATHS[2], get(incidents))
        .route(PATHS[3], get(incident))
        .route(PATHS[4], get(actors))
        .route(PATHS[5], get(actor))
        .route(PATHS[6], get(claims))
        .route(PATHS[7], get(figures))
        .route(PATHS[8], get(indicators))
        .route(PATHS[9], get(documents).post(crate::intake::post_document))
        .route(PATHS[10], get(document))
        .route(PATHS[11], get(search))
}

/// A window of a list.
#[derive(Debug, Serialize)]
pub struct Listing<T> {
    /// The items.
    pub items: Vec<T>,
    /// Items at most.
    pub limit: usize,
    /// Items skipped.
    pub offset: usize,
    /// Items in the whole list, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<usize>,
}

impl<T> Listing<T> {
    /// A window cut out of a whole list.
    pub fn cut(all: Vec<T>, paging: Paging) -> Result<Listing<T>, WebError> {
        let page = paging.page()?;
        let total = all.len();
        let items = all.into_iter().skip(page.offset).take(page.limit).collect();
        Ok(Listing {
            items,
            limit: page.limit,
            offset: page.offset,
            total: Some(total),
        })
    }

    /// A window the store cut.
    pub fn window(items: Vec<T>, page: sitrep_store::Page) -> Listing<T> {
        Listing {
            items,
            limit: page.limit,
            offset: page.offset,
            total: None,
        }
    }
}

/// A path segment naming something: its absence or bad encoding is a 404, not a 400.
pub struct Id(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Id {
    type Rejection = Failure;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Failure> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(id)) => Ok(Id(id)),
            Err(_) => Err(Failure {
                api: is_api(parts.uri.path()),
                error: WebError::NotFound(format!("nothing at {}", parts.uri.path())),
            }),
        }
    }
}

/// Sorts incidents latest first, undated last.
pub fn latest_first(list: &mut [Incident]) {
    let day = |i: &Incident| i.date.as_ref().map(|d| d.start.clone());
    list.sort_by(|a, b| (day(a).is_none(), day(b), b.id).cmp(&(day(b).is_none(), day(a), a.id)));
}

/// Incidents matching a query, latest first (undated last), cut to its page.
pub async fn list_incidents(s: &Shared, q: &IncidentQuery) -> Result<Listing<Incident>, WebError> {
    let page = q.paging().page()?;
    let all = s.incidents(q.filter()?).await?;
    Ok(Listing {
        items: all
            .iter()
            .skip(page.offset)
            .take(page.limit)
            .cloned()
            .collect(),
        limit: page.limit,
        offset: page.offset,
        total: Some(all.len()),
    })
}

/// An incident id from a path: a number, else 404.
pub fn incident_id(id: &str) -> Result<i64, WebError> {
    id.parse()
        .map_err(|_| WebError::NotFound(format!("no incident {id:?}")))
}

/// Figures matching a query, by publication date.
pub fn list_figures(store: &dyn Store, q: &FigureQuery) -> Result<Listing<StoredFigure>, WebError> {
    let (measure, place, doc) = (words(&q.measure), words(&q.place), q.doc.clone());
    let has = |v: &Option<String>, w: &Option<String>| {
        w.as_ref().is_none_or(|w| {
            v.as_ref()
                .is_some_and(|v| v.to_lowercase().contains(w.as_str()))
        })
    };
    let all: Vec<StoredFigure> = store
        .figures()?
        .into_iter()
        .filter(|f| has(&f.figure.measure, &measure) && has(&f.figure.place, &place))
        .filter(|f| doc.as_ref().is_none_or(|d| &f.doc_id == d))
        .collect();
    Listing::cut(
        all,
        Paging {
            limit: q.limit,
            offset: q.offset,
        },
    )
}

/// A search hit for JSON: the snippet without markers and the character ranges it marks.
#[derive(Debug, Serialize)]
pub struct Hit {
    /// The report.
    pub document: sitrep_store::DocumentMeta,
    /// A passage around the matches.
    pub snippet: String,
    /// `[start, end)` character ranges of the matches in `snippet`.
    pub matches: Vec<[usize; 2]>,
}

impl From<SearchHit> for Hit {
    fn from(h: SearchHit) -> Hit {
        let mut snippet = String::new();
        let mut matches = Vec::new();
        let mut at = 0;
        let mut open = None;
        for c in h.snippet.chars() {
            match c {
                MATCH_START => open = Some(at),
                MATCH_END => {
                    if let Some(s) = open.take() {
                        matches.push([s, at]);
                    }
                }
                c => {
                    snippet.push(c);
                    at += 1;
                }
            }
        }
        Hit {
            document: h.document,
            snippet,
            matches,
        }
    }
}

async fn openapi_document(Params(_): Params<NoQuery>) -> Json<serde_json::Value> {
    Json(openapi::document())
}

async fn stats(
    State(s): State<Shared>,
    Params(_): Params<NoQuery>,
) -> Result<Json<sitrep_store::Stats>, Failure> {
    let stats = s.with(|st| Ok(st.stats()?)).await.map_err(Failure::api)?;
    Ok(Json(stats))
}

async fn incidents(
    State(s): State<Shared>,
    Params(q): Params<IncidentQuery>,
) -> Result<Json<Listing<Incident>>, Failure> {
    let l = list_incidents(&s, &q).await.map_err(Failure::api)?;
    Ok(Json(l))
}

async fn incident(
    State(s): State<Shared>,
    Id(id): Id,
    Params(_): Params<NoQuery>,
) -> Result<Json<sitrep_store::IncidentDetail>, Failure> {
    let d = s
        .with(move |st| {
            let n = incident_id(&id)?;
            st.incident(n)?
                .ok_or_else(|| WebError::NotFound(format!("no incident {n}")))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(d))
}

async fn actors(
    State(s): State<Shared>,
    Params(q): Params<ActorQuery>,
) -> Result<Json<Listing<sitrep_store::Actor>>, Failure> {
    let l = s
        .with(move |st| {
            let page = q.paging().page()?;
            Ok(Listing::window(st.actors(&q.filter(), page)?, page))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(l))
}

async fn actor(
    State(s): State<Shared>,
    Id(key): Id,
    Params(_): Params<NoQuery>,
) -> Result<Json<sitrep_store::ActorDetail>, Failure> {
    let d = s
        .with(move |st| {
            st.actor(&key)?
                .ok_or_else(|| WebError::NotFound(format!("no actor {key:?}")))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(d))
}

async fn claims(
    State(s): State<Shared>,
    Params(q): Params<ClaimQuery>,
) -> Result<Json<Listing<sitrep_store::StoredClaim>>, Failure> {
    let l = s
        .with(move |st| {
            let page = q.paging().page()?;
            Ok(Listing::window(st.claims(&q.filter(), page)?, page))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(l))
}

async fn figures(
    State(s): State<Shared>,
    Params(q): Params<FigureQuery>,
) -> Result<Json<Listing<StoredFigure>>, Failure> {
    let l = s
        .with(move |st| list_figures(st, &q))
        .await
        .map_err(Failure::api)?;
    Ok(Json(l))
}

async fn indicators(
    State(s): State<Shared>,
    Params(_): Params<NoQuery>,
) -> Result<Json<sitrep_assess::Assessment>, Failure> {
    let a = s
        .with(|st| {
            Ok(sitrep_assess::assess(
                &st.incidents(&Default::default())?,
                &st.figures()?,
            ))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(a))
}

async fn documents(
    State(s): State<Shared>,
    Params(q): Params<PageQuery>,
) -> Result<Json<Listing<sitrep_store::DocumentMeta>>, Failure> {
    let l = s
        .with(move |st| {
            let page = Paging {
                limit: q.limit,
                offset: q.offset,
            }
            .page()?;
            Ok(Listing::window(st.documents(page)?, page))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(l))
}

async fn document(
    State(s): State<Shared>,
    Id(id): Id,
    Params(_): Params<DocumentQuery>,
) -> Result<Json<sitrep_store::StoredDocument>, Failure> {
    let d = s
        .with(move |st| {
            st.document(&id)?
                .ok_or_else(|| WebError::NotFound(format!("no document {id:?}")))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(d))
}

async fn search(
    State(s): State<Shared>,
    Params(q): Params<SearchQuery>,
) -> Result<Json<Listing<Hit>>, Failure> {
    let l = s
        .with(move |st| {
            let words = crate::params::text(&q.q)
                .ok_or_else(|| WebError::BadRequest("q: give the words to search for".into()))?;
            let page = Paging {
                limit: q.limit,
                offset: q.offset,
            }
            .page()?;
            let hits = st.search_hits(&words, page)?;
            Ok(Listing::window(
                hits.into_iter().map(Hit::from).collect(),
                page,
            ))
        })
        .await
        .map_err(Failure::api)?;
    Ok(Json(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_markers_become_character_ranges() {
        let h = SearchHit {
            document: sitrep_store::DocumentMeta {
                id: "d".into(),
                title: None,
                source: None,
                url: None,
                published: None,
            },
            snippet: format!("…in {MATCH_START}Lakkī{MATCH_END} and {MATCH_START}Bannu{MATCH_END}"),
        };
        let hit = Hit::from(h);
        assert_eq!(hit.snippet, "…in Lakkī and Bannu");
        let got: Vec<String> = hit
            .matches
            .iter()
            .map(|[s, e]| hit.snippet.chars().skip(*s).take(e - s).collect())
            .collect();
        assert_eq!(got, ["Lakkī", "Bannu"]);
    }
}
