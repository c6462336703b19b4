//! The member's side (issue 13 points 7, 8, 9 and 11): playback sync with duplicates,
//! refusals and per-field errors; stats in local days; streaks in the event's or the
//! profile's zone; favorites; Today; export and erasure.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use haven_content::schema::{
    content_active_days as days, content_favorites as favs, content_playback_events as events,
};
use haven_platform::DbError;
use haven_platform::ids::UserId;
use haven_platform::testing::{AssertProblem, SignedIn, TestApp};
use poem::http::StatusCode;
use serde_json::{Value, json};

use crate::support::{app, json_of, published_item, service};

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A playback event body.
pub fn event(id: &str, kind: &str, item: &str, at: &str, zone: Option<&str>) -> Value {
    json!({
        "event_id": id, "type": kind, "item_id": item, "duration_s": 600,
        "position_s": if kind == "completed" { 600 } else { 0 },
        "occurred_at": at, "time_zone": zone,
    })
}

/// `POST /v1/content/me/playback/events`; the response.
pub async fn sync(app: &TestApp, member: &SignedIn, events: &[Value]) -> poem::test::TestResponse {
    member
        .post(
            app,
            "/v1/content/me/playback/events",
            &json!({ "events": events }),
        )
        .send()
        .await
}

/// Syncs and asserts 200; the body.
pub async fn sync_ok(app: &TestApp, member: &SignedIn, events: &[Value]) -> Value {
    let resp = sync(app, member, events).await;
    assert_eq!(resp.0.headers().get("cache-control").unwrap(), "no-store");
    json_of(resp, StatusCode::OK).await
}

async fn count_rows(app: &TestApp, user: &str) -> (i64, i64, i64) {
    let user: UserId = user.parse().unwrap();
    app.ctx
        .db
        .run(move |conn| {
            Ok::<_, DbError>((
                events::table
                    .filter(events::user_id.eq(user))
                    .count()
                    .get_result(conn)
                    .map_err(DbError::Query)?,
                days::table
                    .filter(days::user_id.eq(user))
                    .count()
                    .get_result(conn)
                    .map_err(DbError::Query)?,
                favs::table
                    .filter(favs::user_id.eq(user))
                    .count()
                    .get_result(conn)
                    .map_err(DbError::Query)?,
            ))
        })
        .await
        .unwrap()
}

