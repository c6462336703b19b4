//! A test-only API mounted beside the real ones, to exercise the platform's conventions
//! (JSON bodies, enums, ids, pagination, panics, slow and database-holding handlers).

use std::sync::{Arc, Mutex};

use haven_platform::http::pagination::{Page, PageParams};
use haven_platform::http::problem::{NOT_FOUND, VALIDATION_FAILED};
use haven_platform::testing::TestApp;
use haven_platform::{ApiError, ApiResult, Db, DbError, define_id, error_set};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{Enum, Object, OpenApi};
use tokio::sync::Notify;

define_id!(ThingId, "thg");
error_set!(pub ThingErrors: codes[NOT_FOUND, VALIDATION_FAILED]);

/// A kind of thing.
#[derive(Debug, Clone, Copy, Enum, PartialEq, Eq)]
#[oai(rename_all = "snake_case")]
pub enum Kind {
    /// Round.
    Round,
    /// Square.
    Square,
}

/// Body of the echo operation.
#[derive(Debug, Clone, Object)]
#[oai(deny_unknown_fields)]
pub struct Echo {
    /// A name.
    pub name: String,
    /// A kind.
    pub kind: Kind,
    /// A count.
    pub count: u32,
}

/// Gates for handlers the tests hold open.
#[derive(Default)]
pub struct Gates {
    /// Signalled when the slow handler has started.
    pub started: Notify,
    /// The slow handler finishes when this is signalled.
    pub release: Notify,
    /// The held-connection handler blocks until a message arrives here.
    pub hold: Mutex<Option<std::sync::mpsc::Receiver<()>>>,
}

pub struct ProbeApi {
    pub db: Db,
    pub gates: Arc<Gates>,
}

#[OpenApi]
impl ProbeApi {
    /// Echoes a JSON body.
    #[oai(path = "/v1/test/echo", method = "post", operation_id = "testEcho")]
    async fn echo(&self, body: Json<Echo>) -> ApiResult<Json<Echo>> {
        Ok(Json(body.0))
    }

    /// Reads a thing by id.
    #[oai(
        path = "/v1/test/things/:id",
        method = "get",
        operation_id = "testGetThing"
    )]
    async fn thing(&self, id: Path<ThingId>) -> ApiResult<Json<String>, ThingErrors> {
        Err(ApiError::not_found(format!("no thing {}", id.0)))
    }

    /// Lists things (one per number below 5), paginated.
    #[oai(
        path = "/v1/test/things",
        method = "get",
        operation_id = "testListThings"
    )]
    async fn things(
        &self,
        limit: Query<Option<u32>>,
        cursor: Query<Option<String>>,
    ) -> ApiResult<Json<Page<i64>>, ThingErrors> {
        let params = PageParams::<i64>::parse(limit.0, cursor.0.as_deref())?;
        let start = params.after.map_or(0, |a| a + 1);
        let rows: Vec<i64> = (start..5).take(params.fetch_limit() as usize).collect();
        Ok(Json(Page::from_rows(rows, params.limit, |r| *r, |r| r)))
    }

    /// Panics.
    #[oai(path = "/v1/test/panic", method = "get", operation_id = "testPanic")]
    async fn panic(&self) -> Json<String> {
        panic!("secret internals: password=hunter2")
    }

    /// Waits until released.
    #[oai(path = "/v1/test/slow", method = "get", operation_id = "testSlow")]
    async fn slow(&self) -> Json<String> {
        let released = self.gates.release.notified();
        self.gates.started.notify_one();
        released.await;
        Json("finished".to_owned())
    }

    /// Never finishes (until the request timeout).
    #[oai(path = "/v1/test/hang", method = "get", operation_id = "testHang")]
    async fn hang(&self) -> Json<String> {
        std::future::pending::<()>().await;
        Json(String::new())
    }

    /// Counts the nodes registered in the database (a query through `Db::run`).
    #[oai(path = "/v1/test/db", method = "get", operation_id = "testDb")]
    async fn db(&self) -> ApiResult<Json<u32>> {
        let nodes = haven_platform::nodes::list(&self.db).await?;
        Ok(Json(nodes.len() as u32))
    }

    /// Panics inside a database call, on the blocking thread that runs it.
    #[oai(
        path = "/v1/test/db-panic",
        method = "get",
        operation_id = "testDbPanic"
    )]
    async fn db_panic(&self) -> ApiResult<Json<String>> {
        self.db
            .run(|_conn| -> Result<(), DbError> { panic!("secret internals: password=hunter2") })
            .await
            .map_err(ApiError::<haven_platform::http::problem::CommonErrors>::from)?;
        Ok(Json("unreachable".to_owned()))
    }

    /// Holds a database connection until the test sends on the hold channel.
    #[oai(path = "/v1/test/hold", method = "get", operation_id = "testHold")]
    async fn hold(&self) -> ApiResult<Json<String>> {
        let rx = self.gates.hold.lock().unwrap().take();
        let started = Arc::clone(&self.gates);
        self.db
            .run(move |_conn| {
                started.started.notify_one();
                if let Some(rx) = rx {
                    let _ = rx.recv();
                }
                Ok::<_, DbError>(())
            })
            .await
            .map_err(ApiError::<haven_platform::http::problem::CommonErrors>::from)?;
        Ok(Json("held".to_owned()))
    }
}

/// The real app plus the probe API, on a fresh database.
pub async fn app() -> (TestApp, Arc<Gates>) {
    app_with(|_| {}).await
}

/// Like [`app`] with changed settings.
pub async fn app_with(f: impl FnOnce(&mut haven_platform::Settings)) -> (TestApp, Arc<Gates>) {
    let gates = Arc::new(Gates::default());
    let g = Arc::clone(&gates);
    let app = haven_app::testing::builder()
        .settings(f)
        .build(move |ctx| {
            haven_app::wiring::build_app_with(
                ctx,
                ProbeApi {
                    db: ctx.db.clone(),
                    gates: g,
                },
            )
        })
        .await;
    (app, gates)
}
