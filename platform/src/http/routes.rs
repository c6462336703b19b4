//! Route templates and the methods each accepts, read from the OpenAPI document, for the
//! `Allow` header of `405` answers and the `route` label of metrics.

use std::collections::HashMap;

/// Template (`/v1/items/{id}`) → allowed methods (`GET, PATCH`).
#[derive(Debug, Default, Clone)]
pub struct RouteTable {
    allow: HashMap<String, String>,
}

impl RouteTable {
    /// Reads the `paths` of an OpenAPI document.
    pub fn from_spec(spec: &serde_json::Value) -> Self {
        let mut allow = HashMap::new();
        if let Some(paths) = spec.get("paths").and_then(|p| p.as_object()) {
            for (path, ops) in paths {
                let mut methods: Vec<String> = ops
                    .as_object()
                    .map(|o| o.keys().map(|m| m.to_ascii_uppercase()).collect())
                    .unwrap_or_default();
                if methods.iter().any(|m| m == "GET") {
                    methods.push("HEAD".to_owned());
                }
                methods.sort();
                allow.insert(path.clone(), methods.join(", "));
            }
        }
        Self { allow }
    }

    /// The `Allow` value for a template, in either poem (`:id`) or OpenAPI (`{id}`) form.
    pub fn allow(&self, template: &str) -> Option<&str> {
        self.allow
            .get(&openapi_template(template))
            .map(String::as_str)
    }
}

/// Rewrites poem's `:param` segments as OpenAPI's `{param}`.
pub fn openapi_template(pattern: &str) -> String {
    if !pattern.contains(':') {
        return pattern.to_owned();
    }
    pattern
        .split('/')
        .map(|seg| match seg.strip_prefix(':') {
            Some(name) => format!("{{{name}}}"),
            None => seg.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_lists_the_documented_methods() {
        let spec = serde_json::json!({"paths": {
            "/v1/items/{id}": {"get": {}, "patch": {}},
            "/v1/items": {"post": {}}
        }});
        let t = RouteTable::from_spec(&spec);
        assert_eq!(t.allow("/v1/items/:id"), Some("GET, HEAD, PATCH"));
        assert_eq!(t.allow("/v1/items"), Some("POST"));
        assert_eq!(t.allow("/nope"), None);
    }
}
