//! Helpers of the organization tests (`organizations`, `memberships`, `eligibility`):
//! users inserted directly with minted tokens, requests, and database/outbox reads.

use std::time::Duration;

use diesel::prelude::*;
use haven_identity::accounts::repo::UserRow;
use haven_identity::memberships::repo::MembershipRow;
use haven_identity::organizations::model::OrganizationId;
use haven_identity::sessions::repo::SessionRow;
use haven_platform::DbError;
use haven_platform::auth::Role;
use haven_platform::testing::TestApp;
use haven_platform::time::now_utc;
use poem::http::StatusCode;
use poem::test::TestResponse;
use serde_json::{Value, json};

/// A user row inserted directly (no password hashing: these tests never log in), with
/// the email verified or not, and a bearer token minted for it with `amr`.
pub struct Actor {
    pub id: String,
    pub token: String,
}

pub async fn user(
    app: &TestApp,
    email: &str,
    verified: bool,
    roles: &[Role],
    amr: &[&str],
) -> Actor {
    let now = now_utc();
    let row_id = haven_identity::UserId::new();
    let id = row_id.to_string();
    let row = UserRow {
        id: row_id,
        email: email.to_owned(),
        email_normalized: email.to_lowercase(),
        password_hash: "$argon2id$unused".to_owned(),
        display_name: None,
        roles: serde_json::to_string(roles).unwrap(),
        created_at: now,
        updated_at: now,
        time_zone: None,
        locale: None,
        marketing_consent: false,
        marketing_consent_at: None,
        email_verified_at: verified.then_some(now),
        disabled_at: None,
    };
    // A real session: the role guard checks that the token's session is still active.
    let session = SessionRow {
        id: haven_identity::SessionId::new(),
        user_id: row_id,
        device_label: None,
        created_at: now,
        last_used_at: now,
        revoked_at: None,
        refresh_secret: String::new(),
        ip_coarse: None,
        amr: serde_json::to_string(amr).unwrap(),
    };
    let session_id = session.id;
    app.ctx
        .db
        .run(move |conn| {
            haven_identity::accounts::repo::insert_user(conn, &row)?;
            haven_identity::sessions::repo::insert_session(conn, &session).map_err(DbError::Query)
        })
        .await
        .unwrap();
    let claims = app.ctx.auth.access_claims(
        &row_id,
        &session_id,
        roles.to_vec(),
        amr.iter().map(|s| (*s).to_owned()).collect(),
        Duration::from_secs(600),
    );
    let token = app.ctx.auth.issue(&claims).unwrap();
    Actor { id, token }
}

/// An admin who signed in with a second factor (the platform's fixture).
pub async fn admin(app: &TestApp) -> Actor {
    let admin = app.admin().await;
    Actor {
        id: admin.user_id,
        token: admin.tokens.access_token,
    }
}

/// A member (no second factor), verified or not.
pub async fn member(app: &TestApp, email: &str, verified: bool) -> Actor {
    user(app, email, verified, &[Role::Member], &["pwd"]).await
}

/// Sends `method path` as `who`, with a JSON body when given.
pub async fn send(
    app: &TestApp,
    method: &str,
    path: &str,
    who: &Actor,
    body: Option<Value>,
) -> TestResponse {
    let auth = format!("Bearer {}", who.token);
    let req = match method {
        "GET" => app.client.get(path),
        "POST" => app.client.post(path),
        "PATCH" => app.client.patch(path),
        "DELETE" => app.client.delete(path),
        other => panic!("method {other}"),
    }
    .header("authorization", auth);
    match body {
        Some(b) => {
            req.header("content-type", "application/json")
                .body(b.to_string())
                .send()
                .await
        }
        None => req.send().await,
    }
}

/// Uploads `csv` as the organization's eligibility list.
pub async fn upload(app: &TestApp, org: &str, who: &Actor, csv: &str) -> TestResponse {
    app.client
        .put(format!("/v1/identity/organizations/{org}/eligibility"))
        .header("authorization", format!("Bearer {}", who.token))
        .header("content-type", "text/csv")
        .body(csv.to_owned())
        .send()
        .await
}

pub async fn json_of(resp: TestResponse, status: StatusCode) -> Value {
    resp.assert_status(status);
    resp.json().await.value().deserialize()
}

/// Creates an organization and returns its id.
pub async fn create_org(app: &TestApp, admin: &Actor, name: &str, domains: &[&str]) -> String {
    let resp = send(
        app,
        "POST",
        "/v1/identity/organizations",
        admin,
        Some(json!({"name": name, "allowed_domains": domains})),
    )
    .await;
    json_of(resp, StatusCode::CREATED).await["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// `member` joins `org` (optionally by employee id).
pub async fn join(
    app: &TestApp,
    who: &Actor,
    org: &str,
    employee_id: Option<&str>,
) -> TestResponse {
    let mut body = json!({"organization_id": org});
    if let Some(e) = employee_id {
        body["employee_id"] = json!(e);
    }
    send(app, "POST", "/v1/identity/me/organization", who, Some(body)).await
}

/// Every membership of the organization (active and ended), in join order.
pub async fn memberships(app: &TestApp, org: &str) -> Vec<MembershipRow> {
    let org: OrganizationId = org.parse().unwrap();
    app.ctx
        .db
        .run(move |conn| {
            haven_identity::memberships::repo::memberships_of_organization(conn, &org)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}

/// `(type, payload)` of every outbox event of type `organization.*`, in order.
pub async fn org_events(app: &TestApp) -> Vec<(String, Value)> {
    use haven_platform::schema::platform_outbox_events as e;
    let rows: Vec<(String, String)> = app
        .ctx
        .db
        .run(|conn| {
            e::table
                .filter(e::event_type.like("organization.%"))
                .order(e::id.asc())
                .select((e::event_type, e::payload))
                .load(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap();
    rows.into_iter()
        .map(|(t, p)| (t, serde_json::from_str(&p).unwrap()))
        .collect()
}

/// `(kind, actor, detail)` of the security events of `user_id`.
pub async fn audit(app: &TestApp, user_id: Option<&str>, actor: &str) -> Vec<String> {
    use haven_identity::schema::identity_security_events as s;
    let (user, actor) = (user_id.map(str::to_owned), actor.to_owned());
    app.ctx
        .db
        .run(move |conn| {
            let mut q = s::table.filter(s::actor_id.eq(actor)).into_boxed();
            q = match user {
                Some(u) => q.filter(s::user_id.eq(u)),
                None => q.filter(s::user_id.is_null()),
            };
            q.order(s::id.asc())
                .select(s::kind)
                .load::<String>(conn)
                .map_err(DbError::Query)
        })
        .await
        .unwrap()
}
