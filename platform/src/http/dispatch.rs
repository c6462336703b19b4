//! The app's router: requests for the OpenAPI document's operations without path
//! parameters (`/v1/meta`, `/health/live`, …) go straight to the OpenAPI service;
//! everything else through a poem [`Route`] that also holds the service, nested at `/`.
//!
//! The nest costs every request a second route lookup and a rebuilt URI (issue 9:
//! about 1.5k instructions per request); one hash lookup decides here instead. Both ways
//! reach the same service with the same matched pattern, so answers do not differ.

use std::collections::HashMap;
use std::sync::Arc;

use futures_util::future::Either;
use poem::endpoint::{BoxEndpoint, DynEndpoint};
use poem::http::Method;
use poem::{Endpoint, Request, Response, Result, Route};

use super::routes::RouteTable;

/// The OpenAPI service, shared by the direct way and the nest.
#[derive(Clone)]
pub struct Service(Arc<BoxEndpoint<'static>>);

impl Service {
    /// Shares `endpoint` (the OpenAPI service's).
    pub fn new(endpoint: BoxEndpoint<'static>) -> Self {
        Self(Arc::new(endpoint))
    }
}

impl Endpoint for Service {
    type Output = Response;

    // The boxed future itself: `Arc`'s and `Box`'s own `Endpoint` impls would each wrap
    // it in one more future.
    fn call(&self, req: Request) -> impl Future<Output = Result<Response>> + Send {
        DynEndpoint::call(&**self.0, req)
    }
}

/// The router of [the module docs](self).
pub struct Dispatch {
    /// Path → the methods its operations accept (`HEAD` where `GET` is).
    direct: HashMap<String, Vec<Method>>,
    service: Service,
    routes: Route,
}

impl Dispatch {
    /// Sends the literal operations of `table` to `service`, the rest to `routes` (which
    /// must nest `service` at `/`).
    pub fn new(table: &RouteTable, service: Service, routes: Route) -> Self {
        let direct = table
            .literal_routes()
            .map(|(path, allow)| {
                let methods = allow
                    .split(", ")
                    .filter_map(|m| Method::from_bytes(m.as_bytes()).ok())
                    .collect();
                (path.to_owned(), methods)
            })
            .collect();
        Self {
            direct,
            service,
            routes,
        }
    }

    fn is_direct(&self, req: &Request) -> bool {
        self.direct
            .get(req.uri().path())
            .is_some_and(|methods| methods.contains(req.method()))
    }
}

impl Endpoint for Dispatch {
    type Output = Response;

    fn call(&self, req: Request) -> impl Future<Output = Result<Response>> + Send {
        if self.is_direct(&req) {
            Either::Left(DynEndpoint::call(&**self.service.0, req))
        } else {
            Either::Right(self.routes.call(req))
        }
    }
}

#[cfg(test)]
mod tests {
    use poem::http::StatusCode;
    use poem::{IntoEndpoint, PathPattern, handler};
    use poem_openapi::param::Path;
    use poem_openapi::payload::PlainText;
    use poem_openapi::{OpenApi, OpenApiService};

    use super::*;

    struct Api;

    #[OpenApi]
    impl Api {
        #[oai(path = "/v1/plain", method = "get")]
        async fn plain(&self) -> PlainText<&'static str> {
            PlainText("plain")
        }

        #[oai(path = "/v1/things/:id", method = "get")]
        async fn thing(&self, id: Path<String>) -> PlainText<String> {
            PlainText(id.0)
        }
    }

    #[handler]
    fn side() -> &'static str {
        "side"
    }

    /// The dispatcher, and the route alone (what the app used before it), with the
    /// route template each answer carries for the metrics.
    fn both() -> (Dispatch, Route) {
        let service = OpenApiService::new(Api, "t", "1");
        let spec: serde_json::Value = serde_json::from_str(&service.spec()).unwrap();
        let table = RouteTable::from_spec(&spec);
        let service = Service::new(service.into_endpoint());
        let routes = || {
            Route::new()
                .at("/v1/side", poem::get(side))
                .nest("/", service.clone())
        };
        (Dispatch::new(&table, service.clone(), routes()), routes())
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
            (Method::GET, "/v1/things/t1"),
            (Method::GET, "/v1/side"),
            (Method::GET, "/nope"),
        ];
        let (dispatch, route) = both();
        for (method, path) in cases {
            let direct = answer(&dispatch, method.clone(), path).await;
            let routed = answer(&route, method.clone(), path).await;
            assert_eq!(direct, routed, "{method} {path}");
        }
        let answered = answer(&dispatch, Method::GET, "/v1/plain").await;
        let expected = (
            StatusCode::OK,
            Some("/v1/plain".to_owned()),
            "plain".to_owned(),
        );
        assert_eq!(answered, expected);
    }

    #[test]
    fn only_documented_methods_of_literal_paths_go_direct() {
        let (dispatch, _) = both();
        let req = |method: Method, path: &str| {
            Request::builder()
                .method(method)
                .uri(path.parse().unwrap())
                .finish()
        };
        assert!(dispatch.is_direct(&req(Method::GET, "/v1/plain")));
        assert!(dispatch.is_direct(&req(Method::HEAD, "/v1/plain?q=1")));
        assert!(!dispatch.is_direct(&req(Method::POST, "/v1/plain")));
        assert!(!dispatch.is_direct(&req(Method::GET, "/v1/things/t1")));
        assert!(!dispatch.is_direct(&req(Method::GET, "/v1/side")));
    }
}
