//! The conventions of the generated OpenAPI document itself (docs/architecture.md, "The document is
//! the contract"), checked over every operation and schema of the production document,
//! so a new endpoint or domain that breaks one fails here with its name.

use std::collections::{BTreeSet, HashSet};

use haven_platform::PlatformContext;
use haven_platform::config::Settings;
use haven_platform::http::contract::problems;
use haven_platform::http::problem::{COMMON_CODES, UNAUTHORIZED};
use serde_json::Value;

/// Component schemas shared by every domain, exempt from the domain prefix.
const PLATFORM_SCHEMAS: &[&str] = &["Problem", "FieldError", "Role", "HealthStatus", "Meta"];

/// Response fields that are secrets: an answer holding one must say `no-store`.
const SECRET_FIELDS: &[&str] = &[
    "access_token",
    "refresh_token",
    "mfa_token",
    "secret",
    "otpauth_uri",
    "recovery_codes",
];

fn document() -> Value {
    let ctx = PlatformContext::new(Settings::default(), haven_app::wiring::BUILD).unwrap();
    serde_json::from_str(&haven_app::wiring::openapi_json(&ctx)).unwrap()
}

/// `(METHOD path, operation)` of every operation.
fn operations(doc: &Value) -> Vec<(String, &Value)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            ops.push((format!("{} {path}", method.to_uppercase()), op));
        }
    }
    ops
}

/// The domain owning a path (`/v1/identity/…` → `identity`), if a domain does.
fn domain_of(label: &str) -> Option<&str> {
    let path = label.split_once(' ')?.1;
    let domain = path.strip_prefix("/v1/")?.split('/').next()?;
    (domain != "meta").then_some(domain)
}

fn capitalized(domain: &str) -> String {
    let mut chars = domain.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Resolves a `$ref` to its component schema.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => doc.pointer(&r.replacen('#', "", 1)).unwrap(),
        None => schema,
    }
}

/// Every property name reachable from a schema (through `$ref`, `allOf`/`oneOf`/`anyOf`,
/// `items` and properties).
fn property_names(doc: &Value, schema: &Value, seen: &mut HashSet<String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    if let Some(r) = schema["$ref"].as_str()
        && !seen.insert(r.to_owned())
    {
        return names;
    }
    let schema = resolve(doc, schema);
    for key in ["allOf", "oneOf", "anyOf"] {
        for sub in schema[key].as_array().into_iter().flatten() {
            names.extend(property_names(doc, sub, seen));
        }
    }
    if schema["items"].is_object() {
        names.extend(property_names(doc, &schema["items"], seen));
    }
    for (name, sub) in schema["properties"].as_object().into_iter().flatten() {
        names.insert(name.clone());
        names.extend(property_names(doc, sub, seen));
    }
    names
}

/// The `Cache-Control` values a response declares (its header schema's enum).
fn cache_control(response: &Value) -> Option<Vec<String>> {
    let headers = response["headers"].as_object()?;
    let (_, header) = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("cache-control"))?;
    Some(
        header["schema"]["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
    )
}

fn success_responses(op: &Value) -> impl Iterator<Item = (&String, &Value)> {
    op["responses"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(status, _)| status.starts_with('2'))
}

fn is_secured(op: &Value) -> bool {
    op["security"].as_array().is_some_and(|s| !s.is_empty())
}

/// Whether `op` takes an `Idempotency-Key` header.
fn has_idempotency_key(op: &Value) -> bool {
    op["parameters"].as_array().into_iter().flatten().any(|p| {
        p["in"] == "header" && p["name"].as_str() == Some(haven_platform::idempotency::HEADER)
    })
}

/// Collects every violation, so one run names them all.
fn check(failures: &mut Vec<String>, ok: bool, what: impl FnOnce() -> String) {
    if !ok {
        failures.push(what());
    }
}

