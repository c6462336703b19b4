//! No health data in logs (issue 15 point 6): `support::send` checks the captured logs
//! after every request of the whole care suite; this proves the check can fail.

use poem::http::StatusCode;

use crate::support::{app, json_of, leaked_health_data, take};

#[tokio::test]
async fn health_data_that_reaches_the_logs_is_caught() {
    let app = app().await;
    let member = app.member().await;
    let answers = [3, 2, 1, 0, 3, 2, 1, 0, 0];
    json_of(
        take(&app, &member, "phq9", &answers).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(leaked_health_data(), None);

    tracing::debug!(answers = ?answers, "a careless line");
    assert_eq!(
        leaked_health_data().as_deref(),
        Some("[3, 2, 1, 0, 3, 2, 1, 0, 0]")
    );
}
