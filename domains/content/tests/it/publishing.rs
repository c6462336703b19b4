//! Publishing (issue 13 point 3): drafts, per-locale publish, unpublish, archive,
//! revision history, `If-Match` (412/428), scheduled publish run once, editors only.

use diesel::prelude::*;
use haven_content::items::jobs::ScheduledPublish;
use haven_content::schema::{content_item_revisions as rev, content_items as items};
use haven_platform::DbError;
use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use serde_json::json;

use crate::support::{
    act, app, create_item, draft, header, ids, json_of, narrator, public_get, publish, service,
};

/// `(status, revision)` of the stored item.
async fn stored(app: &haven_platform::testing::TestApp, id: &str) -> (String, i64) {
    let id = id.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            items::table
                .filter(items::id.eq(id))
                .select((items::status, items::revision))
                .first(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn drafts_stay_invisible_until_published_and_translations_go_live_per_locale() {
    let app = app().await;
    let editor = app.admin().await;
    let nar = narrator(&app, &editor, "Ana").await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft(
            "meditation",
            &[("en", "Calm"), ("es", "Calma")],
            &[300, 600],
            Some(&nar),
        ),
    )
    .await;
    let page = json_of(public_get(&app, "/v1/content/items").await, StatusCode::OK).await;
    assert!(ids(&page).is_empty(), "a draft is not in the catalog");
    public_get(&app, &format!("/v1/content/items/{id}"))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;

    // The original goes live first.
    let etag = publish(&app, &editor, &id, &etag, Some(&["en"])).await;
    let item = json_of(
        public_get(&app, &format!("/v1/content/items/{id}?locale=es-MX")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(item["locale"], "en", "es is not live yet: es-MX → es → en");
    assert_eq!(item["title"], "Calm");
    assert_eq!(item["available_locales"], json!(["en"]));
    assert_eq!(item["variants"][0]["narrator"]["name"], "Ana");
    assert_eq!(item["variants"][0]["duration_s"], 300);

    // An edit of the English title waits; the Spanish translation goes live alone.
    let resp = editor
        .put(
            &app,
            format!("/v1/content/admin/items/{id}"),
            &draft(
                "meditation",
                &[("en", "Calm v2"), ("es", "Calma")],
                &[300, 600],
                Some(&nar),
            ),
        )
        .header("if-match", &etag)
        .send()
        .await;
    let etag = header(&resp, "etag").unwrap();
    json_of(resp, StatusCode::OK).await;
    publish(&app, &editor, &id, &etag, Some(&["es"])).await;
    let es = json_of(
        public_get(&app, &format!("/v1/content/items/{id}?locale=ES-mx")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (es["locale"].as_str(), es["title"].as_str()),
        (Some("es"), Some("Calma"))
    );
    let en = json_of(
        public_get(&app, &format!("/v1/content/items/{id}?locale=fr")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (en["locale"].as_str(), en["title"].as_str()),
        (Some("en"), Some("Calm"))
    );
    assert_eq!(stored(&app, &id).await, ("published".to_owned(), 4));
}

#[tokio::test]
async fn writes_need_if_match_with_the_current_etag() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("music", &[("en", "Rain")], &[600], None),
    )
    .await;
    assert_eq!(etag, "\"r1\"");
    let body = draft("music", &[("en", "Rain, longer")], &[1200], None);
    editor
        .put(&app, format!("/v1/content/admin/items/{id}"), &body)
        .send()
        .await
        .assert_problem(StatusCode::PRECONDITION_REQUIRED, "precondition_required")
        .await;
    let resp = editor
        .put(&app, format!("/v1/content/admin/items/{id}"), &body)
        .header("if-match", &etag)
        .send()
        .await;
    assert_eq!(header(&resp, "etag").as_deref(), Some("\"r2\""));
    json_of(resp, StatusCode::OK).await;
    // A second editor still holding r1 loses, and nothing changes.
    editor
        .put(
            &app,
            format!("/v1/content/admin/items/{id}"),
            &draft("music", &[("en", "Lost")], &[60], None),
        )
        .header("if-match", &etag)
        .send()
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
        .await;
    act(&app, &editor, &id, "publish", "\"r1\"", &json!({}))
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
        .await;
    act(&app, &editor, &id, "publish", "garbage", &json!({}))
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
        .await;
    let got = editor
        .get(&app, format!("/v1/content/admin/items/{id}"))
        .send()
        .await;
    assert_eq!(header(&got, "etag").as_deref(), Some("\"r2\""));
    let got = json_of(got, StatusCode::OK).await;
    assert_eq!(got["draft"]["texts"][0]["title"], "Rain, longer");
    assert_eq!(stored(&app, &id).await, ("draft".to_owned(), 2));
}

#[tokio::test]
async fn unpublish_and_archive_hide_items_and_an_archived_item_cannot_change() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("sleepcast", &[("en", "Night")], &[900], None),
    )
    .await;
    act(&app, &editor, &id, "unpublish", &etag, &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "not_published")
        .await;
    let etag = publish(&app, &editor, &id, &etag, None).await;
    assert_eq!(
        ids(&json_of(public_get(&app, "/v1/content/items").await, StatusCode::OK).await),
        [id.as_str()]
    );

    let resp = act(&app, &editor, &id, "unpublish", &etag, &json!({})).await;
    let etag = header(&resp, "etag").unwrap();
    assert_eq!(json_of(resp, StatusCode::OK).await["status"], "draft");
    assert!(
        ids(&json_of(public_get(&app, "/v1/content/items").await, StatusCode::OK).await).is_empty()
    );

    let etag = publish(&app, &editor, &id, &etag, None).await;
    let resp = act(&app, &editor, &id, "archive", &etag, &json!({})).await;
    let etag = header(&resp, "etag").unwrap();
    assert_eq!(json_of(resp, StatusCode::OK).await["status"], "archived");
    public_get(&app, &format!("/v1/content/items/{id}"))
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    act(&app, &editor, &id, "publish", &etag, &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "item_archived")
        .await;
    assert_eq!(stored(&app, &id).await.0, "archived");
}

#[tokio::test]
async fn publishing_needs_the_default_locale_and_valid_drafts() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("movement", &[("es", "Estira")], &[300], None),
    )
    .await;
    act(&app, &editor, &id, "publish", &etag, &json!({}))
        .await
        .assert_problem(StatusCode::CONFLICT, "default_locale_missing")
        .await;
    let body = act(
        &app,
        &editor,
        &id,
        "publish",
        &etag,
        &json!({"locales": ["de"]}),
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    .await;
    assert_eq!(body["errors"][0]["code"], "not_in_draft");
    assert_eq!(stored(&app, &id).await, ("draft".to_owned(), 1));

    let mut bad = draft(
        "music",
        &[("en", "A"), ("EN", "B"), ("english", "C")],
        &[300, 300],
        Some("nar_01jh0000000000000000000000"),
    );
    bad["tags"] = json!(["Bad Tag"]);
    let body = editor
        .post(&app, "/v1/content/admin/items", &bad)
        .send()
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "tags[0]",
            "texts[1].locale",
            "texts[2].locale",
            "variants[1].duration_s"
        ],
        "{body}"
    );
    let body = editor
        .post(
            &app,
            "/v1/content/admin/items",
            &draft(
                "music",
                &[("en", "A")],
                &[300],
                Some("nar_01jh0000000000000000000000"),
            ),
        )
        .send()
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(body["errors"][0]["code"], "unknown_narrator");
    let count: i64 = app
        .ctx
        .db
        .run(|conn| {
            items::table
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(count, 1, "refused drafts leave nothing behind");
}

#[tokio::test]
async fn the_revision_history_lists_every_change_newest_first() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("exercise", &[("en", "Breathe")], &[60], None),
    )
    .await;
    let etag = publish(&app, &editor, &id, &etag, None).await;
    let resp = act(&app, &editor, &id, "unpublish", &etag, &json!({})).await;
    assert_eq!(resp.0.status(), StatusCode::OK);
    let page = json_of(
        editor
            .get(
                &app,
                format!("/v1/content/admin/items/{id}/revisions?limit=2"),
            )
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    let actions: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["unpublished", "published"]);
    assert_eq!(page["items"][1]["published_locales"], json!(["en"]));
    assert_eq!(page["items"][1]["actor_id"], editor.user_id);
    let cursor = page["next_cursor"].as_str().unwrap();
    let page = json_of(
        editor
            .get(
                &app,
                format!("/v1/content/admin/items/{id}/revisions?limit=2&cursor={cursor}"),
            )
            .send()
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["action"], "created");
    assert!(page["next_cursor"].is_null());
}

