//! Booking, eligibility, the cancel/reschedule/no-show policy, care teams and matching
//! (issue 14 points 4–6, 8), and races on PostgreSQL.

use chrono::Duration;
use diesel::prelude::*;
use futures_util::future::join_all;
use haven_platform::DbError;
use haven_platform::testing::{AssertProblem, Service, SignedIn, TestApp, require_service};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{
    always, appointments, book, consumed, grant, json_of, profile, provider, rfc, schedule, send,
    tomorrow_at,
};

/// An app with `free_cancel_hours` and a provider of `kind` available around the clock.
async fn setup(kind: &str, free_cancel_hours: u32) -> (TestApp, SignedIn, SignedIn, String) {
    let app = haven_app::testing::builder()
        .settings(|s| {
            s.care.free_cancel_hours = free_cancel_hours;
            s.database.pool_max = 24;
            // The race tests sign in 50 members from one address.
            s.rate_limits.insert(
                "identity_login_ip".to_owned(),
                haven_platform::config::RateLimitPolicy {
                    limit: 1000,
                    window_s: 300,
                },
            );
        })
        .build(haven_app::wiring::build_app)
        .await;
    let admin = app.admin().await;
    let (account, p) = provider(&app, &admin, kind, "UTC").await;
    let id = p["id"].as_str().unwrap().to_owned();
    schedule(&app, &admin, &id, always()).await;
    (app, admin, account, id)
}

/// A member with a California care profile.
async fn member(app: &TestApp) -> SignedIn {
    let m = app.member().await;
    profile(app, &m, "America/Los_Angeles").await;
    m
}

async fn cancel(app: &TestApp, who: &SignedIn, path: &str) -> Value {
    json_of(
        send(app, who, Method::POST, path, None).await,
        StatusCode::OK,
    )
    .await
}

