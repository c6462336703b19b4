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
