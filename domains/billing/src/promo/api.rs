//! `/v1/billing/admin/promo-codes` (admins) and `/v1/billing/me/promo-redemptions`.

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams, Unexpected};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{CreatePromoRequest, PromoDto, RedeemRequest, RedemptionDto};
use super::error::{CreatePromoErrors, ListPromosErrors, RedeemErrors};
use super::model::PromoCodeId;
use super::service::NewPromo;
use crate::BillingTag;
use crate::service::BillingService;
use haven_platform::Fault;

/// Answer with a promo code.
#[derive(ApiResponse)]
pub enum PromoAnswer {
    /// The code was created.
    #[oai(status = 201)]
    Created(
        Json<PromoDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of codes.
#[derive(ApiResponse)]
pub enum PromoPage {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<PromoDto>>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of a redemption.
#[derive(ApiResponse)]
pub enum RedemptionAnswer {
    /// The code was redeemed.
    #[oai(status = 201)]
    Created(
        Json<RedemptionDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Promo codes for admins.
pub struct PromoAdminApi {
    service: BillingService,
    guard: Guard,
}

impl PromoAdminApi {
    /// Around the service.
    pub fn new(service: BillingService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

fn dto(row: super::repo::PromoRow) -> Result<PromoDto, Fault> {
    PromoDto::of(row)
        .ok_or_else(|| Unexpected::invariant("billing_promo_codes.kind unknown").into())
}

#[OpenApi(tag = "BillingTag::PromoAdmin")]
impl PromoAdminApi {
    /// Create a promo code
    ///
    /// Admins only (role `admin`, signed in with a second factor). A discount (percent or
    /// amount off, a Stripe coupon applied at the member's next web checkout) or a free
    /// period of a product; optional expiry and total limit. Terms that do not fit the
    /// kind are `422 promo_terms_invalid`; a code in use is `409 promo_code_taken`.
    #[oai(
        path = "/v1/billing/admin/promo-codes",
        method = "post",
        operation_id = "billingCreatePromoCode"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<CreatePromoRequest>,
    ) -> ApiResult<PromoAnswer, CreatePromoErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let b = body.0;
        let row = self
            .service
            .create_promo(
                &p.user_id,
                NewPromo {
                    code: b.code.into(),
                    kind: b.kind.into(),
                    percent_off: b.percent_off,
                    amount_off_minor: b.amount_off_minor,
                    currency: b.currency.map(Into::into),
                    stripe_coupon_id: b.stripe_coupon_id.map(Into::into),
                    product_id: b.product_id,
                    free_days: b.free_days,
                    expires_at: b.expires_at.map(|t| t.0),
                    max_redemptions: b.max_redemptions,
                },
            )
            .await?;
        Ok(PromoAnswer::Created(Json(dto(row)?), Private))
    }

    /// List promo codes
    ///
    /// Admins only. Every code with its redemption count, oldest first.
    #[oai(
        path = "/v1/billing/admin/promo-codes",
        method = "get",
        operation_id = "billingListPromoCodes"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<PromoPage, ListPromosErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<PromoCodeId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_promos(params.after, params.fetch_limit())
            .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            items.push((row.id, dto(row)?));
        }
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(PromoPage::Ok(Json(page), Private))
    }
}

/// Redeeming codes (grants follow: the live account is checked first).
pub struct PromoApi {
    service: BillingService,
    guard: Guard,
}

impl PromoApi {
    /// Around the service and the role guard.
    pub fn new(service: BillingService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "BillingTag::Promo")]
impl PromoApi {
    /// Redeem a promo code
    ///
    /// A free period is granted at once (see `GET /v1/billing/me/entitlements`); a
    /// discount applies to the caller's next web checkout. Each member redeems a code
    /// once (`409 promo_code_already_redeemed`); an expired code is `409
    /// promo_code_expired`, one redeemed as often as allowed `409 promo_code_exhausted`.
    #[oai(
        path = "/v1/billing/me/promo-redemptions",
        method = "post",
        operation_id = "billingRedeemPromoCode"
    )]
    async fn redeem(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<RedeemRequest>,
    ) -> ApiResult<RedemptionAnswer, RedeemErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let r = self.service.redeem(&auth.0.user_id, &body.0.code).await?;
        Ok(RedemptionAnswer::Created(Json(r.into()), Private))
    }
}
