//! Route templates and the methods each accepts, read from the OpenAPI document, for the
//! `Allow` header of `405` answers, the `route` label of metrics, and which operations
//! declare an `Idempotency-Key` header.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::Arc;

/// Route shape (`/v1/items/{}`) → the documented template (`/v1/items/{id}`) and the
/// methods it allows (`GET, HEAD, PATCH`). Keyed by shape because poem names path
/// parameters of OpenAPI operations positionally (`:param0`).
#[derive(Debug, Default, Clone)]
pub struct RouteTable {
    routes: foldhash::HashMap<String, (Arc<str>, String)>,
    /// poem-openapi's pattern of each route (`/v1/items/:param0`) → its template: the
    /// hot path's lookup, without rewriting the pattern.
    by_pattern: foldhash::HashMap<String, Arc<str>>,
    /// `(template, METHOD)` of operations with an `Idempotency-Key` header parameter.
    idempotent: HashSet<(String, String)>,
    /// `(template, METHOD)` of operations that require a bearer token.
    secured: HashSet<(String, String)>,
}

impl RouteTable {
    /// Reads the `paths` of an OpenAPI document.
    pub fn from_spec(spec: &serde_json::Value) -> Self {
        let mut routes = foldhash::HashMap::default();
        let mut idempotent = HashSet::new();
        let mut secured = HashSet::new();
        if let Some(paths) = spec.get("paths").and_then(|p| p.as_object()) {
            for (path, ops) in paths {
                for (method, op) in ops.as_object().into_iter().flatten() {
                    let id = (path.clone(), method.to_ascii_uppercase());
                    if requires_token(op) {
                        secured.insert(id.clone());
                    }
                    if declares_idempotency_key(op) {
                        idempotent.insert(id);
                    }
                }
                let mut methods: Vec<String> = ops
                    .as_object()
                    .map(|o| o.keys().map(|m| m.to_ascii_uppercase()).collect())
                    .unwrap_or_default();
                if methods.iter().any(|m| m == "GET") {
                    methods.push("HEAD".to_owned());
                }
                methods.sort();
                routes.insert(
                    shape(path).into_owned(),
                    (Arc::from(path.as_str()), methods.join(", ")),
                );
            }
        }
        let by_pattern = routes
            .values()
            .map(|(template, _)| (poem_pattern(template), Arc::clone(template)))
            .collect();
        Self {
            routes,
            by_pattern,
            idempotent,
            secured,
        }
    }

    /// The template of the documented route a concrete request path matches
    /// (`/v1/items/itm_01…` → `/v1/items/{id}`), segment by segment; a literal segment
    /// wins over a parameter, as in poem's router.
    pub fn match_path(&self, path: &str) -> Option<&str> {
        let segments: Vec<&str> = path.split('/').collect();
        self.routes
            .values()
            .filter_map(|(template, _)| {
                let parts: Vec<&str> = template.split('/').collect();
                if parts.len() != segments.len() {
                    return None;
                }
                // One flag per segment, `true` where the template has a parameter: the
                // smallest vector is the most literal match.
                let mut params = Vec::with_capacity(parts.len());
                for (part, seg) in parts.iter().zip(&segments) {
                    let is_param = part.starts_with('{') && part.ends_with('}');
                    if is_param {
                        if seg.is_empty() {
                            return None;
                        }
                    } else if part != seg {
                        return None;
                    }
                    params.push(is_param);
                }
                Some((params, &**template))
            })
            .min()
            .map(|(_, template)| template)
    }

    /// The template of the operation `method path` when that operation declares an
    /// `Idempotency-Key` header parameter; `None` for every other request.
    pub fn idempotent_route(&self, method: &str, path: &str) -> Option<&str> {
        let template = self.match_path(path)?;
        self.idempotent
            .contains(&(template.to_owned(), method.to_ascii_uppercase()))
            .then_some(template)
    }

    /// Whether the operation `method template` requires a bearer token.
    pub fn is_secured(&self, method: &str, template: &str) -> bool {
        self.secured
            .contains(&(template.to_owned(), method.to_ascii_uppercase()))
    }

    /// The `Allow` value for a poem pattern (`/v1/items/:param0`) or a template.
    pub fn allow(&self, pattern: &str) -> Option<&str> {
        self.routes
            .get(&*shape(pattern))
            .map(|(_, allow)| allow.as_str())
    }

