//! `GET /v1/identity/.well-known/jwks.json`.

use serde_json::Value;

use crate::app;

#[tokio::test]
async fn jwks_publishes_the_signing_key_and_is_cacheable() {
    let app = app().await;
    let resp = app
        .client
        .get("/v1/identity/.well-known/jwks.json")
        .send()
        .await;
    resp.assert_status_is_ok();
    resp.assert_header("cache-control", "public, max-age=300");
    let body: Value = resp.json().await.value().deserialize();
    let kid = app.ctx.auth.signer().kid().to_owned();
    let keys = body["keys"].as_array().unwrap();
    let key = keys
        .iter()
        .find(|k| k["kid"] == kid.as_str())
        .expect("the kid");
    assert_eq!(key["kty"], "OKP");
    assert_eq!(key["alg"], "EdDSA");
    assert_eq!(key["use"], "sig");
    assert!(key.get("d").is_none(), "no private part: {key}");
}
