//! The last touches on the generated OpenAPI document, so it states what the server
//! does where poem-openapi cannot say it:
//! - every optional (`Option`) property is declared `nullable`, because the server sends
//!   `null` for an absent value (and accepts `null` in requests);
//! - every request body schema, and every object schema a body nests (`$ref` in its
//!   properties or items), says `additionalProperties: false`, because request bodies
//!   reject unknown fields with `400` at every depth (`deny_unknown_fields`);
//! - every problem response lists the `code`s it can answer, and each operation's problems
//!   share one named schema whose `code` is their enum ([`problems`]);
//! - an `allOf` that only repeats its own `description` next to a `$ref` (how poem-openapi
//!   documents a described reference) keeps just the reference, which some generators
//!   (openapi-python-client) cannot merge otherwise;
//! - poem-openapi's `naive-date` format (chrono's `NaiveDate`) is the standard `date`
//!   (RFC 3339 full-date, which is what `NaiveDate` parses), so generators and
//!   schemathesis know it.

use serde_json::{Map, Value};

pub mod problems;

/// The document as served and committed: `spec` (poem-openapi's output) with every
/// optional property of every component schema declared nullable.
pub fn finish(spec: &str) -> String {
    let Ok(mut doc) = serde_json::from_str::<Value>(spec) else {
        return spec.to_owned();
    };
    problems::name(&mut doc);
    drop_repeated_descriptions(&mut doc);
    standard_date_format(&mut doc);
    let bodies = with_nested(&doc, request_body_schemas(&doc));
    let types = schema_types(&doc);
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in schemas.iter_mut() {
            mark_nullable(schema, &types);
            let is_object = schema.get("type").and_then(Value::as_str) == Some("object");
            if is_object
                && bodies.contains(name)
                && let Some(object) = schema.as_object_mut()
            {
                object
                    .entry("additionalProperties")
                    .or_insert(Value::Bool(false));
            }
        }
    }
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| spec.to_owned())
}

/// Every `"format": "naive-date"` in `value` becomes `"format": "date"`.
fn standard_date_format(value: &mut Value) {
    match value {
        Value::Object(object) => {
            if object.get("format").and_then(Value::as_str) == Some("naive-date") {
                object.insert("format".to_owned(), Value::String("date".to_owned()));
            }
            object.values_mut().for_each(standard_date_format);
        }
        Value::Array(items) => items.iter_mut().for_each(standard_date_format),
        _ => {}
    }
}

