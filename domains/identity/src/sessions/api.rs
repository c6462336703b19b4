//! `/v1/identity/login`, `/v1/identity/logout` and `/v1/identity/me/sessions`: the
//! session resource.

use haven_platform::auth::{AuthErrors, BearerAuth};
use haven_platform::http::cache::{NoStore, Private};
use haven_platform::http::client_ip::ClientIp;
use haven_platform::ids::SessionId;
use haven_platform::ratelimit::RateLimiter;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{LoginRequest, LoginResult, RefreshRequest, SessionDto, TokenResponse};
use super::error::{ListSessionsErrors, LoginErrors, RefreshErrors, RevokeSessionErrors};
use crate::accounts::model::Email;
use crate::api::IdentityTag;
use crate::limits;
use crate::service::IdentityService;

/// Session operations.
pub struct SessionsApi {
    service: IdentityService,
    limiter: RateLimiter,
}

impl SessionsApi {
    /// Around the service; `limiter` enforces the login limits.
    pub fn new(service: IdentityService, limiter: RateLimiter) -> Self {
        Self { service, limiter }
    }
}

/// Answer of a successful login or refresh.
#[derive(ApiResponse)]
pub enum LoggedIn {
    /// The session's new tokens.
    #[oai(status = 200)]
    Ok(
        Json<TokenResponse>,
        /// `no-store`: the answer holds tokens or secrets.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of a login.
#[derive(ApiResponse)]
pub enum LoginAnswer {
    /// Signed in (`status: authenticated`, the tokens), or the password was right and a
    /// second factor is needed (`status: mfa_required`, see `identityLoginMfa`).
    #[oai(status = 200)]
    Ok(
        Json<LoginResult>,
        /// `no-store`: the answer holds tokens or secrets.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of a list of sessions.
#[derive(ApiResponse)]
pub enum SessionList {
    /// One page of the caller's active sessions, newest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<SessionDto>>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of a revocation.
#[derive(ApiResponse)]
pub enum Revoked {
    /// The session is revoked (or already was).
    #[oai(status = 204)]
    NoContent,
}

#[OpenApi(tag = "IdentityTag::Sessions")]
impl SessionsApi {
    /// Sign in
    ///
    /// Checks the email and password and opens a session: a short-lived access token and
    /// a refresh token. An unknown email and a wrong password give the same
    /// `401 invalid_credentials`. After 10 consecutive failures (wrong passwords or
    /// second-factor codes) in 15 minutes (by default: `identity.lockout_threshold`,
    /// `identity.lockout_window_s`) the address is locked until the oldest of them leaves
    /// the window: the same `401` body, with `Retry-After`, whether or not the address is
    /// registered. Attempts are also limited per email address and per client IP
    /// (`429 rate_limited`). When the account has two-step verification, a right password
    /// answers `status: mfa_required` with an `mfa_token` instead of tokens (continue
    /// with `identityLoginMfa`).
    #[oai(
        path = "/v1/identity/login",
        method = "post",
        operation_id = "identityLogin"
    )]
    async fn login(
        &self,
        client: ClientIp,
        body: Json<LoginRequest>,
    ) -> ApiResult<LoginAnswer, LoginErrors> {
        let body = body.0;
        limits::LOGIN_IP
            .enforce(&self.limiter, &client.key())
            .await?;
        let email_key = Email::parse(&body.email).map_or_else(
            |_| body.email.trim().to_lowercase(),
            |email| email.normalized().to_owned(),
        );
        limits::LOGIN_EMAIL
            .enforce(&self.limiter, &email_key)
            .await?;
        let outcome = self
            .service
            .login(
                &body.email,
                &body.password,
                body.device_label,
                client.coarse(),
            )
            .await?;
        Ok(LoginAnswer::Ok(Json(outcome.into()), NoStore))
    }

    /// Refresh the tokens
    ///
    /// Exchanges a refresh token for a new access token and a new refresh token; the old
    /// refresh token is used up. Presenting it again within 10 s (by default;
    /// `identity.refresh_reuse_grace_s`) returns the same new pair (two concurrent
    /// refreshes); later, it signs the whole session out.
    #[oai(
        path = "/v1/identity/token/refresh",
        method = "post",
        operation_id = "identityRefreshToken"
    )]
    async fn refresh(
        &self,
        client: ClientIp,
        body: Json<RefreshRequest>,
    ) -> ApiResult<LoggedIn, RefreshErrors> {
        let tokens = self
            .service
            .refresh(&body.0.refresh_token, client.coarse())
            .await?;
        Ok(LoggedIn::Ok(Json(tokens.into()), NoStore))
    }

    /// Sign out
    ///
    /// Revokes the session of the access token (its refresh token stops working). The
    /// access token itself stays valid until it expires (at most 15 minutes).
    #[oai(
        path = "/v1/identity/logout",
        method = "post",
        operation_id = "identityLogout"
    )]
    async fn logout(&self, auth: BearerAuth) -> ApiResult<Revoked, AuthErrors> {
        let p = auth.0;
        self.service.logout(p.user_id, p.session_id).await?;
        Ok(Revoked::NoContent)
    }

    /// The caller's sessions
    ///
    /// The caller's active sessions (signed-in devices), newest first, paginated.
    #[oai(
        path = "/v1/identity/me/sessions",
        method = "get",
        operation_id = "identityListSessions"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<SessionList, ListSessionsErrors> {
        let p = auth.0;
        let params =
            PageParams::<SessionId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_sessions(p.user_id, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(
            rows,
            params.limit,
            |s| s.id.to_string(),
            |s| SessionDto::new(s, p.session_id),
        );
        Ok(SessionList::Ok(Json(page), Private))
    }

    /// Sign out the other devices
    ///
    /// Revokes every session of the caller except the one of this access token: their
    /// refresh tokens stop working (their access tokens expire within 15 minutes).
    #[oai(
        path = "/v1/identity/me/sessions/revoke-others",
        method = "post",
        operation_id = "identityRevokeOtherSessions"
    )]
    async fn revoke_others(&self, auth: BearerAuth) -> ApiResult<Revoked, AuthErrors> {
        let p = auth.0;
        self.service
            .revoke_other_sessions(p.user_id, p.session_id)
            .await?;
        Ok(Revoked::NoContent)
    }

    /// Revoke a session
    ///
    /// Signs one of the caller's devices out: its refresh token stops working. `404` if
    /// the session is not the caller's.
    #[oai(
        path = "/v1/identity/me/sessions/:session_id",
        method = "delete",
        operation_id = "identityRevokeSession"
    )]
    async fn revoke(
        &self,
        auth: BearerAuth,
        /// The session to revoke.
        session_id: Path<SessionId>,
    ) -> ApiResult<Revoked, RevokeSessionErrors> {
        let p = auth.0;
        self.service.revoke_session(p.user_id, session_id.0).await?;
        Ok(Revoked::NoContent)
    }
}
