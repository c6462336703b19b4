//! The app's router: requests for the OpenAPI document's operations go straight to them;
//! everything else through a poem [`Route`] that holds the modules' own routes and the
//! operations' [`Service`](super::operations::Service), nested at `/`.
//!
//! The nest costs every request a second route lookup, a rebuilt URI and one more boxed
//! future, and poem-openapi's endpoint a third lookup and more boxes (issue 9: about 10 %
//! of a cached item read's CPU). Here the operation of a literal path (`/v1/meta`) is
//! called directly, as poem's route would after matching it; a path a parameterised
//! template matches (`/v1/content/items/{item_id}`) goes to a route that holds only that
//! template, found by a tree of the document's templates that matches as poem's radix
//! tree does (literal segments first, then parameters, backtracking), so poem's lookup
//! among all the operations is skipped too. A documented path requested with a method it
//! does not take goes to the `Route`, which answers `405` as before. Answers do not
//! differ, as long as no route outside the document shares a path with a documented
//! operation (such a route would win in the `Route` and lose here); docs/extending.md
//! says so.

use futures_util::future::Either;
use poem::http::Method;
use poem::{Endpoint, Request, Response, Result, Route};

use super::operations::{Operations, call_literal, call_routed};
use super::routes::RouteTable;

/// The router of [the module docs](self).
pub struct Dispatch {
    documented: Templates,
    operations: Operations,
    routes: Route,
}

impl Dispatch {
    /// Sends requests for the operations of `table` to `operations`, the rest to `routes`
    /// (which must nest `operations.service()` at `/`).
    pub fn new(table: &RouteTable, mut operations: Operations, routes: Route) -> Self {
        let mut documented = Templates::default();
        for (template, allow) in table.templates() {
            let Some(route) = operations.route(&poem_path(template)) else {
                continue;
            };
            let methods = allow
                .split(", ")
                .filter_map(|m| Method::from_bytes(m.as_bytes()).ok())
                .collect();
            documented.insert(template, Target { methods, route });
        }
        Self {
            documented,
            operations,
            routes,
        }
    }

    /// The route of the documented template `req` matches, when it takes the method.
    fn documented(&self, req: &Request) -> Option<&Route> {
        let path = req.uri().path().strip_prefix('/')?;
        let target = self.documented.find(path.split('/'))?;
        target
            .methods
            .contains(req.method())
            .then_some(&target.route)
    }
}

/// `/v1/items/{id}/parts/{part}` as poem-openapi hands its path to poem:
/// `/v1/items/:param0/parts/:param1`.
fn poem_path(template: &str) -> String {
    let mut params = 0..;
    template
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') && segment.ends_with('}') {
                format!(":param{}", params.next().unwrap_or_default())
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

impl Endpoint for Dispatch {
    type Output = Response;

    fn call(&self, req: Request) -> impl Future<Output = Result<Response>> + Send {
        if let Some((op, pattern)) = self.operations.literal(req.method(), req.uri().path()) {
            Either::Left(Either::Left(call_literal(op, pattern, req)))
        } else if let Some(route) = self.documented(&req) {
            Either::Left(Either::Right(call_routed(route, req)))
        } else {
            Either::Right(self.routes.call(req))
        }
    }
}

/// Documented templates as a tree of path segments.
#[derive(Default)]
struct Templates {
    /// A literal segment and the templates that continue after it.
    literal: Vec<(Box<str>, Templates)>,
    /// The templates with a `{parameter}` segment here.
    param: Option<Box<Templates>>,
    /// The template that ends here.
    end: Option<Target>,
}

/// A documented template's methods (`HEAD` where `GET` is) and a route of its operations
/// alone.
struct Target {
    methods: Vec<Method>,
    route: Route,
}

impl Templates {
    /// Adds `template` (`/v1/items/{id}`); a segment that mixes text and a parameter, or
    /// a template not starting with `/`, is left out (such requests take the nest).
    fn insert(&mut self, template: &str, target: Target) {
        let Some(segments) = template.strip_prefix('/') else {
            return;
        };
        let mut node = self;
        for segment in segments.split('/') {
            node = if segment.starts_with('{') && segment.ends_with('}') {
                node.param.get_or_insert_default()
            } else if segment.contains(['{', '}', ':', '*']) {
                return;
            } else {
                let at = match node.literal.iter().position(|(s, _)| **s == *segment) {
                    Some(at) => at,
                    None => {
                        node.literal.push((segment.into(), Templates::default()));
                        node.literal.len() - 1
                    }
                };
                &mut node.literal[at].1
            };
        }
        node.end = Some(target);
    }

