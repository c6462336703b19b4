//! `/v1/billing/me/entitlements` (members) and the admin side of the ledger under
//! `/v1/billing/admin/…` (role `admin` and a second factor).

use bytes::Bytes;
use chrono::{DateTime, Utc};
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::http::rendered::JsonBytes;
use haven_platform::http::timestamp::Timestamp;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams, Unexpected};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::types::ToJSON;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    AdminGrantRequest, EntitlementsDto, GrantDto, LedgerEntryDto, RevokeGrantRequest,
};
use super::error::{
    AdminGrantErrors, AdminRevokeErrors, MemberEntitlementsErrors, MemberLedgerErrors,
    MyEntitlementsErrors,
};
use super::model::{GrantId, LedgerEntryId, Snapshot};
use crate::BillingTag;
use crate::service::BillingService;
use haven_platform::Fault;

/// Answer with a member's entitlements.
#[derive(ApiResponse)]
pub enum EntitlementsAnswer {
    /// The entitlements now and the grants behind them.
    #[oai(status = 200)]
    Ok(
        JsonBytes<EntitlementsDto>,
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
) -> Result<JsonBytes<EntitlementsDto>, Fault> {
    let snapshot = service.snapshot(user_id).await?;
    Ok(JsonBytes::from_rendered(rendered_at(&snapshot, Utc::now())))
}

/// The answer at `at`, as `Json<EntitlementsDto>` would render it: all but `at` is
/// rendered once per steady span of the snapshot (no grant starts or ends in it).
fn rendered_at(snapshot: &Snapshot, at: DateTime<Utc>) -> Bytes {
    let naive = at.naive_utc();
    let rest = snapshot.rendered.get_or_make(naive, || {
        let (entitlements, grants) = snapshot.at(naive);
        let mut json = EntitlementsDto {
            entitlements: entitlements.into_iter().map(Into::into).collect(),
            grants: grants.into_iter().map(Into::into).collect(),
            at: Timestamp(at),
        }
        .to_json();
        if let Some(fields) = json.as_mut().and_then(|j| j.as_object_mut()) {
            fields.remove("at");
        }
        // A `serde_json::Value` always serializes (its keys are strings).
        let rest = serde_json::to_vec(&json).unwrap_or_default();
        (snapshot.steady_span(naive), Bytes::from(rest))
    });
    // `at` sorts first among the object's keys, as `ToJSON` orders them.
    let mut out = Vec::with_capacity(rest.len() + 40);
    out.extend_from_slice(b"{\"at\":");
    // A string always serializes; the body stays valid JSON with `null` all the same.
    if serde_json::to_writer(&mut out, &Timestamp(at).to_json()).is_err() {
        out.extend_from_slice(b"null");
    }
    out.push(b',');
    out.extend_from_slice(rest.get(1..).unwrap_or_default());
    Bytes::from(out)
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
        let body = entitlements_of(&self.service, &auth.0.user_id).await?;
        Ok(EntitlementsAnswer::Ok(body, Private))
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
        let body = entitlements_of(&self.service, &user_id.0).await?;
        Ok(EntitlementsAnswer::Ok(body, Private))
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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use haven_platform::ids::UserId;

    use super::super::model::{Grant, Source};
    use super::*;
    use crate::catalog::model::Feature;

    fn day(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    fn grant(feature: Feature, from: DateTime<Utc>, until: Option<DateTime<Utc>>) -> Grant {
        Grant {
            id: GrantId::new(),
            user_id: UserId::new(),
            feature,
            source: Source::Admin,
            source_ref: "r".to_owned(),
            valid_from: from.naive_utc(),
            valid_until: until.map(|u| u.naive_utc()),
            quota: (feature == Feature::CareTherapy).then_some(6),
            revoked_at: None,
            revoke_reason: None,
            created_at: from.naive_utc(),
        }
    }

    /// What `Json<EntitlementsDto>` answers at `at`.
    fn direct(snapshot: &Snapshot, at: DateTime<Utc>) -> String {
        let (entitlements, grants) = snapshot.at(at.naive_utc());
        let dto = EntitlementsDto {
            entitlements: entitlements.into_iter().map(Into::into).collect(),
            grants: grants.into_iter().map(Into::into).collect(),
            at: Timestamp(at),
        };
        serde_json::to_string(&dto.to_json()).unwrap()
    }

    #[test]
    fn the_rendered_answer_is_the_json_answer_at_every_instant_across_span_edges() {
        let mut snapshot = Snapshot {
            grants: vec![
                grant(
                    Feature::ContentPremium,
                    day(2026, 1, 1, 0),
                    Some(day(2026, 2, 1, 0)),
                ),
                grant(Feature::CareTherapy, day(2026, 1, 10, 12), None),
            ],
            ..Snapshot::default()
        };
        snapshot.used.insert((Feature::CareTherapy, 2026), 2);
        snapshot.used.insert((Feature::CareTherapy, 2027), 1);
        // In order, so each instant either reuses the memo or must notice it left the span.
        let instants = [
            day(2025, 12, 31, 23),
            day(2026, 1, 5, 0),
            day(2026, 1, 9, 0),
            day(2026, 1, 10, 12),
            day(2026, 1, 20, 0),
            day(2026, 2, 1, 0),
            day(2026, 12, 31, 23),
            day(2027, 1, 1, 0),
            day(2026, 1, 6, 0),
        ];
        for at in instants {
            let rendered = rendered_at(&snapshot, at);
            assert_eq!(
                std::str::from_utf8(&rendered).unwrap(),
                direct(&snapshot, at),
                "{at}"
            );
        }
        let at = day(2026, 1, 20, 0) + chrono::Duration::microseconds(123_456);
        assert_eq!(
            std::str::from_utf8(&rendered_at(&snapshot, at)).unwrap(),
            direct(&snapshot, at)
        );
    }
}
