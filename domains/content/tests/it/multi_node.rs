//! Every node picks up a publish within 2 s (issue 13 point 5): two nodes on one
//! database, each with its own snapshot.

use std::time::Duration;

use haven_platform::PlatformContext;
use haven_platform::testing::{TEST_BUILD, wait_until};
use poem::endpoint::BoxEndpoint;
use poem::http::StatusCode;
use poem::test::TestClient;

use crate::support::{app, create_item, draft, ids, publish};

async fn read(client: &TestClient<BoxEndpoint<'static>>) -> Vec<String> {
    let resp = client.get("/v1/content/items").send().await;
    assert_eq!(resp.0.status(), StatusCode::OK);
    ids(&resp.json().await.value().deserialize())
}

#[tokio::test]
async fn a_publish_on_one_node_is_served_by_another_within_two_seconds() {
    let app = app().await;
    let editor = app.admin().await;
    let ctx = PlatformContext::new((*app.ctx.settings).clone(), TEST_BUILD).unwrap();
    let other = TestClient::new(haven_app::wiring::build_app(&ctx).endpoint);
    assert!(
        read(&other).await.is_empty(),
        "the second node has loaded its snapshot"
    );
    let (id, etag) = create_item(
        &app,
        &editor,
        &draft("meditation", &[("en", "Now")], &[300], None),
    )
    .await;
    publish(&app, &editor, &id, &etag, None).await;
    wait_until(
        Duration::from_secs(2),
        "the other node serves the publish",
        || async { read(&other).await == [id.clone()] },
    )
    .await;
}