    /// `(template, allowed methods)` of every documented route.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.routes
            .values()
            .map(|(template, allow)| (&**template, allow.as_str()))
    }

    /// The documented template of a poem pattern; routes outside the OpenAPI document
    /// keep their pattern, with `{name}` parameters.
    /// Documented routes cost no allocation (the hot path: every request's metrics).
    pub fn template(&self, pattern: &str) -> Arc<str> {
        if let Some(template) = self.by_pattern.get(pattern) {
            return Arc::clone(template);
        }
        match self.routes.get(&*shape(pattern)) {
            Some((template, _)) => Arc::clone(template),
            None => rewrite(pattern, |name| format!("{{{name}}}")).into(),
        }
    }
}

/// Whether an OpenAPI operation object lists a security requirement.
fn requires_token(op: &serde_json::Value) -> bool {
    op.get("security")
        .and_then(|s| s.as_array())
        .is_some_and(|s| !s.is_empty())
}

/// Whether an OpenAPI operation object lists an `Idempotency-Key` header parameter.
fn declares_idempotency_key(op: &serde_json::Value) -> bool {
    op.get("parameters")
        .and_then(|p| p.as_array())
        .is_some_and(|params| {
            params.iter().any(|p| {
                p.get("in").and_then(|v| v.as_str()) == Some("header")
                    && p.get("name")
                        .and_then(|v| v.as_str())
                        .is_some_and(|n| n.eq_ignore_ascii_case(crate::idempotency::HEADER))
            })
        })
}

fn rewrite(pattern: &str, mut param: impl FnMut(&str) -> String) -> Cow<'_, str> {
    if !pattern.contains([':', '{']) {
        return Cow::Borrowed(pattern);
    }
    let rewritten = pattern
        .split('/')
        .map(|seg| match seg.strip_prefix(':') {
            Some(name) => param(name),
            None => match seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => param(name),
                None => seg.to_owned(),
            },
        })
        .collect::<Vec<_>>()
        .join("/");
    Cow::Owned(rewritten)
}

/// The pattern poem-openapi routes `template` under: parameters named by position.
fn poem_pattern(template: &str) -> String {
    let mut position = 0;
    rewrite(template, |_| {
        position += 1;
        format!(":param{}", position - 1)
    })
    .into_owned()
}

/// The path with every parameter replaced by `{}`.
fn shape(pattern: &str) -> Cow<'_, str> {
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
        assert_eq!(&*t.template("/v1/items/:param0"), "/v1/items/{id}");
        // Found without rewriting the pattern (the hot path).
        assert_eq!(
            t.by_pattern.get("/v1/items/:param0").map(|t| &**t),
            Some("/v1/items/{id}")
        );
        assert_eq!(&*t.template("/webhooks/:provider"), "/webhooks/{provider}");
    }

    #[test]
    fn concrete_paths_match_templates_and_literals_win() {
        let key = serde_json::json!([{"name": "Idempotency-Key", "in": "header"}]);
        let spec = serde_json::json!({"paths": {
            "/v1/items/{id}": {"get": {}, "post": {"parameters": key}},
            "/v1/items/search": {"post": {}},
            "/v1/items": {"post": {"parameters": [{"name": "idempotency-key", "in": "header"}]}},
            "/v1/items/{id}/tags/{tag}": {"put": {"parameters": key}},
            "/v1/other": {"post": {"parameters": [{"name": "Idempotency-Key", "in": "query"}]}}
        }});
        let t = RouteTable::from_spec(&spec);
        assert_eq!(t.match_path("/v1/items/itm_1"), Some("/v1/items/{id}"));
        assert_eq!(t.match_path("/v1/items/search"), Some("/v1/items/search"));
        assert_eq!(t.match_path("/v1/items/"), None);
        assert_eq!(t.match_path("/v1/items/a/b"), None);
        assert_eq!(t.match_path("/nope"), None);
        assert_eq!(
            t.idempotent_route("post", "/v1/items/x"),
            Some("/v1/items/{id}")
        );
        assert_eq!(t.idempotent_route("GET", "/v1/items/x"), None);
        assert_eq!(t.idempotent_route("POST", "/v1/items/search"), None);
        assert_eq!(t.idempotent_route("POST", "/v1/items"), Some("/v1/items"));
        assert_eq!(
            t.idempotent_route("PUT", "/v1/items/a/tags/b"),
            Some("/v1/items/{id}/tags/{tag}")
        );
        assert_eq!(
            t.idempotent_route("POST", "/v1/other"),
            None,
            "a query param"
        );
    }

    #[test]
    fn operations_with_a_security_requirement_are_secured() {
        let spec = serde_json::json!({"paths": {
            "/v1/items": {"post": {"security": [{"bearer": []}]}, "get": {"security": []}},
            "/v1/public": {"post": {}}
        }});
        let t = RouteTable::from_spec(&spec);
        assert!(t.is_secured("post", "/v1/items"));
        assert!(!t.is_secured("GET", "/v1/items"));
        assert!(!t.is_secured("POST", "/v1/public"));
    }
}
