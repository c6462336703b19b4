//! Wire types of promo codes.

use haven_platform::http::text::{Text, TextRule};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{CODE_MAX_CHARS, Kind, PromoCodeId, RedemptionId};
use super::repo::PromoRow;
use super::service::Redeemed;
use crate::catalog::dto::Currency;
use crate::catalog::model::ProductId;

/// A promo code as typed: 3–40 letters, digits or `-` (compared in upper case).
pub struct PromoCodeText;
impl TextRule for PromoCodeText {
    const MIN_LENGTH: Option<usize> = Some(3);
    const MAX_LENGTH: Option<usize> = Some(CODE_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some("^[A-Za-z0-9-]+$");
}

/// A Stripe coupon id.
pub struct StripeCoupon;
impl TextRule for StripeCoupon {
    const MAX_LENGTH: Option<usize> = Some(255);
    const PATTERN: Option<&'static str> = Some("^[A-Za-z0-9_-]+$");
}

/// What a code gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingPromoKind", rename_all = "snake_case")]
pub enum KindDto {
    /// A percentage off the member's next web checkout.
    PercentOff,
    /// An amount off the member's next web checkout.
    AmountOff,
    /// A product's features for a number of days, at once.
    FreePeriod,
}

impl From<KindDto> for Kind {
    fn from(k: KindDto) -> Self {
        match k {
            KindDto::PercentOff => Self::PercentOff,
            KindDto::AmountOff => Self::AmountOff,
            KindDto::FreePeriod => Self::FreePeriod,
        }
    }
}

impl From<Kind> for KindDto {
    fn from(k: Kind) -> Self {
        match k {
            Kind::PercentOff => Self::PercentOff,
            Kind::AmountOff => Self::AmountOff,
            Kind::FreePeriod => Self::FreePeriod,
        }
    }
}

/// Body of `POST /v1/billing/admin/promo-codes`. The terms must fit the kind
/// (`promo_terms_invalid` otherwise): `percent_off` codes need `percent_off` and
/// `stripe_coupon_id`; `amount_off` codes `amount_off_minor`, `currency` and
/// `stripe_coupon_id`; `free_period` codes `product_id` and `free_days`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingCreatePromoCode", deny_unknown_fields)]
pub struct CreatePromoRequest {
    /// The code members type, unique (compared in upper case).
    pub code: Text<PromoCodeText>,
    /// What it gives.
    pub kind: KindDto,
    /// Percent off, 1–100 (`percent_off`).
    #[oai(validator(minimum(value = "1"), maximum(value = "100")))]
    pub percent_off: Option<i32>,
    /// Amount off in minor units, 1–100,000,000 (`amount_off`).
    #[oai(validator(minimum(value = "1"), maximum(value = "100000000")))]
    pub amount_off_minor: Option<i64>,
    /// ISO 4217 currency of the amount (`amount_off`).
    pub currency: Option<Text<Currency>>,
    /// The Stripe coupon checkout applies (discounts).
    pub stripe_coupon_id: Option<Text<StripeCoupon>>,
    /// The product whose features a free period grants (`free_period`).
    pub product_id: Option<ProductId>,
    /// Days of the free period, 1–366 (`free_period`).
    #[oai(validator(minimum(value = "1"), maximum(value = "366")))]
    pub free_days: Option<i32>,
    /// When the code stops working (in the future); absent: never.
    pub expires_at: Option<Timestamp>,
    /// How many members may redeem it in all, 1–1,000,000; absent: no limit.
    #[oai(validator(minimum(value = "1"), maximum(value = "1000000")))]
    pub max_redemptions: Option<i64>,
}

/// A promo code.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingPromoCode")]
pub struct PromoDto {
    /// The code id.
    pub id: PromoCodeId,
    /// The code, upper case.
    pub code: String,
    /// What it gives.
    pub kind: KindDto,
    /// Percent off.
    pub percent_off: Option<i32>,
    /// Amount off in minor units.
    pub amount_off_minor: Option<i64>,
    /// Currency of the amount.
    pub currency: Option<String>,
    /// The product of a free period.
    pub product_id: Option<ProductId>,
    /// Days of a free period.
    pub free_days: Option<i32>,
    /// Expiry.
    pub expires_at: Option<Timestamp>,
    /// Total redemptions allowed.
    pub max_redemptions: Option<i64>,
    /// Redemptions so far.
    pub redeemed_count: i64,
    /// When it was created.
    pub created_at: Timestamp,
}

impl PromoDto {
    /// The wire form of a row (`None` if its kind is unknown to this version).
    pub fn of(r: PromoRow) -> Option<Self> {
        Some(Self {
            id: r.id,
            code: r.code,
            kind: Kind::parse(&r.kind)?.into(),
            percent_off: r.percent_off,
            amount_off_minor: r.amount_off_minor,
            currency: r.currency,
            product_id: r.product_id,
            free_days: r.free_days,
            expires_at: r.expires_at.map(Into::into),
            max_redemptions: r.max_redemptions,
            redeemed_count: r.redeemed_count,
            created_at: r.created_at.into(),
        })
    }
}

/// Body of `POST /v1/billing/me/promo-redemptions`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingRedeemPromoCode", deny_unknown_fields)]
pub struct RedeemRequest {
    /// The code as the member typed it (case does not matter).
    pub code: Text<PromoCodeText>,
}

/// A redemption.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingRedemption")]
pub struct RedemptionDto {
    /// The redemption id.
    pub id: RedemptionId,
    /// What the code gives: a discount applies to the next web checkout.
    pub kind: KindDto,
    /// End of the free period granted (`free_period`).
    pub granted_until: Option<Timestamp>,
}

impl From<Redeemed> for RedemptionDto {
    fn from(r: Redeemed) -> Self {
        Self {
            id: r.id,
            kind: r.kind.into(),
            granted_until: r.granted_until.map(Into::into),
        }
    }
}
