//! The last touches on the generated OpenAPI document, so it states what the server
//! does where poem-openapi cannot say it:
//! - every optional (`Option`) property is declared `nullable`, because the server sends
//!   `null` for an absent value (and accepts `null` in requests);
//! - every request body schema says `additionalProperties: false`, because request
//!   bodies reject unknown fields with `400`;
//! - every problem response lists the `code`s it can answer, and each operation's problems
//!   share one named schema whose `code` is their enum ([`problems`]);
//! - an `allOf` that only repeats its own `description` next to a `$ref` (how poem-openapi
//!   documents a described reference) keeps just the reference, which some generators
//!   (openapi-python-client) cannot merge otherwise.

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
    let bodies = request_body_schemas(&doc);
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in schemas.iter_mut() {
            mark_nullable(schema);
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

/// Declares nullable every property of `schema` that is not required: an `Option` field
/// (poem-openapi renders it as the bare type) is sent as `null` when absent, and in
/// request bodies `null` is read as absent (a field with a default takes the default).
fn mark_nullable(schema: &mut Value) {
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
            serde_json::json!({"allOf": [{"$ref": "#/components/schemas/Kind"}], "nullable": true})
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
}