    /// The template that matches the path `segments` as poem's route would choose it: a
    /// literal segment before a parameter, which matches any non-empty segment.
    fn find<'p>(&self, mut segments: impl Iterator<Item = &'p str> + Clone) -> Option<&Target> {
        let Some(segment) = segments.next() else {
            return self.end.as_ref();
        };
        self.literal
            .iter()
            .find(|(s, _)| **s == *segment)
            .and_then(|(_, next)| next.find(segments.clone()))
            .or_else(|| {
                (!segment.is_empty())
                    .then_some(self.param.as_deref())
                    .flatten()
                    .and_then(|next| next.find(segments))
            })
    }
}

#[cfg(test)]
mod tests {
    use poem::http::StatusCode;
    use poem::{IntoEndpoint, PathPattern, handler};
    use poem_openapi::param::{Path, Query};
    use poem_openapi::payload::PlainText;
    use poem_openapi::{OpenApi, OpenApiService};

    use super::*;
    use crate::http::operations::Documented;

    struct Api;

    #[OpenApi]
    impl Api {
        #[oai(path = "/v1/plain", method = "get")]
        async fn plain(&self) -> PlainText<&'static str> {
            PlainText("plain")
        }

        #[oai(path = "/v1/echo", method = "get")]
        async fn echo(&self, word: Query<Option<u8>>) -> PlainText<String> {
            PlainText(format!("{:?}", word.0))
        }

        #[oai(path = "/v1/things/:id", method = "get")]
        async fn thing(&self, id: Path<String>) -> PlainText<String> {
            PlainText(id.0)
        }