#[tokio::test]
async fn members_cannot_edit_the_catalog() {
    let app = app().await;
    let member = app.member().await;
    member
        .post(
            &app,
            "/v1/content/admin/items",
            &draft("music", &[("en", "A")], &[300], None),
        )
        .send()
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
    member
        .get(&app, "/v1/content/admin/items")
        .send()
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
}

#[tokio::test]
async fn a_scheduled_publish_runs_once_however_often_its_job_runs() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("wind_down", &[("en", "Dusk")], &[600], None),
    )
    .await;
    let at = chrono::Utc::now() + chrono::Duration::hours(1);
    let resp = act(
        &app,
        &editor,
        &id,
        "publish",
        &etag,
        &json!({"at": at.format("%Y-%m-%dT%H:%M:%SZ").to_string()}),
    )
    .await;
    let body = json_of(resp, StatusCode::OK).await;
    assert_eq!(body["status"], "draft");
    assert!(body["scheduled_at"].is_string(), "{body}");
    assert!(
        ids(&json_of(public_get(&app, "/v1/content/items").await, StatusCode::OK).await).is_empty()
    );

    // The job sits in the queue for that instant.
    use haven_platform::schema::platform_jobs as jobs;
    let payload: String = app
        .ctx
        .db
        .run(|conn| {
            jobs::table
                .filter(jobs::kind.eq("content.publish_scheduled"))
                .select(jobs::payload)
                .first(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    let job: ScheduledPublish = serde_json::from_str(&payload).unwrap();
    assert_eq!(job.item_id.to_string(), id);

    // Two deliveries at once (two nodes, or a retry after a lost lease): one publish.
    let svc = service(&app);
    let (a, b) = tokio::join!(
        svc.run_scheduled_publish(job.clone()),
        svc.run_scheduled_publish(job.clone())
    );
    assert_eq!([a.unwrap(), b.unwrap()].iter().filter(|x| **x).count(), 1);
    assert!(
        !svc.run_scheduled_publish(job).await.unwrap(),
        "a rerun changes nothing"
    );
    let id2 = id.clone();
    let published: i64 = app
        .ctx
        .db
        .run(move |conn| {
            rev::table
                .filter(rev::item_id.eq(id2))
                .filter(rev::action.eq("published"))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(published, 1);
    assert_eq!(
        ids(&json_of(public_get(&app, "/v1/content/items").await, StatusCode::OK).await),
        [id]
    );
}

#[tokio::test]
async fn an_editors_revisions_are_exported_and_erasure_cuts_their_id() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, _) = create_item(
        &app,
        &editor,
        &draft("music", &[("en", "Waves")], &[300], None),
    )
    .await;
    let svc = service(&app);
    let user: haven_platform::ids::UserId = editor.user_id.parse().unwrap();
    let haven_platform::privacy::UserData::Exported(data) = svc.export_user(&user).await.unwrap()
    else {
        panic!("content keeps editors' revisions");
    };
    assert_eq!(data["editorial_revisions"][0]["item_id"], id);
    assert_eq!(data["editorial_revisions"][0]["action"], "created");
    for _ in 0..2 {
        svc.erase_user(&user).await.unwrap();
    }
    let actors: Vec<Option<String>> = app
        .ctx
        .db
        .run(|conn| {
            rev::table
                .select(rev::actor_id)
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(actors, [None]);
}