#[tokio::test]
async fn an_offline_batch_synced_twice_is_all_duplicates_the_second_time() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    let batch = [
        event(
            "e-3",
            "completed",
            &item,
            "2026-01-10T20:10:00Z",
            Some("Europe/Paris"),
        ),
        event(
            "e-1",
            "started",
            &item,
            "2026-01-10T20:00:00Z",
            Some("Europe/Paris"),
        ),
        event(
            "e-2",
            "progress",
            &item,
            "2026-01-10T20:05:00Z",
            Some("Europe/Paris"),
        ),
    ];
    let first = sync_ok(&app, &member, &batch).await;
    assert_eq!(
        (&first["accepted"], &first["duplicates"], &first["refused"]),
        (&json!(3), &json!(0), &json!(0))
    );
    assert_eq!(first["results"][0]["event_id"], "e-3", "request order");
    assert_eq!(first["results"][0]["local_day"], "2026-01-10");
    let second = sync_ok(&app, &member, &batch).await;
    assert_eq!(second["duplicates"], 3);
    assert!(
        second["results"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "duplicate" && r["local_day"].is_null())
    );
    // The same id twice in one batch: the second is a duplicate.
    let again = sync_ok(
        &app,
        &member,
        &[
            event("e-4", "started", &item, "2026-01-11T08:00:00Z", None),
            event("e-4", "completed", &item, "2026-01-11T08:10:00Z", None),
        ],
    )
    .await;
    assert_eq!(
        (&again["accepted"], &again["duplicates"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(count_rows(&app, &member.user_id).await, (4, 1, 0));
    // Another member may use the same ids.
    let other = app.member().await;
    assert_eq!(sync_ok(&app, &other, &batch).await["accepted"], 3);
}

#[tokio::test]
async fn malformed_events_are_422_per_field_and_write_nothing() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    let mut bad = event(
        "ok-1",
        "completed",
        &item,
        "2026-01-10T20:10:00Z",
        Some("Mars/Olympus"),
    );
    bad["position_s"] = json!(700);
    let body = sync(
        &app,
        &member,
        &[
            event("fine", "completed", &item, "2026-01-10T20:00:00Z", None),
            bad,
            event("bad id!", "started", &item, "2026-01-10T20:00:00Z", None),
        ],
    )
    .await
    .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
    .await;
    let mut fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "events[1].position_s",
            "events[1].time_zone",
            "events[2].event_id"
        ]
    );
    sync(&app, &member, &[])
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let too_many: Vec<Value> = (0..501)
        .map(|i| {
            event(
                &format!("e{i}"),
                "started",
                &item,
                "2026-01-10T20:00:00Z",
                None,
            )
        })
        .collect();
    sync(&app, &member, &too_many)
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    assert_eq!(count_rows(&app, &member.user_id).await, (0, 0, 0));
    // Unauthenticated: 401 before anything else.
    let resp = app
        .client
        .post("/v1/content/me/playback/events")
        .body_json(&json!({"events": []}))
        .send()
        .await;
    resp.assert_status(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn far_future_and_unknown_items_are_refused_per_event_and_500_events_fit() {
    let app = haven_app::testing::builder()
        .settings(|s| s.content.max_event_skew_s = 60)
        .build(haven_app::wiring::build_app)
        .await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    let now = Utc::now();
    let body = sync_ok(
        &app,
        &member,
        &[
            event(
                "soon",
                "started",
                &item,
                &ts(now + Duration::seconds(30)),
                None,
            ),
            event(
                "later",
                "started",
                &item,
                &ts(now + Duration::minutes(5)),
                None,
            ),
            event(
                "ghost",
                "started",
                "itm_01h455vb4pex5vsknk084sn02q",
                &ts(now),
                None,
            ),
        ],
    )
    .await;
    let statuses: Vec<(&str, &str, Option<&str>)> = body["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["event_id"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
                r["reason"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("soon", "accepted", None),
            ("later", "refused", Some("too_far_in_future")),
            ("ghost", "refused", Some("unknown_item")),
        ]
    );
    let full: Vec<Value> = (0..500)
        .map(|i| {
            event(
                &format!("b{i:03}"),
                "progress",
                &item,
                "2026-02-01T10:00:00Z",
                None,
            )
        })
        .collect();
    assert_eq!(sync_ok(&app, &member, &full).await["accepted"], 500);
    assert_eq!(count_rows(&app, &member.user_id).await.0, 501);
}

#[tokio::test]
async fn local_days_use_the_event_zone_then_the_profile_zone_and_end_at_four() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "sleepcast", &[("en", "S")], &[600]).await;
    let member = app.member().await;
    // 16:30Z is 01:30 the next morning in Tokyo: the evening before (the 10th).
    let body = sync_ok(
        &app,
        &member,
        &[
            event(
                "tokyo",
                "completed",
                &item,
                "2026-01-10T16:30:00Z",
                Some("Asia/Tokyo"),
            ),
            event("plain", "completed", &item, "2026-01-10T16:30:00Z", None),
        ],
    )
    .await;
    assert_eq!(body["results"][0]["local_day"], "2026-01-10");
    assert_eq!(
        body["results"][1]["local_day"], "2026-01-10",
        "UTC without a profile zone"
    );
    // With a profile zone, an event without one is placed in it.
    member
        .patch(
            &app,
            "/v1/identity/me",
            &json!({"time_zone": "America/Los_Angeles"}),
        )
        .send()
        .await
        .assert_status_is_ok();
    let body = sync_ok(
        &app,
        &member,
        &[event(
            "la",
            "completed",
            &item,
            "2026-01-12T05:00:00Z",
            None,
        )],
    )
    .await;
    assert_eq!(
        body["results"][0]["local_day"], "2026-01-11",
        "21:00 in Los Angeles"
    );
    let zone: String = app
        .ctx
        .db
        .run(|conn| {
            events::table
                .filter(events::event_id.eq("la"))
                .select(events::time_zone)
                .first(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(zone, "America/Los_Angeles");

    // A day cut at midnight instead: 01:30 in Tokyo is the 11th.
    let midnight = haven_app::testing::builder()
        .settings(|s| s.content.day_end_hour = 0)
        .build(haven_app::wiring::build_app)
        .await;
    let editor = midnight.admin().await;
    let item = published_item(&midnight, &editor, "sleepcast", &[("en", "S")], &[600]).await;
    let member = midnight.member().await;
    let body = sync_ok(
        &midnight,
        &member,
        &[event(
            "tokyo",
            "completed",
            &item,
            "2026-01-10T16:30:00Z",
            Some("Asia/Tokyo"),
        )],
    )
    .await;
    assert_eq!(body["results"][0]["local_day"], "2026-01-11");
}

#[tokio::test]
async fn stats_count_completed_minutes_and_sessions_per_local_day() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    let now = Utc::now();
    let mut e = event(
        "y1",
        "completed",
        &item,
        &ts(now - Duration::days(1)),
        Some("UTC"),
    );
    e["duration_s"] = json!(900);
    e["position_s"] = json!(900);
    sync_ok(
        &app,
        &member,
        &[
            e,
            event("t1", "completed", &item, &ts(now), Some("UTC")),
            event(
                "t2",
                "completed",
                &item,
                &ts(now - Duration::seconds(1)),
                Some("UTC"),
            ),
            event("t3", "started", &item, &ts(now), Some("UTC")),
        ],
    )
    .await;
    let resp = member
        .get(&app, "/v1/content/me/stats?days=3&time_zone=UTC")
        .send()
        .await;
    let stats = json_of(resp, StatusCode::OK).await;
    assert_eq!(stats["total_sessions"], 3);
    assert_eq!(stats["total_minutes"], 35);
    let days = stats["days"].as_array().unwrap();
    assert_eq!(days.len(), 3);
    assert_eq!(days[2]["day"], stats["today"]);
    let today_sessions = days[2]["sessions"].as_u64().unwrap();
    let yesterday_sessions = days[1]["sessions"].as_u64().unwrap();
    // Near 04:00 UTC "now" and "a day ago" shift together, so the split is stable.
    assert_eq!(today_sessions + yesterday_sessions, 3);
    assert_eq!(days[0]["sessions"], 0);
    member
        .get(&app, "/v1/content/me/stats?time_zone=Nowhere/Land")
        .send()
        .await
        .assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
}

#[tokio::test]
async fn the_streak_counts_consecutive_local_days_once_each() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    let now = Utc::now();
    let events: Vec<Value> = (0..3)
        .flat_map(|d| {
            let at = now - Duration::days(d);
            [
                event(&format!("a{d}"), "completed", &item, &ts(at), Some("UTC")),
                event(
                    &format!("b{d}"),
                    "completed",
                    &item,
                    &ts(at - Duration::seconds(5)),
                    Some("UTC"),
                ),
            ]
        })
        .collect();
    sync_ok(&app, &member, &events).await;
    let resp = member
        .get(&app, "/v1/content/me/streak?time_zone=UTC")
        .send()
        .await;
    assert_eq!(resp.0.headers().get("cache-control").unwrap(), "no-store");
    let streak = json_of(resp, StatusCode::OK).await;
    assert_eq!(streak["current"], 3, "{streak}");
    assert_eq!(streak["today_counted"], true);
    assert_eq!(streak["max_freezes"], 2);
    assert_eq!(count_rows(&app, &member.user_id).await.1, 3);
}

