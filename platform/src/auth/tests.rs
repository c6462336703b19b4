//! Every way a token can be forged or misused must be rejected, each for its own reason.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header};

use super::*;
use crate::config::{Secret, Settings, VerifyKeySettings};
use crate::ids::{SessionId, UserId};

const ISS: &str = "haven";
const AUD: &str = "haven-api";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

struct Fixture {
    auth: Auth,
    user: UserId,
    session: SessionId,
}

impl Fixture {
    fn new() -> Self {
        let signer = TokenSigner::generate("k1").unwrap();
        let mut keys = KeySet::new();
        signer.add_public_key_to(&mut keys).unwrap();
        Self {
            auth: Auth::new(signer, keys, ISS, AUD),
            user: UserId::new(),
            session: SessionId::new(),
        }
    }

    fn claims(&self) -> AccessClaims {
        self.auth.access_claims(
            &self.user,
            &self.session,
            vec![Role::Member],
            vec!["pwd".into()],
            Duration::from_secs(600),
        )
    }

    fn sign(&self, claims: &AccessClaims) -> String {
        self.auth
            .signer()
            .sign(&self.auth.signer().header(), claims)
            .unwrap()
    }

    fn verify(&self, token: &str) -> Result<Principal, TokenError> {
        self.auth.verify(token)
    }
}

fn b64(json: &serde_json::Value) -> String {
    URL_SAFE_NO_PAD.encode(json.to_string())
}

#[test]
fn a_valid_token_yields_its_principal() {
    let f = Fixture::new();
    let claims = f.claims();
    let token = f.auth.issue(&claims).unwrap();
    let p = f.verify(&token).unwrap();
    assert_eq!(p.user_id, f.user);
    assert_eq!(p.session_id, f.session);
    assert_eq!(p.roles, vec![Role::Member]);
    assert_eq!(p.amr, vec!["pwd".to_owned()]);
    assert_eq!(p.token_id, claims.jti);
    assert_eq!(p.expires_at.timestamp(), claims.exp);
    let header: serde_json::Value = serde_json::from_slice(
        &URL_SAFE_NO_PAD
            .decode(token.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "EdDSA");
    assert_eq!(header["kid"], "k1");
}

#[test]
fn alg_none_is_rejected() {
    let f = Fixture::new();
    let token = f.auth.issue(&f.claims()).unwrap();
    let payload = token.split('.').nth(1).unwrap();
    for alg in ["none", "None", "NONE"] {
        let header = b64(&serde_json::json!({"alg": alg, "typ": "JWT", "kid": "k1"}));
        for sig in ["", "AAAA"] {
            let forged = format!("{header}.{payload}.{sig}");
            assert_eq!(f.verify(&forged), Err(TokenError::Algorithm), "{alg}/{sig}");
        }
    }
    let no_alg = format!("{}.{payload}.", b64(&serde_json::json!({"kid": "k1"})));
    assert_eq!(f.verify(&no_alg), Err(TokenError::Algorithm));
}

#[test]
fn hs256_signed_with_the_public_key_is_rejected() {
    // Algorithm confusion: the attacker knows the public key (it is in the JWKS) and
    // uses its bytes as an HMAC secret.
    let f = Fixture::new();
    let jwks = f.auth.jwks_json();
    let jwks: serde_json::Value = serde_json::from_str(&jwks).unwrap();
    let x = jwks["keys"][0]["x"].as_str().unwrap().to_owned();
    let raw = URL_SAFE_NO_PAD.decode(&x).unwrap();
    for secret in [raw.as_slice(), x.as_bytes()] {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("k1".into());
        let forged =
            jsonwebtoken::encode(&header, &f.claims(), &EncodingKey::from_secret(secret)).unwrap();
        assert_eq!(f.verify(&forged), Err(TokenError::Algorithm));
    }
}

#[test]
fn a_token_signed_by_another_key_with_our_kid_is_rejected() {
    let f = Fixture::new();
    let intruder = TokenSigner::generate("k1").unwrap();
    let forged = intruder.issue(&f.claims()).unwrap();
    assert_eq!(f.verify(&forged), Err(TokenError::Signature));
}

#[test]
fn a_tampered_payload_is_rejected() {
    let f = Fixture::new();
    let token = f.auth.issue(&f.claims()).unwrap();
    let parts: Vec<&str> = token.split('.').collect();
    let mut claims = f.claims();
    claims.roles = vec![Role::Admin];
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap());
    let forged = format!("{}.{payload}.{}", parts[0], parts[2]);
    assert_eq!(f.verify(&forged), Err(TokenError::Signature));
}

