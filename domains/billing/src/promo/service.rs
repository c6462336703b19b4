//! Promo code use-cases: admins create them; a member redeems one (a free period is
//! granted through the ledger at once, a discount waits for their next checkout).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use haven_platform::db::unique_violation;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Unexpected};

use super::error::{CreatePromoError, RedeemError};
use super::model::{Kind, PromoCodeId, RedemptionId, normalize_code};
use super::repo::{self, PromoRow, RedemptionRow};
use crate::catalog::model::{AMOUNT_MAX_MINOR, Feature, ProductId, is_currency};
use crate::catalog::repo as catalog;
use crate::error::Problems;
use crate::ledger::model::Source;
use crate::ledger::service::{Audit, GrantSpec, set_source_grants};
use crate::service::BillingService;
use haven_platform::Fault;

const CODE_TAKEN: &str = "billing_promo_codes_code";
const ONCE_PER_MEMBER: &str = "billing_promo_redemptions_once";

/// A new code as received.
#[derive(Debug, Clone)]
pub struct NewPromo {
    /// The code as typed.
    pub code: String,
    /// What it gives.
    pub kind: Kind,
    /// Percent off (1–100).
    pub percent_off: Option<i32>,
    /// Amount off in minor units.
    pub amount_off_minor: Option<i64>,
    /// Its currency.
    pub currency: Option<String>,
    /// The Stripe coupon (discounts).
    pub stripe_coupon_id: Option<String>,
    /// The product (free periods).
    pub product_id: Option<ProductId>,
    /// Days (free periods).
    pub free_days: Option<i32>,
    /// Expiry.
    pub expires_at: Option<DateTime<Utc>>,
    /// Total redemptions allowed.
    pub max_redemptions: Option<i64>,
}

/// What a redemption did.
#[derive(Debug, Clone)]
pub struct Redeemed {
    /// The redemption.
    pub id: RedemptionId,
    /// The code's kind.
    pub kind: Kind,
    /// End of the free period granted (free periods).
    pub granted_until: Option<NaiveDateTime>,
}

fn check_terms(p: &NewPromo, problems: &mut Problems) {
    let mut need = |ok: bool, field: &str, code: &str, msg: &str| {
        if !ok {
            problems.add(field, code, msg);
        }
    };
    let discount = p.kind != Kind::FreePeriod;
    need(
        p.kind == Kind::PercentOff || p.percent_off.is_none(),
        "percent_off",
        "not_for_kind",
        "Only for percent_off codes.",
    );
    need(
        p.kind != Kind::PercentOff || p.percent_off.is_some_and(|v| (1..=100).contains(&v)),
        "percent_off",
        "required",
        "1 to 100.",
    );
    let amount_ok = p
        .amount_off_minor
        .is_some_and(|v| (1..=AMOUNT_MAX_MINOR).contains(&v))
        && p.currency.as_deref().is_some_and(is_currency);
    need(
        p.kind != Kind::AmountOff || amount_ok,
        "amount_off_minor",
        "required",
        "An amount and an active ISO 4217 currency.",
    );
    need(
        p.kind == Kind::AmountOff || (p.amount_off_minor.is_none() && p.currency.is_none()),
        "amount_off_minor",
        "not_for_kind",
        "Only for amount_off codes.",
    );
    need(
        !discount || p.stripe_coupon_id.is_some(),
        "stripe_coupon_id",
        "required",
        "A discount is a Stripe coupon.",
    );
    need(
        discount || (p.product_id.is_some() && p.free_days.is_some_and(|d| (1..=366).contains(&d))),
        "free_days",
        "required",
        "A free period needs a product and 1 to 366 days.",
    );
    need(
        !discount || (p.product_id.is_none() && p.free_days.is_none()),
        "free_days",
        "not_for_kind",
        "Only for free_period codes.",
    );
    need(
        p.expires_at.is_none_or(|t| t > Utc::now()),
        "expires_at",
        "in_the_past",
        "The code must expire in the future.",
    );
}

fn features_of(
    conn: &mut AnyConnection,
    product: &ProductId,
) -> diesel::QueryResult<Vec<(Feature, Option<i64>)>> {
    Ok(catalog::features_of(conn, &[*product])?
        .into_iter()
        .filter_map(|f| Feature::parse(&f.feature).map(|feat| (feat, f.quota)))
        .collect())
}

