//! Wire types of the catalog: products, their features and prices.

use haven_platform::http::text::{NON_BLANK_PATTERN, Text, TextRule};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{
    CODE_MAX_CHARS, DESCRIPTION_MAX_CHARS, Feature, FeatureGrant, Interval, NAME_MAX_CHARS, Price,
    PriceId, Product, ProductId, STORE_PRODUCT_MAX_CHARS, STRIPE_ID_MAX_CHARS,
};

/// A product code: a lower-case letter, then lower-case letters, digits, `-` or `_`.
pub struct ProductCode;
impl TextRule for ProductCode {
    const MAX_LENGTH: Option<usize> = Some(CODE_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some("^[a-z][a-z0-9_-]*$");
}

/// A product name: not blank (trimmed).
pub struct ProductName;
impl TextRule for ProductName {
    const MAX_LENGTH: Option<usize> = Some(NAME_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some(NON_BLANK_PATTERN);
}

/// A product description (trimmed).
pub struct Description;
impl TextRule for Description {
    const MAX_LENGTH: Option<usize> = Some(DESCRIPTION_MAX_CHARS);
}

/// An ISO 4217 currency code in upper case; it must be an active code, which no schema
/// can express.
pub struct Currency;
impl TextRule for Currency {
    const PATTERN: Option<&'static str> = Some("^[A-Z]{3}$");
}

/// A Stripe price id (`price_…`).
pub struct StripePriceRef;
impl TextRule for StripePriceRef {
    const MAX_LENGTH: Option<usize> = Some(STRIPE_ID_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some("^price_[A-Za-z0-9]+$");
}

/// An App Store or Google Play product id.
pub struct StoreProductRef;
impl TextRule for StoreProductRef {
    const MAX_LENGTH: Option<usize> = Some(STORE_PRODUCT_MAX_CHARS);
    const PATTERN: Option<&'static str> = Some("^[A-Za-z0-9._-]+$");
}

/// A feature a member may be entitled to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingFeature")]
pub enum FeatureDto {
    /// Premium content.
    #[oai(rename = "content.premium")]
    ContentPremium,
    /// Coaching.
    #[oai(rename = "care.coaching")]
    CareCoaching,
    /// Therapy sessions (counted, a yearly quota).
    #[oai(rename = "care.therapy")]
    CareTherapy,
    /// Psychiatry sessions (counted, a yearly quota).
    #[oai(rename = "care.psychiatry")]
    CarePsychiatry,
}

impl From<Feature> for FeatureDto {
    fn from(f: Feature) -> Self {
        match f {
            Feature::ContentPremium => Self::ContentPremium,
            Feature::CareCoaching => Self::CareCoaching,
            Feature::CareTherapy => Self::CareTherapy,
            Feature::CarePsychiatry => Self::CarePsychiatry,
        }
    }
}

impl From<FeatureDto> for Feature {
    fn from(f: FeatureDto) -> Self {
        match f {
            FeatureDto::ContentPremium => Self::ContentPremium,
            FeatureDto::CareCoaching => Self::CareCoaching,
            FeatureDto::CareTherapy => Self::CareTherapy,
            FeatureDto::CarePsychiatry => Self::CarePsychiatry,
        }
    }
}

/// What a product grants. Counted features carry their yearly number of sessions.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingProductFeatures", deny_unknown_fields)]
pub struct ProductFeaturesDto {
    /// Grants `content.premium`.
    pub content_premium: bool,
    /// Grants `care.coaching`.
    pub care_coaching: bool,
    /// Therapy sessions per benefit year (1–1000); absent: not granted.
    #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
    pub care_therapy: Option<i64>,
    /// Psychiatry sessions per benefit year (1–1000); absent: not granted.
    #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
    pub care_psychiatry: Option<i64>,
}

impl ProductFeaturesDto {
    /// The grants, in [`Feature::ALL`] order.
    pub fn grants(&self) -> Vec<FeatureGrant> {
        let mut out = Vec::new();
        if self.content_premium {
            out.push(FeatureGrant {
                feature: Feature::ContentPremium,
                quota: None,
            });
        }
        if self.care_coaching {
            out.push(FeatureGrant {
                feature: Feature::CareCoaching,
                quota: None,
            });
        }
        for (feature, quota) in [
            (Feature::CareTherapy, self.care_therapy),
            (Feature::CarePsychiatry, self.care_psychiatry),
        ] {
            if let Some(q) = quota {
                out.push(FeatureGrant {
                    feature,
                    quota: Some(q),
                });
            }
        }
        out
    }

