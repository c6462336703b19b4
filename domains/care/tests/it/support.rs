//! Helpers shared by the care tests.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::testing::{SignedIn, TestApp};
use poem::http::{Method, StatusCode};
use poem::test::TestResponse;
use serde_json::{Value, json};

/// The real app on a fresh database.
pub async fn app() -> TestApp {
    haven_app::testing::app().await
}

/// `method path` as `who` with an optional JSON body and a fresh idempotency key.
///
/// Every care test goes through here, so here the whole suite checks that no health
/// data it ever sent (answers, message bodies, note text, contacts) shows up in the
/// logs or spans, captured at `TRACE`: after each request, and for what background work
/// logged since.
pub async fn send(
    app: &TestApp,
    who: &SignedIn,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> TestResponse {
    send_with(app, who, method, path, &[], body).await
}

/// [`send`] with extra request headers (`If-Match`), under the same log check.
pub async fn send_with(
    app: &TestApp,
    who: &SignedIn,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> TestResponse {
    haven_platform::testing::capture_logs();
    if let Some(body) = &body {
        remember_health_data(path, body);
    }
    let resp = send_raw(app, who, method, path, headers, body).await;
    if let Some(leak) = leaked_health_data() {
        panic!("health data sent by the test appears in the logs: {leak:?}");
    }
    resp
}

/// Health data the tests sent, as it could appear in a log line.
static SENT: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Keys whose values are not health data: ids, enums, zones and codes a log may name.
const NOT_HEALTH_DATA: &[&str] = &[
    "instrument",
    "country",
    "us_state",
    "time_zone",
    "languages",
    "appointment_type",
    "starts_at",
    "status",
    "reason",
];

/// Remembers the health data in a request to a health-data path.
pub fn remember_health_data(path: &str, body: &Value) {
    let health = [
        "/me/profile",
        "assessments",
        "/chat",
        "/notes",
        "/escalations/",
    ];
    if !path.starts_with("/v1/care/") || !health.iter().any(|h| path.contains(h)) {
        return;
    }
    let mut found = Vec::new();
    collect(None, body, &mut found);
    SENT.lock().unwrap().extend(found);
}

fn collect(key: Option<&str>, v: &Value, out: &mut Vec<String>) {
    if key.is_some_and(|k| k.ends_with("_id") || NOT_HEALTH_DATA.contains(&k)) {
        return;
    }
    match v {
        Value::String(s) if s.chars().count() >= 6 => out.push(s.clone()),
        Value::Array(items) if items.len() >= 5 && items.iter().all(Value::is_i64) => {
            // Answers, as JSON and as `Debug` would print them.
            let nums: Vec<String> = items.iter().map(ToString::to_string).collect();
            out.push(format!("[{}]", nums.join(",")));
            out.push(format!("[{}]", nums.join(", ")));
        }
        Value::Array(items) => items.iter().for_each(|i| collect(key, i, out)),
        Value::Object(map) => map.iter().for_each(|(k, i)| collect(Some(k), i, out)),
        _ => {}
    }
}

/// The first piece of health data sent so far that the captured logs contain.
pub fn leaked_health_data() -> Option<String> {
    let sent = SENT.lock().unwrap().clone();
    haven_platform::testing::capture_logs()
        .find_any(sent.iter().map(String::as_str))
        .map(str::to_owned)
}

/// [`send`] without the log check (the check's own test).
pub async fn send_unchecked(
    app: &TestApp,
    who: &SignedIn,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> TestResponse {
    send_raw(app, who, method, path, &[], body).await
}

async fn send_raw(
    app: &TestApp,
    who: &SignedIn,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> TestResponse {
    let mut req = who.request(app, method.clone(), path);
    if method == Method::POST {
        req = req.header(
            "idempotency-key",
            haven_platform::ids::UserId::new().to_string(),
        );
    }
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    if let Some(body) = body {
        req = req.body_json(&body);
    }
    req.send().await
}

/// The JSON body of `resp`, asserting its status.
pub async fn json_of(resp: TestResponse, status: StatusCode) -> Value {
    let actual = resp.0.status();
    let bytes = resp.0.into_body().into_vec().await.unwrap();
    let body: Value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    assert_eq!(actual, status, "{body}");
    body
}

/// A provider profile body for `user`.
pub fn provider_body(user: &str, kind: &str, zone: &str) -> Value {
    json!({
        "user_id": user,
        "provider_type": kind,
        "display_name": "Dr. Ada Example",
        "bio": "Ten years of practice.",
        "time_zone": zone,
        "accepting_new": true,
        "specialties": ["anxiety", "sleep"],
        "languages": ["en", "es"],
        "licenses": [
            {"jurisdiction": "US-CA", "number": "PSY-12345", "authority": "California Board of Psychology", "expires_on": "2030-12-31"},
            {"jurisdiction": "DE", "number": "DE-777", "authority": "Landesärztekammer", "expires_on": "2030-12-31"}
        ]
    })
}

/// Creates a provider (an account with the role, then its profile); the provider's
/// account and profile JSON.
pub async fn provider(
    app: &TestApp,
    admin: &SignedIn,
    kind: &str,
    zone: &str,
) -> (SignedIn, Value) {
    let account = if kind == "coach" {
        app.coach().await
    } else {
        app.clinician().await
    };
    let resp = send(
        app,
        admin,
        Method::POST,
        "/v1/care/admin/providers",
        Some(provider_body(&account.user_id, kind, zone)),
    )
    .await;
    (account, json_of(resp, StatusCode::CREATED).await)
}

/// Every day 00:00–24:00 in the provider's zone.
pub fn always() -> Value {
    json!({
        "rules": (1..=7).map(|d| json!({"weekday": d, "start": "00:00", "end": "24:00"})).collect::<Vec<_>>(),
        "exceptions": []
    })
}

/// Sets a provider's schedule as an admin.
pub async fn schedule(app: &TestApp, admin: &SignedIn, provider_id: &str, schedule: Value) {
    let resp = send(
        app,
        admin,
        Method::PUT,
        &format!("/v1/care/admin/providers/{provider_id}/schedule"),
        Some(schedule),
    )
    .await;
    json_of(resp, StatusCode::OK).await;
}

/// Sets the member's care profile (California, English).
pub async fn profile(app: &TestApp, member: &SignedIn, zone: &str) {
    let resp = send(
        app,
        member,
        Method::PUT,
        "/v1/care/me/profile",
        Some(json!({
            "country": "US", "us_state": "CA", "languages": ["en-US"], "time_zone": zone,
            "emergency_contact": {"name": "Sam", "phone": "+1 415 555 0100", "relationship": "partner"}
        })),
    )
    .await;
    json_of(resp, StatusCode::OK).await;
}

/// An admin grants `feature` (with `quota`) to `user` through billing's API.
pub async fn grant(app: &TestApp, admin: &SignedIn, user: &str, feature: &str, quota: Option<i64>) {
    let resp = send(
        app,
        admin,
        Method::POST,
        &format!("/v1/billing/admin/members/{user}/grants"),
        Some(json!({"feature": feature, "quota": quota, "valid_until": null, "reason": "test"})),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await;
}

/// Tomorrow (UTC) at `hour`:00, well past the minimum notice and within the horizon.
pub fn tomorrow_at(hour: u32) -> DateTime<Utc> {
    let d = (Utc::now() + Duration::days(2)).date_naive();
    d.and_hms_opt(hour, 0, 0).unwrap().and_utc()
}

/// RFC 3339 of `t`.
pub fn rfc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Books as `member`; the response.
pub async fn book(
    app: &TestApp,
    member: &SignedIn,
    provider_id: &str,
    kind: &str,
    at: DateTime<Utc>,
) -> TestResponse {
    send(
        app,
        member,
        Method::POST,
        "/v1/care/appointments",
        Some(json!({"provider_id": provider_id, "appointment_type": kind, "starts_at": rfc(at)})),
    )
    .await
}

/// Unreleased consumptions of `feature` in billing's ledger.
pub async fn consumed(app: &TestApp, feature: &str) -> i64 {
    let feature = feature.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            use diesel::dsl::sql;
            use diesel::sql_types::BigInt;
            sql::<BigInt>(&format!(
                "SELECT COUNT(*) FROM billing_consumptions WHERE released_at IS NULL AND feature = '{feature}'"
            ))
            .get_result(conn)
            .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// `(status, strike)` of every appointment, in id order.
pub async fn appointments(app: &TestApp) -> Vec<(String, bool)> {
    use haven_care::schema::care_appointments as a;
    app.ctx
        .db
        .run(|conn| {
            a::table
                .order(a::id.asc())
                .select((a::status, a::strike_at.is_not_null()))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// Runs raw SQL (test set-up and tampering); the rows it changed, or the database's
/// refusal.
pub async fn exec(app: &TestApp, sql: &str) -> Result<usize, DbError> {
    let sql = sql.to_owned();
    app.ctx
        .db
        .run(move |conn| diesel::sql_query(sql).execute(conn).map_err(DbError::Query))
        .await
}

/// Whether the test database is PostgreSQL.
pub fn on_postgres(app: &TestApp) -> bool {
    app.ctx.db.backend() == haven_platform::config::Backend::Postgres
}

/// `(actor_role, resource_type, action, outcome)` of every PHI audit row about
/// `subject`, oldest first.
pub async fn audit_rows(app: &TestApp, subject: &str) -> Vec<(String, String, String, String)> {
    use haven_care::schema::care_phi_audit as a;
    let subject = subject.to_owned();
    app.ctx
        .db
        .run(move |conn| {
            a::table
                .filter(a::subject_id.eq(subject))
                .order(a::id.asc())
                .select((a::actor_role, a::resource_type, a::action, a::outcome))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// Counts the rows of `table` (a care or platform table name).
pub async fn count(app: &TestApp, table: &str) -> i64 {
    let query = format!("SELECT COUNT(*) FROM {table}");
    app.ctx
        .db
        .run(move |conn| {
            use diesel::dsl::sql;
            use diesel::sql_types::BigInt;
            sql::<BigInt>(&query)
                .get_result(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// Takes an assessment as `member`.
pub async fn take(
    app: &TestApp,
    member: &SignedIn,
    instrument: &str,
    answers: &[i64],
) -> TestResponse {
    send(
        app,
        member,
        Method::POST,
        "/v1/care/me/assessments",
        Some(json!({"instrument": instrument, "answers": answers})),
    )
    .await
}

/// Puts `provider_id` on `member`'s care team directly (as a booking would).
pub async fn join_team(app: &TestApp, member: &str, provider_id: &str) {
    let now = haven_platform::time::now_utc();
    let (member, provider) = (member.to_owned(), provider_id.to_owned());
    app.ctx
        .db
        .run(move |conn| {
            use haven_care::schema::care_team_members as t;
            diesel::insert_into(t::table)
                .values((
                    t::member_id.eq(member),
                    t::provider_id.eq(provider),
                    t::since.eq(now),
                ))
                .execute(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
}
