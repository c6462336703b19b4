//! Search (issue 13 point 6): every locale, accent- and case-folded, typo-tolerant,
//! ranked, filtered like browse, from the snapshot's index (rebuilt when it swaps), and
//! cacheable like browse.

use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::support::{app, create_item, draft, header, json_of, narrator, publish, service};

async fn search(app: &haven_platform::testing::TestApp, query: &str) -> (Value, Option<String>) {
    let resp = app
        .client
        .get(format!("/v1/content/search?{query}"))
        .send()
        .await;
    let etag = header(&resp, "etag");
    (json_of(resp, StatusCode::OK).await, etag)
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn search_folds_accents_and_case_tolerates_typos_ranks_titles_first_and_filters() {
    let app = app().await;
    let editor = app.admin().await;
    let ava = narrator(&app, &editor, "Ava Lindqvist").await;
    let items = [
        draft(
            "meditation",
            &[("en", "Deep Breathing"), ("es", "Meditación profunda")],
            &[300],
            Some(&ava),
        ),
        draft("sleepcast", &[("en", "Rainy Harbor")], &[900], None),
        draft("exercise", &[("en", "Quick Reset")], &[60], None),
    ];
    let mut ids = Vec::new();
    for body in &items {
        let (id, etag) = create_item(&app, &editor, body).await;
        publish(&app, &editor, &id, &etag, None).await;
        ids.push(id);
    }
    // A description that mentions "harbor" ranks below the item titled with it.
    let mut body = draft("soundscape", &[("en", "Sea Sounds")], &[600], None);
    body["texts"][0]["description"] = json!("Waves near a harbor at dusk.");
    let (id, etag) = create_item(&app, &editor, &body).await;
    publish(&app, &editor, &id, &etag, None).await;

    // Accents and case, in a locale the item has: the Spanish text answers.
    let (page, _) = search(&app, "q=MEDITACION&locale=es").await;
    assert_eq!(titles(&page), ["Meditación profunda"]);
    // The same item found by its Spanish words, answered in English.
    let (page, _) = search(&app, "q=meditacion").await;
    assert_eq!(titles(&page), ["Deep Breathing"]);
    // Typos: one in a 6-letter word, two in a 9-letter one; a prefix while typing.
    assert_eq!(titles(&search(&app, "q=harbr").await.0)[0], "Rainy Harbor");
    assert_eq!(
        titles(&search(&app, "q=breathnig").await.0),
        ["Deep Breathing"]
    );
    assert_eq!(
        titles(&search(&app, "q=quick%20res").await.0),
        ["Quick Reset"]
    );
    // Narrator names, tags.
    assert_eq!(
        titles(&search(&app, "q=lindqvist").await.0),
        ["Deep Breathing"]
    );
    assert_eq!(
        search(&app, "q=calm").await.0["items"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    // Ranked: the title match before the description match.
    assert_eq!(
        titles(&search(&app, "q=harbor").await.0),
        ["Rainy Harbor", "Sea Sounds"]
    );
    // Filtered like browse.
    assert_eq!(
        titles(&search(&app, "q=harbor&kind=soundscape").await.0),
        ["Sea Sounds"]
    );
    assert_eq!(
        titles(&search(&app, "q=harbor&min_duration_s=800").await.0),
        ["Rainy Harbor"]
    );
    assert!(titles(&search(&app, &format!("q=harbor&narrator_id={ava}")).await.0).is_empty());
    assert_eq!(
        titles(&search(&app, &format!("q=deep&narrator_id={ava}")).await.0),
        ["Deep Breathing"]
    );
    // Every word must match.
    assert!(titles(&search(&app, "q=harbor%20breathing").await.0).is_empty());
    // Paging.
    let (page, _) = search(&app, "q=calm&limit=3").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
    assert_eq!(page["next_offset"], 3);
    let (page, _) = search(&app, "q=calm&limit=3&offset=3").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert!(page["next_offset"].is_null());

    // Bad input is a 422 per field.
    let resp = app
        .client
        .get("/v1/content/search?q=&locale=english")
        .send()
        .await;
    let p = json_of(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(p["code"], "validation_failed");
}

#[tokio::test]
async fn search_is_cacheable_and_follows_the_snapshot_when_it_swaps() {
    let app = app().await;
    let editor = app.admin().await;
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("music", &[("en", "Piano Drift")], &[900], None),
    )
    .await;
    publish(&app, &editor, &id, &etag, None).await;

    let resp = app.client.get("/v1/content/search?q=piano").send().await;
    assert!(
        header(&resp, "cache-control")
            .unwrap()
            .starts_with("public")
    );
    let first = header(&resp, "etag").unwrap();
    json_of(resp, StatusCode::OK).await;
    let resp = app
        .client
        .get("/v1/content/search?q=piano")
        .header("if-none-match", &first)
        .send()
        .await;
    resp.assert_status(StatusCode::NOT_MODIFIED);

    // A publish swaps the snapshot: the new item is found, the ETag moved.
    let (id2, etag2) = create_item(
        &app,
        &editor,
        &draft("music", &[("en", "Piano Morning")], &[900], None),
    )
    .await;
    publish(&app, &editor, &id2, &etag2, None).await;
    service(&app).catalog().refresh().await.unwrap();
    let (page, etag) = search(&app, "q=piano").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_ne!(etag.unwrap(), first);
    // Unpublished: gone from search.
    let current = header(
        &editor
            .get(&app, format!("/v1/content/admin/items/{id}"))
            .send()
            .await,
        "etag",
    )
    .unwrap();
    let resp = crate::support::act(&app, &editor, &id, "unpublish", &current, &json!({})).await;
    assert!(resp.0.status().is_success());
    service(&app).catalog().refresh().await.unwrap();
    assert_eq!(titles(&search(&app, "q=piano").await.0), ["Piano Morning"]);
}
