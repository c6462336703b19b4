//! The identity use-cases. Each owns its transaction; password hashing runs on a bounded
//! pool off the async runtime. Spans carry ids only, never emails, passwords or tokens.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::Connection;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use haven_platform::auth::{Auth, Role};
use haven_platform::time::now_utc;
use haven_platform::{Db, PlatformContext};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::error::{FieldProblem, IdentityError};
use crate::model::{
    Email, LoginTokens, NewAccount, Password, RefreshTokenId, Session, SessionId, User, UserId,
};
use crate::model::{SecurityEventId, SecurityEventKind};
use crate::repo::{self, RefreshTokenRow, SecurityEventRow, SessionRow, UserRow};

/// Lifetime of access tokens.
pub const ACCESS_TOKEN_TTL: Duration = Duration::from_secs(15 * 60);
/// A refresh token expires after this long unused (each refresh issues a new one).
pub const REFRESH_IDLE_TTL: chrono::Duration = chrono::Duration::days(30);
/// A session (refresh-token family) ends this long after its login, however used.
pub const SESSION_MAX_AGE: chrono::Duration = chrono::Duration::days(90);
/// A refresh token presented again within this long after its first use gets the same
/// new pair (two concurrent refreshes from one app); later, it revokes the family.
pub const REFRESH_GRACE: chrono::Duration = chrono::Duration::seconds(10);
/// Longest display name, in characters.
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;
/// Longest device label, in characters (longer labels are cut).
pub const DEVICE_LABEL_MAX_CHARS: usize = 100;

/// argon2id memory cost in KiB (OWASP: 19 MiB).
pub const ARGON2_M_KIB: u32 = 19_456;
/// argon2id iterations.
pub const ARGON2_T: u32 = 2;
/// argon2id parallelism.
pub const ARGON2_P: u32 = 1;

/// The identity use-cases. Cheap to clone.
#[derive(Clone, Debug)]
pub struct IdentityService {
    db: Db,
    auth: Auth,
    hasher: Hasher,
}

/// Registration input as received (validated here, not in the API layer).
#[derive(Clone)]
pub struct RegisterInput {
    /// The email as typed.
    pub email: String,
    /// The password as typed.
    pub password: String,
    /// Optional display name.
    pub display_name: Option<String>,
}

impl IdentityService {
    /// From the platform context.
    pub fn new(ctx: &PlatformContext) -> Self {
        // Make the dummy hash now, so the first unknown-email login costs what the others
        // do.
        std::thread::spawn(|| {
            if let Err(e) = dummy_hash() {
                tracing::error!(error = %e, "cannot prepare the dummy password hash");
            }
        });
        Self {
            db: ctx.db.clone(),
            auth: ctx.auth.clone(),
            hasher: Hasher::new(),
        }
    }