    fn of(grants: &[FeatureGrant]) -> Self {
        let quota = |f: Feature| grants.iter().find(|g| g.feature == f).and_then(|g| g.quota);
        let has = |f: Feature| grants.iter().any(|g| g.feature == f);
        Self {
            content_premium: has(Feature::ContentPremium),
            care_coaching: has(Feature::CareCoaching),
            care_therapy: quota(Feature::CareTherapy),
            care_psychiatry: quota(Feature::CarePsychiatry),
        }
    }
}

/// Body of `POST /v1/billing/admin/products`. Unknown fields are rejected.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingCreateProduct", deny_unknown_fields)]
pub struct CreateProductRequest {
    /// Stable handle, unique: a lower-case letter, then lower-case letters, digits, `-`
    /// or `_`, at most 64 characters.
    pub code: Text<ProductCode>,
    /// Display name, 1–200 characters (trimmed).
    pub name: Text<ProductName>,
    /// Description shown to members, at most 2000 characters; absent: empty.
    pub description: Option<Text<Description>>,
    /// The features the product grants.
    pub features: ProductFeaturesDto,
}

/// `PATCH /v1/billing/admin/products/{product_id}`: the fields to change; absent ones
/// stay. Unknown fields are rejected.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingUpdateProduct", deny_unknown_fields)]
pub struct UpdateProductRequest {
    /// New display name, 1–200 characters (trimmed).
    pub name: Option<Text<ProductName>>,
    /// New description, at most 2000 characters.
    pub description: Option<Text<Description>>,
    /// Whether the product is sold (existing subscriptions are not affected).
    pub active: Option<bool>,
}

/// An amount of money.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingMoney")]
pub struct MoneyDto {
    /// The amount in the currency's minor unit (cents).
    pub amount_minor: i64,
    /// ISO 4217 currency code.
    pub currency: String,
}

/// How often a price is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "BillingInterval", rename_all = "snake_case")]
pub enum IntervalDto {
    /// Every month.
    Month,
    /// Every year.
    Year,
}

impl From<Interval> for IntervalDto {
    fn from(i: Interval) -> Self {
        match i {
            Interval::Month => Self::Month,
            Interval::Year => Self::Year,
        }
    }
}

impl From<IntervalDto> for Interval {
    fn from(i: IntervalDto) -> Self {
        match i {
            IntervalDto::Month => Self::Month,
            IntervalDto::Year => Self::Year,
        }
    }
}

/// Body of `POST /v1/billing/admin/products/{product_id}/prices`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingCreatePrice", deny_unknown_fields)]
pub struct CreatePriceRequest {
    /// The amount in the currency's minor unit, 0–100,000,000.
    #[oai(validator(minimum(value = "0"), maximum(value = "100000000")))]
    pub amount_minor: i64,
    /// ISO 4217 currency code, upper case (it must be an active code).
    pub currency: Text<Currency>,
    /// Billing interval.
    pub interval: IntervalDto,
    /// Free days before the first charge, 0–365; absent: none.
    #[oai(validator(minimum(value = "0"), maximum(value = "365")))]
    pub trial_days: Option<i32>,
    /// The Stripe price checkout sells (`price_…`), unique; absent: not sold through
    /// Stripe.
    pub stripe_price_id: Option<Text<StripePriceRef>>,
    /// The App Store product (`productId`) sold at this price, unique; absent: not sold
    /// in the App Store.
    pub app_store_product_id: Option<Text<StoreProductRef>>,
    /// The Google Play subscription product sold at this price, unique; absent: not sold
    /// on Google Play.
    pub play_product_id: Option<Text<StoreProductRef>>,
}

/// `PATCH /v1/billing/admin/prices/{price_id}`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingUpdatePrice", deny_unknown_fields)]
pub struct UpdatePriceRequest {
    /// Whether the price is sold.
    pub active: bool,
}

/// A price of a product.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingPrice")]
pub struct PriceDto {
    /// The price id.
    pub id: PriceId,
    /// The product bought.
    pub product_id: ProductId,
    /// The amount charged each interval.
    pub amount: MoneyDto,
    /// Billing interval.
    pub interval: IntervalDto,
    /// Free days before the first charge.
    pub trial_days: i32,
    /// Whether checkout can sell it (a Stripe price is linked).
    pub purchasable: bool,
    /// The App Store product the app sells at this price, if any.
    pub app_store_product_id: Option<String>,
    /// The Google Play product the app sells at this price, if any.
    pub play_product_id: Option<String>,
    /// Whether it is sold.
    pub active: bool,
    /// When it was created.
    pub created_at: Timestamp,
}

impl From<Price> for PriceDto {
    fn from(p: Price) -> Self {
        Self {
            id: p.id,
            product_id: p.product_id,
            amount: MoneyDto {
                amount_minor: p.amount_minor,
                currency: p.currency,
            },
            interval: p.interval.into(),
            trial_days: p.trial_days,
            purchasable: p.stripe_price_id.is_some(),
            app_store_product_id: p.app_store_product_id,
            play_product_id: p.play_product_id,
            active: p.active,
            created_at: p.created_at.into(),
        }
    }
}

/// A product (a plan) with its features and prices.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingProduct")]
pub struct ProductDto {
    /// The product id.
    pub id: ProductId,
    /// Stable handle.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Description shown to members.
    pub description: String,
    /// Whether it is sold.
    pub active: bool,
    /// What it grants.
    pub features: ProductFeaturesDto,
    /// Its prices, oldest first (members see the active ones only).
    pub prices: Vec<PriceDto>,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl From<(Product, Vec<Price>)> for ProductDto {
    fn from((p, prices): (Product, Vec<Price>)) -> Self {
        Self {
            id: p.id,
            code: p.code,
            name: p.name,
            description: p.description,
            active: p.active,
            features: ProductFeaturesDto::of(&p.features),
            prices: prices.into_iter().map(Into::into).collect(),
            created_at: p.created_at.into(),
            updated_at: p.updated_at.into(),
        }
    }
}
