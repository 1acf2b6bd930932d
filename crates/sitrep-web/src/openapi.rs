//! The OpenAPI 3 document of the JSON API, served at `/api/openapi.json`. Written by hand;
//! the test below holds it to the router's [`crate::api::PATHS`], and the integration tests
//! call every path it lists.

use serde_json::{Value, json};

fn query(name: &str, kind: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false,
           "schema": {"type": kind}, "description": description})
}

fn path_param(name: &str, kind: &str, description: &str) -> Value {
    json!({"name": name, "in": "path", "required": true,
           "schema": {"type": kind}, "description": description})
}

fn paging() -> [Value; 2] {
    [
        query("limit", "integer", "Items at most (1 to 1000, default 50)."),
        query("offset", "integer", "Items skipped (default 0)."),
    ]
}

fn operation(summary: &str, params: Vec<Value>, schema: &str, not_found: bool) -> Value {
    let mut responses = json!({
        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}},
        "400": {"description": "A parameter is not valid.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    });
    if not_found {
        responses["404"] = json!({"description": "No such item.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}});
    }
    json!({"get": {"summary": summary, "parameters": params, "responses": responses}})
}

fn list_of(item: &str) -> Value {
    json!({"type": "object", "required": ["items", "limit", "offset"], "properties": {
        "items": {"type": "array", "items": {"$ref": format!("#/components/schemas/{item}")}},
        "limit": {"type": "integer"}, "offset": {"type": "integer"},
        "total": {"type": "integer", "description": "Items in the whole list, when known."}}})
}

fn object(description: &str) -> Value {
    json!({"type": "object", "description": description, "additionalProperties": true})
}

fn error_response(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn post_document() -> Value {
    json!({
        "summary": "Store one report: extracted, stored and fused like `sitrep ingest` would.",
        "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewReport"}}}},
        "responses": {
            "201": {"description": "Stored (or already stored: outcome unchanged).",
                "headers": {"Location": {"schema": {"type": "string"}, "description": "The report's path in this API."}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Accepted"}}}},
            "400": error_response("The body is not a report record."),
            "401": error_response("No token, or not the server's."),
            "403": error_response("The server accepts no writes (started without a token)."),
            "408": error_response("The request took too long."),
            "413": error_response("The body is over the limit (--max-body).")
        }
    })
}

/// The document.
pub fn document() -> Value {
    let mut incident_params = vec![
        query(
            "since",
            "string",
            "Incidents ending on or after this day (YYYY-MM-DD).",
        ),
        query(
            "until",
            "string",
            "Incidents starting on or before this day (YYYY-MM-DD).",
        ),
        query(
            "place",
            "string",
            "A place name (location, district or province) the incident mentions.",
        ),
        query("actor", "string", "An actor name the incident mentions."),
        query(
            "type",
            "string",
            "Words the event type or sub-type contains.",
        ),
    ];
    incident_params.extend(paging());
    let mut actor_params = vec![
        query("name", "string", "Words the name or an alias contains."),
        query(
            "type",
            "string",
            "Entity type: armed_group, state_force, government, person, political_party, international_org, other_org, place.",
        ),
    ];
    actor_params.extend(paging());
    let mut claim_params = vec![
        query("speaker", "string", "Words the speaker's name contains."),
        query(
            "about",
            "string",
            "Words the name of something the claim is about contains.",
        ),
        query(
            "kind",
            "string",
            "assertion, accusation, denial, warning, demand, pledge or other.",
        ),
        query("doc", "string", "Only the claims of this report."),
    ];
    claim_params.extend(paging());
    let mut figure_params = vec![
        query("measure", "string", "Words the counted phrase contains."),
        query("place", "string", "Words the figure's place contains."),
        query("doc", "string", "Only the figures of this report."),
    ];
    figure_params.extend(paging());
    let mut search_params = vec![json!({"name": "q", "in": "query", "required": true,
        "schema": {"type": "string"}, "description": "Words, all required (no query syntax)."})];
    search_params.extend(paging());
    let document_params = vec![
        path_param("id", "string", "The report's id."),
        query(
            "event",
            "integer",
            "Accepted for symmetry with the page; ignored.",
        ),
        query(
            "claim",
            "integer",
            "Accepted for symmetry with the page; ignored.",
        ),
    ];
    let mut documents = operation(
        "Reports, latest first.",
        paging().to_vec(),
        "DocumentList",
        false,
    );
    documents["post"] = post_document();
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "sitrep",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Fused incidents, actors, claims, figures and reports. Every value carries the report and the character span (offsets into the report's text) it came from."
        },
        "paths": {
            "/api/openapi.json": operation("This document.", vec![], "OpenApi", false),
            "/api/stats": operation("Row counts.", vec![], "Stats", false),
            "/api/incidents": operation("Fused incidents, latest first.", incident_params, "IncidentList", false),
            "/api/incidents/{id}": operation("One incident with each report's event and evidence spans.",
                vec![path_param("id", "integer", "The incident's id.")], "IncidentDetail", true),
            "/api/actors": operation("Actors resolved across reports, most reported first.", actor_params, "ActorList", false),
            "/api/actors/{key}": operation("One actor: aliases, reports with mentions, incidents, claims by and about it.",
                vec![path_param("key", "string", "The actor's key (kb:ID, or type:name).")], "ActorDetail", true),
            "/api/claims": operation("Claims by publication date; denials with what they deny.", claim_params, "ClaimList", false),
            "/api/figures": operation("Figures with their reports.", figure_params, "FigureList", false),
            "/api/indicators": operation("Assessment: places by week with baselines and spikes; the indicator ledger (NAP scorecard).", vec![], "Assessment", false),
            "/api/documents": documents,
            "/api/documents/{id}": operation("One report: metadata, text and extraction record.", document_params, "Document", true),
            "/api/search": operation("Full-text search over reports, best first.", search_params, "SearchList", false)
        },
        "components": {"securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer",
                "description": "The token `sitrep serve` was started with (--token-file FILE or SITREP_TOKEN)."}
        }, "schemas": {
            "NewReport": {"type": "object", "required": ["text"], "properties": {
                "id": {"type": "string", "description": "The report's id; default: report- and 16 hex digits of the text's hash."},
                "url": {"type": "string"}, "source": {"type": "string"},
                "published": {"type": "string", "description": "Publication date (YYYY-MM-DD and common spellings)."},
                "title": {"type": "string"}, "text": {"type": "string"}}},
            "Accepted": {"type": "object", "required": ["id", "outcome"], "properties": {
                "id": {"type": "string"},
                "outcome": {"type": "string", "enum": ["new", "unchanged", "replaced"]}}},
            "Error": {"type": "object", "required": ["error", "status"], "properties": {
                "error": {"type": "string"}, "status": {"type": "integer"}}},
            "OpenApi": object("An OpenAPI 3 document."),
            "Stats": object("Counts: documents, events, incidents, claims, figures, entities, entity_records."),
            "Incident": object("A fused incident: type, sub_type, date, location, perpetrators, fatalities and injured (best, low, high, every report's figure, revisions), reports, conflicts."),
            "IncidentList": list_of("Incident"),
            "IncidentDetail": {"type": "object", "required": ["incident", "members"], "properties": {
                "incident": {"$ref": "#/components/schemas/Incident"},
                "members": {"type": "array", "items": object("One report's event: doc_id, event_idx, published, source, event (with evidence character spans).")}}},
            "Actor": object("key, name, type, kb_id, aliases, documents, mentions, first_seen, last_seen."),
            "ActorList": list_of("Actor"),
            "ActorDetail": object("actor, reports (with mentions), incidents, claims_by, claims_about."),
            "Claim": object("doc_id, published, idx, claim (speaker, cue, text, start, end, kind, about), denies, denied_by."),
            "ClaimList": list_of("Claim"),
            "Figure": object("doc_id, published, figure (value, low, high, unit, measure, place, period, source, start, end, text)."),
            "FigureList": list_of("Figure"),
            "Assessment": object("places (by week: incidents, fatalities, baseline, spike; trend) and indicators (values with their reports)."),
            "DocumentMeta": object("id, title, source, url, published."),
            "DocumentList": list_of("DocumentMeta"),
            "Document": object("id, title, source, url, published, content_hash, text, record."),
            "SearchHit": {"type": "object", "properties": {
                "document": {"$ref": "#/components/schemas/DocumentMeta"},
                "snippet": {"type": "string"},
                "matches": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}}}},
            "SearchList": list_of("SearchHit")
        }}
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn describes_exactly_the_routes() {
        let doc = super::document();
        let described: BTreeSet<&str> = doc["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let routed: BTreeSet<&str> = crate::api::PATHS.iter().copied().collect();
        assert_eq!(described, routed);
        // Every schema referenced is defined.
        let text = doc.to_string();
        for part in text.split("#/components/schemas/").skip(1) {
            let name: String = part.chars().take_while(|c| c.is_alphanumeric()).collect();
            assert!(doc["components"]["schemas"].get(&name).is_some(), "{name}");
        }
    }
}