    /// Validates the input: every invalid field is reported at once.
    pub fn validate_registration(input: RegisterInput) -> Result<NewAccount, IdentityError> {
        let mut problems = Vec::new();
        let email = Email::parse(&input.email)
            .map_err(|e| problems.push(FieldProblem::email(e)))
            .ok();
        let password = Password::parse_new(&input.password)
            .map_err(|e| problems.push(FieldProblem::password(e)))
            .ok();
        let display_name = input
            .display_name
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty());
        if display_name
            .as_ref()
            .is_some_and(|n| n.chars().count() > DISPLAY_NAME_MAX_CHARS)
        {
            problems.push(FieldProblem {
                field: "display_name",
                code: "too_long",
                message: format!(
                    "The display name must be at most {DISPLAY_NAME_MAX_CHARS} characters long."
                ),
            });
        }
        match (email, password) {
            (Some(email), Some(password)) if problems.is_empty() => Ok(NewAccount {
                email,
                password,
                display_name,
            }),
            _ => Err(IdentityError::Validation(problems)),
        }
    }

    /// Creates an account with the `member` role. The UNIQUE constraint on the
    /// normalized email decides duplicates, so concurrent registrations of one address
    /// give exactly one account and the others `EmailTaken`.
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn register(&self, input: RegisterInput) -> Result<User, IdentityError> {
        self.create_user(input, vec![Role::Member]).await
    }

    /// Creates an account with `roles` (the `haven admin create-user` CLI; the API only
    /// ever grants `member`). Same rules as [`IdentityService::register`].
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn create_user(
        &self,
        input: RegisterInput,
        roles: Vec<Role>,
    ) -> Result<User, IdentityError> {
        let account = Self::validate_registration(input)?;
        let password_hash = self.hasher.hash(account.password.clone()).await?;
        let id = UserId::new();
        tracing::Span::current().record("user_id", tracing::field::display(&id));
        let now = now_utc();
        let row = UserRow {
            id: id.to_string(),
            email: account.email.as_str().to_owned(),
            email_normalized: account.email.normalized().to_owned(),
            password_hash,
            display_name: account.display_name,
            roles: roles_to_json(&roles)?,
            created_at: now,
            updated_at: now,
        };
        let inserted = row.clone();
        self.db
            .run(move |conn| {
                conn.transaction(|conn| repo::insert_user(conn, &inserted))
                    .map_err(|e| match e {
                        DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                            IdentityError::EmailTaken
                        }
                        other => IdentityError::from(other),
                    })
            })
            .await?;
        tracing::info!("account registered");
        user_from_row(row)
    }

    /// Checks the credentials and opens a session. Unknown emails, malformed emails and
    /// wrong passwords all run one argon2 verification and give `InvalidCredentials`.
    #[tracing::instrument(skip_all, fields(user_id, session_id))]
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        device_label: Option<String>,
    ) -> Result<LoginTokens, IdentityError> {
        let password = Password::presented(password);
        let user = match Email::parse(email) {
            Ok(email) => {
                let normalized = email.normalized().to_owned();
                self.db
                    .run(move |conn| {
                        repo::find_user_by_email(conn, &normalized).map_err(IdentityError::from)
                    })
                    .await?
            }
            Err(_) => None,
        };
        let stored_hash = user.as_ref().map(|u| u.password_hash.clone());
        let stored_user_id = user.as_ref().map(|u| u.id.clone());
        let verified = self.hasher.verify(password.clone(), stored_hash).await?;
        let Some(user) = user.filter(|_| verified != Verified::Mismatch) else {
            let user_id = stored_user_id;
            self.record(SecurityEventKind::LoginFailed, user_id, None)
                .await?;
            return Err(IdentityError::InvalidCredentials);
        };
        let user = user_from_row(user)?;
        let rehashed = match verified {
            Verified::MatchOutdated => Some(self.hasher.hash(password).await?),
            _ => None,
        };
        let span = tracing::Span::current();
        span.record("user_id", tracing::field::display(&user.id));

        let session_id = SessionId::new();
        span.record("session_id", tracing::field::display(&session_id));
        let refresh_token = random_token()?;
        let now = now_utc();
        let session = SessionRow {
            id: session_id.to_string(),
            user_id: user.id.to_string(),
            device_label: device_label
                .map(|l| l.trim().chars().take(DEVICE_LABEL_MAX_CHARS).collect())
                .filter(|l: &String| !l.is_empty()),
            created_at: now,
            last_used_at: now,
            revoked_at: None,
            refresh_secret: random_token()?,
        };
        let token_row = RefreshTokenRow {
            id: RefreshTokenId::new().to_string(),
            session_id: session_id.to_string(),
            token_hash: sha256_hex(&refresh_token),
            created_at: now,
            expires_at: now + REFRESH_IDLE_TTL,
            used_at: None,
        };
        let rehashed_flag = rehashed.is_some();
        let success = security_event(
            SecurityEventKind::LoginSucceeded,
            Some(session.user_id.clone()),
            Some(session.id.clone()),
            now,
        );
        self.db
            .run(move |conn| {
                conn.transaction(|conn| {
                    if let Some(hash) = &rehashed {
                        repo::update_password_hash(conn, &session.user_id, hash, now)?;
                    }
                    repo::insert_session(conn, &session)?;
                    repo::insert_security_event(conn, &success)?;
                    repo::insert_refresh_token(conn, &token_row)
                })
                .map_err(IdentityError::from)
            })
            .await?;

        let claims = self.auth.access_claims(
            &user.id.to_string(),
            &session_id.to_string(),
            user.roles.clone(),
            vec!["pwd".to_owned()],
            ACCESS_TOKEN_TTL,
        );
        let access_token = self
            .auth
            .issue(&claims)
            .map_err(|e| IdentityError::Internal(format!("signing the access token: {e}")))?;
        count(SecurityEventKind::LoginSucceeded);
        tracing::info!(rehashed = rehashed_flag, "login succeeded");
        Ok(LoginTokens {
            access_token,
            refresh_token,
            expires_in: u32::try_from(claims.exp - claims.iat).unwrap_or(0),
            session_id,
        })
    }

    /// Exchanges a refresh token for a new pair (rotation). A token used before gets the
    /// same new pair within [`REFRESH_GRACE`] (while that pair is unused); otherwise the
    /// reuse revokes the whole session (RFC 9700 reuse detection).
    #[tracing::instrument(skip_all, fields(user_id, session_id))]
    pub async fn refresh(&self, refresh_token: &str) -> Result<LoginTokens, IdentityError> {
        let presented = refresh_token.to_owned();
        let now = now_utc();
        let outcome = self
            .db
            .run(move |conn| {
                conn.transaction(|conn| rotate(conn, &presented, now))
                    .map_err(IdentityError::from)
            })
            .await?;
        let (user, session_id, successor, issued_at) = match outcome {
            Rotation::Issued {
                user,
                session_id,
                successor,
                issued_at,
            } => (user, session_id, successor, issued_at),
            Rotation::Invalid => return Err(IdentityError::InvalidRefreshToken),
            Rotation::ReuseDetected { session_id } => {
                count(SecurityEventKind::RefreshTokenReused);
                tracing::warn!(
                    session_id = %session_id,
                    "refresh token reuse detected: session revoked"
                );
                return Err(IdentityError::InvalidRefreshToken);
            }
        };
        let user = user_from_row(*user)?;
        let span = tracing::Span::current();
        span.record("user_id", tracing::field::display(&user.id));
        span.record("session_id", tracing::field::display(&session_id));
        let session_id = session_id
            .parse::<SessionId>()
            .map_err(|e| IdentityError::Internal(format!("identity_sessions.id: {e}")))?;

        // The access token is a function of the new refresh token and its issue time, and
        // EdDSA signatures are deterministic: a retry in the grace window gets the very
        // same pair.
        let mut claims = self.auth.access_claims(
            &user.id.to_string(),
            &session_id.to_string(),
            user.roles.clone(),
            vec!["pwd".to_owned()],
            ACCESS_TOKEN_TTL,
        );
        let ttl = claims.exp - claims.iat;
        claims.iat = issued_at.and_utc().timestamp();
        claims.nbf = claims.iat;
        claims.exp = claims.iat + ttl;
        claims.jti = sha256_hex(&format!("jti:{successor}"))[..32].to_owned();
        let access_token = self
            .auth
            .issue(&claims)
            .map_err(|e| IdentityError::Internal(format!("signing the access token: {e}")))?;
        tracing::info!("tokens refreshed");
        Ok(LoginTokens {
            access_token,
            refresh_token: successor,
            expires_in: u32::try_from(ttl).unwrap_or(0),
            session_id,
        })
    }

    /// The account of `user_id`.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn me(&self, user_id: &str) -> Result<User, IdentityError> {
        let id = user_id.to_owned();
        let row = self
            .db
            .run(move |conn| repo::find_user(conn, &id).map_err(IdentityError::from))
            .await?
            .ok_or(IdentityError::NotFound)?;
        user_from_row(row)
    }

    /// Revokes the caller's current session (log out). Revoking a revoked session is a
    /// no-op.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn logout(&self, user_id: &str, session_id: &str) -> Result<(), IdentityError> {
        match self.revoke_session(user_id, session_id).await {
            // A token whose session is gone has nothing left to sign out of.
            Ok(()) | Err(IdentityError::NotFound) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Revokes one of the user's sessions; `NotFound` if it is not theirs.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, session_id = %session_id))]
    pub async fn revoke_session(
        &self,
        user_id: &str,
        session_id: &str,
    ) -> Result<(), IdentityError> {
        let (user, session) = (user_id.to_owned(), session_id.to_owned());
        let now = now_utc();
        let exists = self
            .db
            .run(move |conn| {
                conn.transaction(|conn| {
                    let exists = repo::revoke_session(conn, &user, &session, now)?;
                    if exists {
                        repo::insert_security_event(
                            conn,
                            &security_event(
                                SecurityEventKind::SessionRevoked,
                                Some(user.clone()),
                                Some(session.clone()),
                                now,
                            ),
                        )?;
                    }
                    Ok::<_, diesel::result::Error>(exists)
                })
                .map_err(IdentityError::from)
            })
            .await?;
        if exists {
            count(SecurityEventKind::SessionRevoked);
            tracing::info!("session revoked");
            Ok(())
        } else {
            Err(IdentityError::NotFound)
        }
    }

    /// The user's active sessions, newest first: up to `fetch` rows after the keyset
    /// position `before` (a session id).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn list_sessions(
        &self,
        user_id: &str,
        before: Option<SessionId>,
        fetch: i64,
    ) -> Result<Vec<Session>, IdentityError> {
        let user = user_id.to_owned();
        let before = before.map(|b| b.to_string());
        let rows = self
            .db
            .run(move |conn| {
                repo::list_active_sessions(conn, &user, before.as_deref(), fetch)
                    .map_err(IdentityError::from)
            })
            .await?;
        rows.into_iter().map(session_from_row).collect()
    }

    /// Appends a security event on its own, counts it and logs it (ids only).
    async fn record(
        &self,
        kind: SecurityEventKind,
        user_id: Option<String>,
        session_id: Option<String>,
    ) -> Result<(), IdentityError> {
        count(kind);
        tracing::info!(event = kind.as_str(), user_id = ?user_id, "security event");
        let row = security_event(kind, user_id, session_id, now_utc());
        self.db
            .run(move |conn| repo::insert_security_event(conn, &row).map_err(IdentityError::from))
            .await
    }

    /// The public JWKS document of every key that verifies access tokens.
    pub fn jwks_json(&self) -> String {
        self.auth.jwks_json()
    }
}

