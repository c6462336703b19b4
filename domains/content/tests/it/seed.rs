//! `haven seed` (issue 13 point 10): the demo catalog, twice.

use diesel::prelude::*;
use haven_platform::module::Seeded;
use serde_json::Value;

use crate::support::{app, service};

#[tokio::test]
async fn the_demo_catalog_seeds_once_with_playable_audio_and_fallback() {
    let app = app().await;
    let content = service(&app);
    let Seeded::Done { created, .. } = content.seed_demo().await.unwrap() else {
        panic!("content seeds a demo catalog");
    };
    assert_eq!(created, 4 + 154);
    let Seeded::Done { created, .. } = content.seed_demo().await.unwrap() else {
        panic!("content seeds a demo catalog");
    };
    assert_eq!(created, 0, "a second run creates nothing");

    use haven_content::schema::{content_items as i, content_media as m, content_narrators as n};
    let (items, published, media, narrators) = app
        .ctx
        .db
        .read(|conn| {
            Ok::<_, haven_platform::DbError>((
                i::table.count().get_result::<i64>(conn)?,
                i::table
                    .filter(i::status.eq("published"))
                    .count()
                    .get_result::<i64>(conn)?,
                m::table.count().get_result::<i64>(conn)?,
                n::table.count().get_result::<i64>(conn)?,
            ))
        })
        .await
        .unwrap();
    assert_eq!((items, published, narrators), (154, 154, 4));
    assert!(media >= 154 * 2, "{media}");

    let snap = content.catalog().snapshot().await.unwrap();
    let kinds: std::collections::HashSet<_> = snap.items().iter().map(|i| i.doc.kind).collect();
    assert_eq!(kinds.len(), 7);
    // Some items lack `fr`: browse in French falls back to English for them.
    let resp = app
        .client
        .get("/v1/content/items?locale=fr&limit=10")
        .send()
        .await;
    let page: Value = resp.json().await.value().deserialize();
    let locales: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["locale"].as_str().unwrap())
        .collect();
    assert!(
        locales.contains(&"fr") && locales.contains(&"en"),
        "{locales:?}"
    );

    // Playback really plays: a free variant's URL serves a WAV.
    let member = app.member().await;
    let item = snap
        .items()
        .iter()
        .find(|i| i.doc.variants.iter().any(|v| !v.premium))
        .unwrap();
    let d = item
        .doc
        .variants
        .iter()
        .find(|v| !v.premium)
        .unwrap()
        .duration_s;
    let resp = member
        .get(
            &app,
            format!("/v1/content/items/{}/variants/{d}/media-url", item.id),
        )
        .send()
        .await;
    let signed: Value = resp.json().await.value().deserialize();
    let audio = app.client.get(signed["url"].as_str().unwrap()).send().await;
    audio.assert_status_is_ok();
    assert_eq!(&audio.0.into_body().into_vec().await.unwrap()[..4], b"RIFF");
}
