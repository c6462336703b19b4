//! Promo code domain types.

use haven_platform::define_id;

define_id!(
    /// A promo code (`prm_…`).
    PromoCodeId,
    "prm"
);
define_id!(
    /// A redemption of a promo code (`red_…`).
    RedemptionId,
    "red"
);

/// What a code gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A percentage off (a Stripe coupon at checkout).
    PercentOff,
    /// An amount off (a Stripe coupon at checkout).
    AmountOff,
    /// A product's features for a number of days, granted at once.
    FreePeriod,
}

impl Kind {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::PercentOff => "percent_off",
            Self::AmountOff => "amount_off",
            Self::FreePeriod => "free_period",
        }
    }

    /// The kind of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [Self::PercentOff, Self::AmountOff, Self::FreePeriod]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Longest code.
pub const CODE_MAX_CHARS: usize = 40;

/// The stored form of a code as typed (trimmed, upper case), if it is one: 3 to 40
/// letters, digits or `-`.
pub fn normalize_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    let ok = (3..=CODE_MAX_CHARS).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_compared_in_upper_case() {
        assert_eq!(normalize_code(" spring-26 ").as_deref(), Some("SPRING-26"));
        assert_eq!(normalize_code("ab"), None);
        assert_eq!(normalize_code("no spaces"), None);
    }
}
