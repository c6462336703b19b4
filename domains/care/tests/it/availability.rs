//! Availability (issue 14 point 3): weekly rules in the provider's zone, exceptions, and
//! slots shown in the member's zone across DST changes on either side.

use haven_platform::testing::TestApp;
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{json_of, provider, schedule, send};

/// An app whose horizon reaches next year and whose notice is zero, so fixed 2027 dates
/// are bookable.
async fn app() -> TestApp {
    haven_app::testing::builder()
        .settings(|s| {
            s.care.booking_horizon_days = 365;
            s.care.min_notice_minutes = 0;
        })
        .build(haven_app::wiring::build_app)
        .await
}

async fn slots(
    app: &TestApp,
    who: &haven_platform::testing::SignedIn,
    provider: &str,
    kind: &str,
    from: &str,
    to: &str,
    zone: &str,
) -> Vec<Value> {
    let path = format!(
        "/v1/care/providers/{provider}/slots?appointment_type={kind}&from={from}&to={to}&time_zone={zone}"
    );
    let body = json_of(
        send(app, who, Method::GET, &path, None).await,
        StatusCode::OK,
    )
    .await;
    body["slots"].as_array().unwrap().clone()
}

fn field(slots: &[Value], name: &str) -> Vec<String> {
    slots
        .iter()
        .map(|s| s[name].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_0230_rule_on_the_spring_forward_day_starts_at_0330_daylight_time() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (_, p) = provider(&app, &admin, "coach", "America/New_York").await;
    let id = p["id"].as_str().unwrap();
    // Sunday 2027-03-14: New York skips 02:00–03:00.
    schedule(
        &app,
        &admin,
        id,
        json!({"rules": [{"weekday": 7, "start": "02:30", "end": "04:00"}], "exceptions": []}),
    )
    .await;
    let s = slots(
        &app,
        &member,
        id,
        "coaching_video",
        "2027-03-14T00:00:00Z",
        "2027-03-15T00:00:00Z",
        "America/New_York",
    )
    .await;
    // 02:30 does not exist: read with the offset before the change (EST), it is 07:30Z,
    // 03:30 EDT; the rule's end 04:00 EDT is 08:00Z, room for one 30-minute session.
    assert_eq!(field(&s, "starts_at"), vec!["2027-03-14T07:30:00Z"]);
    assert_eq!(field(&s, "local_start"), vec!["2027-03-14T03:30:00-04:00"]);
    // The Sunday before, the same rule is 90 minutes long: 02:30, 02:45 … 03:30 EST.
    let before = slots(
        &app,
        &member,
        id,
        "coaching_video",
        "2027-03-07T00:00:00Z",
        "2027-03-08T00:00:00Z",
        "America/New_York",
    )
    .await;
    assert_eq!(
        field(&before, "local_start").first().map(String::as_str),
        Some("2027-03-07T02:30:00-05:00")
    );
    assert_eq!(before.len(), 5);
}

#[tokio::test]
async fn a_rule_over_the_repeated_hour_of_the_fall_back_day_lasts_an_hour_longer() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (_, p) = provider(&app, &admin, "coach", "America/New_York").await;
    let id = p["id"].as_str().unwrap();
    // Sunday 2027-11-07: New York repeats 01:00–02:00.
    schedule(
        &app,
        &admin,
        id,
        json!({"rules": [{"weekday": 7, "start": "01:00", "end": "03:00"}], "exceptions": []}),
    )
    .await;
    let s = slots(
        &app,
        &member,
        id,
        "coaching_video",
        "2027-11-07T00:00:00Z",
        "2027-11-08T00:00:00Z",
        "America/New_York",
    )
    .await;
    // 01:00 EDT (05:00Z) to 03:00 EST (08:00Z): three real hours, starts every 15 min.
    let starts = field(&s, "starts_at");
    assert_eq!(starts.len(), 11, "{starts:?}");
    assert_eq!(starts[0], "2027-11-07T05:00:00Z");
    assert_eq!(starts[10], "2027-11-07T07:30:00Z");
    let local = field(&s, "local_start");
    assert_eq!(local[0], "2027-11-07T01:00:00-04:00");
    // 06:00Z is 01:00 again, in standard time.
    assert_eq!(local[4], "2027-11-07T01:00:00-05:00");
}

