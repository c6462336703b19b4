//! The platform's bearer security scheme, on the real app with a test-only API: valid
//! tokens reach the handler as a `Principal`; everything else is a `401` problem with
//! `WWW-Authenticate`; role checks are `403` problems; the document lists the scheme.

use haven_platform::testing::AssertProblem;
use poem::http::StatusCode;
use std::time::Duration;

use haven_platform::auth::{AccessClaims, AuthErrors, BearerAuth, Refusal, Role, TokenSigner};
use haven_platform::ids::{SessionId, UserId};
use haven_platform::testing::TestApp;
use haven_platform::{ApiResult, error_set};
use poem_openapi::payload::Json;
use poem_openapi::{Object, OpenApi};

error_set!(pub AdminErrors: Refusal);

/// What the protected operation answers.
#[derive(Debug, Clone, Object)]
pub struct WhoAmI {
    /// `sub`.
    pub user_id: UserId,
    /// `sid`.
    pub session_id: SessionId,
    /// Roles.
    pub roles: Vec<Role>,
}

pub struct AuthProbeApi;

#[OpenApi]
impl AuthProbeApi {
    /// Returns the caller's principal.
    #[oai(path = "/v1/test/auth/me", method = "get", operation_id = "testAuthMe")]
    async fn me(&self, auth: BearerAuth) -> ApiResult<Json<WhoAmI>, AuthErrors> {
        let p = auth.0;
        Ok(Json(WhoAmI {
            user_id: p.user_id,
            session_id: p.session_id,
            roles: p.roles,
        }))
    }

    /// Admins only.
    #[oai(
        path = "/v1/test/auth/admin",
        method = "get",
        operation_id = "testAuthAdmin"
    )]
    async fn admin(&self, auth: BearerAuth) -> ApiResult<Json<String>, AdminErrors> {
        auth.0.require_role(Role::Admin)?;
        Ok(Json("welcome".to_owned()))
    }

    /// Clinicians who signed in with a second factor.
    #[oai(
        path = "/v1/test/auth/care",
        method = "get",
        operation_id = "testAuthCare"
    )]
    async fn care(&self, auth: BearerAuth) -> ApiResult<Json<String>, AdminErrors> {
        auth.0.require_role(Role::Clinician)?;
        auth.0.require_mfa()?;
        Ok(Json("care".to_owned()))
    }

    /// Protected, with a plain (non-problem) response type: errors reach the envelope.
    #[oai(
        path = "/v1/test/auth/plain",
        method = "get",
        operation_id = "testAuthPlain"
    )]
    async fn plain(&self, auth: BearerAuth) -> Json<String> {
        Json(auth.0.user_id.to_string())
    }
}

async fn app() -> TestApp {
    haven_app::testing::builder()
        .build(|ctx| haven_app::wiring::build_app_with(ctx, AuthProbeApi))
        .await
}

/// The subject of the tokens these tests sign (the TypeID spec's example UUID).
const ALICE: &str = "usr_01h455vb4pex5vsknk084sn02q";
/// The session of the tokens these tests sign.
const ALICE_SESSION: &str = "ses_01h455vb4pex5vsknk084sn02q";

/// Claims for [`ALICE`] in [`ALICE_SESSION`], living `ttl`.
fn alice_claims(app: &TestApp, roles: Vec<Role>, amr: &[&str], ttl: Duration) -> AccessClaims {
    app.ctx.auth.access_claims(
        &ALICE.parse().unwrap(),
        &ALICE_SESSION.parse().unwrap(),
        roles,
        amr.iter().map(|s| (*s).to_owned()).collect(),
        ttl,
    )
}

fn token(app: &TestApp, roles: Vec<Role>, amr: &[&str]) -> String {
    let claims = alice_claims(app, roles, amr, Duration::from_secs(300));
    app.ctx.auth.issue(&claims).unwrap()
}

fn www_authenticate(resp: &poem::test::TestResponse) -> String {
    resp.0
        .headers()
        .get("www-authenticate")
        .expect("WWW-Authenticate on a 401")
        .to_str()
        .unwrap()
        .to_owned()
}

