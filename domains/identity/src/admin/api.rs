//! `/v1/identity/admin/users…`: the admin's view of accounts (list, read, roles,
//! disable/enable). Every operation needs an access token with the `admin` role issued
//! after a second factor, and the platform's guard checks that the caller is still an
//! enabled admin (`haven_platform::auth::Guard`).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::text::Text;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AdminUserDto, SetRolesRequest};
use super::error::{
    AdminAccountStateErrors, AdminGetUserErrors, AdminListUsersErrors, AdminSetRolesErrors,
};
use super::model;
use super::model::{Actor, UserQuery, email_search};
use crate::api::IdentityTag;
use crate::rules;
use crate::service::IdentityService;

/// Admin operations on accounts.
pub struct AdminApi {
    service: IdentityService,
    guard: Guard,
}

impl AdminApi {
    /// Around the service.
    pub fn new(service: IdentityService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

// Admin answers carry other people's personal data: no cache may keep them (`NoStore`).

/// Answer of the admin user list.
#[derive(ApiResponse)]
pub enum AdminUserList {
    /// One page of accounts, newest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<AdminUserDto>>,
        /// `no-store`: the answer holds tokens, secrets or personal data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of an admin read or change of one account.
#[derive(ApiResponse)]
pub enum AdminUserResponse {
    /// The account as it is now.
    #[oai(status = 200)]
    Ok(
        Json<AdminUserDto>,
        /// `no-store`: the answer holds tokens, secrets or personal data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

impl AdminUserResponse {
    fn of(user: model::AdminUser) -> Self {
        Self::Ok(Json(user.into()), NoStore)
    }
}

#[OpenApi(tag = "IdentityTag::Admin")]
impl AdminApi {
    /// List accounts (admin)
    ///
    /// Accounts newest first, paginated, optionally narrowed to those whose email
    /// contains `email` (case-insensitive, matched literally) and to those holding
    /// `role`. Needs the `admin` role and a second factor (`403 mfa_required` without).
    #[oai(
        path = "/v1/identity/admin/users",
        method = "get",
        operation_id = "identityAdminListUsers"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Text the email address must contain, e.g. `@acme.com` (not blank).
        email: Query<Option<Text<rules::EmailSearch>>>,
        /// Only accounts holding this role.
        role: Query<Option<Role>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AdminUserList, AdminListUsersErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let params =
            PageParams::<UserId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let query = UserQuery {
            email_contains: email.0.as_deref().map(email_search).transpose()?,
            role: role.0,
        };
        let rows = self
            .service
            .admin_list_users(&Actor::from(&p), query, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(
            rows,
            params.limit,
            |u| u.user.id.to_string(),
            AdminUserDto::from,
        );
        Ok(AdminUserList::Ok(Json(page), NoStore))
    }

    /// Read an account (admin)
    ///
    /// The account with its roles, verification and disabled state, and its count of
    /// active sessions. Needs the `admin` role and a second factor.
    #[oai(
        path = "/v1/identity/admin/users/:user_id",
        method = "get",
        operation_id = "identityAdminGetUser"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The account.
        user_id: Path<UserId>,
    ) -> ApiResult<AdminUserResponse, AdminGetUserErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let user = self
            .service
            .admin_get_user(&Actor::from(&p), &user_id.0)
            .await?;
        Ok(AdminUserResponse::of(user))
    }

    /// Set an account's roles (admin)
    ///
    /// Replaces the account's roles with `roles`, which must include `member` and list
    /// each role once (`422`). Taking `admin` from the last enabled admin is
    /// `409 last_admin`. The account's sessions stay signed in: their next token refresh
    /// carries the new roles, and access tokens already issued keep the old roles until
    /// they expire (at most 15 minutes). Audited as `role_changed`.
    #[oai(
        path = "/v1/identity/admin/users/:user_id/roles",
        method = "put",
        operation_id = "identityAdminSetRoles"
    )]
    async fn set_roles(
        &self,
        auth: BearerAuth,
        /// The account.
        user_id: Path<UserId>,
        body: Json<SetRolesRequest>,
    ) -> ApiResult<AdminUserResponse, AdminSetRolesErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let user = self
            .service
            .admin_set_roles(&Actor::from(&p), &user_id.0, body.0.roles.into_inner())
            .await?;
        Ok(AdminUserResponse::of(user))
    }

    /// Disable an account (admin)
    ///
    /// The account can no longer sign in (the right password gets
    /// `403 account_disabled`) and all its sessions are revoked, so their refresh tokens
    /// stop working at once; access tokens already issued stay valid until they expire
    /// (at most 15 minutes). Disabling the last enabled admin is `409 last_admin`.
    /// Disabling a disabled account changes nothing. Audited as `account_disabled`.
    #[oai(
        path = "/v1/identity/admin/users/:user_id/disable",
        method = "post",
        operation_id = "identityAdminDisableUser"
    )]
    async fn disable(
        &self,
        auth: BearerAuth,
        /// The account.
        user_id: Path<UserId>,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
    ) -> ApiResult<AdminUserResponse, AdminAccountStateErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let user = self
            .service
            .admin_set_disabled(&Actor::from(&p), &user_id.0, true)
            .await?;
        Ok(AdminUserResponse::of(user))
    }

    /// Re-enable an account (admin)
    ///
    /// The account can sign in again (its revoked sessions stay revoked). Enabling an
    /// enabled account changes nothing. Audited as `account_enabled`.
    #[oai(
        path = "/v1/identity/admin/users/:user_id/enable",
        method = "post",
        operation_id = "identityAdminEnableUser"
    )]
    async fn enable(
        &self,
        auth: BearerAuth,
        /// The account.
        user_id: Path<UserId>,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
    ) -> ApiResult<AdminUserResponse, AdminAccountStateErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let user = self
            .service
            .admin_set_disabled(&Actor::from(&p), &user_id.0, false)
            .await?;
        Ok(AdminUserResponse::of(user))
    }
}