impl BillingService {
    /// Creates a promo code.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id))]
    pub async fn create_promo(
        &self,
        admin_id: &UserId,
        input: NewPromo,
    ) -> Result<PromoRow, CreatePromoError> {
        let mut problems = Problems::default();
        let code = normalize_code(&input.code);
        if code.is_none() {
            problems.add("code", "invalid", "3 to 40 letters, digits or -.");
        }
        check_terms(&input, &mut problems);
        problems.finish().map_err(CreatePromoError::Terms)?;
        let row = PromoRow {
            id: PromoCodeId::new(),
            code: code.unwrap_or_default(),
            kind: input.kind.as_str().to_owned(),
            percent_off: input.percent_off,
            amount_off_minor: input.amount_off_minor,
            currency: input.currency,
            stripe_coupon_id: input.stripe_coupon_id,
            product_id: input.product_id,
            free_days: input.free_days,
            expires_at: input.expires_at.map(|t| t.naive_utc()),
            max_redemptions: input.max_redemptions,
            redeemed_count: 0,
            created_at: now_utc(),
        };
        self.write(move |conn| {
            if let Some(product) = &row.product_id
                && catalog::find_product(conn, product)?.is_none()
            {
                return Err(CreatePromoError::Terms(Problems::one(
                    "product_id",
                    "not_found",
                    "No such product.",
                )));
            }
            if let Err(e) = repo::insert(conn, &row) {
                return Err(match unique_violation(conn, &e) {
                    Some(v) if v.constraint == CODE_TAKEN => CreatePromoError::Taken,
                    _ => e.into(),
                });
            }
            Ok(row)
        })
        .await
    }

    /// Codes in creation order after `after`.
    pub async fn list_promos(
        &self,
        after: Option<PromoCodeId>,
        fetch: i64,
    ) -> Result<Vec<PromoRow>, Fault> {
        self.db
            .read(move |conn| Ok(repo::list(conn, after, fetch)?))
            .await
    }

    /// The member redeems `code`: once per member, never beyond the code's limit, before
    /// it expires. A free period is granted at once (source `promo`, the redemption as
    /// reference); a discount applies to the member's next checkout.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn redeem(&self, user_id: &UserId, code: &str) -> Result<Redeemed, RedeemError> {
        let code = normalize_code(code).ok_or(RedeemError::NotFound)?;
        let (user, now) = (*user_id, now_utc());
        self.write(move |conn| {
            let promo = repo::find_by_code(conn, &code)?.ok_or(RedeemError::NotFound)?;
            let kind = Kind::parse(&promo.kind)
                .ok_or_else(|| Unexpected::invariant("billing_promo_codes.kind unknown"))?;
            if promo.expires_at.is_some_and(|t| t <= now) {
                return Err(RedeemError::Expired);
            }
            let redemption = RedemptionRow {
                id: RedemptionId::new(),
                promo_id: promo.id,
                user_id: user,
                redeemed_at: now,
                applied_at: None,
            };
            if let Err(e) = repo::insert_redemption(conn, &redemption) {
                return Err(match unique_violation(conn, &e) {
                    Some(v) if v.constraint == ONCE_PER_MEMBER => RedeemError::AlreadyRedeemed,
                    _ => e.into(),
                });
            }
            if !repo::take_redemption(conn, &promo.id)? {
                return Err(RedeemError::Exhausted);
            }
            let mut granted_until = None;
            if let (Kind::FreePeriod, Some(product), Some(days)) =
                (kind, promo.product_id, promo.free_days)
            {
                let until = now + Duration::days(i64::from(days));
                let specs: Vec<GrantSpec> = features_of(conn, &product)?
                    .into_iter()
                    .map(|(feature, quota)| GrantSpec {
                        feature,
                        quota,
                        valid_from: now,
                        valid_until: Some(until),
                    })
                    .collect();
                let audit = Audit::system(&format!("promo code {}", promo.code));
                set_source_grants(
                    conn,
                    &user,
                    Source::Promo,
                    &redemption.id.to_string(),
                    &specs,
                    &audit,
                    now,
                )?;
                granted_until = Some(until);
            }
            Ok(Redeemed {
                id: redemption.id,
                kind,
                granted_until,
            })
        })
        .await
    }
}