/// What one refresh did, decided in one transaction.
enum Rotation {
    /// A new pair: `successor` is the new refresh token, issued at `issued_at`.
    Issued {
        user: Box<UserRow>,
        session_id: String,
        successor: String,
        issued_at: NaiveDateTime,
    },
    /// Unknown, expired, or of a revoked session.
    Invalid,
    /// A used token outside the grace window: the session is now revoked.
    ReuseDetected { session_id: String },
}

fn rotate(
    conn: &mut haven_platform::AnyConnection,
    presented: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<Rotation> {
    let hash = sha256_hex(presented);
    // The write first: concurrent refreshes of one token queue here.
    let claimed = repo::claim_refresh_token(conn, &hash, now)? == 1;
    let Some(token) = repo::find_refresh_token(conn, &hash)? else {
        return Ok(Rotation::Invalid);
    };
    let Some(session) = repo::find_session(conn, &token.session_id)? else {
        return Ok(Rotation::Invalid);
    };
    if session.revoked_at.is_some()
        || session.refresh_secret.is_empty()
        || token.expires_at <= now
        || session.created_at + SESSION_MAX_AGE <= now
    {
        return Ok(Rotation::Invalid);
    }
    let Some(user) = repo::find_user(conn, &session.user_id)? else {
        return Ok(Rotation::Invalid);
    };
    let successor = successor_token(&session.refresh_secret, presented);
    let successor_hash = sha256_hex(&successor);
    if claimed {
        let expires_at = (now + REFRESH_IDLE_TTL).min(session.created_at + SESSION_MAX_AGE);
        repo::insert_refresh_token(
            conn,
            &RefreshTokenRow {
                id: RefreshTokenId::new().to_string(),
                session_id: session.id.clone(),
                token_hash: successor_hash,
                created_at: now,
                expires_at,
                used_at: None,
            },
        )?;
        repo::touch_session(conn, &session.id, now)?;
        return Ok(Rotation::Issued {
            user: Box::new(user),
            session_id: session.id,
            successor,
            issued_at: now,
        });
    }
    let within_grace = token
        .used_at
        .is_some_and(|used| now - used <= REFRESH_GRACE);
    match repo::find_refresh_token(conn, &successor_hash)? {
        Some(next) if within_grace && next.used_at.is_none() => Ok(Rotation::Issued {
            user: Box::new(user),
            session_id: session.id,
            successor,
            issued_at: next.created_at,
        }),
        _ => {
            repo::revoke_family(conn, &session.id, now)?;
            repo::insert_security_event(
                conn,
                &security_event(
                    SecurityEventKind::RefreshTokenReused,
                    Some(session.user_id.clone()),
                    Some(session.id.clone()),
                    now,
                ),
            )?;
            Ok(Rotation::ReuseDetected {
                session_id: session.id,
            })
        }
    }
}

/// The refresh token that replaces `token`: HMAC-SHA256 under the family's secret,
/// base64url. Unguessable without the secret, which never leaves the database.
fn successor_token(secret: &str, token: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        // HMAC takes keys of any length; this arm is unreachable.
        Err(_) => return random_token().unwrap_or_default(),
    };
    mac.update(token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

fn security_event(
    kind: SecurityEventKind,
    user_id: Option<String>,
    session_id: Option<String>,
    now: NaiveDateTime,
) -> SecurityEventRow {
    SecurityEventRow {
        id: SecurityEventId::new().to_string(),
        kind: kind.as_str().to_owned(),
        user_id,
        session_id,
        created_at: now,
    }
}

/// `haven_identity_security_events_total{kind}`.
fn count(kind: SecurityEventKind) {
    metrics::counter!("haven_identity_security_events_total", "kind" => kind.as_str()).increment(1);
}

fn roles_to_json(roles: &[Role]) -> Result<String, IdentityError> {
    serde_json::to_string(roles).map_err(|e| IdentityError::Internal(format!("roles: {e}")))
}

fn user_from_row(row: UserRow) -> Result<User, IdentityError> {
    let id = row
        .id
        .parse::<UserId>()
        .map_err(|e| IdentityError::Internal(format!("identity_users.id: {e}")))?;
    let roles: Vec<Role> = serde_json::from_str(&row.roles)
        .map_err(|e| IdentityError::Internal(format!("identity_users.roles of {id}: {e}")))?;
    Ok(User {
        id,
        email: row.email,
        display_name: row.display_name,
        roles,
        created_at: utc(row.created_at),
    })
}

fn session_from_row(row: SessionRow) -> Result<Session, IdentityError> {
    Ok(Session {
        id: row
            .id
            .parse::<SessionId>()
            .map_err(|e| IdentityError::Internal(format!("identity_sessions.id: {e}")))?,
        device_label: row.device_label,
        created_at: utc(row.created_at),
        last_used_at: utc(row.last_used_at),
    })
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}

/// 256 random bits, base64url without padding.
fn random_token() -> Result<String, IdentityError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| IdentityError::Internal(format!("random token: {e}")))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

fn sha256_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// argon2id hashing on the blocking pool, at most one hash per core at a time, so a flood
/// of logins queues here instead of occupying every blocking thread or the runtime.
#[derive(Clone, Debug)]
struct Hasher {
    permits: Arc<Semaphore>,
}

impl Hasher {
    fn new() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Self {
            permits: Arc::new(Semaphore::new(cores)),
        }
    }

    fn argon2() -> Result<Argon2<'static>, IdentityError> {
        let params = Params::new(ARGON2_M_KIB, ARGON2_T, ARGON2_P, None)
            .map_err(|e| IdentityError::Internal(format!("argon2 params: {e}")))?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> Result<T, IdentityError> + Send + 'static,
    ) -> Result<T, IdentityError> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|e| IdentityError::Internal(format!("hash pool closed: {e}")))?;
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _entered = span.enter();
            let result = f();
            drop(permit);
            result
        })
        .await
        .map_err(|e| IdentityError::Internal(format!("hash task: {e}")))?
    }

    /// The PHC string of a new argon2id hash with a random salt.
    async fn hash(&self, password: Password) -> Result<String, IdentityError> {
        self.run(move || hash_blocking(&password)).await
    }

    /// Checks `password` against `stored`; with no stored hash, verifies against a fixed
    /// dummy hash (same cost) and answers [`Verified::Mismatch`].
    async fn verify(
        &self,
        password: Password,
        stored: Option<String>,
    ) -> Result<Verified, IdentityError> {
        self.run(move || {
            let (hash, known) = match &stored {
                Some(h) => (h.as_str(), true),
                None => (dummy_hash()?, false),
            };
            let parsed = PasswordHash::new(hash)
                .map_err(|e| IdentityError::Internal(format!("stored password hash: {e}")))?;
            let ok = Hasher::argon2()?
                .verify_password(password.expose_bytes(), &parsed)
                .is_ok();
            Ok(match (known && ok, is_outdated(&parsed)) {
                (false, _) => Verified::Mismatch,
                (true, false) => Verified::Match,
                (true, true) => Verified::MatchOutdated,
            })
        })
        .await
    }
}

