//! The problem codes of each operation, in the form generators read.
//!
//! `ApiError<S>::meta` documents each problem status of an operation as `Problem` with
//! an inline `code` enum (the codes of its error set `S` for that status). Here, per
//! operation, the codes the platform answers outside the handler are added (`401
//! unauthorized` on every secured operation, the idempotency middleware's codes on every
//! operation with an `Idempotency-Key` header), each problem response gets its codes as
//! `x-problem-codes`, and its schema becomes a reference to one named schema per
//! operation, `<OperationId>Problem`, whose `code` enum is all of them. One schema per
//! operation (rather than per status) keeps generated clients small: one model and one
//! enum per operation (ADR 0003).

use serde_json::{Map, Value, json};

use crate::http::problem::{Code, PROBLEM_JSON, UNAUTHORIZED, describe};
use crate::idempotency;

/// The extension listing the codes one problem response can carry.
pub const CODES_EXTENSION: &str = "x-problem-codes";

/// Names the problem schemas of every operation of `doc` (see the module docs).
pub(super) fn name(doc: &mut Value) {
    let mut named = Vec::new();
    if let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            named.extend(item.values_mut().filter_map(name_operation));
        }
    }
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        schemas.extend(named);
    }
}

/// The problem schema name of an operation: `identityLogin` → `IdentityLoginProblem`.
pub fn schema_name(operation_id: &str) -> String {
    let mut chars = operation_id.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>() + "Problem")
        .unwrap_or_default()
}

/// Rewrites one operation's problem responses; returns its named schema.
fn name_operation(op: &mut Value) -> Option<(String, Value)> {
    let name = schema_name(op.get("operationId")?.as_str()?);
    let platform = platform_codes(op);
    let responses = op.get_mut("responses")?.as_object_mut()?;
    let mut by_status: Vec<(u16, Vec<String>)> = Vec::new();
    for (status, response) in responses.iter() {
        let codes = inline_codes(response);
        if let (Ok(status), false) = (status.parse::<u16>(), codes.is_empty()) {
            by_status.push((status, codes));
        }
    }
    for (status, code) in platform {
        match by_status.iter_mut().find(|(s, _)| *s == status) {
            Some((_, codes)) if codes.iter().any(|c| c == code) => {}
            Some((_, codes)) => codes.push(code.to_owned()),
            None => by_status.push((status, vec![code.to_owned()])),
        }
    }
    if by_status.is_empty() {
        return None;
    }
    by_status.sort_unstable_by_key(|(status, _)| *status);
    let reference = json!({ "$ref": format!("#/components/schemas/{name}") });
    let mut all: Vec<String> = Vec::new();
    for (status, codes) in &by_status {
        let response = responses
            .entry(status.to_string())
            .or_insert_with(|| json!({ "description": describe(*status) }));
        response["content"] = json!({ PROBLEM_JSON: { "schema": reference.clone() } });
        response[CODES_EXTENSION] = json!(codes);
        for code in codes {
            if !all.contains(code) {
                all.push(code.clone());
            }
        }
    }
    sort_by_status(responses);
    let schema = json!({
        "description": "A problem this operation answers; `code` is one of these (each \
            response lists its own in `x-problem-codes`).",
        "allOf": [
            { "$ref": "#/components/schemas/Problem" },
            {
                "type": "object",
                "required": ["code"],
                "properties": { "code": { "type": "string", "enum": all } }
            }
        ]
    });
    Some((name, schema))
}

/// The codes the platform answers for `op` before its handler runs.
fn platform_codes(op: &Value) -> Vec<Code> {
    let secured = op["security"].as_array().is_some_and(|s| !s.is_empty());
    let keyed = op["parameters"].as_array().is_some_and(|params| {
        params.iter().any(|p| {
            p["in"] == "header"
                && p["name"]
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case(idempotency::HEADER))
        })
    });
    let mut codes = Vec::new();
    if secured {
        codes.push(UNAUTHORIZED);
    }
    if keyed {
        codes.extend_from_slice(idempotency::CODES);
    }
    codes
}

/// The `code` enum of a response's inline problem schema (as `ApiError::meta` writes
/// it); empty for any other response.
fn inline_codes(response: &Value) -> Vec<String> {
    let schema = &response["content"][PROBLEM_JSON]["schema"];
    schema["allOf"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|part| part["properties"]["code"]["enum"].as_array())
        .flatten()
        .filter_map(|c| c.as_str().map(str::to_owned))
        .collect()
}

/// Responses in status order, whichever map order serde_json keeps.
fn sort_by_status(responses: &mut Map<String, Value>) {
    let mut entries: Vec<(String, Value)> = std::mem::take(responses).into_iter().collect();
    entries.sort_by(|(a, _), (b, _)| a.cmp(b));
    responses.extend(entries);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(codes: &[&str]) -> Value {
        json!({ "description": "d", "content": { PROBLEM_JSON: { "schema": { "allOf": [
            { "$ref": "#/components/schemas/Problem" },
            { "type": "object", "properties": { "code": { "type": "string", "enum": codes } } }
        ] } } } })
    }

    #[test]
    fn each_operation_gets_one_named_schema_and_per_status_codes() {
        let mut doc = json!({
            "paths": { "/a": { "post": {
                "operationId": "identityLogin",
                "security": [{ "bearer": [] }],
                "parameters": [{ "in": "header", "name": "Idempotency-Key" }],
                "responses": {
                    "200": { "description": "ok" },
                    "400": inline(&["bad_request"]),
                    "422": inline(&["validation_failed"]),
                }
            } } },
            "components": { "schemas": {} }
        });
        name(&mut doc);
        let responses = &doc["paths"]["/a"]["post"]["responses"];
        assert_eq!(
            responses["400"][CODES_EXTENSION],
            json!(["bad_request", "idempotency_key_invalid"])
        );
        assert_eq!(responses["401"][CODES_EXTENSION], json!(["unauthorized"]));
        assert_eq!(responses["401"]["description"], describe(401));
        assert_eq!(
            responses["409"][CODES_EXTENSION],
            json!(["idempotency_key_in_use"])
        );
        assert_eq!(
            responses["422"]["content"][PROBLEM_JSON]["schema"]["$ref"],
            "#/components/schemas/IdentityLoginProblem"
        );
        assert!(responses["200"].get(CODES_EXTENSION).is_none());
        let schema = &doc["components"]["schemas"]["IdentityLoginProblem"];
        assert_eq!(
            schema["allOf"][1]["properties"]["code"]["enum"],
            json!([
                "bad_request",
                "idempotency_key_invalid",
                "unauthorized",
                "idempotency_key_in_use",
                "validation_failed",
                "idempotency_key_reused"
            ])
        );
    }

    #[test]
    fn operations_without_problems_are_left_alone() {
        let mut doc = json!({
            "paths": { "/a": { "get": { "operationId": "x", "responses": { "200": {} } } } },
            "components": { "schemas": {} }
        });
        let before = doc.clone();
        name(&mut doc);
        assert_eq!(doc, before);
    }
}