fn assert_none(failures: Vec<String>) {
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn operations_have_domain_prefixed_camel_case_ids_and_resource_tags() {
    let doc = document();
    let declared: HashSet<&str> = doc["tags"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["name"].as_str())
        .collect();
    let mut ids = HashSet::new();
    let mut failures = Vec::new();
    for (label, op) in operations(&doc) {
        let id = op["operationId"].as_str().unwrap_or_default();
        check(&mut failures, ids.insert(id.to_owned()), || {
            format!("{label}: operationId `{id}` is not unique")
        });
        let camel = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && id.chars().all(|c| c.is_ascii_alphanumeric());
        check(&mut failures, camel, || {
            format!("{label}: operationId `{id}` is not camelCase")
        });
        let tags: Vec<&str> = op["tags"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        check(&mut failures, !tags.is_empty(), || {
            format!("{label}: no tag")
        });
        for tag in &tags {
            check(&mut failures, declared.contains(tag), || {
                format!("{label}: tag `{tag}` is not declared with a description")
            });
        }
        if let Some(domain) = domain_of(&label) {
            check(&mut failures, id.starts_with(domain), || {
                format!("{label}: operationId `{id}` does not start with `{domain}`")
            });
            let group = format!("{}: ", capitalized(domain));
            check(
                &mut failures,
                tags.iter()
                    .all(|t| t.len() > group.len() && t.starts_with(&group)),
                || format!("{label}: tags {tags:?} are not `{group}<resource group>`"),
            );
        }
    }
    assert_none(failures);
}

#[test]
fn schema_names_carry_the_domain_prefix() {
    let doc = document();
    let domains: BTreeSet<String> = operations(&doc)
        .iter()
        .filter_map(|(label, _)| domain_of(label).map(capitalized))
        .collect();
    assert!(domains.contains("Identity"), "{domains:?}");
    let problem_schemas: HashSet<String> = operations(&doc)
        .iter()
        .filter_map(|(_, op)| op["operationId"].as_str().map(problems::schema_name))
        .collect();
    let mut failures = Vec::new();
    for name in doc["components"]["schemas"].as_object().unwrap().keys() {
        let base = name.strip_prefix("Page_").unwrap_or(name);
        let ok = PLATFORM_SCHEMAS.contains(&base)
            || problem_schemas.contains(base)
            || domains.iter().any(|d| base.starts_with(d));
        check(&mut failures, ok, || {
            format!("schema `{name}` has no domain prefix ({domains:?})")
        });
    }
    assert_none(failures);
}

#[test]
fn every_optional_property_is_nullable_and_bodies_refuse_unknown_fields() {
    let doc = document();
    let mut failures = Vec::new();
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        let required: HashSet<&str> = schema["required"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        for (field, property) in schema["properties"].as_object().into_iter().flatten() {
            if !required.contains(field.as_str()) {
                check(&mut failures, property["nullable"] == true, || {
                    format!("{name}.{field} is optional but not nullable")
                });
            }
            check(
                &mut failures,
                property.get("$ref").is_none() || required.contains(field.as_str()),
                || {
                    format!(
                        "{name}.{field}: an optional `$ref` must be wrapped in `allOf` to be nullable"
                    )
                },
            );
        }
    }
    for (label, op) in operations(&doc) {
        let bodies = op["requestBody"]["content"].as_object();
        for (media, content) in bodies.into_iter().flatten() {
            let schema = resolve(&doc, &content["schema"]);
            if schema["type"] == "object" {
                check(
                    &mut failures,
                    schema["additionalProperties"] == false,
                    || format!("{label} ({media}): the body schema allows unknown fields"),
                );
            }
        }
    }
    assert_none(failures);
}

#[test]
fn state_changing_posts_take_an_idempotency_key() {
    let doc = document();
    let mut failures = Vec::new();
    for (label, op) in operations(&doc) {
        if !label.starts_with("POST ") {
            continue;
        }
        let has_key = has_idempotency_key(op);
        // Exempt: answers with secrets are never stored (`no-store`), and answers with no
        // body (`204`) replay nothing a retry would not get anyway.
        let answers_secrets =
            success_responses(op).all(|(_, r)| cache_control(r).is_some_and(|v| v == ["no-store"]));
        let only_no_content = success_responses(op).all(|(status, _)| status == "204");
        check(
            &mut failures,
            has_key || answers_secrets || only_no_content,
            || format!("{label}: a state-changing POST without an Idempotency-Key header"),
        );
    }
    assert_none(failures);
}

/// Whether `op` documents `status` as a problem whose codes include `code`.
fn documents_code(op: &Value, status: u16, code: &str) -> bool {
    op["responses"][status.to_string()][problems::CODES_EXTENSION]
        .as_array()
        .is_some_and(|codes| codes.iter().any(|c| c == code))
}

#[test]
fn operations_document_their_problems_and_codes_and_secured_ones_401() {
    let doc = document();
    let mut failures = Vec::new();
    for (label, op) in operations(&doc) {
        let name = problems::schema_name(op["operationId"].as_str().unwrap_or_default());
        let responses = op["responses"].as_object().unwrap();
        let mut expected: Vec<(u16, &str)> = COMMON_CODES.to_vec();
        if is_secured(op) {
            expected.push(UNAUTHORIZED);
        }
        if has_idempotency_key(op) {
            expected.extend_from_slice(haven_platform::idempotency::CODES);
        }
        for (status, code) in expected {
            check(&mut failures, documents_code(op, status, code), || {
                format!("{label}: {status} does not document `{code}`")
            });
        }
        let enumerated: BTreeSet<&str> =
            doc["components"]["schemas"][&name]["allOf"][1]["properties"]["code"]["enum"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
        let mut listed = BTreeSet::new();
        for (status, response) in responses {
            if !(status.starts_with('4') || status.starts_with('5')) {
                continue;
            }
            let schema = &response["content"]["application/problem+json"]["schema"];
            check(
                &mut failures,
                schema["$ref"] == format!("#/components/schemas/{name}"),
                || format!("{label}: {status} is not documented as a `{name}` problem"),
            );
            let codes = response[problems::CODES_EXTENSION].as_array();
            check(&mut failures, codes.is_some_and(|c| !c.is_empty()), || {
                format!("{label}: {status} lists no problem codes")
            });
            listed.extend(codes.into_iter().flatten().filter_map(Value::as_str));
        }
        check(&mut failures, listed == enumerated, || {
            format!("{label}: `{name}` enumerates {enumerated:?}, the responses list {listed:?}")
        });
    }
    assert_none(failures);
}

#[test]
fn token_answers_say_no_store_and_member_reads_private() {
    let doc = document();
    let mut failures = Vec::new();
    for (label, op) in operations(&doc) {
        for (status, response) in success_responses(op) {
            let cache = cache_control(response);
            let schemas = response["content"].as_object().into_iter().flatten();
            let secrets: Vec<String> = schemas
                .flat_map(|(_, c)| property_names(&doc, &c["schema"], &mut HashSet::new()))
                .filter(|n| SECRET_FIELDS.contains(&n.as_str()))
                .collect();
            if !secrets.is_empty() {
                check(
                    &mut failures,
                    cache.as_deref() == Some(&["no-store".to_owned()][..]),
                    || {
                        format!(
                            "{label} {status}: holds {secrets:?} but does not declare Cache-Control: no-store"
                        )
                    },
                );
            }
            if label.starts_with("GET ") && is_secured(op) {
                let ok = cache
                    .as_ref()
                    .is_some_and(|v| v == &["private"] || v == &["no-store"]);
                check(&mut failures, ok, || {
                    format!(
                        "{label} {status}: a member read without Cache-Control private or no-store"
                    )
                });
            }
        }
    }
    assert_none(failures);
}

#[test]
fn list_limits_are_bounded_and_cursors_opaque_but_bounded() {
    let doc = document();
    let mut failures = Vec::new();
    let mut lists = 0;
    for (label, op) in operations(&doc) {
        for param in op["parameters"].as_array().into_iter().flatten() {
            let schema = &param["schema"];
            match param["name"].as_str() {
                Some("limit") => {
                    lists += 1;
                    let bounded = schema["type"] == "integer"
                        && schema["minimum"].as_f64() == Some(1.0)
                        && schema["maximum"].as_f64().is_some_and(|m| {
                            m <= f64::from(haven_platform::http::pagination::MAX_LIMIT)
                        })
                        && schema["default"].is_number();
                    check(&mut failures, bounded, || {
                        format!("{label}: `limit` is not 1..=100 with a default: {schema}")
                    });
                }
                Some("cursor") => check(&mut failures, schema["maxLength"].is_number(), || {
                    format!("{label}: `cursor` has no maxLength")
                }),
                _ => {}
            }
        }
    }
    assert!(lists >= 4, "the identity lists are in the document");
    assert_none(failures);
}

#[test]
fn the_description_states_the_conventions_without_internal_references() {
    let doc = document();
    let description = doc["info"]["description"].as_str().unwrap();
    for topic in [
        "**Authentication.**",
        "**Errors.**",
        "`code`",
        "**Lists.**",
        "**Idempotency.**",
        "**Ids.**",
        "**Nullability.**",
        "`Z`",
        "no-store",
    ] {
        assert!(description.contains(topic), "the description lacks {topic}");
    }
    // RFC 9457 and RFC 3339 are public; the project's own RFCs are not in the document.
    let text = doc.to_string();
    for internal in ["RFC 0001", "RFC 0002", "RFC 000"] {
        assert!(
            !text.contains(internal),
            "the document refers to {internal}"
        );
    }
}
