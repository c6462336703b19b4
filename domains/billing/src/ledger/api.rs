//! `/v1/billing/me/entitlements` (members) and the admin side of the ledger under
//! `/v1/billing/admin/…` (role `admin` and a second factor).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::http::timestamp::Timestamp;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams, Unexpected};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    AdminGrantRequest, EntitlementsDto, GrantDto, LedgerEntryDto, RevokeGrantRequest,
};
use super::error::{
    AdminGrantErrors, AdminRevokeErrors, MemberEntitlementsErrors, MemberLedgerErrors,
    MyEntitlementsErrors,
};
use super::model::{GrantId, LedgerEntryId};
use crate::BillingTag;
use crate::service::BillingService;
use haven_platform::Fault;

/// Answer with a member's entitlements.
#[derive(ApiResponse)]
pub enum EntitlementsAnswer {
    /// The entitlements now and the grants behind them.
    #[oai(status = 200)]
    Ok(
        Json<EntitlementsDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a grant.
#[derive(ApiResponse)]
pub enum GrantAnswer {
    /// The grant was made.
    #[oai(status = 201)]
    Created(
        Json<GrantDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
    /// The grant as it is now.
    #[oai(status = 200)]
    Ok(
        Json<GrantDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of the history.
#[derive(ApiResponse)]
pub enum LedgerPage {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<LedgerEntryDto>>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

async fn entitlements_of(
    service: &BillingService,
    user_id: &UserId,
) -> Result<EntitlementsDto, Fault> {
    let at = chrono::Utc::now();
    let (entitlements, grants) = service.entitlements(user_id, at).await?;
    Ok(EntitlementsDto {
        entitlements: entitlements.into_iter().map(Into::into).collect(),
        grants: grants.into_iter().map(Into::into).collect(),
        at: Timestamp(at),
    })
}

/// The member's own entitlements.
pub struct EntitlementsApi {
    service: BillingService,
}

impl EntitlementsApi {
    /// Around the service.
    pub fn new(service: BillingService) -> Self {
        Self { service }
    }
}

#[OpenApi(tag = "BillingTag::Entitlements")]
impl EntitlementsApi {
    /// My entitlements
    ///
    /// Every feature with whether the caller may use it now and, for sessions, how many
    /// are left in the current benefit year (a calendar year in UTC); and the grants
    /// behind them with their sources (subscription, employer, promo code, admin).
    #[oai(
        path = "/v1/billing/me/entitlements",
        method = "get",
        operation_id = "billingMyEntitlements"
    )]
    async fn mine(&self, auth: BearerAuth) -> ApiResult<EntitlementsAnswer, MyEntitlementsErrors> {
        let dto = entitlements_of(&self.service, &auth.0.user_id).await?;
        Ok(EntitlementsAnswer::Ok(Json(dto), Private))
    }
}

/// The ledger for admins.
pub struct LedgerAdminApi {
    service: BillingService,
    guard: Guard,
}

impl LedgerAdminApi {
    /// Around the service.
    pub fn new(service: BillingService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "BillingTag::LedgerAdmin")]
impl LedgerAdminApi {
    /// A member's entitlements
    ///
    /// Admins only (role `admin`, signed in with a second factor). What the member sees
    /// at `GET /v1/billing/me/entitlements`.
    #[oai(
        path = "/v1/billing/admin/members/:user_id/entitlements",
        method = "get",
        operation_id = "billingMemberEntitlements"
    )]
    async fn member_entitlements(
        &self,
        auth: BearerAuth,
        /// The member.
        user_id: Path<UserId>,
    ) -> ApiResult<EntitlementsAnswer, MemberEntitlementsErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let dto = entitlements_of(&self.service, &user_id.0).await?;
        Ok(EntitlementsAnswer::Ok(Json(dto), Private))
    }

    /// A member's ledger history
    ///
    /// Admins only. Every change of the member's ledger (grants made, changed and
    /// revoked, sessions consumed and released), with the admin and reason of changes
    /// made by hand; oldest first.
    #[oai(
        path = "/v1/billing/admin/members/:user_id/ledger",
        method = "get",
        operation_id = "billingMemberLedger"
    )]
    async fn member_ledger(
        &self,
        auth: BearerAuth,
        /// The member.
        user_id: Path<UserId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<LedgerPage, MemberLedgerErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<LedgerEntryId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .ledger_entries(&user_id.0, params.after, params.fetch_limit())
            .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let id = row.id;
            let dto = LedgerEntryDto::of(row).ok_or_else(|| {
                Fault::from(Unexpected::invariant(
                    "billing_ledger_entries row unreadable",
                ))
            })?;
            items.push((id, dto));
        }
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(LedgerPage::Ok(Json(page), Private))
    }

    /// Grant a feature by hand
    ///
    /// Admins only. Grants a feature to a member from now until `valid_until` (or
    /// open-ended), with a quota for sessions; kept in the ledger's history with the
    /// admin's id and the reason.
    #[oai(
        path = "/v1/billing/admin/members/:user_id/grants",
        method = "post",
        operation_id = "billingAdminGrant"
    )]
    async fn grant(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The member.
        user_id: Path<UserId>,
        body: Json<AdminGrantRequest>,
    ) -> ApiResult<GrantAnswer, AdminGrantErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let body = body.0;
        let grant = self
            .service
            .admin_grant(
                &p.user_id,
                &user_id.0,
                body.feature.into(),
                body.quota,
                body.valid_until.map(|t| t.0),
                &body.reason,
            )
            .await?;
        Ok(GrantAnswer::Created(Json(grant.into()), Private))
    }

    /// Revoke a grant
    ///
    /// Admins only. Revokes any grant (whatever its source) at once; kept in the
    /// ledger's history with the admin's id and the reason. A revoked grant is
    /// `409 grant_revoked`.
    #[oai(
        path = "/v1/billing/admin/grants/:grant_id/revoke",
        method = "post",
        operation_id = "billingAdminRevokeGrant"
    )]
    async fn revoke(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The grant.
        grant_id: Path<GrantId>,
        body: Json<RevokeGrantRequest>,
    ) -> ApiResult<GrantAnswer, AdminRevokeErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let grant = self
            .service
            .admin_revoke(&p.user_id, &grant_id.0, &body.0.reason)
            .await?;
        Ok(GrantAnswer::Ok(Json(grant.into()), Private))
    }
}
