//! Catalog domain types: the features a plan grants, products, prices and their rules.

use chrono::{DateTime, Utc};
use haven_platform::define_id;

define_id!(
    /// A product (`prd_…`): a plan that grants features.
    ProductId,
    "prd"
);
define_id!(
    /// A price of a product (`prc_…`).
    PriceId,
    "prc"
);

/// Something a member may be entitled to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Feature {
    /// Premium content.
    ContentPremium,
    /// Coaching.
    CareCoaching,
    /// Therapy sessions, counted per benefit year.
    CareTherapy,
    /// Psychiatry sessions, counted per benefit year.
    CarePsychiatry,
}

impl Feature {
    /// Every feature, in display order.
    pub const ALL: [Self; 4] = [
        Self::ContentPremium,
        Self::CareCoaching,
        Self::CareTherapy,
        Self::CarePsychiatry,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ContentPremium => "content.premium",
            Self::CareCoaching => "care.coaching",
            Self::CareTherapy => "care.therapy",
            Self::CarePsychiatry => "care.psychiatry",
        }
    }

    /// The feature of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// Whether the feature is counted in units (sessions) with a yearly quota.
    pub const fn counted(self) -> bool {
        matches!(self, Self::CareTherapy | Self::CarePsychiatry)
    }
}

/// How often a price is charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    /// Monthly.
    Month,
    /// Yearly.
    Year,
}

impl Interval {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Month => "month",
            Self::Year => "year",
        }
    }

    /// The interval of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "month" => Some(Self::Month),
            "year" => Some(Self::Year),
            _ => None,
        }
    }
}

/// A feature a product grants, with its yearly quota when counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureGrant {
    /// The feature.
    pub feature: Feature,
    /// Units per benefit year (counted features only).
    pub quota: Option<i64>,
}

/// A product with its features.
#[derive(Debug, Clone)]
pub struct Product {
    /// `prd_…`.
    pub id: ProductId,
    /// Stable handle, e.g. `premium`.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Description shown to members.
    pub description: String,
    /// Whether it is sold.
    pub active: bool,
    /// Granted features, in [`Feature::ALL`] order.
    pub features: Vec<FeatureGrant>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A price of a product.
#[derive(Debug, Clone)]
pub struct Price {
    /// `prc_…`.
    pub id: PriceId,
    /// The product bought.
    pub product_id: ProductId,
    /// Amount in the currency's minor unit.
    pub amount_minor: i64,
    /// ISO 4217 code.
    pub currency: String,
    /// Billing interval.
    pub interval: Interval,
    /// Free days before the first charge.
    pub trial_days: i32,
    /// The Stripe price checkout sells, if any.
    pub stripe_price_id: Option<String>,
    /// Whether it is sold.
    pub active: bool,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// The App Store product (`productId`) sold at this price, if any.
    pub app_store_product_id: Option<String>,
    /// The Google Play subscription product sold at this price, if any.
    pub play_product_id: Option<String>,
}

/// Longest product code.
pub const CODE_MAX_CHARS: usize = 64;
/// Longest product name.
pub const NAME_MAX_CHARS: usize = 200;
/// Longest product description.
pub const DESCRIPTION_MAX_CHARS: usize = 2000;
/// Largest yearly quota of a counted feature.
pub const QUOTA_MAX: i64 = 1000;
/// Longest trial, in days.
pub const TRIAL_MAX_DAYS: i32 = 365;
/// Largest amount, in minor units.
pub const AMOUNT_MAX_MINOR: i64 = 100_000_000;
/// Longest Stripe price id.
pub const STRIPE_ID_MAX_CHARS: usize = 255;
/// Longest store product id (App Store or Google Play).
pub const STORE_PRODUCT_MAX_CHARS: usize = 255;

/// Active ISO 4217 currency codes (funds and precious metals excluded).
const ISO_4217: &str = "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD \
BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP \
ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK \
JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK \
MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG \
QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT \
TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW \
ZWG";

/// Whether `code` is an active ISO 4217 currency code (upper case).
pub fn is_currency(code: &str) -> bool {
    code.len() == 3 && ISO_4217.split_ascii_whitespace().any(|c| c == code)
}

/// Whether `code` is a product code: lower-case letters, digits and inner `-`/`_`.
pub fn is_product_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    !bytes.is_empty()
        && code.chars().count() <= CODE_MAX_CHARS
        && bytes[0].is_ascii_lowercase()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-' || *b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_round_trip_and_only_sessions_are_counted() {
        for f in Feature::ALL {
            assert_eq!(Feature::parse(f.as_str()), Some(f));
        }
        assert_eq!(Feature::parse("care.massage"), None);
        let counted: Vec<_> = Feature::ALL.into_iter().filter(|f| f.counted()).collect();
        assert_eq!(counted, [Feature::CareTherapy, Feature::CarePsychiatry]);
    }

    #[test]
    fn currencies_are_iso_4217_codes() {
        assert!(is_currency("USD") && is_currency("EUR") && is_currency("JPY"));
        assert!(!is_currency("usd") && !is_currency("XYZ") && !is_currency("US"));
    }

    #[test]
    fn product_codes() {
        assert!(is_product_code("premium") && is_product_code("eap-6_sessions"));
        assert!(!is_product_code("Premium") && !is_product_code("-x") && !is_product_code(""));
    }
}
