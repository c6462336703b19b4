//! Media (issue 13 point 4): editors' uploads streamed to storage and typed by their
//! bytes, members' signed URLs with `Range`, premium variants only with billing's
//! `content.premium` entitlement.

use diesel::prelude::*;
use haven_content::media::wav;
use haven_platform::testing::{SignedIn, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{app, create_item, header, json_of, narrator, publish};

/// A published item with a free 300 s and a premium 600 s variant; its id.
async fn published_item(app: &TestApp, editor: &SignedIn) -> String {
    let n = narrator(app, editor, "Ava").await;
    let mut body = crate::support::draft("meditation", &[("en", "Calm")], &[300, 600], Some(&n));
    body["variants"][1]["premium"] = json!(true);
    let (id, etag) = create_item(app, editor, &body).await;
    publish(app, editor, &id, &etag, None).await;
    id
}

async fn upload(
    app: &TestApp,
    editor: &SignedIn,
    item: &str,
    slot: &str,
    content_type: &str,
    bytes: Vec<u8>,
) -> poem::test::TestResponse {
    editor
        .request(
            app,
            Method::PUT,
            format!("/v1/content/admin/media/items/{item}/{slot}"),
        )
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
}

async fn media_rows(app: &TestApp) -> Vec<(String, String, i64)> {
    use haven_content::schema::content_media as m;
    app.ctx
        .db
        .read(|conn| {
            Ok::<_, haven_platform::DbError>(
                m::table
                    .order(m::slot)
                    .select((m::slot, m::storage_key, m::size_bytes))
                    .load::<(String, String, i64)>(conn)?,
            )
        })
        .await
        .unwrap()
}

fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.ctx.settings.content.media.dir, &mut out);
    out
}

async fn media_url(
    app: &TestApp,
    member: &SignedIn,
    item: &str,
    d: u32,
) -> poem::test::TestResponse {
    member
        .get(
            app,
            format!("/v1/content/items/{item}/variants/{d}/media-url"),
        )
        .send()
        .await
}

#[tokio::test]
async fn an_uploaded_variant_is_served_to_members_by_a_signed_url_with_ranges() {
    let app = app().await;
    let editor = app.admin().await;
    let member = app.member().await;
    let item = published_item(&app, &editor).await;
    let audio = wav::tone(1, 440.0, 8_000);

    let resp = upload(
        &app,
        &editor,
        &item,
        "audio/300",
        "audio/wav",
        audio.clone(),
    )
    .await;
    let media = json_of(resp, StatusCode::OK).await;
    assert_eq!(media["content_type"], "audio/wav");
    assert_eq!(media["slot"], "audio");
    assert_eq!(media["duration_s"], 300);
    assert_eq!(media["size_bytes"], audio.len());
    let rows = media_rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "audio:300");
    assert_eq!(stored_files(&app).len(), 1);

    let resp = media_url(&app, &member, &item, 300).await;
    assert_eq!(header(&resp, "cache-control").as_deref(), Some("private"));
    let signed = json_of(resp, StatusCode::OK).await;
    let url = signed["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/v1/content/media/items/"), "{url}");
    assert!(url.contains("sig=") && url.contains("exp=") && url.contains("kid="));

    // No credentials needed: the signature is the credential.
    let whole = app.client.get(&url).send().await;
    whole.assert_status(StatusCode::OK);
    assert_eq!(header(&whole, "content-type").as_deref(), Some("audio/wav"));
    assert_eq!(header(&whole, "accept-ranges").as_deref(), Some("bytes"));
    assert_eq!(whole.0.into_body().into_vec().await.unwrap(), audio);

    let part = app
        .client
        .get(&url)
        .header("range", "bytes=4-11")
        .send()
        .await;
    part.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        header(&part, "content-range"),
        Some(format!("bytes 4-11/{}", audio.len()))
    );
    assert_eq!(part.0.into_body().into_vec().await.unwrap(), &audio[4..12]);

    let tail = app
        .client
        .get(&url)
        .header("range", "bytes=-4")
        .send()
        .await;
    tail.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        tail.0.into_body().into_vec().await.unwrap(),
        &audio[audio.len() - 4..]
    );

    let past = app
        .client
        .get(&url)
        .header("range", format!("bytes={}-", audio.len()))
        .send()
        .await;
    assert_eq!(
        header(&past, "content-range"),
        Some(format!("bytes */{}", audio.len()))
    );
    let problem = json_of(past, StatusCode::RANGE_NOT_SATISFIABLE).await;
    assert_eq!(problem["code"], "range_not_satisfiable");

    // Another path, a longer expiry or a missing signature: refused.
    let other = url.replacen("/items/", "/items/x", 1);
    let p = json_of(app.client.get(&other).send().await, StatusCode::FORBIDDEN).await;
    assert_eq!(p["code"], "media_url_invalid");
    let (path, _) = url.split_once('?').unwrap();
    let p = json_of(app.client.get(path).send().await, StatusCode::FORBIDDEN).await;
    assert_eq!(p["code"], "media_url_invalid");
    let exp = signed["expires_at"].as_str().unwrap();
    let unix = chrono::DateTime::parse_from_rfc3339(exp)
        .unwrap()
        .timestamp();
    let longer = url.replace(&format!("exp={unix}"), &format!("exp={}", unix + 3600));
    let p = json_of(app.client.get(&longer).send().await, StatusCode::FORBIDDEN).await;
    assert_eq!(p["code"], "media_url_invalid");

    // A replacement gets a new object; the old one is removed.
    let again = wav::tone(2, 220.0, 8_000);
    json_of(
        upload(&app, &editor, &item, "audio/300", "audio/wav", again).await,
        StatusCode::OK,
    )
    .await;
    let rows = media_rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert_ne!(
        rows[0].1,
        url.split('?')
            .next()
            .unwrap()
            .trim_start_matches("/v1/content/media/")
    );
    assert_eq!(stored_files(&app).len(), 1);
    let gone = json_of(app.client.get(&url).send().await, StatusCode::NOT_FOUND).await;
    assert_eq!(gone["code"], "not_found");
}