#[test]
fn unknown_and_missing_kids_are_rejected() {
    let f = Fixture::new();
    let stranger = TokenSigner::generate("k-unknown").unwrap();
    let token = stranger.issue(&f.claims()).unwrap();
    assert_eq!(f.verify(&token), Err(TokenError::UnknownKid));

    let mut header = f.auth.signer().header();
    header.kid = None;
    let token = f.auth.signer().sign(&header, &f.claims()).unwrap();
    assert_eq!(f.verify(&token), Err(TokenError::MissingKid));

    header.kid = Some(String::new());
    let token = f.auth.signer().sign(&header, &f.claims()).unwrap();
    assert_eq!(f.verify(&token), Err(TokenError::UnknownKid));
}

#[test]
fn key_and_certificate_url_headers_are_rejected() {
    let f = Fixture::new();
    let claims = f.claims();
    let signer = f.auth.signer();
    let jwk = jsonwebtoken::jwk::Jwk::from_encoding_key(
        &EncodingKey::from_secret(b"x"),
        Algorithm::HS256,
    )
    .unwrap();
    let mut cases = Vec::new();
    let mut h = signer.header();
    h.jku = Some("https://evil.example/jwks.json".into());
    cases.push(("jku", h));
    let mut h = signer.header();
    h.jwk = Some(jwk);
    cases.push(("jwk", h));
    let mut h = signer.header();
    h.x5u = Some("https://evil.example/cert.pem".into());
    cases.push(("x5u", h));
    let mut h = signer.header();
    h.x5c = Some(vec!["MIIB".into()]);
    cases.push(("x5c", h));
    let mut h = signer.header();
    h.crit = Some(vec!["exp".into()]);
    cases.push(("crit", h));
    for (name, header) in cases {
        // Validly signed by our own key: only the header parameter is wrong.
        let token = signer.sign(&header, &claims).unwrap();
        assert_eq!(f.verify(&token), Err(TokenError::ForbiddenHeader), "{name}");
    }
    // Present but null still counts.
    let payload = b64(&serde_json::to_value(&claims).unwrap());
    let header = b64(&serde_json::json!({"alg": "EdDSA", "kid": "k1", "jku": null}));
    assert_eq!(
        f.verify(&format!("{header}.{payload}.AAAA")),
        Err(TokenError::ForbiddenHeader)
    );
}

#[test]
fn expired_and_not_yet_valid_tokens_are_rejected() {
    let f = Fixture::new();
    let mut c = f.claims();
    c.iat = now() - 900;
    c.nbf = c.iat;
    c.exp = now() - CLOCK_LEEWAY_S as i64 - 5;
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Expired));

    // Within the leeway it still verifies.
    c.exp = now() - 5;
    assert!(f.verify(&f.sign(&c)).is_ok());

    let mut c = f.claims();
    c.nbf = now() + CLOCK_LEEWAY_S as i64 + 60;
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::NotYetValid));

    let mut c = f.claims();
    c.iat = now() + CLOCK_LEEWAY_S as i64 + 60;
    c.exp = c.iat + 300;
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::NotYetValid));
}

#[test]
fn wrong_audience_and_issuer_are_rejected() {
    let f = Fixture::new();
    let mut c = f.claims();
    c.aud = "someone-else".into();
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Audience));
    let mut c = f.claims();
    c.iss = "evil".into();
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Issuer));
}

#[test]
fn required_claims_must_be_present() {
    let f = Fixture::new();
    let base = serde_json::to_value(f.claims()).unwrap();
    for claim in [
        "iss", "aud", "sub", "exp", "nbf", "iat", "jti", "sid", "roles", "typ",
    ] {
        let mut c = base.clone();
        c.as_object_mut().unwrap().remove(claim);
        let token = f.auth.signer().sign(&f.auth.signer().header(), &c).unwrap();
        assert!(f.verify(&token).is_err(), "{claim} missing was accepted");
    }
    let mut c = base.clone();
    c["roles"] = serde_json::json!(["superuser"]);
    let token = f.auth.signer().sign(&f.auth.signer().header(), &c).unwrap();
    assert_eq!(f.verify(&token), Err(TokenError::Claims));
    let mut c = f.claims();
    c.jti = String::new();
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Claims));
}

