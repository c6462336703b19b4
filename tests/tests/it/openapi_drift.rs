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
