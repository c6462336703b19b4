//! Courses (issue 13 point 2): publishing with `If-Match` and revisions, public reads
//! from the snapshot with locale fallback and `304`, a member's progress driven by
//! completed events, "continue where I left off", and the demo seed.

use diesel::prelude::*;
use haven_content::schema::{content_course_progress as progress, content_courses as courses};
use haven_platform::DbError;
use haven_platform::testing::{AssertProblem, SignedIn, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::member::{event, sync_ok};
use crate::support::{app, header, json_of, public_get, published_item, service};

fn course_body(sessions: &[&str]) -> Value {
    json!({
        "categories": ["sleep"],
        "texts": [
            {"locale": "en", "title": "Sleep week", "description": "Seven nights."},
            {"locale": "es", "title": "Semana de sueño", "description": "Siete noches."},
        ],
        "sessions": sessions,
    })
}

/// `POST /v1/content/admin/courses/{id}/{action}` with `If-Match`.
async fn act(
    app: &TestApp,
    editor: &SignedIn,
    id: &str,
    action: &str,
    etag: &str,
) -> poem::test::TestResponse {
    editor
        .post(
            app,
            format!("/v1/content/admin/courses/{id}/{action}"),
            &json!(null),
        )
        .header("if-match", etag)
        .send()
        .await
}

/// A published course over `sessions`; `(id, etag)`.
async fn published_course(app: &TestApp, editor: &SignedIn, sessions: &[&str]) -> (String, String) {
    let resp = editor
        .post(app, "/v1/content/admin/courses", &course_body(sessions))
        .send()
        .await;
    let etag = header(&resp, "etag").unwrap();
    let id = json_of(resp, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = act(app, editor, &id, "publish", &etag).await;
    let etag = header(&resp, "etag").unwrap();
    assert_eq!(json_of(resp, StatusCode::OK).await["status"], "published");
    (id, etag)
}

#[tokio::test]
async fn courses_publish_with_if_match_and_members_see_them_in_their_locale() {
    let app = app().await;
    let editor = app.admin().await;
    let a = published_item(
        &app,
        &editor,
        "sleepcast",
        &[("en", "A"), ("es", "A es")],
        &[600],
    )
    .await;
    let b = published_item(&app, &editor, "wind_down", &[("en", "B")], &[300, 900]).await;
    let (draft_item, _) = crate::support::create_item(
        &app,
        &editor,
        &crate::support::draft("meditation", &[("en", "D")], &[600], None),
    )
    .await;

    let resp = editor
        .post(
            &app,
            "/v1/content/admin/courses",
            &course_body(&[&a, &draft_item]),
        )
        .send()
        .await;
    let etag = header(&resp, "etag").unwrap();
    let id = json_of(resp, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Not public before it is published.
    public_get(&app, &format!("/v1/content/courses/{id}"))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    editor
        .post(
            &app,
            format!("/v1/content/admin/courses/{id}/publish"),
            &json!(null),
        )
        .send()
        .await
        .assert_problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required")
        .await;
    act(&app, &editor, &id, "publish", "\"r0\"")
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
        .await;
    let body = act(&app, &editor, &id, "publish", &etag)
        .await
        .assert_problem(StatusCode::CONFLICT, "sessions_not_published")
        .await;
    assert!(body["detail"].as_str().unwrap().contains("[1]"), "{body}");
    let resp = editor
        .put(
            &app,
            format!("/v1/content/admin/courses/{id}"),
            &course_body(&[&a, &b]),
        )
        .header("if-match", &etag)
        .send()
        .await;
    let etag = header(&resp, "etag").unwrap();
    json_of(resp, StatusCode::OK).await;
    let resp = act(&app, &editor, &id, "publish", &etag).await;
    let etag = header(&resp, "etag").unwrap();
    assert_eq!(json_of(resp, StatusCode::OK).await["status"], "published");

    let resp = public_get(&app, &format!("/v1/content/courses/{id}?locale=es-MX")).await;
    let tag = header(&resp, "etag").unwrap();
    assert!(
        header(&resp, "cache-control")
            .unwrap()
            .starts_with("public")
    );
    let course = json_of(resp, StatusCode::OK).await;
    assert_eq!(course["locale"], "es");
    assert_eq!(course["title"], "Semana de sueño");
    let sessions: Vec<&str> = course["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(sessions, [a.as_str(), b.as_str()]);
    assert_eq!(course["sessions"][0]["locale"], "es");
    assert_eq!(
        course["sessions"][1]["locale"], "en",
        "fallback per session"
    );
    assert_eq!(course["min_total_duration_s"], 900);
    let resp = app
        .client
        .get(format!("/v1/content/courses/{id}?locale=es-MX"))
        .header("if-none-match", &tag)
        .send()
        .await;
    resp.assert_status(StatusCode::NOT_MODIFIED);
    let list = json_of(
        public_get(&app, "/v1/content/courses?category=sleep").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["items"][0]["id"], json!(id));
    let none = json_of(
        public_get(&app, "/v1/content/courses?category=focus").await,
        StatusCode::OK,
    )
    .await;
    assert!(none["items"].as_array().unwrap().is_empty());

    // History: created, edited, published (the refused publishes left nothing).
    let history = json_of(
        editor
            .get(&app, format!("/v1/content/admin/courses/{id}/revisions"))
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    let actions: Vec<&str> = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["published", "edited", "created"]);

    // Unpublish hides it; archive retires it.
    let resp = act(&app, &editor, &id, "unpublish", &etag).await;
    let etag = header(&resp, "etag").unwrap();
    json_of(resp, StatusCode::OK).await;
    public_get(&app, &format!("/v1/content/courses/{id}"))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    let resp = act(&app, &editor, &id, "archive", &etag).await;
    let etag = header(&resp, "etag").unwrap();
    json_of(resp, StatusCode::OK).await;
    act(&app, &editor, &id, "publish", &etag)
        .await
        .assert_problem(StatusCode::CONFLICT, "course_archived")
        .await;
    let status: String = app
        .ctx
        .db
        .run(move |conn| {
            courses::table
                .filter(courses::id.eq(id))
                .select(courses::status)
                .first(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(status, "archived");
    // Members cannot edit.
    let member = app.member().await;
    member
        .post(&app, "/v1/content/admin/courses", &course_body(&[&a]))
        .send()
        .await
        .assert_status(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn completed_sessions_drive_progress_continue_and_completion() {
    let app = app().await;
    let editor = app.admin().await;
    let a = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let b = published_item(&app, &editor, "meditation", &[("en", "B")], &[600]).await;
    let c = published_item(&app, &editor, "meditation", &[("en", "C")], &[600]).await;
    let (course, _) = published_course(&app, &editor, &[&a, &b, &c]).await;
    let member = app.member().await;
    let in_course = |id: &str, item: &str, at: &str| {
        let mut e = event(id, "completed", item, at, Some("UTC"));
        e["course_id"] = json!(course);
        e
    };
    // The first session, twice (a re-sync), and a completion outside the course.
    sync_ok(
        &app,
        &member,
        &[
            in_course("1", &a, "2026-03-01T08:00:00Z"),
            in_course("1", &a, "2026-03-01T08:00:00Z"),
            event("2", "completed", &b, "2026-03-01T09:00:00Z", Some("UTC")),
        ],
    )
    .await;
    let progress_of = || {
        let (app, m, path) = (&app, &member, format!("/v1/content/me/courses/{course}"));
        async move {
            let resp = m.get(app, path).send().await;
            assert_eq!(header(&resp, "cache-control").unwrap(), "private");
            json_of(resp, StatusCode::OK).await
        }
    };
    let p = progress_of().await;
    assert_eq!(
        (&p["completed_sessions"], &p["total_sessions"]),
        (&json!(1), &json!(3))
    );
    assert_eq!(
        p["next_session"]["item_id"],
        json!(b),
        "b outside the course does not count"
    );
    assert_eq!(p["completed"], false);
    let today = json_of(
        member
            .get(
                &app,
                "/v1/content/me/today?at=2026-03-02T08:00:00Z&time_zone=UTC",
            )
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(today["entries"][0]["reason"], "continue_course", "{today}");
    assert_eq!(today["entries"][0]["course"]["id"], json!(course));
    assert_eq!(today["entries"][0]["next_session"], 1);

    // Out of order: the last session arrives before the second.
    sync_ok(&app, &member, &[in_course("4", &c, "2026-03-03T08:00:00Z")]).await;
    assert_eq!(progress_of().await["next_session"]["item_id"], json!(b));
    sync_ok(&app, &member, &[in_course("3", &b, "2026-03-02T08:00:00Z")]).await;
    let p = progress_of().await;
    assert_eq!(p["completed"], true);
    assert_eq!(p["completed_at"], "2026-03-03T08:00:00Z");
    assert!(p["next_session"].is_null());
    let mine = json_of(
        member.get(&app, "/v1/content/me/courses").send().await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(mine["items"][0]["course_id"], json!(course));
    // A finished course is not offered to continue.
    let today = json_of(
        member
            .get(
                &app,
                "/v1/content/me/today?at=2026-03-04T08:00:00Z&time_zone=UTC",
            )
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(
        today["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["reason"] != "continue_course")
    );
    let rows: i64 = app
        .ctx
        .db
        .run(|conn| {
            progress::table
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(rows, 3);
    member
        .get(
            &app,
            "/v1/content/me/courses/crs_01h455vb4pex5vsknk084sn02q",
        )
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
}

#[tokio::test]
async fn the_seed_builds_ten_courses_from_published_items_once() {
    let app = app().await;
    let editor = app.admin().await;
    let content = service(&app);
    assert!(matches!(
        content.seed_courses().await.unwrap(),
        haven_platform::module::Seeded::Done { created: 0, .. }
    ));
    for (kind, n) in [("meditation", 4), ("sleepcast", 3), ("music", 2)] {
        for i in 0..n {
            let title = format!("{kind} {i}");
            published_item(&app, &editor, kind, &[("en", title.as_str())], &[600]).await;
        }
    }
    let first = content.seed_courses().await.unwrap();
    assert!(matches!(
        first,
        haven_platform::module::Seeded::Done { created: 10, .. }
    ));
    let again = content.seed_courses().await.unwrap();
    assert!(matches!(
        again,
        haven_platform::module::Seeded::Done { created: 0, .. }
    ));
    let list = json_of(
        public_get(&app, "/v1/content/courses?limit=100").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 10);
    let spanish = json_of(
        public_get(&app, "/v1/content/courses?limit=1&locale=es").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(spanish["items"][0]["locale"], "es");
}
