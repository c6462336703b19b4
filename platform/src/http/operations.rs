//! The OpenAPI operations as poem endpoints, built from [`OpenApi::add_routes`] rather than
//! poem-openapi's `OpenApiService::into_endpoint`, so the [`Dispatch`](super::dispatch)
//! can call the operation of a literal path itself: poem-openapi's endpoint wraps every
//! operation in a route lookup, a method lookup, a query-parsing layer and three boxed
//! futures (issue 9). The [`Service`] is what `into_endpoint` builds (without the cookie
//! layer, whose poem feature is off), for every other request.

use std::collections::{HashMap, HashSet};
use std::marker::PhantomData;
use std::sync::Arc;

use futures_util::FutureExt;
use poem::endpoint::{BoxEndpoint, DynEndpoint};
use poem::http::Method;
use poem::{Endpoint, EndpointExt, PathPattern, Request, Response, Result, Route, RouteMethod};
use poem_openapi::__private::UrlQuery;
use poem_openapi::OpenApi;
use poem_openapi::registry::{MetaApi, Registry};

/// A boxed endpoint shared by several routes: one operation (called directly and from
/// the routes), or every operation as poem-openapi's own endpoint serves them.
#[derive(Clone)]
pub struct Service(Arc<BoxEndpoint<'static>>);

impl Endpoint for Service {
    type Output = Response;

    // The boxed future itself: `Arc`'s and `Box`'s own `Endpoint` impls would each wrap
    // it in one more future.
    fn call(&self, req: Request) -> impl Future<Output = Result<Response>> + Send {
        DynEndpoint::call(&**self.0, req)
    }
}

/// One operation's endpoint.
type Operation = Service;

/// The operations of a path without parameters, by method, and the path as the pattern
/// poem's route reports.
type Literal = (Vec<(Method, Operation)>, Arc<str>);

/// The operations of an [`OpenApi`] object: by path for direct calls and routes of one
/// path, and all of them behind one [`Service`].
pub struct Operations {
    /// Path without parameters → its operations.
    literal: foldhash::HashMap<String, Literal>,
    /// Every path as poem-openapi gives it (`/v1/items/:id`) → its route entry.
    paths: HashMap<String, RouteMethod>,
    service: Service,
}

impl Operations {
    /// Takes the endpoints of `api`.
    ///
    /// # Panics
    /// When two operations share an `operationId`, as poem-openapi's `into_endpoint` does:
    /// a programming error the first start-up (and every test) shows.
    pub fn new<A: OpenApi>(api: A) -> Self {
        let mut ids = HashSet::new();
        for op in A::meta()
            .into_iter()
            .flat_map(|api| api.paths)
            .flat_map(|path| path.operations)
        {
            if let Some(id) = op.operation_id {
                assert!(ids.insert(id), "duplicate operation id: {id}");
            }
        }
        let mut table = HashMap::new();
        api.add_routes(&mut table);
        let mut literal = foldhash::HashMap::default();
        let mut paths = HashMap::new();
        let mut service = Route::new();
        for (path, methods) in table {
            let methods: Vec<(Method, Operation)> = methods
                .into_iter()
                .map(|(method, ep)| (method, Service(Arc::new(ep))))
                .collect();
            let entry = || {
                methods
                    .iter()
                    .fold(RouteMethod::new(), |entry, (method, op)| {
                        entry.method(method.clone(), op.clone())
                    })
            };
            service = service.at(&path, entry());
            paths.insert(path.clone(), entry());
            if !path.contains([':', '*', '<']) {
                let pattern = Arc::from(path.as_str());
                literal.insert(path, (methods, pattern));
            }
        }
        let service = service
            .before(|mut req: Request| async move {
                with_query(&mut req);
                Ok(req)
            })
            .map_to_response()
            .boxed();
        Self {
            literal,
            paths,
            service: Service(Arc::new(service)),
        }
    }

    /// All operations, behind poem-openapi's own routing.
    pub fn service(&self) -> Service {
        self.service.clone()
    }

    /// A route of the operations of `path` (as poem-openapi gives it: `/v1/items/:id`)
    /// alone, taken out of these operations.
    pub(crate) fn route(&mut self, path: &str) -> Option<Route> {
        let entry = self.paths.remove(path)?;
        Some(Route::new().at(path, entry))
    }

    /// The operation `method path` names exactly, for a path without parameters, and its
    /// pattern.
    pub(crate) fn literal(&self, method: &Method, path: &str) -> Option<(&Operation, &Arc<str>)> {
        let (methods, pattern) = self.literal.get(path)?;
        methods
            .iter()
            .find(|(m, _)| m == method)
            .map(|(_, op)| (op, pattern))
    }
}

/// Calls `op` as poem's route does after matching `pattern`: the pattern in the request's
/// and the answer's data, the query parsed for poem-openapi's `Query` parameters.
pub(crate) fn call_literal<'a>(
    op: &'a Operation,
    pattern: &Arc<str>,
    mut req: Request,
) -> impl Future<Output = Result<Response>> + Send + 'a {
    let pattern = PathPattern(Arc::clone(pattern));
    req.set_data(pattern.clone());
    with_query(&mut req);
    op.call(req).map(move |result| match result {
        Ok(mut resp) => {
            if resp.data::<PathPattern>().is_none() {
                resp.set_data(pattern);
            }
            Ok(resp)
        }
        Err(mut err) => {
            if err.data::<PathPattern>().is_none() {
                err.set_data(pattern);
            }
            Err(err)
        }
    })
}

/// Serves `req` with `route` (of some of the operations) as [`Operations::service`] does,
/// with one boxed future less.
pub(crate) fn call_routed(
    route: &Route,
    mut req: Request,
) -> impl Future<Output = Result<Response>> + Send + '_ {
    with_query(&mut req);
    route.call(req)
}

/// What poem-openapi's endpoint does first: its `Query` parameters read the parsed query
/// from the request's extensions (an unparsable query counts as empty, as there).
/// `UrlQuery` is poem-openapi's doc-hidden export for its own macros; should a release
/// change it, `dispatch`'s equivalence test (queries through both ways) fails.
fn with_query(req: &mut Request) {
    let query: Vec<(String, String)> = req.params().unwrap_or_default();
    req.extensions_mut().insert(UrlQuery(query));
}

/// The document of `T` without its endpoints: the spec and the docs UI come from an
/// `OpenApiService` of this, the endpoints from [`Operations`].
pub struct Documented<T>(PhantomData<fn() -> T>);

impl<T> Default for Documented<T> {
    fn default() -> Self {
        Self(PhantomData)
    }
}

impl<T: OpenApi> OpenApi for Documented<T> {
    fn meta() -> Vec<MetaApi> {
        T::meta()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }

    fn add_routes(self, _: &mut HashMap<String, HashMap<Method, BoxEndpoint<'static>>>) {}
}
