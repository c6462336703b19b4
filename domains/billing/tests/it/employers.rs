//! Employers (issue 12 point 7): identity's membership events become employer grants
//! under the organization's contract; seats are limited, a join beyond them waits on a
//! list the admin sees, leaving ends the grant and frees the seat for the first waiting.

use chrono::Utc;
use haven_billing::{BillingModule, BillingService, Feature};
use haven_platform::ModuleInfo;
use haven_platform::ids::UserId;
use haven_platform::outbox::{Event, EventId};
use haven_platform::testing::{AssertProblem, SignedIn, TestApp};
use poem::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{app, create_product, json_of, send, therapy};

const ORG: &str = "org_01jh0000000000000000000000";

fn membership() -> String {
    // Identity's membership ids are TypeIDs with the `mbr` prefix.
    UserId::new().to_string().replace("usr_", "mbr_")
}

async fn deliver(
    app: &TestApp,
    event_type: &str,
    user: &str,
    membership: &str,
) -> anyhow::Result<()> {
    let module = BillingModule::new(&app.ctx);
    let handler = module
        .event_handlers()
        .into_iter()
        .find(|h| h.event_types().contains(&event_type))
        .unwrap();
    let event = Event {
        id: EventId::new(),
        event_type: event_type.to_owned(),
        version: 1,
        occurred_at: Utc::now().naive_utc(),
        payload: json!({"organization_id": ORG, "user_id": user, "membership_id": membership,
                        "via": "email_domain", "reason": "left", "at": Utc::now().to_rfc3339()}),
    };
    handler.handle(&event).await
}

async fn therapy_left(app: &TestApp, user: &str) -> Option<i64> {
    let e = BillingService::new(&app.ctx)
        .check(&user.parse().unwrap(), Feature::CareTherapy, Utc::now())
        .await
        .unwrap();
    e.allowed.then(|| e.remaining.unwrap())
}

async fn contract(app: &TestApp, admin: &SignedIn, body: Value) -> poem::test::TestResponse {
    send(
        app,
        admin,
        Method::PUT,
        &format!("/v1/billing/admin/employers/{ORG}/contract"),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn sponsored_members_get_the_contracts_sessions_within_the_seats() {
    let app = app().await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "eap", therapy(6)).await;
    let c = json_of(
        contract(
            &app,
            &admin,
            json!({"product_id": product["id"], "seats": 1}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (c["seats"].as_i64(), c["seated"].as_i64()),
        (Some(1), Some(0))
    );

    let (a, b) = (app.member().await, app.member().await);
    let (ma, mb) = (membership(), membership());
    deliver(&app, "organization.member_joined", &a.user_id, &ma)
        .await
        .unwrap();
    assert_eq!(therapy_left(&app, &a.user_id).await, Some(6));
    let me = json_of(
        a.get(&app, "/v1/billing/me/entitlements").send().await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(me["grants"][0]["source"], "employer");
    assert_eq!(me["grants"][0]["source_ref"], ma);

    // Beyond the seats: waitlisted, visible to the admin; a redelivery changes nothing.
    deliver(&app, "organization.member_joined", &b.user_id, &mb)
        .await
        .unwrap();
    deliver(&app, "organization.member_joined", &b.user_id, &mb)
        .await
        .unwrap();
    deliver(&app, "organization.member_joined", &a.user_id, &ma)
        .await
        .unwrap();
    assert_eq!(therapy_left(&app, &b.user_id).await, None);
    let wait = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("/v1/billing/admin/employers/{ORG}/waitlist"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let waiting: Vec<&str> = wait["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["user_id"].as_str().unwrap())
        .collect();
    assert_eq!(waiting, [b.user_id.as_str()]);

    // Leaving ends the grant and seats the first waiting member.
    deliver(&app, "organization.member_left", &a.user_id, &ma)
        .await
        .unwrap();
    assert_eq!(therapy_left(&app, &a.user_id).await, None);
    assert_eq!(therapy_left(&app, &b.user_id).await, Some(6));
    let c = json_of(
        send(
            &app,
            &admin,
            Method::GET,
            &format!("/v1/billing/admin/employers/{ORG}/contract"),
            None,
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(c["seated"], 1);
}

#[tokio::test]
async fn a_leave_seen_before_its_join_grants_nothing_and_more_seats_seat_the_waitlist() {
    let app = app().await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "eap", therapy(4)).await;
    let (a, b) = (app.member().await, app.member().await);
    let (ma, mb) = (membership(), membership());
    // No contract yet: both wait.
    deliver(&app, "organization.member_joined", &a.user_id, &ma)
        .await
        .unwrap();
    deliver(&app, "organization.member_left", &b.user_id, &mb)
        .await
        .unwrap();
    deliver(&app, "organization.member_joined", &b.user_id, &mb)
        .await
        .unwrap();
    assert_eq!(therapy_left(&app, &a.user_id).await, None);
    json_of(
        contract(
            &app,
            &admin,
            json!({"product_id": product["id"], "seats": 5}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(therapy_left(&app, &a.user_id).await, Some(4));
    assert_eq!(therapy_left(&app, &b.user_id).await, None);
}

#[tokio::test]
async fn contracts_are_checked_and_bad_events_fail_loudly() {
    let app = app().await;
    let admin = app.admin().await;
    let missing = haven_billing::ProductId::new();
    let resp = contract(&app, &admin, json!({"product_id": missing, "seats": 3})).await;
    resp.assert_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        .await;
    let resp = contract(&app, &admin, json!({"product_id": missing, "seats": 0})).await;
    resp.assert_problem(StatusCode::BAD_REQUEST, "?").await;
    let resp = send(
        &app,
        &admin,
        Method::GET,
        &format!("/v1/billing/admin/employers/{ORG}/contract"),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::NOT_FOUND, "not_found")
        .await;
    let member = app.member().await;
    let resp = send(
        &app,
        &member,
        Method::GET,
        &format!("/v1/billing/admin/employers/{ORG}/waitlist"),
        None,
    )
    .await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;
    assert!(
        deliver(&app, "organization.member_joined", "nobody", &membership())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn erasure_keeps_the_employers_seat_under_a_pseudonym_and_the_leave_still_frees_it() {
    let app = app().await;
    let admin = app.admin().await;
    let product = create_product(&app, &admin, "eap", therapy(6)).await;
    json_of(
        contract(
            &app,
            &admin,
            json!({"product_id": product["id"], "seats": 1}),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let a = app.member().await;
    let ma = membership();
    deliver(&app, "organization.member_joined", &a.user_id, &ma)
        .await
        .unwrap();
    let billing = BillingService::new(&app.ctx);
    let user: UserId = a.user_id.parse().unwrap();

    billing.erase_member(&user).await.unwrap();
    assert_eq!(
        billing.export_member(&user).await.unwrap()["employer_sponsorships"],
        json!([])
    );
    let path = format!("/v1/billing/admin/employers/{ORG}/contract");
    let contract_now = || send(&app, &admin, Method::GET, &path, None);
    // The employer still pays for the seat until identity reports the leave.
    assert_eq!(
        json_of(contract_now().await, StatusCode::OK).await["seated"],
        1
    );
    deliver(&app, "organization.member_left", &a.user_id, &ma)
        .await
        .unwrap();
    assert_eq!(
        json_of(contract_now().await, StatusCode::OK).await["seated"],
        0
    );
}