/// What a password check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verified {
    /// Unknown account or wrong password.
    Mismatch,
    /// Right password, hash at the current parameters or stronger.
    Match,
    /// Right password, hash weaker than the current parameters: rehash it.
    MatchOutdated,
}

/// Whether a stored hash is weaker than the current parameters (another algorithm or
/// version, less memory or fewer iterations); stronger hashes are kept.
fn is_outdated(hash: &PasswordHash<'_>) -> bool {
    let current_alg = hash.algorithm.as_str() == Algorithm::Argon2id.ident().as_str()
        && hash.version == Some(Version::V0x13.into());
    match Params::try_from(hash) {
        Ok(p) => !current_alg || p.m_cost() < ARGON2_M_KIB || p.t_cost() < ARGON2_T,
        Err(_) => true,
    }
}

fn hash_blocking(password: &Password) -> Result<String, IdentityError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| IdentityError::Internal(format!("salt: {e}")))?;
    let salt =
        SaltString::encode_b64(&salt).map_err(|e| IdentityError::Internal(format!("salt: {e}")))?;
    Hasher::argon2()?
        .hash_password(password.expose_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| IdentityError::Internal(format!("argon2: {e}")))
}

/// A hash of a random password with the current parameters, made once per process, that
/// unknown emails are verified against.
fn dummy_hash() -> Result<&'static str, IdentityError> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let random = random_token()?;
    let hash = hash_blocking(&Password::presented(&random))?;
    Ok(DUMMY.get_or_init(|| hash))
}