#[tokio::test]
async fn coaching_needs_the_feature_and_puts_the_coach_on_the_care_team() {
    let (app, admin, _, coach) = setup("coach", 24).await;
    let m = member(&app).await;
    let at = tomorrow_at(10);
    book(&app, &m, &coach, "coaching_video", at)
        .await
        .assert_problem(StatusCode::FORBIDDEN, "not_entitled")
        .await;
    grant(&app, &admin, &m.user_id, "care.coaching", None).await;
    let resp = book(&app, &m, &coach, "coaching_video", at).await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let a = json_of(resp, StatusCode::CREATED).await;
    assert_eq!(a["status"], "booked");
    assert_eq!(a["starts_at"], rfc(at));
    let id = a["id"].as_str().unwrap();
    assert_eq!(a["video_url"], format!("https://video.haven.dev/join/{id}"));

    let team = json_of(
        send(&app, &m, Method::GET, "/v1/care/me/care-team", None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(team[0]["provider_id"], coach.as_str());

    // The slot (and the 5-minute buffer after it) is gone from the list.
    let path = format!(
        "/v1/care/providers/{coach}/slots?appointment_type=coaching_video&from={}&to={}",
        rfc(at - Duration::hours(1)),
        rfc(at + Duration::hours(1))
    );
    let slots = json_of(
        send(&app, &m, Method::GET, &path, None).await,
        StatusCode::OK,
    )
    .await;
    let starts: Vec<_> = slots["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["starts_at"].as_str().unwrap().to_owned())
        .collect();
    assert!(!starts.contains(&rfc(at)));
    assert!(
        !starts.contains(&rfc(at + Duration::minutes(30))),
        "buffer: {starts:?}"
    );
    assert!(starts.contains(&rfc(at + Duration::minutes(45))));
    assert!(
        !starts.contains(&rfc(at - Duration::minutes(15))),
        "{starts:?}"
    );
}

#[tokio::test]
async fn therapy_consumes_a_unit_that_a_timely_cancel_gives_back() {
    let (app, admin, _, therapist) = setup("therapist", 24).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(1)).await;
    let a = json_of(
        book(&app, &m, &therapist, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(consumed(&app, "care.therapy").await, 1);
    // The only unit is used: a second session is refused and leaves no row behind.
    book(&app, &m, &therapist, "therapy", tomorrow_at(14))
        .await
        .assert_problem(StatusCode::CONFLICT, "quota_exhausted")
        .await;
    assert_eq!(appointments(&app).await, vec![("booked".to_owned(), false)]);

    let c = cancel(
        &app,
        &m,
        &format!("/v1/care/appointments/{}/cancel", a["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(c["unit_released"], true);
    assert_eq!(c["late"], false);
    assert_eq!(c["appointment"]["status"], "cancelled");
    assert_eq!(c["appointment"]["cancelled_by"], "member");
    assert_eq!(consumed(&app, "care.therapy").await, 0);
    // The unit is back: the second session books now.
    json_of(
        book(&app, &m, &therapist, "therapy", tomorrow_at(14)).await,
        StatusCode::CREATED,
    )
    .await;
}

#[tokio::test]
async fn a_late_cancel_keeps_the_unit_and_three_strikes_pause_self_booking() {
    // Sessions two days out are inside a 72-hour window: every cancel is late.
    let (app, admin, _, therapist) = setup("therapist", 72).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(10)).await;
    for hour in [8, 10, 12] {
        let a = json_of(
            book(&app, &m, &therapist, "therapy", tomorrow_at(hour)).await,
            StatusCode::CREATED,
        )
        .await;
        let c = cancel(
            &app,
            &m,
            &format!("/v1/care/appointments/{}/cancel", a["id"].as_str().unwrap()),
        )
        .await;
        assert_eq!(c["late"], true);
        assert_eq!(c["unit_released"], false);
        assert_eq!(c["appointment"]["strike"], true);
    }
    assert_eq!(consumed(&app, "care.therapy").await, 3);
    let p = book(&app, &m, &therapist, "therapy", tomorrow_at(16))
        .await
        .assert_problem(StatusCode::CONFLICT, "self_booking_paused")
        .await;
    assert!(
        p["detail"].as_str().unwrap().contains("paused until"),
        "{p}"
    );
    assert_eq!(consumed(&app, "care.therapy").await, 3);
}

#[tokio::test]
async fn one_slot_one_booking_and_no_member_in_two_sessions() {
    let (app, admin, _, coach) = setup("coach", 24).await;
    let (a, b) = (member(&app).await, member(&app).await);
    for m in [&a, &b] {
        grant(&app, &admin, &m.user_id, "care.coaching", None).await;
    }
    json_of(
        book(&app, &a, &coach, "coaching_video", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    book(&app, &b, &coach, "coaching_video", tomorrow_at(10))
        .await
        .assert_problem(StatusCode::CONFLICT, "slot_unavailable")
        .await;
    // Overlapping, not identical (10:15 falls inside 10:00–10:35 with the buffer).
    book(
        &app,
        &b,
        &coach,
        "coaching_video",
        tomorrow_at(10) + Duration::minutes(15),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "slot_unavailable")
    .await;
    // A start off the provider's grid is no slot at all.
    book(
        &app,
        &b,
        &coach,
        "coaching_video",
        tomorrow_at(11) + Duration::minutes(7),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "slot_unavailable")
    .await;
    // Another coach at the same time: the member cannot be in two sessions.
    let (_, other) = provider(&app, &admin, "coach", "UTC").await;
    let other = other["id"].as_str().unwrap();
    schedule(&app, &admin, other, always()).await;
    book(&app, &a, other, "coaching_video", tomorrow_at(10))
        .await
        .assert_problem(StatusCode::CONFLICT, "appointment_overlaps")
        .await;
}

#[tokio::test]
async fn licensing_and_the_accepting_flag_decide_who_may_book() {
    let (app, admin, _, therapist) = setup("therapist", 24).await;
    let m = app.member().await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(5)).await;
    book(&app, &m, &therapist, "therapy", tomorrow_at(10))
        .await
        .assert_problem(StatusCode::CONFLICT, "care_profile_required")
        .await;
    // New York: the provider is licensed in California and Germany only.
    let resp = send(&app, &m, Method::PUT, "/v1/care/me/profile", Some(json!({
        "country": "US", "us_state": "NY", "languages": ["en"], "time_zone": "America/New_York", "emergency_contact": null
    }))).await;
    json_of(resp, StatusCode::OK).await;
    book(&app, &m, &therapist, "therapy", tomorrow_at(10))
        .await
        .assert_problem(StatusCode::CONFLICT, "provider_not_licensed")
        .await;
    // An expired license does not count either.
    let (acct, p) = provider(&app, &admin, "therapist", "UTC").await;
    let pid = p["id"].as_str().unwrap();
    let mut body = crate::support::provider_body(&acct.user_id, "therapist", "UTC");
    body["licenses"] = json!([{"jurisdiction": "US-NY", "number": "NY-1", "authority": "NYSED", "expires_on": "2020-01-01"}]);
    json_of(
        send(
            &app,
            &admin,
            Method::PUT,
            &format!("/v1/care/admin/providers/{pid}"),
            Some(body.clone()),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    schedule(&app, &admin, pid, always()).await;
    book(&app, &m, pid, "therapy", tomorrow_at(10))
        .await
        .assert_problem(StatusCode::CONFLICT, "provider_not_licensed")
        .await;
    // Licensed again, but not accepting new members.
    body["licenses"][0]["expires_on"] = json!("2031-01-01");
    body["accepting_new"] = json!(false);
    json_of(
        send(
            &app,
            &admin,
            Method::PUT,
            &format!("/v1/care/admin/providers/{pid}"),
            Some(body),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    book(&app, &m, pid, "therapy", tomorrow_at(10))
        .await
        .assert_problem(StatusCode::CONFLICT, "provider_not_accepting")
        .await;
    assert_eq!(consumed(&app, "care.therapy").await, 0);
    assert!(appointments(&app).await.is_empty());
}

#[tokio::test]
async fn rescheduling_is_atomic_and_keeps_the_unit() {
    let (app, admin, _, therapist) = setup("therapist", 24).await;
    let (a, b) = (member(&app).await, member(&app).await);
    for m in [&a, &b] {
        grant(&app, &admin, &m.user_id, "care.therapy", Some(1)).await;
    }
    let first = json_of(
        book(&app, &a, &therapist, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    json_of(
        book(&app, &b, &therapist, "therapy", tomorrow_at(12)).await,
        StatusCode::CREATED,
    )
    .await;
    let path = format!(
        "/v1/care/appointments/{}/reschedule",
        first["id"].as_str().unwrap()
    );
    // Taken: refused, and the old appointment is still booked.
    send(
        &app,
        &a,
        Method::POST,
        &path,
        Some(json!({"starts_at": rfc(tomorrow_at(12))})),
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "slot_unavailable")
    .await;
    let old = json_of(
        send(
            &app,
            &a,
            Method::GET,
            &format!("/v1/care/appointments/{}", first["id"].as_str().unwrap()),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(old["status"], "booked");
    // Fifteen minutes later overlaps the old time itself: allowed.
    let moved = json_of(
        send(
            &app,
            &a,
            Method::POST,
            &path,
            Some(json!({"starts_at": rfc(tomorrow_at(10) + Duration::minutes(15))})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(moved["rescheduled_from"], first["id"]);
    assert_eq!(moved["status"], "booked");
    let statuses: Vec<String> = appointments(&app)
        .await
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(statuses, vec!["rescheduled", "booked", "booked"]);
    assert_eq!(consumed(&app, "care.therapy").await, 2);
    // The moved session's unit is the original one: cancelling it in time gives it back.
    let c = cancel(
        &app,
        &a,
        &format!(
            "/v1/care/appointments/{}/cancel",
            moved["id"].as_str().unwrap()
        ),
    )
    .await;
    assert_eq!(c["unit_released"], true);
    assert_eq!(consumed(&app, "care.therapy").await, 1);
}

#[tokio::test]
async fn a_provider_cancel_always_gives_the_unit_back_and_offers_next_slots() {
    // Every member cancel would be late; the provider's never is.
    let (app, admin, clinician, therapist) = setup("therapist", 72).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(1)).await;
    let a = json_of(
        book(&app, &m, &therapist, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let id = a["id"].as_str().unwrap();
    // Another member's provider path is not theirs to use.
    send(
        &app,
        &m,
        Method::POST,
        &format!("/v1/care/provider/appointments/{id}/cancel"),
        None,
    )
    .await
    .assert_problem(StatusCode::FORBIDDEN, "forbidden")
    .await;
    let c = cancel(
        &app,
        &clinician,
        &format!("/v1/care/provider/appointments/{id}/cancel"),
    )
    .await;
    assert_eq!(c["unit_released"], true);
    assert_eq!(c["late"], false);
    assert_eq!(c["appointment"]["cancelled_by"], "provider");
    assert!(!c["next_slots"].as_array().unwrap().is_empty());
    assert_eq!(consumed(&app, "care.therapy").await, 0);
    // The member's notice is queued with the cancellation.
    let queued: i64 = app
        .ctx
        .db
        .run(|conn| {
            use haven_platform::schema::platform_jobs as j;
            j::table
                .filter(j::kind.eq("care.notify_provider_cancel"))
                .count()
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    assert_eq!(queued, 1);
}

#[tokio::test]
async fn only_a_started_session_can_be_a_no_show_and_it_is_a_strike() {
    let (app, admin, clinician, therapist) = setup("therapist", 24).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(2)).await;
    let a = json_of(
        book(&app, &m, &therapist, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let id = a["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/care/provider/appointments/{id}/no-show");
    send(&app, &clinician, Method::POST, &path, None)
        .await
        .assert_problem(StatusCode::CONFLICT, "appointment_not_started")
        .await;
    // Time passes: the session started an hour ago.
    let started = (chrono::Utc::now() - Duration::hours(1)).naive_utc();
    let moved = id.clone();
    app.ctx
        .db
        .run(move |conn| {
            use haven_care::schema::care_appointments as t;
            diesel::update(t::table.filter(t::id.eq(moved)))
                .set((
                    t::starts_at.eq(started),
                    t::ends_at.eq(started + Duration::minutes(50)),
                    t::blocked_from.eq(started),
                    t::blocked_until.eq(started + Duration::minutes(60)),
                ))
                .execute(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    send(
        &app,
        &m,
        Method::POST,
        &format!("/v1/care/appointments/{id}/cancel"),
        None,
    )
    .await
    .assert_problem(StatusCode::CONFLICT, "appointment_started")
    .await;
    let a = json_of(
        send(&app, &clinician, Method::POST, &path, None).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(a["status"], "no_show");
    assert_eq!(a["strike"], true);
    assert_eq!(consumed(&app, "care.therapy").await, 1);
}

#[tokio::test]
async fn matching_ranks_licensed_speakers_by_specialty_and_explains_why() {
    let app = haven_app::testing::app().await;
    let admin = app.admin().await;
    let m = member(&app).await;
    let mut ids = Vec::new();
    for (specialties, languages, state, accepting) in [
        (json!(["sleep"]), json!(["en"]), "US-CA", true),
        (json!(["anxiety", "sleep"]), json!(["en"]), "US-CA", true),
        (json!(["anxiety"]), json!(["de"]), "US-CA", true),
        (json!(["anxiety"]), json!(["en"]), "US-TX", true),
        (json!(["anxiety"]), json!(["en"]), "US-CA", false),
    ] {
        let acct = app.clinician().await;
        let mut body = crate::support::provider_body(&acct.user_id, "therapist", "UTC");
        body["specialties"] = specialties;
        body["languages"] = languages;
        body["licenses"][0]["jurisdiction"] = json!(state);
        body["accepting_new"] = json!(accepting);
        let p = json_of(
            send(
                &app,
                &admin,
                Method::POST,
                "/v1/care/admin/providers",
                Some(body),
            )
            .await,
            StatusCode::CREATED,
        )
        .await;
        let id = p["id"].as_str().unwrap().to_owned();
        schedule(&app, &admin, &id, always()).await;
        ids.push(id);
    }
    let resp = send(
        &app,
        &m,
        Method::GET,
        "/v1/care/me/matches?appointment_type=therapy&specialties=anxiety&specialties=sleep",
        None,
    )
    .await;
    assert_eq!(resp.0.headers()["cache-control"], "no-store");
    let found = json_of(resp, StatusCode::OK).await;
    let order: Vec<_> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["provider"]["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(order, vec![ids[1].clone(), ids[0].clone()]);
    let reasons: Vec<_> = found[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_owned())
        .collect();
    for r in [
        "licensed_in:US-CA",
        "speaks:en",
        "accepting_new_members",
        "specialty:anxiety",
        "specialty:sleep",
    ] {
        assert!(reasons.contains(&r.to_owned()), "{r}: {reasons:?}");
    }
    assert!(
        reasons.iter().any(|r| r.starts_with("available:")),
        "{reasons:?}"
    );
    assert!(found[0]["soonest_slot"].is_string());

    // Without specialties (the parameter is optional) both match, soonest first.
    let all = json_of(
        send(
            &app,
            &m,
            Method::GET,
            "/v1/care/me/matches?appointment_type=therapy",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(all.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn fifty_concurrent_bookings_of_one_slot_one_wins_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let (app, admin, _, therapist) = setup("therapist", 24).await;
    let mut members = Vec::new();
    for _ in 0..50 {
        let m = member(&app).await;
        grant(&app, &admin, &m.user_id, "care.therapy", Some(1)).await;
        members.push(m);
    }
    let at = tomorrow_at(10);
    let resps = join_all(
        members
            .iter()
            .map(|m| book(&app, m, &therapist, "therapy", at)),
    )
    .await;
    let mut created = 0;
    for r in resps {
        if r.0.status() == StatusCode::CREATED {
            created += 1;
        } else {
            r.assert_problem(StatusCode::CONFLICT, "slot_unavailable")
                .await;
        }
    }
    assert_eq!(created, 1);
    assert_eq!(appointments(&app).await, vec![("booked".to_owned(), false)]);
    assert_eq!(consumed(&app, "care.therapy").await, 1);
}

#[tokio::test]
async fn overlapping_slots_booked_concurrently_one_wins_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let (app, admin, _, therapist) = setup("therapist", 24).await;
    let mut members = Vec::new();
    for _ in 0..16 {
        let m = member(&app).await;
        grant(&app, &admin, &m.user_id, "care.therapy", Some(1)).await;
        members.push(m);
    }
    // Starts 10:00, 10:15, 10:30, 10:45: 60 blocked minutes each, all overlapping.
    let resps = join_all(members.iter().enumerate().map(|(i, m)| {
        book(
            &app,
            m,
            &therapist,
            "therapy",
            tomorrow_at(10) + Duration::minutes(15 * (i as i64 % 4)),
        )
    }))
    .await;
    let mut created = 0;
    for r in resps {
        if r.0.status() == StatusCode::CREATED {
            created += 1;
        } else {
            r.assert_problem(StatusCode::CONFLICT, "slot_unavailable")
                .await;
        }
    }
    assert_eq!(created, 1);
    assert_eq!(appointments(&app).await.len(), 1);
    assert_eq!(consumed(&app, "care.therapy").await, 1);
}

#[tokio::test]
async fn export_and_erasure_keep_held_sessions_cut_from_the_person() {
    let (app, admin, _, coach) = setup("coach", 24).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.coaching", None).await;
    json_of(
        book(&app, &m, &coach, "coaching_video", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let service = haven_app::wiring::modules(&app.ctx).care.service().clone();
    let user: haven_platform::ids::UserId = m.user_id.parse().unwrap();
    let export = service.export_member(&user).await.unwrap();
    assert_eq!(export["appointments"].as_array().unwrap().len(), 1);
    assert_eq!(export["care_profile"]["us_state"], "CA");
    service.erase_member(&user).await.unwrap();
    service.erase_member(&user).await.unwrap();
    let after = service.export_member(&user).await.unwrap();
    assert!(after["care_profile"].is_null());
    assert!(after["appointments"].as_array().unwrap().is_empty());
    // The future session was cancelled and removed; nothing else was held.
    assert!(appointments(&app).await.is_empty());
    // Each export and erasure is in the PHI audit log, once per kind of health data.
    let rows = crate::support::audit_rows(&app, &m.user_id).await;
    let by_system = |action: &str| {
        rows.iter()
            .filter(|r| r.0 == "system" && r.2 == action)
            .map(|r| r.1.as_str())
            .collect::<Vec<_>>()
    };
    let kinds = [
        "care_profile",
        "appointment",
        "assessment",
        "escalation",
        "chat_thread",
        "chat_message",
        "clinical_note",
    ];
    assert_eq!(by_system("export"), [kinds, kinds].concat());
    assert_eq!(by_system("erase"), [kinds, kinds].concat());
}

#[tokio::test]
async fn reminders_are_queued_sent_once_with_an_ics_and_skipped_when_cancelled() {
    let (app, admin, _, coach) = setup("coach", 24).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.coaching", None).await;
    let kept = json_of(
        book(&app, &m, &coach, "coaching_video", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let gone = json_of(
        book(&app, &m, &coach, "coaching_video", tomorrow_at(12)).await,
        StatusCode::CREATED,
    )
    .await;
    cancel(
        &app,
        &m,
        &format!(
            "/v1/care/appointments/{}/cancel",
            gone["id"].as_str().unwrap()
        ),
    )
    .await;
    let payloads: Vec<String> = app
        .ctx
        .db
        .run(|conn| {
            use haven_platform::schema::platform_jobs as j;
            j::table
                .filter(j::kind.eq("care.send_reminder"))
                .select(j::payload)
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    // 24 h and 1 h before each of the two sessions.
    assert_eq!(payloads.len(), 4);
    let service = haven_app::wiring::modules(&app.ctx).care.service().clone();
    for p in &payloads {
        let r: haven_care::appointments::jobs::Reminder = serde_json::from_str(p).unwrap();
        // At least once: every job runs twice here.
        service.send_reminder(&r).await.unwrap();
        service.send_reminder(&r).await.unwrap();
    }
    let sent: Vec<(String, i64)> = app
        .ctx
        .db
        .run(|conn| {
            use haven_care::schema::care_reminders_sent as r;
            r::table
                .order((r::appointment_id.asc(), r::hours_before.desc()))
                .select((r::appointment_id, r::hours_before))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    let id = kept["id"].as_str().unwrap().to_owned();
    assert_eq!(sent, vec![(id.clone(), 24), (id.clone(), 1)]);

    let row = service
        .member_appointment(m.user_id.parse().unwrap(), id.parse().unwrap())
        .await
        .unwrap();
    let ics = service.ics(&row, "Dr. Ada Example");
    assert!(ics.contains("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains(&format!("UID:{id}@haven")), "{ics}");
    assert!(
        ics.contains(&format!(
            "DTSTART:{}",
            tomorrow_at(10).format("%Y%m%dT%H%M%SZ")
        )),
        "{ics}"
    );
    assert!(
        ics.contains(&format!("https://video.haven.dev/join/{id}")),
        "{ics}"
    );
}

#[tokio::test]
async fn the_database_itself_refuses_overlapping_rows_on_postgres() {
    if require_service(Service::Postgres).is_none() {
        return;
    }
    let (app, admin, _, coach) = setup("coach", 24).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.coaching", None).await;
    json_of(
        book(&app, &m, &coach, "coaching_video", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    // A row written past the service (another node's bug, a manual fix) that overlaps
    // the provider's blocked time is refused by the exclusion constraint.
    let coach = coach.clone();
    let err = app
        .ctx
        .db
        .run(move |conn| {
            let t = tomorrow_at(10).naive_utc() + Duration::minutes(20);
            diesel::sql_query(format!(
                "INSERT INTO care_appointments (id, member_id, provider_id, appointment_type, \
                 status, starts_at, ends_at, blocked_from, blocked_until, created_at, updated_at) \
                 VALUES ('apt_x', 'usr_x', '{coach}', 'coaching_video', 'booked', '{t}', \
                 '{t}'::timestamp + interval '30 minutes', '{t}', \
                 '{t}'::timestamp + interval '35 minutes', now(), now())"
            ))
            .execute(conn)
            .map_err(DbError::Query)
        })
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("care_appointments_provider_no_overlap")
            || format!("{err:?}").contains("care_appointments_provider_no_overlap"),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_member_disabled_after_login_cannot_book_cancel_reschedule_or_read_health_data() {
    let (app, admin, _, therapist) = setup("therapist", 24).await;
    let m = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(3)).await;
    let booked = json_of(
        book(&app, &m, &therapist, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let id = booked["id"].as_str().unwrap().to_owned();
    let resp = send(
        &app,
        &admin,
        Method::POST,
        &format!("/v1/identity/admin/users/{}/disable", m.user_id),
        None,
    )
    .await;
    assert!(resp.0.status().is_success(), "disable: {}", resp.0.status());

    // The token is still unexpired: only the live account state refuses these.
    let refused = [
        book(&app, &m, &therapist, "therapy", tomorrow_at(12)).await,
        send(
            &app,
            &m,
            Method::POST,
            &format!("/v1/care/appointments/{id}/cancel"),
            None,
        )
        .await,
        send(
            &app,
            &m,
            Method::POST,
            &format!("/v1/care/appointments/{id}/reschedule"),
            Some(json!({"starts_at": rfc(tomorrow_at(14))})),
        )
        .await,
        send(&app, &m, Method::GET, "/v1/care/me/profile", None).await,
        send(&app, &m, Method::GET, "/v1/care/me/assessments", None).await,
    ];
    for resp in refused {
        resp.assert_problem(StatusCode::FORBIDDEN, "account_disabled")
            .await;
    }
    assert_eq!(appointments(&app).await, vec![("booked".to_owned(), false)]);
    assert_eq!(consumed(&app, "care.therapy").await, 1);
}

#[tokio::test]
async fn every_touch_of_an_appointment_is_audited_and_someone_elses_is_a_denied_404() {
    let (app, admin, clinician, therapist) = setup("therapist", 24).await;
    let (stranger, _) = provider(&app, &admin, "therapist", "UTC").await;
    let m = member(&app).await;
    let other = member(&app).await;
    grant(&app, &admin, &m.user_id, "care.therapy", Some(2)).await;
    let a = json_of(
        book(&app, &m, &therapist, "therapy", tomorrow_at(10)).await,
        StatusCode::CREATED,
    )
    .await;
    let id = a["id"].as_str().unwrap().to_owned();
    let one = format!("/v1/care/appointments/{id}");
    json_of(
        send(&app, &m, Method::GET, "/v1/care/me/appointments", None).await,
        StatusCode::OK,
    )
    .await;
    json_of(
        send(&app, &m, Method::GET, &one, None).await,
        StatusCode::OK,
    )
    .await;
    send(&app, &other, Method::GET, &one, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "appointment_not_found")
        .await;
    send(
        &app,
        &other,
        Method::POST,
        &format!("/v1/care/appointments/{id}/cancel"),
        None,
    )
    .await
    .assert_problem(StatusCode::NOT_FOUND, "appointment_not_found")
    .await;
    let page = json_of(
        send(
            &app,
            &clinician,
            Method::GET,
            "/v1/care/provider/appointments",
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let moved = json_of(
        send(
            &app,
            &m,
            Method::POST,
            &format!("/v1/care/appointments/{id}/reschedule"),
            Some(json!({"starts_at": rfc(tomorrow_at(12))})),
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    let new_id = moved["id"].as_str().unwrap();
    let by_provider = format!("/v1/care/provider/appointments/{new_id}/cancel");
    send(&app, &stranger, Method::POST, &by_provider, None)
        .await
        .assert_problem(StatusCode::NOT_FOUND, "appointment_not_found")
        .await;
    cancel(&app, &clinician, &by_provider).await;

    let rows: Vec<String> = crate::support::audit_rows(&app, &m.user_id)
        .await
        .into_iter()
        .filter(|r| r.1 == "appointment")
        .map(|r| format!("{} {} {}", r.0, r.2, r.3))
        .collect();
    assert_eq!(
        rows,
        [
            "member create allowed",
            "member list allowed",
            "member read allowed",
            "member read denied",
            "member cancel denied",
            "clinician list allowed",
            "member reschedule allowed",
            "member reschedule allowed",
            "clinician cancel denied",
            "clinician cancel allowed",
        ]
    );
}