#[tokio::test]
async fn a_flight_across_the_date_line_keeps_the_streak_through_the_api() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    // Sunday and Monday evening in Honolulu, fly west, Wednesday evening in Tokyo.
    sync_ok(
        &app,
        &member,
        &[
            event(
                "sun",
                "completed",
                &item,
                "2026-07-06T06:00:00Z",
                Some("Pacific/Honolulu"),
            ),
            event(
                "mon",
                "completed",
                &item,
                "2026-07-07T06:00:00Z",
                Some("Pacific/Honolulu"),
            ),
            event(
                "wed",
                "completed",
                &item,
                "2026-07-08T11:00:00Z",
                Some("Asia/Tokyo"),
            ),
        ],
    )
    .await;
    let user: UserId = member.user_id.parse().unwrap();
    let tokyo = "Asia/Tokyo".parse().unwrap();
    let at = DateTime::parse_from_rfc3339("2026-07-08T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let s = service(&app).streak_at(&user, tokyo, at).await.unwrap();
    assert_eq!((s.streak.current, s.streak.freezes_banked), (3, 0));
    assert!(s.streak.frozen_days.is_empty());
    // Friday in Tokyo with Thursday missed: broken.
    let fri = DateTime::parse_from_rfc3339("2026-07-10T03:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        service(&app)
            .streak_at(&user, tokyo, fri)
            .await
            .unwrap()
            .streak
            .current,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_concurrent_completions_raise_the_streak_by_one_on_postgres() {
    if haven_platform::testing::require_service(haven_platform::testing::Service::Postgres)
        .is_none()
    {
        return;
    }
    let app = haven_app::testing::builder()
        .settings(|s| s.database.pool_max = 24)
        .build(haven_app::wiring::build_app)
        .await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    let now = Utc::now();
    sync_ok(
        &app,
        &member,
        &[event(
            "yesterday",
            "completed",
            &item,
            &ts(now - Duration::days(1)),
            Some("UTC"),
        )],
    )
    .await;
    let before = json_of(
        member
            .get(&app, "/v1/content/me/streak?time_zone=UTC")
            .send()
            .await,
        StatusCode::OK,
    )
    .await["current"]
        .as_u64()
        .unwrap();
    let requests = (0..100).map(|i| {
        let body =
            json!({"events": [event(&format!("c{i}"), "completed", &item, &ts(now), Some("UTC"))]});
        let (app, member) = (&app, &member);
        async move {
            member
                .post(app, "/v1/content/me/playback/events", &body)
                .send()
                .await
                .0
                .status()
        }
    });
    let statuses = futures_util::future::join_all(requests).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    let after = json_of(
        member
            .get(&app, "/v1/content/me/streak?time_zone=UTC")
            .send()
            .await,
        StatusCode::OK,
    )
    .await["current"]
        .as_u64()
        .unwrap();
    assert_eq!(after, before + 1);
    assert_eq!(count_rows(&app, &member.user_id).await, (101, 2, 0));
}

#[tokio::test]
async fn favorites_put_and_delete_idempotently_and_only_published_ones() {
    let app = app().await;
    let editor = app.admin().await;
    let a = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let b = published_item(&app, &editor, "music", &[("en", "B")], &[600]).await;
    let member = app.member().await;
    for path in [&a, &a, &b] {
        member
            .put(
                &app,
                format!("/v1/content/me/favorites/items/{path}"),
                &json!(null),
            )
            .send()
            .await
            .assert_status(StatusCode::NO_CONTENT);
    }
    let resp = member
        .get(&app, "/v1/content/me/favorites?limit=1")
        .send()
        .await;
    assert_eq!(resp.0.headers().get("cache-control").unwrap(), "private");
    let page = json_of(resp, StatusCode::OK).await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert!(page["next_cursor"].is_string());
    assert_eq!(count_rows(&app, &member.user_id).await.2, 2);
    for _ in 0..2 {
        member
            .delete(&app, format!("/v1/content/me/favorites/items/{a}"))
            .send()
            .await
            .assert_status(StatusCode::NO_CONTENT);
    }
    let page = json_of(
        member.get(&app, "/v1/content/me/favorites").send().await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"][0]["item_id"], json!(b));
    assert_eq!(page["items"][0]["kind"], "item");
    member
        .put(
            &app,
            "/v1/content/me/favorites/items/itm_01h455vb4pex5vsknk084sn02q",
            &json!(null),
        )
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    member
        .put(
            &app,
            "/v1/content/me/favorites/courses/crs_01h455vb4pex5vsknk084sn02q",
            &json!(null),
        )
        .send()
        .await
        .assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    assert_eq!(count_rows(&app, &member.user_id).await.2, 1);
}

#[tokio::test]
async fn today_follows_the_time_of_day_and_is_deterministic() {
    let app = app().await;
    let editor = app.admin().await;
    let med = published_item(&app, &editor, "meditation", &[("en", "M")], &[600]).await;
    let sleep = published_item(&app, &editor, "sleepcast", &[("en", "S")], &[600]).await;
    let fav = published_item(&app, &editor, "music", &[("en", "F")], &[600]).await;
    let member = app.member().await;
    member
        .put(
            &app,
            format!("/v1/content/me/favorites/items/{fav}"),
            &json!(null),
        )
        .send()
        .await
        .assert_status(StatusCode::NO_CONTENT);
    // A whole second ahead: `at` is sent in whole seconds and must follow the favorite.
    let now = Utc::now() + Duration::seconds(1);
    sync_ok(
        &app,
        &member,
        &[event(
            "p",
            "completed",
            &med,
            &ts(now - Duration::minutes(5)),
            None,
        )],
    )
    .await;
    let today = |zone: String, at: DateTime<Utc>| {
        let (app, member) = (&app, &member);
        async move {
            let zone = zone.replace('+', "%2B");
            let path = format!("/v1/content/me/today?time_zone={zone}&at={}", ts(at));
            let resp = member.get(app, path).send().await;
            assert_eq!(resp.0.headers().get("cache-control").unwrap(), "private");
            json_of(resp, StatusCode::OK).await
        }
    };
    // A fixed-offset zone where it is `hour` o'clock now.
    let zone_at = |hour: i64| {
        let utc_hour = i64::from(chrono::Timelike::hour(&now));
        let mut k = (hour - utc_hour).rem_euclid(24);
        if k > 14 {
            k -= 24;
        }
        match k {
            0 => "Etc/GMT".to_owned(),
            k if k > 0 => format!("Etc/GMT-{k}"),
            k => format!("Etc/GMT+{}", -k),
        }
    };
    let pick = |f: &Value, reason: &str| -> Vec<String> {
        f["entries"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["reason"] == reason)
            .map(|e| e["item"]["id"].as_str().unwrap().to_owned())
            .collect()
    };
    let morning = today(zone_at(8), now).await;
    assert_eq!(morning["part_of_day"], "morning", "{morning}");
    assert_eq!(pick(&morning, "time_of_day"), [med.as_str()]);
    let night = today(zone_at(23), now).await;
    assert_eq!(night["part_of_day"], "night", "{night}");
    assert_eq!(pick(&night, "time_of_day"), [sleep.as_str()]);
    assert_eq!(pick(&night, "favorite"), [fav.as_str()]);
    assert_eq!(pick(&night, "recently_played"), [med.as_str()]);
    // Each item once, under its first reason: new releases come after the member's own.
    assert!(pick(&night, "new_release").is_empty(), "{night}");
    assert_eq!(pick(&morning, "new_release"), [sleep.as_str()]);
    assert!(pick(&morning, "recently_played").is_empty());
    assert_eq!(
        today(zone_at(23), now).await,
        night,
        "same member, instant and catalog"
    );
    // Before anything was recorded, no history and no favorites.
    let early = today(zone_at(23), now - Duration::days(30)).await;
    assert!(pick(&early, "recently_played").is_empty());
    assert!(pick(&early, "favorite").is_empty());
    assert!(pick(&early, "new_release").is_empty());
}

#[tokio::test]
async fn export_includes_and_erasure_deletes_the_members_content_data() {
    let app = app().await;
    let editor = app.admin().await;
    let item = published_item(&app, &editor, "meditation", &[("en", "A")], &[600]).await;
    let member = app.member().await;
    sync_ok(
        &app,
        &member,
        &[event("x", "completed", &item, &ts(Utc::now()), Some("UTC"))],
    )
    .await;
    member
        .put(
            &app,
            format!("/v1/content/me/favorites/items/{item}"),
            &json!(null),
        )
        .send()
        .await
        .assert_status(StatusCode::NO_CONTENT);
    let user: UserId = member.user_id.parse().unwrap();
    let content = service(&app);
    let haven_platform::privacy::UserData::Exported(data) =
        content.export_user(&user).await.unwrap()
    else {
        panic!("content keeps data");
    };
    assert_eq!(data["playback_events"][0]["event_id"], "x");
    assert_eq!(data["favorites"][0]["id"], json!(item));
    assert_eq!(data["streak"]["current"], 1);
    assert_eq!(data["active_days"].as_array().unwrap().len(), 1);
    content.erase_user(&user).await.unwrap();
    content.erase_user(&user).await.unwrap();
    assert_eq!(count_rows(&app, &member.user_id).await, (0, 0, 0));
    let haven_platform::privacy::UserData::Exported(data) =
        content.export_user(&user).await.unwrap()
    else {
        panic!("content keeps data");
    };
    assert!(data["playback_events"].as_array().unwrap().is_empty());
    assert!(data["streak"].is_null());
}