/// `{"allOf": [{"$ref": R}, {"description": D}], "description": D}` becomes
/// `{"allOf": [{"$ref": R}], "description": D}`, everywhere in `value`.
fn drop_repeated_descriptions(value: &mut Value) {
    match value {
        Value::Object(object) => {
            let description = object.get("description").cloned();
            if let Some(Value::Array(parts)) = object.get_mut("allOf")
                && parts.len() == 2
                && parts[0].get("$ref").is_some()
                && parts[1]
                    .as_object()
                    .is_some_and(|p| p.len() == 1 && p.get("description") == description.as_ref())
            {
                parts.truncate(1);
            }
            object.values_mut().for_each(drop_repeated_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_repeated_descriptions),
        _ => {}
    }
}

/// `names` plus every component schema they reference, transitively.
fn with_nested(doc: &Value, mut names: Vec<String>) -> Vec<String> {
    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(name) = map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/schemas/"))
                {
                    out.push(name.to_owned());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut i = 0;
    while i < names.len() {
        let mut found = Vec::new();
        if let Some(schema) = doc.pointer(&format!("/components/schemas/{}", names[i])) {
            refs(schema, &mut found);
        }
        for name in found {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        i += 1;
    }
    names
}

/// Names of the component schemas that operations take as request bodies.
fn request_body_schemas(doc: &Value) -> Vec<String> {
    let prefix = "#/components/schemas/";
    let mut names = Vec::new();
    for ops in doc
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(Map::values)
    {
        for op in ops.as_object().into_iter().flat_map(Map::values) {
            let contents = op
                .pointer("/requestBody/content")
                .and_then(Value::as_object);
            for media in contents.into_iter().flat_map(Map::values) {
                if let Some(name) = media
                    .pointer("/schema/$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix(prefix))
                {
                    names.push(name.to_owned());
                }
            }
        }
    }
    names
}

/// The `type` of every component schema that declares one (OpenAPI 3.0 requires `type`
/// beside `nullable`, so a wrapped `$ref` repeats its target's).
fn schema_types(doc: &Value) -> Map<String, Value> {
    doc.pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, schema)| Some((name.clone(), schema.get("type")?.clone())))
        .collect()
}

/// Declares nullable every property of `schema` that is not required: an `Option` field
/// (poem-openapi renders it as the bare type) is sent as `null` when absent, and in
/// request bodies `null` is read as absent (a field with a default takes the default).
fn mark_nullable(schema: &mut Value, types: &Map<String, Value>) {
    let required: Vec<String> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        if required.contains(name) {
            continue;
        }
        let Some(object) = property.as_object_mut() else {
            continue;
        };
        if let Some(reference) = object.remove("$ref") {
            // OpenAPI 3.0 ignores siblings of `$ref`: wrap it.
            object.insert(
                "allOf".to_owned(),
                Value::Array(vec![Value::Object(Map::from_iter([(
                    "$ref".to_owned(),
                    reference,
                )]))]),
            );
        }
        // `nullable` needs a `type` beside it: a wrapped `$ref` repeats its target's.
        let target = object
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find_map(|part| part.get("$ref").and_then(Value::as_str))
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
            .and_then(|name| types.get(name))
            .cloned();
        if let Some(t) = target {
            object.entry("type").or_insert(t);
        }
        object.insert("nullable".to_owned(), Value::Bool(true));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_properties_become_nullable_and_others_stay() {
        let spec = serde_json::json!({"paths": {"/a": {"post": {"requestBody": {"content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/A"}}
        }}}}}, "components": {"schemas": {"A": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "string"},
                "name": {"type": "string"},
                "kind": {"$ref": "#/components/schemas/Kind"},
                "tags": {"type": "array", "default": []}
            }
        }}}});
        let done: Value = serde_json::from_str(&finish(&spec.to_string())).unwrap();
        let props = &done["components"]["schemas"]["A"]["properties"];
        assert_eq!(props["id"].get("nullable"), None);
        assert_eq!(props["name"]["nullable"], true);
        assert_eq!(
            props["kind"],
            serde_json::json!({"allOf": [{"$ref": "#/components/schemas/Kind"}], "nullable": true}),
            "no type is known for a schema the document lacks"
        );
        assert_eq!(props["tags"]["nullable"], true);
        assert_eq!(
            done["components"]["schemas"]["A"]["additionalProperties"],
            false
        );
    }

    #[test]
    fn a_described_reference_keeps_only_the_reference() {
        let described = serde_json::json!({
            "allOf": [{"$ref": "#/components/schemas/Kind"}, {"description": "d"}],
            "description": "d"
        });
        let other = serde_json::json!({
            "allOf": [{"$ref": "#/components/schemas/Kind"}, {"description": "e"}],
            "description": "d"
        });
        let spec = serde_json::json!({"components": {"schemas": {"A": {
            "type": "object", "required": ["k", "o"],
            "properties": {"k": described, "o": other.clone()}
        }}}});
        let done: Value = serde_json::from_str(&finish(&spec.to_string())).unwrap();
        let props = &done["components"]["schemas"]["A"]["properties"];
        assert_eq!(
            props["k"],
            serde_json::json!({"allOf": [{"$ref": "#/components/schemas/Kind"}], "description": "d"})
        );
        assert_eq!(props["o"], other, "a different description is not a repeat");
    }

    #[test]
    fn nested_body_objects_refuse_unknown_fields_and_wrapped_refs_keep_their_type() {
        let spec = serde_json::json!({"paths": {"/a": {"post": {"requestBody": {"content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/A"}}
        }}}}}, "components": {"schemas": {
            "A": {"type": "object", "required": ["b"], "properties": {
                "b": {"type": "array", "items": {"$ref": "#/components/schemas/B"}},
                "c": {"$ref": "#/components/schemas/C"}
            }},
            "B": {"type": "object", "properties": {}},
            "C": {"type": "object", "properties": {}},
            "Answer": {"type": "object", "properties": {}}
        }}});
        let done: Value = serde_json::from_str(&finish(&spec.to_string())).unwrap();
        let schemas = &done["components"]["schemas"];
        for nested in ["A", "B", "C"] {
            assert_eq!(schemas[nested]["additionalProperties"], false, "{nested}");
        }
        assert_eq!(schemas["Answer"].get("additionalProperties"), None);
        assert_eq!(
            schemas["A"]["properties"]["c"],
            serde_json::json!({"allOf": [{"$ref": "#/components/schemas/C"}], "nullable": true, "type": "object"})
        );
    }
}
