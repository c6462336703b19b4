//! Helpers of the content tests: editors' requests with `If-Match`, a narrator and an
//! item made through the API, and direct reads of the tables.

use haven_platform::testing::{SignedIn, TestApp};
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

/// The real app on a fresh database.
pub async fn app() -> TestApp {
    haven_app::testing::app().await
}

/// The content service of the app (the same instance its HTTP API uses).
pub fn service(app: &TestApp) -> haven_content::ContentService {
    haven_app::wiring::modules(&app.ctx)
        .content
        .service()
        .clone()
}

/// The body of `resp`, asserting `status`.
pub async fn json_of(resp: TestResponse, status: StatusCode) -> Value {
    let actual = resp.0.status();
    let body: Value = resp.json().await.value().deserialize();
    assert_eq!(actual, status, "{body}");
    body
}

/// A header of `resp`.
pub fn header(resp: &TestResponse, name: &str) -> Option<String> {
    resp.0
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Creates a narrator; its id.
pub async fn narrator(app: &TestApp, editor: &SignedIn, name: &str) -> String {
    let resp = editor
        .post(
            app,
            "/v1/content/admin/narrators",
            &json!({"name": name, "bios": [{"locale": "en", "text": format!("{name} teaches.")}, {"locale": "es", "text": format!("{name} enseña.")}]}),
        )
        .send()
        .await;
    json_of(resp, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A draft body: `texts` as `(locale, title)`, variants of `durations` by `narrator`.
pub fn draft(
    kind: &str,
    texts: &[(&str, &str)],
    durations: &[u32],
    narrator: Option<&str>,
) -> Value {
    json!({
        "kind": kind,
        "categories": ["sleep"],
        "tags": ["calm"],
        "texts": texts.iter().map(|(l, t)| json!({"locale": l, "title": t, "description": format!("{t} ({l})")})).collect::<Vec<_>>(),
        "variants": durations.iter().map(|d| json!({"duration_s": d, "narrator_id": narrator, "premium": false})).collect::<Vec<_>>(),
    })
}

/// Creates a draft item; `(id, etag)`.
pub async fn create_item(app: &TestApp, editor: &SignedIn, body: &Value) -> (String, String) {
    let resp = editor
        .post(app, "/v1/content/admin/items", body)
        .send()
        .await;
    let etag = header(&resp, "etag").unwrap();
    let item = json_of(resp, StatusCode::CREATED).await;
    (item["id"].as_str().unwrap().to_owned(), etag)
}

/// `POST /v1/content/admin/items/{id}/{action}` with `If-Match`; the response.
pub async fn act(
    app: &TestApp,
    editor: &SignedIn,
    id: &str,
    action: &str,
    etag: &str,
    body: &Value,
) -> TestResponse {
    editor
        .post(app, format!("/v1/content/admin/items/{id}/{action}"), body)
        .header("if-match", etag)
        .send()
        .await
}

/// Publishes `locales` (all when `None`) now; the new ETag.
pub async fn publish(
    app: &TestApp,
    editor: &SignedIn,
    id: &str,
    etag: &str,
    locales: Option<&[&str]>,
) -> String {
    let resp = act(
        app,
        editor,
        id,
        "publish",
        etag,
        &json!({"locales": locales}),
    )
    .await;
    let etag = header(&resp, "etag").unwrap();
    let body = json_of(resp, StatusCode::OK).await;
    assert_eq!(body["status"], "published", "{body}");
    etag
}

/// An item with a narrator, published in `texts`' locales; its id.
pub async fn published_item(
    app: &TestApp,
    editor: &SignedIn,
    kind: &str,
    texts: &[(&str, &str)],
    durations: &[u32],
) -> String {
    let (id, etag) = create_item(app, editor, &draft(kind, texts, durations, None)).await;
    publish(app, editor, &id, &etag, None).await;
    id
}

/// `GET path` without credentials; the response.
pub async fn public_get(app: &TestApp, path: &str) -> TestResponse {
    app.client.get(path).send().await
}

/// The ids of a catalog page.
pub fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}