#[tokio::test]
async fn berlin_hours_move_for_a_new_york_member_between_the_two_dst_changes() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (_, p) = provider(&app, &admin, "therapist", "Europe/Berlin").await;
    let id = p["id"].as_str().unwrap();
    schedule(
        &app,
        &admin,
        id,
        json!({"rules": [{"weekday": 1, "start": "09:00", "end": "10:00"}], "exceptions": []}),
    )
    .await;
    let s = slots(
        &app,
        &member,
        id,
        "therapy",
        "2027-03-08T00:00:00Z",
        "2027-03-30T00:00:00Z",
        "America/New_York",
    )
    .await;
    // The US changes on 14 March, the EU on 28 March: for two weeks the gap is 5 h.
    assert_eq!(
        field(&s, "starts_at"),
        vec![
            "2027-03-08T08:00:00Z",
            "2027-03-15T08:00:00Z",
            "2027-03-22T08:00:00Z",
            "2027-03-29T07:00:00Z"
        ]
    );
    assert_eq!(
        field(&s, "local_start"),
        vec![
            "2027-03-08T03:00:00-05:00",
            "2027-03-15T04:00:00-04:00",
            "2027-03-22T04:00:00-04:00",
            "2027-03-29T03:00:00-04:00"
        ]
    );
    assert_eq!(field(&s, "ends_at")[0], "2027-03-08T08:50:00Z");
}

#[tokio::test]
async fn exceptions_take_days_off_and_add_hours() {
    let app = app().await;
    let admin = app.admin().await;
    let member = app.member().await;
    let (_, p) = provider(&app, &admin, "coach", "Europe/Berlin").await;
    let id = p["id"].as_str().unwrap();
    schedule(
        &app,
        &admin,
        id,
        json!({
            "rules": [{"weekday": 1, "start": "09:00", "end": "10:00"}],
            "exceptions": [
                {"date": "2027-06-07", "kind": "day_off", "start": null, "end": null},
                {"date": "2027-06-09", "kind": "extra_hours", "start": "18:00", "end": "18:30"}
            ]
        }),
    )
    .await;
    let s = slots(
        &app,
        &member,
        id,
        "coaching_video",
        "2027-06-06T00:00:00Z",
        "2027-06-15T00:00:00Z",
        "UTC",
    )
    .await;
    let starts = field(&s, "starts_at");
    // Monday 7 June is off; Wednesday 9 June 18:00 CEST is 16:00Z; Monday 14 June has
    // 09:00, 09:15, 09:30 CEST.
    assert_eq!(
        starts,
        vec![
            "2027-06-09T16:00:00Z",
            "2027-06-14T07:00:00Z",
            "2027-06-14T07:15:00Z",
            "2027-06-14T07:30:00Z"
        ]
    );
    // An end before the start, or a day off with times, is refused field by field.
    let resp = send(
        &app,
        &admin,
        Method::PUT,
        &format!("/v1/care/admin/providers/{id}/schedule"),
        Some(json!({
            "rules": [{"weekday": 1, "start": "10:00", "end": "09:00"}],
            "exceptions": [{"date": "2027-06-07", "kind": "day_off", "start": "09:00", "end": null}]
        })),
    )
    .await;
    let p = json_of(resp, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(p["errors"].as_array().unwrap().len(), 2, "{p}");
}

#[tokio::test]
async fn a_provider_sets_their_own_hours_through_the_guard() {
    let app = app().await;
    let admin = app.admin().await;
    let (coach, p) = provider(&app, &admin, "coach", "Europe/Berlin").await;
    let resp = send(
        &app,
        &coach,
        Method::PUT,
        "/v1/care/provider/schedule",
        Some(crate::support::always()),
    )
    .await;
    let body = json_of(resp, StatusCode::OK).await;
    assert_eq!(body["time_zone"], "Europe/Berlin");
    assert_eq!(body["schedule"]["rules"].as_array().unwrap().len(), 7);
    let member = app.member().await;
    let resp = send(
        &app,
        &member,
        Method::PUT,
        "/v1/care/provider/schedule",
        Some(crate::support::always()),
    )
    .await;
    assert_eq!(resp.0.status(), StatusCode::FORBIDDEN);
    let _ = p;
}