#[test]
fn a_signed_token_whose_subject_or_session_is_not_a_well_formed_id_is_rejected() {
    let f = Fixture::new();
    let other_kind = SessionId::new().to_string();
    for sub in ["", "u", "usr_1", "usr_alice", other_kind.as_str()] {
        let mut c = f.claims();
        c.sub = sub.to_owned();
        assert_eq!(
            f.verify(&f.sign(&c)),
            Err(TokenError::Subject),
            "sub {sub:?}"
        );
    }
    let user_as_session = UserId::new().to_string();
    for sid in ["", "s", "ses_1", user_as_session.as_str()] {
        let mut c = f.claims();
        c.sid = sid.to_owned();
        assert_eq!(
            f.verify(&f.sign(&c)),
            Err(TokenError::Subject),
            "sid {sid:?}"
        );
    }
    // A number where the id's text belongs does not even deserialize.
    let mut c = serde_json::to_value(f.claims()).unwrap();
    c["sub"] = serde_json::json!(42);
    let token = f.auth.signer().sign(&f.auth.signer().header(), &c).unwrap();
    assert_eq!(f.verify(&token), Err(TokenError::Claims));
}

#[test]
fn refresh_and_other_types_are_rejected() {
    let f = Fixture::new();
    for typ in ["refresh", "Access", "", "id"] {
        let mut c = f.claims();
        c.typ = typ.into();
        assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Type), "{typ}");
        // And the signer will not issue them.
        assert!(f.auth.issue(&c).is_err());
    }
}

#[test]
fn a_lifetime_over_fifteen_minutes_is_rejected() {
    let f = Fixture::new();
    let mut c = f.claims();
    c.exp = c.iat + MAX_ACCESS_TOKEN_LIFETIME_S + 1;
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Lifetime));
    assert!(f.auth.issue(&c).is_err());
    c.exp = c.iat + MAX_ACCESS_TOKEN_LIFETIME_S;
    assert!(f.verify(&f.sign(&c)).is_ok());
    // `access_claims` caps the lifetime itself.
    let c = f.auth.access_claims(
        &UserId::new(),
        &SessionId::new(),
        vec![],
        vec![],
        Duration::from_secs(86_400),
    );
    assert_eq!(c.exp - c.iat, MAX_ACCESS_TOKEN_LIFETIME_S);
    let mut c = f.claims();
    c.exp = c.iat;
    assert_eq!(f.verify(&f.sign(&c)), Err(TokenError::Lifetime));
}

#[test]
fn garbage_is_rejected() {
    let f = Fixture::new();
    let long = "a".repeat(10_000);
    let token = f.auth.issue(&f.claims()).unwrap();
    let truncated = &token[..token.len() - 10];
    for garbage in [
        "",
        ".",
        "..",
        "abc",
        "a.b.c",
        "a.b.c.d",
        "eyJhbGciOiJFZERTQSJ9..",
        "!!!.???.***",
        long.as_str(),
        truncated,
    ] {
        assert!(f.verify(garbage).is_err(), "{garbage:?}");
    }
}

#[test]
fn rotation_verifies_with_every_key_until_one_is_removed() {
    let old = TokenSigner::generate("2024-01").unwrap();
    let new = TokenSigner::generate("2024-02").unwrap();
    let mut keys = KeySet::new();
    old.add_public_key_to(&mut keys).unwrap();
    new.add_public_key_to(&mut keys).unwrap();
    let auth = Auth::new(new.clone(), keys.clone(), ISS, AUD);
    let claims = auth.access_claims(
        &UserId::new(),
        &SessionId::new(),
        vec![Role::Coach],
        vec![],
        Duration::from_secs(60),
    );
    let by_old = old.issue(&claims).unwrap();
    let by_new = new.issue(&claims).unwrap();
    assert!(auth.verify(&by_old).is_ok());
    assert!(auth.verify(&by_new).is_ok());

    assert!(keys.remove("2024-01"));
    let auth = Auth::new(new, keys, ISS, AUD);
    assert_eq!(auth.verify(&by_old), Err(TokenError::UnknownKid));
    assert!(auth.verify(&by_new).is_ok());
}