async fn assert_unauthorized(resp: poem::test::TestResponse, token_presented: bool) {
    let challenge = www_authenticate(&resp);
    assert!(challenge.starts_with("Bearer"), "{challenge}");
    assert_eq!(
        challenge.contains(r#"error="invalid_token""#),
        token_presented,
        "{challenge}"
    );
    resp.assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
}

#[tokio::test]
async fn a_valid_token_reaches_the_handler_as_its_principal() {
    let app = app().await;
    let token = token(&app, vec![Role::Member, Role::Coach], &["pwd"]);
    let resp = app
        .client
        .get("/v1/test/auth/me")
        .header("authorization", format!("Bearer {token}"))
        .send()
        .await;
    resp.assert_status_is_ok();
    let body: serde_json::Value = resp.json().await.value().deserialize();
    assert_eq!(body["user_id"], ALICE);
    assert_eq!(body["session_id"], ALICE_SESSION);
    assert_eq!(body["roles"], serde_json::json!(["member", "coach"]));
}

#[tokio::test]
async fn a_missing_token_is_a_401_problem_with_a_challenge() {
    let app = app().await;
    for path in ["/v1/test/auth/me", "/v1/test/auth/plain"] {
        let resp = app.client.get(path).send().await;
        assert_unauthorized(resp, false).await;
        // Another scheme is no bearer token either.
        let resp = app
            .client
            .get(path)
            .header("authorization", "Basic dXNlcjpwYXNz")
            .send()
            .await;
        assert_unauthorized(resp, false).await;
    }
}

#[tokio::test]
async fn tampered_expired_and_foreign_tokens_are_401_problems() {
    let app = app().await;
    let good = token(&app, vec![Role::Member], &[]);
    let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
    // Flip one character of the signature.
    let last = parts[2].pop().unwrap();
    parts[2].push(if last == 'A' { 'B' } else { 'A' });
    let tampered = parts.join(".");

    let auth = &app.ctx.auth;
    let mut expired = alice_claims(&app, vec![], &[], Duration::from_secs(60));
    expired.iat -= 3600;
    expired.nbf -= 3600;
    expired.exp -= 3600;
    let expired = auth.issue(&expired).unwrap();

    let foreign = TokenSigner::generate(app.ctx.auth.signer().kid())
        .unwrap()
        .issue(&alice_claims(
            &app,
            vec![Role::Admin],
            &[],
            Duration::from_secs(60),
        ))
        .unwrap();

    let mut refresh = alice_claims(&app, vec![], &[], Duration::from_secs(60));
    refresh.typ = "refresh".into();
    let refresh = auth.signer().issue_unchecked(&refresh).unwrap();

    for (name, bad) in [
        ("tampered", tampered.as_str()),
        ("expired", expired.as_str()),
        ("foreign key", foreign.as_str()),
        ("refresh", refresh.as_str()),
        ("garbage", "abc.def.ghi"),
        ("empty", ""),
    ] {
        for path in ["/v1/test/auth/me", "/v1/test/auth/plain"] {
            let resp = app
                .client
                .get(path)
                .header("authorization", format!("Bearer {bad}"))
                .send()
                .await;
            let challenge = www_authenticate(&resp);
            assert!(challenge.starts_with("Bearer"), "{name}: {challenge}");
            assert!(
                challenge.contains(r#"error="invalid_token""#),
                "{name}: {challenge}"
            );
            let body = resp
                .assert_problem(StatusCode::UNAUTHORIZED, "unauthorized")
                .await;
            // The reason is not disclosed: every rejection reads the same.
            let detail = body["detail"].as_str().unwrap_or_default();
            assert_eq!(detail, "The access token is invalid or expired.", "{name}");
        }
    }
}

#[tokio::test]
async fn a_token_in_the_query_string_is_not_accepted() {
    let app = app().await;
    let token = token(&app, vec![Role::Member], &[]);
    for name in ["access_token", "token", "authorization"] {
        let resp = app
            .client
            .get("/v1/test/auth/me")
            .query(name, &token)
            .send()
            .await;
        assert_unauthorized(resp, false).await;
    }
}

#[tokio::test]
async fn role_and_mfa_checks_are_403_problems() {
    let app = app().await;
    let member = token(&app, vec![Role::Member], &["pwd"]);
    let resp = app
        .client
        .get("/v1/test/auth/admin")
        .header("authorization", format!("Bearer {member}"))
        .send()
        .await;
    resp.assert_problem(StatusCode::FORBIDDEN, "forbidden")
        .await;

    let admin = token(&app, vec![Role::Admin], &["pwd", "otp"]);
    let resp = app
        .client
        .get("/v1/test/auth/admin")
        .header("authorization", format!("Bearer {admin}"))
        .send()
        .await;
    resp.assert_status_is_ok();

    let clinician = token(&app, vec![Role::Clinician], &["pwd"]);
    let resp = app
        .client
        .get("/v1/test/auth/care")
        .header("authorization", format!("Bearer {clinician}"))
        .send()
        .await;
    resp.assert_problem(StatusCode::FORBIDDEN, "mfa_required")
        .await;

    let clinician = token(&app, vec![Role::Clinician], &["pwd", "mfa"]);
    let resp = app
        .client
        .get("/v1/test/auth/care")
        .header("authorization", format!("Bearer {clinician}"))
        .send()
        .await;
    resp.assert_status_is_ok();
}

#[tokio::test]
async fn the_document_lists_the_bearer_scheme_and_the_401() {
    let app = app().await;
    let spec: serde_json::Value = serde_json::from_str(&app.spec_json).unwrap();
    let scheme = &spec["components"]["securitySchemes"]["bearer"];
    assert_eq!(scheme["type"], "http", "{scheme}");
    assert_eq!(scheme["scheme"], "bearer", "{scheme}");
    assert_eq!(scheme["bearerFormat"], "JWT", "{scheme}");
    let op = &spec["paths"]["/v1/test/auth/me"]["get"];
    assert_eq!(op["security"], serde_json::json!([{"bearer": []}]), "{op}");
    assert_eq!(
        op["responses"]["401"]["content"]["application/problem+json"]["schema"]["$ref"],
        "#/components/schemas/TestAuthMeProblem",
        "{op}"
    );
    assert_eq!(
        op["responses"]["401"]["x-problem-codes"],
        serde_json::json!(["unauthorized"])
    );
    assert!(
        op["responses"]["403"].is_null(),
        "nothing answers 403 here: {op}"
    );
    assert!(op["responses"]["200"].is_object(), "{op}");
    let admin = &spec["paths"]["/v1/test/auth/admin"]["get"]["responses"];
    assert_eq!(
        admin["403"]["x-problem-codes"],
        serde_json::json!([
            "forbidden",
            "mfa_required",
            "account_disabled",
            "role_revoked"
        ]),
        "{admin}"
    );
    // Public operations stay public.
    let meta = &spec["paths"]["/v1/meta"]["get"];
    assert!(meta.get("security").is_none(), "{meta}");
}

/// Validly signed tokens (by the app's own key, for an admin with a second factor) whose
/// `sub` or `sid` is not a well-formed user or session id.
fn malformed_id_tokens(app: &TestApp) -> Vec<(String, String)> {
    let roles = vec![Role::Member, Role::Admin];
    let amr = ["pwd", "otp"];
    let mut cases: Vec<(String, AccessClaims)> = Vec::new();
    for sub in ["", "alice", "usr_1", "usr_alice", ALICE_SESSION] {
        let mut c = alice_claims(app, roles.clone(), &amr, Duration::from_secs(300));
        c.sub = sub.to_owned();
        cases.push((format!("sub {sub:?}"), c));
    }
    for sid in ["", "s", "ses_1", ALICE] {
        let mut c = alice_claims(app, roles.clone(), &amr, Duration::from_secs(300));
        c.sid = sid.to_owned();
        cases.push((format!("sid {sid:?}"), c));
    }
    cases
        .into_iter()
        .map(|(name, c)| (name, app.ctx.auth.issue(&c).unwrap()))
        .collect()
}

/// The verifier refuses a signed token whose subject or session is not a well-formed id,
/// so no handler of any domain ever sees one: every secured operation of the document
/// (identity's included, admin ones too) answers `401 unauthorized` with the
/// `invalid_token` challenge, before it looks at its parameters or body.
#[tokio::test]
async fn a_signed_token_with_a_malformed_subject_is_401_on_every_secured_operation() {
    let app = app().await;
    let spec: serde_json::Value = serde_json::from_str(&app.spec_json).unwrap();
    let mut operations = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op.get("security").is_none() {
                continue;
            }
            // Path parameters get a well-formed value of their type where there is an
            // example, so only the token can be what is refused.
            let mut uri = path.clone();
            for param in op["parameters"].as_array().into_iter().flatten() {
                if param["in"] == "path" {
                    let name = param["name"].as_str().unwrap();
                    let value = param["schema"]["example"].as_str().unwrap_or("x");
                    uri = uri.replace(&format!("{{{name}}}"), value);
                }
            }
            operations.push((method.to_uppercase(), uri));
        }
    }
    assert!(operations.len() >= 20, "{operations:?}");
    assert!(
        operations.iter().any(|(_, p)| p.contains("/admin/")),
        "{operations:?}"
    );
    for (name, token) in malformed_id_tokens(&app) {
        assert!(app.ctx.auth.verify(&token).is_err(), "{name}");
        for (method, uri) in &operations {
            let resp = app
                .client
                .request(method.parse().unwrap(), uri.as_str())
                .header("authorization", format!("Bearer {token}"))
                .content_type("application/json")
                .body("{}")
                .send()
                .await;
            assert_eq!(
                resp.0.status(),
                StatusCode::UNAUTHORIZED,
                "{name}: {method} {uri}"
            );
            assert_unauthorized(resp, true).await;
        }
    }
}
