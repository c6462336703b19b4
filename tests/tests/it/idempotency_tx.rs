//! The request transaction of keyed requests (docs/platform.md "Database access"): a
//! keyed handler's database calls after its first write join that write's transaction,
//! so they see its writes; a failing write inside it undoes only itself; and all of it
//! commits with the stored response. The same handler without a key behaves as before.

use diesel::sql_types::BigInt;
use diesel::{QueryableByName, RunQueryDsl, sql_query};
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::testing::TestApp;
use haven_platform::{ApiError, ApiResult, Db, DbError};
use poem::http::StatusCode;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};
use serde_json::{Value, json};

/// Fails in the common ways only (the idempotency codes are the document's).
type NoteErrors = haven_platform::http::problem::CommonErrors;

/// Body of the note operation.
#[derive(Debug, Clone, Object)]
pub struct NewNote {
    /// The note's primary key.
    pub id: String,
}

/// What the handler saw after its writes.
#[derive(Debug, Clone, Object)]
pub struct Seen {
    /// Notes with the id, read through `Db::read` after the writes.
    pub read: i64,
    /// The same through `Db::run`.
    pub run: i64,
    /// Whether the second, duplicate insert failed.
    pub duplicate_failed: bool,
}

/// Answer of the note operation.
#[derive(Debug, ApiResponse)]
pub enum NoteCreated {
    /// Created.
    #[oai(status = 201)]
    Created(Json<Seen>),
}

pub struct NotesApi {
    db: Db,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `SELECT count(*)` of notes with `id`, on `conn`.
fn notes(conn: &mut haven_platform::AnyConnection, id: &str) -> Result<i64, DbError> {
    // Test-controlled ids: no escaping needed.
    sql_query(format!(
        "SELECT count(*) AS n FROM test_notes WHERE id = '{id}'"
    ))
    .get_result::<Count>(conn)
    .map(|c| c.n)
    .map_err(DbError::from)
}

fn insert(conn: &mut haven_platform::AnyConnection, id: &str) -> Result<usize, DbError> {
    sql_query(format!("INSERT INTO test_notes (id) VALUES ('{id}')"))
        .execute(conn)
        .map_err(DbError::from)
}

#[OpenApi]
impl NotesApi {
    /// Writes a note, tries to write it again, and reports what it reads back.
    #[oai(
        path = "/v1/test/notes",
        method = "post",
        operation_id = "testCreateNote"
    )]
    async fn create(
        &self,
        /// Makes the request safe to retry.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<NewNote>,
    ) -> ApiResult<NoteCreated, NoteErrors> {
        let id = body.0.id;
        let internal = |e: DbError| ApiError::internal(&e);
        let first = id.clone();
        self.db
            .write(move |conn| insert(conn, &first))
            .await
            .map_err(internal)?;
        let again = id.clone();
        let duplicate_failed = self
            .db
            .write(move |conn| insert(conn, &again))
            .await
            .is_err();
        let by_read = id.clone();
        let read = self
            .db
            .read(move |conn| notes(conn, &by_read))
            .await
            .map_err(internal)?;
        let run = self
            .db
            .run(move |conn| notes(conn, &id))
            .await
            .map_err(internal)?;
        Ok(NoteCreated::Created(Json(Seen {
            read,
            run,
            duplicate_failed,
        })))
    }
}

async fn app() -> TestApp {
    let app = TestApp::builder()
        .build(|ctx| {
            let api = NotesApi { db: ctx.db.clone() };
            haven_app::wiring::build_app_with(ctx, api)
        })
        .await;
    app.ctx
        .db
        .run(|conn| {
            sql_query("CREATE TABLE test_notes (id TEXT PRIMARY KEY)")
                .execute(conn)
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    app
}

async fn post(app: &TestApp, key: Option<&str>, id: &str) -> (StatusCode, Value) {
    let mut req = app
        .client
        .post("/v1/test/notes")
        .body_json(&json!({ "id": id }));
    if let Some(key) = key {
        req = req.header("Idempotency-Key", key);
    }
    let resp = req.send().await;
    let status = resp.0.status();
    let body = resp.0.into_body().into_vec().await.unwrap();
    (status, serde_json::from_slice(&body).unwrap())
}

#[tokio::test]
async fn a_keyed_handler_reads_its_own_writes_and_a_failed_write_undoes_only_itself() {
    let app = app().await;
    for (key, id) in [(Some("note-key"), "keyed"), (None, "plain")] {
        let (status, seen) = post(&app, key, id).await;
        assert_eq!(status, StatusCode::CREATED, "{seen}");
        assert_eq!(
            seen,
            json!({"read": 1, "run": 1, "duplicate_failed": true}),
            "{key:?}"
        );
        let left = app.ctx.db.run(move |conn| notes(conn, id)).await.unwrap();
        assert_eq!(
            left, 1,
            "{key:?}: the first write committed, the duplicate not"
        );
    }
    // The keyed one's response was stored with it.
    let (status, seen) = post(&app, Some("note-key"), "keyed").await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(seen["read"], 1);
}
