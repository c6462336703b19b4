//! Queries of the promo tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::{PromoCodeId, RedemptionId};
use crate::catalog::model::ProductId;
use crate::schema::{billing_promo_codes, billing_promo_redemptions};

/// A row of `billing_promo_codes`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_promo_codes)]
pub struct PromoRow {
    /// `prm_…`.
    pub id: PromoCodeId,
    /// Upper-case code.
    pub code: String,
    /// Kind name.
    pub kind: String,
    /// Percent off.
    pub percent_off: Option<i32>,
    /// Amount off, minor units.
    pub amount_off_minor: Option<i64>,
    /// Its currency.
    pub currency: Option<String>,
    /// The Stripe coupon applied at checkout.
    pub stripe_coupon_id: Option<String>,
    /// The product of a free period.
    pub product_id: Option<ProductId>,
    /// Days of a free period.
    pub free_days: Option<i32>,
    /// Expiry.
    pub expires_at: Option<NaiveDateTime>,
    /// Total redemptions allowed.
    pub max_redemptions: Option<i64>,
    /// Redemptions so far.
    pub redeemed_count: i64,
    /// Created.
    pub created_at: NaiveDateTime,
}

/// A row of `billing_promo_redemptions`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_promo_redemptions)]
pub struct RedemptionRow {
    /// `red_…`.
    pub id: RedemptionId,
    /// The code.
    pub promo_id: PromoCodeId,
    /// The member.
    pub user_id: UserId,
    /// When.
    pub redeemed_at: NaiveDateTime,
    /// When checkout passed the discount to Stripe.
    pub applied_at: Option<NaiveDateTime>,
}

/// Inserts a code.
pub fn insert(conn: &mut AnyConnection, row: &PromoRow) -> QueryResult<()> {
    diesel::insert_into(billing_promo_codes::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The code, by its upper-case text.
pub fn find_by_code(conn: &mut AnyConnection, code: &str) -> QueryResult<Option<PromoRow>> {
    billing_promo_codes::table
        .filter(billing_promo_codes::code.eq(code))
        .select(PromoRow::as_select())
        .first(conn)
        .optional()
}

/// The code with the id.
pub fn find(conn: &mut AnyConnection, id: &PromoCodeId) -> QueryResult<Option<PromoRow>> {
    billing_promo_codes::table
        .find(id)
        .select(PromoRow::as_select())
        .first(conn)
        .optional()
}

/// Codes in creation order after `after`.
pub fn list(
    conn: &mut AnyConnection,
    after: Option<PromoCodeId>,
    limit: i64,
) -> QueryResult<Vec<PromoRow>> {
    let mut q = billing_promo_codes::table
        .select(PromoRow::as_select())
        .order(billing_promo_codes::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(billing_promo_codes::id.gt(after));
    }
    q.load(conn)
}

/// Counts one more redemption unless the limit is reached (one conditional update, so
/// concurrent redemptions never pass it); whether it was counted.
pub fn take_redemption(conn: &mut AnyConnection, id: &PromoCodeId) -> QueryResult<bool> {
    use billing_promo_codes as p;
    let n = diesel::update(
        p::table.find(id).filter(
            p::max_redemptions
                .is_null()
                .or(p::redeemed_count.lt(p::max_redemptions.assume_not_null())),
        ),
    )
    .set(p::redeemed_count.eq(p::redeemed_count + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// Inserts a redemption.
pub fn insert_redemption(conn: &mut AnyConnection, row: &RedemptionRow) -> QueryResult<()> {
    diesel::insert_into(billing_promo_redemptions::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The member's oldest discount redemption not yet passed to a checkout, with its code.
pub fn pending_discount(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Option<(RedemptionRow, PromoRow)>> {
    use billing_promo_codes as p;
    use billing_promo_redemptions as r;
    r::table
        .inner_join(p::table.on(p::id.eq(r::promo_id)))
        .filter(r::user_id.eq(user_id))
        .filter(r::applied_at.is_null())
        .filter(p::kind.ne("free_period"))
        .order(r::id.asc())
        .select((RedemptionRow::as_select(), PromoRow::as_select()))
        .first(conn)
        .optional()
}

/// Marks a redemption as passed to a checkout.
pub fn mark_applied(
    conn: &mut AnyConnection,
    id: &RedemptionId,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(billing_promo_redemptions::table.find(id))
        .set(billing_promo_redemptions::applied_at.eq(Some(now)))
        .execute(conn)
        .map(drop)
}

/// The member's redemptions with their codes, for the export.
pub fn redemptions_of(
    conn: &mut AnyConnection,
    user_id: &UserId,
) -> QueryResult<Vec<(RedemptionRow, String)>> {
    use billing_promo_codes as p;
    use billing_promo_redemptions as r;
    r::table
        .inner_join(p::table.on(p::id.eq(r::promo_id)))
        .filter(r::user_id.eq(user_id))
        .order(r::id.asc())
        .select((RedemptionRow::as_select(), p::code))
        .load(conn)
}
