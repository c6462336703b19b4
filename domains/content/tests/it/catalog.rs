//! The published catalog (issue 13 points 1 and 5): browse filters and pages, locale
//! fallback, strong ETags with `If-None-Match`, public caching, answered from memory.

use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use serde_json::json;

use crate::support::{
    app, create_item, draft, header, ids, json_of, narrator, public_get, publish, published_item,
};

#[tokio::test]
async fn browse_filters_by_kind_category_tag_narrator_and_duration_in_pages() {
    let app = app().await;
    let editor = app.admin().await;
    let ana = narrator(&app, &editor, "Ana").await;
    let (a, etag) = create_item(
        &app,
        &editor,
        &draft("meditation", &[("en", "A")], &[180, 600], Some(&ana)),
    )
    .await;
    publish(&app, &editor, &a, &etag, None).await;
    let mut body = draft("sleepcast", &[("en", "B")], &[1800], None);
    body["categories"] = json!(["sleep", "stress"]);
    body["tags"] = json!(["story"]);
    let (b, etag) = create_item(&app, &editor, &body).await;
    publish(&app, &editor, &b, &etag, None).await;
    let c = published_item(&app, &editor, "meditation", &[("en", "C")], &[1200]).await;

    let get = |q: &str| {
        let path = format!("/v1/content/items?{q}");
        let app = &app;
        async move { ids(&json_of(public_get(app, &path).await, StatusCode::OK).await) }
    };
    assert_eq!(get("").await, [a.clone(), b.clone(), c.clone()]);
    assert_eq!(get("kind=meditation").await, [a.clone(), c.clone()]);
    assert_eq!(get("category=stress").await, [b.as_str()]);
    assert_eq!(get("tag=story").await, [b.as_str()]);
    assert_eq!(get(&format!("narrator_id={ana}")).await, [a.as_str()]);
    assert_eq!(get("min_duration_s=900").await, [b.clone(), c.clone()]);
    assert_eq!(get("max_duration_s=300").await, [a.as_str()]);
    assert_eq!(
        get("min_duration_s=700&max_duration_s=1300").await,
        [c.as_str()]
    );
    assert!(get("kind=music").await.is_empty());

    let page = json_of(
        public_get(&app, "/v1/content/items?limit=2").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&page), [a, b]);
    let cursor = page["next_cursor"].as_str().unwrap();
    let page = json_of(
        public_get(&app, &format!("/v1/content/items?limit=2&cursor={cursor}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&page), [c]);
    assert!(page["next_cursor"].is_null());

    let body = public_get(&app, "/v1/content/items?locale=english&tag=Not%20A%20Slug")
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["locale", "tag"]);
}

#[tokio::test]
async fn narrators_are_read_in_a_locale_with_fallback() {
    let app = app().await;
    let editor = app.admin().await;
    let ana = narrator(&app, &editor, "Ana").await;
    let n = json_of(
        public_get(&app, &format!("/v1/content/narrators/{ana}?locale=es-AR")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (n["locale"].as_str(), n["bio"].as_str()),
        (Some("es"), Some("Ana enseña."))
    );
    let n = json_of(
        public_get(&app, &format!("/v1/content/narrators/{ana}?locale=de")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(n["locale"], "en");
    let page = json_of(
        public_get(&app, "/v1/content/narrators").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&page), [ana.as_str()]);

    // An edit with If-Match is visible at once.
    let resp = editor
        .get(&app, format!("/v1/content/admin/narrators/{ana}"))
        .send()
        .await;
    let etag = header(&resp, "etag").unwrap();
    let resp = editor
        .put(
            &app,
            format!("/v1/content/admin/narrators/{ana}"),
            &json!({"name": "Ana María", "photo_url": "https://img.example/ana.jpg"}),
        )
        .header("if-match", &etag)
        .send()
        .await;
    assert_eq!(json_of(resp, StatusCode::OK).await["revision"], 2);
    let n = json_of(
        public_get(&app, &format!("/v1/content/narrators/{ana}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(n["name"], "Ana María");
    assert!(n["bio"].is_null(), "the replacement has no bios");
    editor
        .put(
            &app,
            format!("/v1/content/admin/narrators/{ana}"),
            &json!({"name": "X"}),
        )
        .header("if-match", &etag)
        .send()
        .await
        .assert_problem(StatusCode::PRECONDITION_FAILED, "precondition_failed")
        .await;
}

#[tokio::test]
async fn catalog_reads_carry_a_strong_etag_public_caching_and_answer_304() {
    let app = app().await;
    let editor = app.admin().await;
    let id = published_item(
        &app,
        &editor,
        "music",
        &[("en", "Rain"), ("es", "Lluvia")],
        &[600],
    )
    .await;
    let path = format!("/v1/content/items/{id}?locale=es");
    let resp = public_get(&app, &path).await;
    let etag = header(&resp, "etag").unwrap();
    assert!(etag.starts_with("\"c") && etag.ends_with("-es\""), "{etag}");
    assert_eq!(
        header(&resp, "cache-control").as_deref(),
        Some("public, max-age=60")
    );
    json_of(resp, StatusCode::OK).await;

    let resp = app
        .client
        .get(&path)
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(resp.0.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(header(&resp, "etag"), Some(etag.clone()));
    let resp = app
        .client
        .get("/v1/content/items?locale=es")
        .header("if-none-match", format!("W/{etag}"))
        .send()
        .await;
    assert_eq!(
        resp.0.status(),
        StatusCode::NOT_MODIFIED,
        "browse shares the version + locale tag"
    );
    let other = header(
        &public_get(&app, &format!("/v1/content/items/{id}?locale=en")).await,
        "etag",
    )
    .unwrap();
    assert_ne!(other, etag, "another locale, another tag");

    // A publish moves the version: the old tag no longer matches.
    published_item(&app, &editor, "music", &[("en", "Sea")], &[300]).await;
    let resp = app
        .client
        .get(&path)
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(resp.0.status(), StatusCode::OK);
    assert_ne!(header(&resp, "etag"), Some(etag));
}

#[tokio::test]
async fn catalog_reads_are_answered_from_memory() {
    let app = app().await;
    let editor = app.admin().await;
    let id = published_item(&app, &editor, "soundscape", &[("en", "Forest")], &[900]).await;
    assert_eq!(
        public_get(&app, "/v1/content/items").await.0.status(),
        StatusCode::OK
    );
    // With the catalog's tables gone, reads still answer from the snapshot (only the
    // version row is checked, and it has not moved).
    app.ctx
        .db
        .run(|conn| {
            use diesel::RunQueryDsl;
            for t in [
                "content_media",
                "content_item_revisions",
                "content_items",
                "content_narrators",
            ] {
                diesel::sql_query(format!("DROP TABLE {t}"))
                    .execute(conn)
                    .map_err(haven_platform::DbError::Query)?;
            }
            Ok::<_, haven_platform::DbError>(())
        })
        .await
        .unwrap();
    let refreshed = crate::support::service(&app)
        .catalog()
        .refresh()
        .await
        .unwrap();
    assert!(refreshed > 0);
    let page = json_of(
        public_get(&app, "/v1/content/items?kind=soundscape").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ids(&page), [id.as_str()]);
    let item = json_of(
        public_get(&app, &format!("/v1/content/items/{id}")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(item["title"], "Forest");
}