#[test]
fn jwks_lists_public_keys_only() {
    let (private_pem, public_pem) = test_keys::generate_pair();
    let mut keys = KeySet::new();
    keys.insert_pem("a", &public_pem).unwrap();
    TokenSigner::from_pem("b", &private_pem)
        .unwrap()
        .add_public_key_to(&mut keys)
        .unwrap();
    let jwks: serde_json::Value = serde_json::from_str(&keys.jwks_json()).unwrap();
    let list = jwks["keys"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    // The pair's two halves agree.
    assert_eq!(list[0]["x"], list[1]["x"]);
    for key in list {
        assert_eq!(key["kty"], "OKP");
        assert_eq!(key["crv"], "Ed25519");
        assert_eq!(key["alg"], "EdDSA");
        assert_eq!(key["use"], "sig");
        assert!(key.get("d").is_none(), "private part leaked: {key}");
        assert_eq!(
            URL_SAFE_NO_PAD
                .decode(key["x"].as_str().unwrap())
                .unwrap()
                .len(),
            32
        );
    }
}

crate::error_set!(Refused: Refusal);

#[test]
fn roles_and_mfa_checks() {
    let f = Fixture::new();
    let mut p = f.verify(&f.auth.issue(&f.claims()).unwrap()).unwrap();
    assert!(p.has_role(Role::Member));
    assert!(p.require_role::<Refused>(Role::Member).is_ok());
    let err = p.require_role::<Refused>(Role::Admin).unwrap_err();
    assert_eq!(err.status().as_u16(), 403);
    assert_eq!(err.into_problem().code(), "forbidden");
    assert!(
        p.require_any_role::<Refused>(&[Role::Coach, Role::Member])
            .is_ok()
    );
    let err = p.require_mfa::<Refused>().unwrap_err();
    assert_eq!(err.into_problem().code(), "mfa_required");
    p.amr = vec!["pwd".into(), "otp".into()];
    assert!(p.require_mfa::<Refused>().is_ok());
    p.amr = vec!["mfa".into()];
    assert!(p.has_mfa());
    assert_eq!(serde_json::to_value(Role::Clinician).unwrap(), "clinician");
}

fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn settings_default_to_a_throwaway_key() {
    let s = Settings::load_from(None, env(&[])).unwrap();
    assert_eq!(s.auth.issuer, "haven");
    assert_eq!(s.auth.audience, "haven-api");
    let a = Auth::from_settings(&s.auth).unwrap();
    let b = Auth::from_settings(&s.auth).unwrap();
    assert!(a.signer().kid().starts_with("dev-"));
    let claims = a.access_claims(
        &UserId::new(),
        &SessionId::new(),
        vec![],
        vec![],
        Duration::from_secs(60),
    );
    let token = a.issue(&claims).unwrap();
    assert!(a.verify(&token).is_ok());
    // Another process's throwaway key does not verify it.
    assert_eq!(b.verify(&token), Err(TokenError::UnknownKid));
}

#[test]
fn settings_load_configured_keys_and_redact_the_private_one() {
    let (private_pem, _) = test_keys::generate_pair();
    let (old_private, old_public) = test_keys::generate_pair();
    let s = Settings::load_from(
        None,
        env(&[
            ("HAVEN__AUTH__SIGNING_KEY_PEM", &private_pem),
            ("HAVEN__AUTH__SIGNING_KEY_ID", "2025-02"),
            ("HAVEN__AUTH__ISSUER", "https://id.haven.test"),
        ]),
    )
    .unwrap();
    let mut s = s;
    s.auth.verify_keys = vec![VerifyKeySettings {
        kid: "2025-01".into(),
        public_key_pem: old_public,
    }];
    s.validate().unwrap();
    let auth = Auth::from_settings(&s.auth).unwrap();
    assert_eq!(auth.signer().kid(), "2025-02");
    let claims = auth.access_claims(
        &UserId::new(),
        &SessionId::new(),
        vec![],
        vec![],
        Duration::from_secs(60),
    );
    assert!(auth.verify(&auth.issue(&claims).unwrap()).is_ok());
    let old = TokenSigner::from_pem("2025-01", &old_private).unwrap();
    assert!(auth.verify(&old.issue(&claims).unwrap()).is_ok());

    let toml = s.redacted_toml().unwrap();
    assert!(!toml.contains("PRIVATE KEY"), "{toml}");
    assert!(!format!("{s:?}").contains("PRIVATE KEY"));
}

#[test]
fn invalid_key_settings_name_the_key() {
    let bad = Settings::load_from(
        None,
        env(&[
            (
                "HAVEN__AUTH__SIGNING_KEY_PEM",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
            ),
            ("HAVEN__AUTH__SIGNING_KEY_ID", "k"),
        ]),
    )
    .unwrap_err()
    .to_string();
    assert!(bad.contains("auth.signing_key_pem"), "{bad}");
    assert!(!bad.contains("AAAA"), "{bad}");

    let (private_pem, _) = test_keys::generate_pair();
    let err = Settings::load_from(None, env(&[("HAVEN__AUTH__SIGNING_KEY_PEM", &private_pem)]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("auth.signing_key_id"), "{err}");

    let mut s = Settings::default();
    s.auth.signing_key_pem = Some(Secret::new(private_pem.clone()));
    s.auth.signing_key_id = Some("k".into());
    s.auth.verify_keys = vec![VerifyKeySettings {
        kid: "old".into(),
        // A private key where a public one belongs.
        public_key_pem: private_pem,
    }];
    let err = s.validate().unwrap_err().to_string();
    assert!(
        err.contains("auth.verify_keys") && err.contains("old"),
        "{err}"
    );
    assert!(!err.contains("PRIVATE"), "{err}");

    let (_, public) = test_keys::generate_pair();
    s.auth.verify_keys = vec![VerifyKeySettings {
        kid: "k".into(),
        public_key_pem: public,
    }];
    let err = s.validate().unwrap_err().to_string();
    assert!(err.contains("used twice"), "{err}");
}

#[test]
fn keys_made_by_openssl_load() {
    // `openssl genpkey -algorithm ed25519` and `openssl pkey -pubout`: a test-only key.
    const PRIVATE: &str = "-----BEGIN PRIVATE KEY-----\n\
        MC4CAQAwBQYDK2VwBCIEIPsqJoZx1lWmTeQY9gl3oRdDwTDKsh8plLuw7sBZxyjS\n\
        -----END PRIVATE KEY-----\n";
    const PUBLIC: &str = "-----BEGIN PUBLIC KEY-----\n\
        MCowBQYDK2VwAyEAWDTWEXj6zIJXRT32dPrz8eR8AIODAuQW3YB9/J/c7to=\n\
        -----END PUBLIC KEY-----\n";
    let signer = TokenSigner::from_pem("ossl", PRIVATE).unwrap();
    let mut keys = KeySet::new();
    keys.insert_pem("ossl", PUBLIC).unwrap();
    let auth = Auth::new(signer, keys, ISS, AUD);
    let claims = auth.access_claims(
        &UserId::new(),
        &SessionId::new(),
        vec![],
        vec![],
        Duration::from_secs(60),
    );
    assert!(auth.verify(&auth.issue(&claims).unwrap()).is_ok());
}

#[test]
fn the_mfa_encryption_key_is_32_bytes_of_base64_and_redacted() {
    let key = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
    let s = Settings::load_from(None, env(&[("HAVEN__AUTH__MFA_ENCRYPTION_KEY", &key)])).unwrap();
    assert_eq!(s.auth.mfa_encryption_key_bytes().unwrap(), Some([7u8; 32]));
    let toml = s.redacted_toml().unwrap();
    assert!(!toml.contains(&key), "{toml}");
    assert!(!format!("{s:?}").contains(&key));
    assert_eq!(
        Settings::default().auth.mfa_encryption_key_bytes().unwrap(),
        None
    );

    let short = base64::engine::general_purpose::STANDARD.encode([7u8; 16]);
    for bad in [short.as_str(), "not base64!", ""] {
        let err = Settings::load_from(None, env(&[("HAVEN__AUTH__MFA_ENCRYPTION_KEY", bad)]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("auth.mfa_encryption_key"), "{err}");
        assert!(bad.is_empty() || !err.contains(bad), "{err}");
    }
}