        #[oai(path = "/v1/things/special", method = "post")]
        async fn special(&self) -> PlainText<&'static str> {
            PlainText("special")
        }

        #[oai(path = "/v1/things/:id/parts/:part", method = "put")]
        async fn part(&self, id: Path<String>, part: Path<String>) -> PlainText<String> {
            PlainText(format!("{}/{}", id.0, part.0))
        }
    }

    #[handler]
    fn side() -> &'static str {
        "side"
    }

    /// The dispatcher, and what the app used before it: poem-openapi's own endpoint
    /// nested in the route; both with the route template each answer carries for the
    /// metrics.
    fn both() -> (Dispatch, Route) {
        let document = OpenApiService::new(Documented::<Api>::default(), "t", "1");
        let spec: serde_json::Value = serde_json::from_str(&document.spec()).unwrap();
        let table = RouteTable::from_spec(&spec);
        let operations = Operations::new(Api);
        let routes = Route::new()
            .at("/v1/side", poem::get(side))
            .nest("/", operations.service());
        let reference = Route::new()
            .at("/v1/side", poem::get(side))
            .nest("/", OpenApiService::new(Api, "t", "1").into_endpoint());
        (Dispatch::new(&table, operations, routes), reference)
    }

    async fn answer<E: Endpoint<Output = Response>>(
        ep: &E,
        method: Method,
        path: &str,
    ) -> (StatusCode, Option<String>, String) {
        let req = Request::builder()
            .method(method)
            .uri(path.parse().unwrap())
            .finish();
        let (pattern, resp) = match ep.call(req).await {
            Ok(resp) => (resp.data::<PathPattern>().map(|p| p.0.to_string()), resp),
            Err(err) => (
                err.data::<PathPattern>().map(|p| p.0.to_string()),
                err.into_response(),
            ),
        };
        let status = resp.status();
        let body = resp.into_body().into_string().await.unwrap();
        (status, pattern, body)
    }

    #[tokio::test]
    async fn answers_exactly_as_the_route_alone() {
        let cases = [
            (Method::GET, "/v1/plain"),
            (Method::HEAD, "/v1/plain"),
            (Method::POST, "/v1/plain"),
            (Method::GET, "/v1/plain/"),
            (Method::GET, "/v1/plain?x=1"),
            (Method::GET, "/v1/echo?word=7"),
            (Method::GET, "/v1/echo?word=7&word=8"),
            (Method::GET, "/v1/echo?word=x"),
            (Method::GET, "/v1/echo?word=%"),
            (Method::GET, "/v1/echo"),
            (Method::HEAD, "/v1/echo?word=7"),
            (Method::GET, "/v1/things/t1"),
            (Method::HEAD, "/v1/things/t1"),
            (Method::DELETE, "/v1/things/t1"),
            (Method::GET, "/v1/things/t%2F1"),
            (Method::GET, "/v1/things/"),
            (Method::GET, "/v1/things/special"),
            (Method::POST, "/v1/things/special"),
            (Method::PUT, "/v1/things/t1/parts/p2"),
            (Method::PUT, "/v1/things/special/parts/p2"),
            (Method::PUT, "/v1/things/t1/parts/"),
            (Method::PUT, "/v1/things//parts/p2"),
            (Method::GET, "/v1/side"),
            (Method::GET, "/nope"),
        ];
        let (dispatch, route) = both();
        for (method, path) in cases {
            let direct = answer(&dispatch, method.clone(), path).await;
            let routed = answer(&route, method.clone(), path).await;
            assert_eq!(direct, routed, "{method} {path}");
        }
        let expected = [
            (Method::GET, "/v1/plain", "/v1/plain", "plain"),
            (Method::GET, "/v1/echo?word=7", "/v1/echo", "Some(7)"),
            (
                Method::PUT,
                "/v1/things/t1/parts/p2",
                "/v1/things/:param0/parts/:param1",
                "t1/p2",
            ),
        ];
        for (method, path, pattern, body) in expected {
            let answered = answer(&dispatch, method, path).await;
            let wanted = (StatusCode::OK, Some(pattern.to_owned()), body.to_owned());
            assert_eq!(answered, wanted, "{path}");
        }
    }

    impl Dispatch {
        fn is_documented(&self, req: &Request) -> bool {
            self.documented(req).is_some()
        }
    }

    #[test]
    fn only_documented_methods_of_documented_paths_skip_the_route() {
        let (dispatch, _) = both();
        let req = |method: Method, path: &str| {
            Request::builder()
                .method(method)
                .uri(path.parse().unwrap())
                .finish()
        };

        assert!(dispatch.is_documented(&req(Method::GET, "/v1/plain")));
        assert!(dispatch.is_documented(&req(Method::HEAD, "/v1/plain?q=1")));
        assert!(!dispatch.is_documented(&req(Method::POST, "/v1/plain")));
        assert!(dispatch.is_documented(&req(Method::GET, "/v1/things/t1")));
        assert!(dispatch.is_documented(&req(Method::HEAD, "/v1/things/t1")));
        assert!(!dispatch.is_documented(&req(Method::POST, "/v1/things/t1")));
        assert!(!dispatch.is_documented(&req(Method::GET, "/v1/things/")));
        assert!(!dispatch.is_documented(&req(Method::GET, "/v1/things/t1/")));
        assert!(dispatch.is_documented(&req(Method::POST, "/v1/things/special")));
        // The literal template matches and does not take GET: the route answers, as it
        // would without the dispatcher.
        assert!(!dispatch.is_documented(&req(Method::GET, "/v1/things/special")));
        assert!(dispatch.is_documented(&req(Method::PUT, "/v1/things/a/parts/b")));
        assert!(!dispatch.is_documented(&req(Method::PUT, "/v1/things/a/parts")));
        // The literal segment leads nowhere further; the parameter's template matches.
        assert!(dispatch.is_documented(&req(Method::PUT, "/v1/things/special/parts/b")));
        assert!(!dispatch.is_documented(&req(Method::GET, "/v1/side")));
        // Called directly: exactly the documented method of a literal path.
        let literal = |method: Method, path: &str| dispatch.operations.literal(&method, path);
        assert!(literal(Method::GET, "/v1/plain").is_some());
        assert!(literal(Method::HEAD, "/v1/plain").is_none());
        assert!(literal(Method::POST, "/v1/things/special").is_some());
        assert!(literal(Method::GET, "/v1/things/special").is_none());
        assert!(literal(Method::GET, "/v1/things/t1").is_none());
    }
}
