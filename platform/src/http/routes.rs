//! Route templates and the methods each accepts, read from the OpenAPI document, for the
//! `Allow` header of `405` answers and the `route` label of metrics.

use std::collections::HashMap;

/// Route shape (`/v1/items/{}`) → the documented template (`/v1/items/{id}`) and the
/// methods it allows (`GET, HEAD, PATCH`). Keyed by shape because poem names path
/// parameters of OpenAPI operations positionally (`:param0`).
#[derive(Debug, Default, Clone)]
pub struct RouteTable {
    routes: HashMap<String, (String, String)>,
}

impl RouteTable {
    /// Reads the `paths` of an OpenAPI document.
    pub fn from_spec(spec: &serde_json::Value) -> Self {
        let mut routes = HashMap::new();
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
                routes.insert(shape(path), (path.clone(), methods.join(", ")));
            }
        }
        Self { routes }
    }

    /// The `Allow` value for a poem pattern (`/v1/items/:param0`) or a template.
    pub fn allow(&self, pattern: &str) -> Option<&str> {
        self.routes
            .get(&shape(pattern))
            .map(|(_, allow)| allow.as_str())
    }

    /// The documented template of a poem pattern; routes outside the OpenAPI document
    /// keep their pattern, with `{name}` parameters.
    pub fn template(&self, pattern: &str) -> String {
        match self.routes.get(&shape(pattern)) {
            Some((template, _)) => template.clone(),
            None => rewrite(pattern, |name| format!("{{{name}}}")),
        }
    }
}

fn rewrite(pattern: &str, param: impl Fn(&str) -> String) -> String {
    if !pattern.contains([':', '{']) {
        return pattern.to_owned();
    }
    pattern
        .split('/')
        .map(|seg| match seg.strip_prefix(':') {
            Some(name) => param(name),
            None => match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => param(name),
                None => seg.to_owned(),
            },
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The path with every parameter replaced by `{}`.
fn shape(pattern: &str) -> String {
    rewrite(pattern, |_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_and_template_resolve_positional_parameters() {
        let spec = serde_json::json!({"paths": {
            "/v1/items/{id}": {"get": {}, "patch": {}},
            "/v1/items": {"post": {}}
        }});
        let t = RouteTable::from_spec(&spec);
        assert_eq!(t.allow("/v1/items/:param0"), Some("GET, HEAD, PATCH"));
        assert_eq!(t.allow("/v1/items"), Some("POST"));
        assert_eq!(t.allow("/nope"), None);
        assert_eq!(t.template("/v1/items/:param0"), "/v1/items/{id}");
        assert_eq!(t.template("/webhooks/:provider"), "/webhooks/{provider}");
    }
}
