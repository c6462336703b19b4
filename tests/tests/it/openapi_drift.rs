//! The committed OpenAPI document must match the code.

use haven_platform::PlatformContext;
use haven_platform::config::Settings;

#[test]
fn committed_openapi_json_matches_the_code() {
    let ctx = PlatformContext::new(Settings::default(), haven_app::wiring::BUILD).unwrap();
    let generated = haven_app::run::pretty(&haven_app::wiring::openapi_json(&ctx));
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        generated == committed,
        "openapi/openapi.json is stale; regenerate it with:\n  \
         cargo run -p haven-app -- openapi --out openapi/openapi.json"
    );
}

#[tokio::test]
async fn operations_document_their_error_statuses_as_problems() {
    let (app, _) = crate::probe::app().await;
    let spec: serde_json::Value = serde_json::from_str(&app.spec_json).unwrap();
    let responses = &spec["paths"]["/v1/test/things/{id}"]["get"]["responses"];
    for status in ["200", "400", "404", "413", "415", "422", "500", "503"] {
        assert!(
            responses[status].is_object(),
            "{status} undocumented: {responses}"
        );
    }
    assert!(
        responses["409"].is_null(),
        "409 is not in this operation's error set"
    );
    let problem = &responses["404"]["content"]["application/problem+json"]["schema"];
    assert_eq!(problem["$ref"], "#/components/schemas/TestGetThingProblem");
    assert_eq!(
        responses["404"]["x-problem-codes"],
        serde_json::json!(["not_found"])
    );
    assert_eq!(
        responses["503"]["x-problem-codes"],
        serde_json::json!(["unavailable", "request_timeout"])
    );
    let codes = &spec["components"]["schemas"]["TestGetThingProblem"]["allOf"][1]["properties"]["code"]
        ["enum"];
    assert_eq!(
        codes,
        &serde_json::json!([
            "bad_request",
            "not_found",
            "payload_too_large",
            "unsupported_media_type",
            "validation_failed",
            "internal",
            "unavailable",
            "request_timeout"
        ]),
        "every code of the operation, by status"
    );
    assert!(responses["503"]["headers"]["Retry-After"].is_object());
}

/// Requests for documented paths bypass the `Route` that holds the modules' own routes
/// (`platform::http::dispatch`), so none of those may share a path with an operation.
#[test]
fn routes_outside_the_document_share_no_path_with_an_operation() {
    let ctx = PlatformContext::new(Settings::default(), haven_app::wiring::BUILD).unwrap();
    let spec: serde_json::Value =
        serde_json::from_str(&haven_app::wiring::openapi_json(&ctx)).unwrap();
    let table = haven_platform::http::routes::RouteTable::from_spec(&spec);
    let outside = [
        "/v1/billing/webhooks/stripe",
        "/v1/billing/webhooks/app-store",
        "/v1/billing/webhooks/play",
        "/v1/content/media/items/itm_01h455vb4pex5vsknk084sn02q/a.mp3",
        "/openapi.json",
        "/docs",
    ];
    for path in outside {
        assert_eq!(table.match_path(path), None, "{path} is documented");
    }
}