#[tokio::test]
async fn a_premium_variant_needs_content_premium_granted_in_billing() {
    let app = app().await;
    let editor = app.admin().await;
    let member = app.member().await;
    let item = published_item(&app, &editor).await;
    let audio = wav::tone(1, 330.0, 8_000);
    json_of(
        upload(&app, &editor, &item, "audio/600", "audio/wav", audio).await,
        StatusCode::OK,
    )
    .await;

    let refused = json_of(
        media_url(&app, &member, &item, 600).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(refused["code"], "premium_required");
    // The free variant has no audio yet: known, but nothing to play.
    let missing = json_of(
        media_url(&app, &member, &item, 300).await,
        StatusCode::CONFLICT,
    )
    .await;
    assert_eq!(missing["code"], "media_missing");
    let unknown = json_of(
        media_url(&app, &member, &item, 900).await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(unknown["code"], "not_found");

    // An admin grant in billing's ledger, through the real wiring.
    let grant = editor
        .post(
            &app,
            format!("/v1/billing/admin/members/{}/grants", member.user_id),
            &json!({"feature": "content.premium", "quota": null, "valid_until": null, "reason": "support"}),
        )
        .send()
        .await;
    json_of(grant, StatusCode::CREATED).await;

    let signed = json_of(media_url(&app, &member, &item, 600).await, StatusCode::OK).await;
    let url = signed["url"].as_str().unwrap();
    let part = app
        .client
        .get(url)
        .header("range", "bytes=0-3")
        .send()
        .await;
    part.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(part.0.into_body().into_vec().await.unwrap(), b"RIFF");

    // Another member still has no grant.
    let other = app.member().await;
    let refused = json_of(
        media_url(&app, &other, &item, 600).await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert_eq!(refused["code"], "premium_required");
}

#[tokio::test]
async fn uploads_are_typed_by_their_first_bytes_and_refusals_store_nothing() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor).await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    let mp3 = b"ID3\x04\0\0\0\0\0\0\0\0\0\0".to_vec();

    let cases: [(&str, &str, Vec<u8>, StatusCode, &str); 5] = [
        (
            "audio/300",
            "audio/mpeg",
            b"<html><body>hello</body></html>".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "audio/300",
            "audio/wav",
            mp3.clone(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "media_type_mismatch",
        ),
        (
            "image",
            "image/jpeg",
            png.clone(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "media_type_mismatch",
        ),
        (
            "image",
            "image/png",
            wav::tone(1, 100.0, 8_000)[..64].to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "audio/900",
            "audio/mpeg",
            mp3.clone(),
            StatusCode::CONFLICT,
            "variant_missing",
        ),
    ];
    for (slot, ct, bytes, status, code) in cases {
        let p = json_of(upload(&app, &editor, &item, slot, ct, bytes).await, status).await;
        assert_eq!(p["code"], code, "{slot} {ct}");
    }
    // A type the operation does not take at all.
    let resp = upload(
        &app,
        &editor,
        &item,
        "audio/300",
        "text/html",
        b"<html>".to_vec(),
    )
    .await;
    assert_eq!(resp.0.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(media_rows(&app).await.is_empty());
    assert!(stored_files(&app).is_empty());

    let ok = json_of(
        upload(&app, &editor, &item, "image", "image/png", png).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ok["slot"], "image");
    assert_eq!(ok["content_type"], "image/png");
    let ok = json_of(
        upload(&app, &editor, &item, "audio/300", "audio/mpeg", mp3).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(ok["content_type"], "audio/mpeg");
    assert_eq!(media_rows(&app).await.len(), 2);

    // Members do not upload; unknown items are 404.
    let member = app.member().await;
    let p = json_of(
        upload(
            &app,
            &member,
            &item,
            "image",
            "image/png",
            b"\x89PNG\r\n\x1a\n\0\0\0\0".to_vec(),
        )
        .await,
        StatusCode::FORBIDDEN,
    )
    .await;
    assert!(p["code"].is_string());
    let p = json_of(
        upload(
            &app,
            &editor,
            "itm_01h455vb4pex5vsknk084sn02q",
            "image",
            "image/png",
            b"\x89PNG\r\n\x1a\n\0\0\0\0".to_vec(),
        )
        .await,
        StatusCode::NOT_FOUND,
    )
    .await;
    assert_eq!(p["code"], "not_found");
    assert_eq!(media_rows(&app).await.len(), 2);
}

#[tokio::test]
async fn an_upload_over_the_limit_is_413_streamed_or_declared_and_leaves_nothing() {
    let app = haven_app::testing::builder()
        .settings(|s| s.content.media.max_upload_bytes = 4_096)
        .build(haven_app::wiring::build_app)
        .await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor).await;
    let big = wav::tone(1, 440.0, 8_000); // 16 kB

    // Declared: refused before reading.
    let p = json_of(
        upload(&app, &editor, &item, "audio/300", "audio/wav", big.clone()).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert_eq!(p["code"], "payload_too_large");
    // Streamed without a length (chunked): refused once the count passes the limit.
    let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = big
        .chunks(1_000)
        .map(|c| Ok(bytes::Bytes::copy_from_slice(c)))
        .collect();
    let resp = editor
        .request(
            &app,
            Method::PUT,
            format!("/v1/content/admin/media/items/{item}/audio/300"),
        )
        .header("content-type", "audio/wav")
        .body(poem::Body::from_bytes_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await;
    let p = json_of(resp, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert_eq!(p["code"], "payload_too_large");
    assert!(media_rows(&app).await.is_empty());
    assert!(stored_files(&app).is_empty(), "{:?}", stored_files(&app));

    // Within the limit, streamed in chunks, the whole body is stored.
    let small = wav::tone(0, 440.0, 8_000);
    let small: Vec<u8> = small
        .into_iter()
        .chain(std::iter::repeat_n(0u8, 3_000))
        .collect();
    let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = small
        .chunks(5)
        .map(|c| Ok(bytes::Bytes::copy_from_slice(c)))
        .collect();
    let resp = editor
        .request(
            &app,
            Method::PUT,
            format!("/v1/content/admin/media/items/{item}/audio/300"),
        )
        .header("content-type", "audio/wav")
        .body(poem::Body::from_bytes_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await;
    let m: Value = json_of(resp, StatusCode::OK).await;
    assert_eq!(m["size_bytes"], small.len());
    let files = stored_files(&app);
    assert_eq!(std::fs::read(&files[0]).unwrap(), small);
}

/// The S3 backend against a local S3-compatible server (`moto_server`, MinIO): runs
/// when `HAVEN_TEST_S3_ENDPOINT` is set (README, Content), else passes without checking.
#[tokio::test]
async fn media_on_s3_uploads_in_parts_and_serves_ranges() {
    let Ok(endpoint) = std::env::var("HAVEN_TEST_S3_ENDPOINT") else {
        eprintln!("HAVEN_TEST_S3_ENDPOINT unset: the S3 backend is not exercised");
        return;
    };
    let bucket = format!("haven-test-{}", uuid_like());
    let made = reqwest::Client::new()
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .unwrap();
    assert!(
        made.status().is_success(),
        "create the bucket: {}",
        made.status()
    );
    let app = haven_app::testing::builder()
        .settings(|s| {
            let m = &mut s.content.media;
            m.backend = haven_platform::config::MediaBackend::S3;
            m.s3_bucket = Some(bucket.clone());
            m.s3_endpoint = Some(endpoint.clone());
            m.s3_allow_http = true;
            m.s3_access_key_id = Some("test".into());
            m.s3_secret_access_key = Some(haven_platform::config::Secret::new("test"));
        })
        .build(haven_app::wiring::build_app)
        .await;
    let editor = app.admin().await;
    let member = app.member().await;
    let item = published_item(&app, &editor).await;
    // 12 MB: over the 10 MiB part size, so a multipart upload.
    let audio = wav::tone(750, 440.0, 8_000);
    let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = audio
        .chunks(64 * 1024)
        .map(|c| Ok(bytes::Bytes::copy_from_slice(c)))
        .collect();
    let resp = editor
        .request(
            &app,
            Method::PUT,
            format!("/v1/content/admin/media/items/{item}/audio/300"),
        )
        .header("content-type", "audio/wav")
        .body(poem::Body::from_bytes_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await;
    let m = json_of(resp, StatusCode::OK).await;
    assert_eq!(m["size_bytes"], audio.len());
    assert!(stored_files(&app).is_empty(), "nothing on local disk");
    let signed = json_of(media_url(&app, &member, &item, 300).await, StatusCode::OK).await;
    let url = signed["url"].as_str().unwrap();
    let part = app
        .client
        .get(url)
        .header("range", "bytes=11000000-11000009")
        .send()
        .await;
    part.assert_status(StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.0.into_body().into_vec().await.unwrap(),
        &audio[11_000_000..11_000_010]
    );
    let whole = app.client.get(url).send().await;
    whole.assert_status_is_ok();
    assert_eq!(
        whole.0.into_body().into_vec().await.unwrap().len(),
        audio.len()
    );
}

fn uuid_like() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{nanos:x}")
}
