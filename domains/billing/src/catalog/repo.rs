//! Queries of the catalog tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;

use super::model::{PriceId, ProductId};
use crate::schema::{billing_prices, billing_product_features, billing_products};

/// A row of `billing_products`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_products)]
pub struct ProductRow {
    /// `prd_…`.
    pub id: ProductId,
    /// Stable handle.
    pub code: String,
    /// Display name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Sold.
    pub active: bool,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

/// A row of `billing_product_features`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_product_features)]
pub struct FeatureRow {
    /// The product.
    pub product_id: ProductId,
    /// Feature name.
    pub feature: String,
    /// Yearly units of a counted feature.
    pub quota: Option<i64>,
}

/// A row of `billing_prices`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = billing_prices)]
pub struct PriceRow {
    /// `prc_…`.
    pub id: PriceId,
    /// The product.
    pub product_id: ProductId,
    /// Minor units.
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: String,
    /// `month` or `year`.
    pub billing_interval: String,
    /// Trial days.
    pub trial_days: i32,
    /// Stripe's price id.
    pub stripe_price_id: Option<String>,
    /// Sold.
    pub active: bool,
    /// Created.
    pub created_at: NaiveDateTime,
    /// The App Store's product id.
    pub app_store_product_id: Option<String>,
    /// Google Play's product id.
    pub play_product_id: Option<String>,
}

/// Inserts a product.
pub fn insert_product(conn: &mut AnyConnection, row: &ProductRow) -> QueryResult<()> {
    diesel::insert_into(billing_products::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Replaces the product's features.
pub fn replace_features(
    conn: &mut AnyConnection,
    product_id: &ProductId,
    rows: &[FeatureRow],
) -> QueryResult<()> {
    diesel::delete(
        billing_product_features::table.filter(billing_product_features::product_id.eq(product_id)),
    )
    .execute(conn)?;
    for row in rows {
        diesel::insert_into(billing_product_features::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// The product with the id.
pub fn find_product(conn: &mut AnyConnection, id: &ProductId) -> QueryResult<Option<ProductRow>> {
    billing_products::table
        .find(id)
        .select(ProductRow::as_select())
        .first(conn)
        .optional()
}

/// The product with the code.
pub fn find_product_by_code(
    conn: &mut AnyConnection,
    code: &str,
) -> QueryResult<Option<ProductRow>> {
    billing_products::table
        .filter(billing_products::code.eq(code))
        .select(ProductRow::as_select())
        .first(conn)
        .optional()
}

/// Products in creation order after `after`, at most `limit`; only active ones if asked.
pub fn list_products(
    conn: &mut AnyConnection,
    after: Option<ProductId>,
    limit: i64,
    active_only: bool,
) -> QueryResult<Vec<ProductRow>> {
    let mut query = billing_products::table
        .select(ProductRow::as_select())
        .order(billing_products::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(billing_products::id.gt(after));
    }
    if active_only {
        query = query.filter(billing_products::active.eq(true));
    }
    query.load(conn)
}

/// Sets the changed fields and `updated_at`.
pub fn update_product(
    conn: &mut AnyConnection,
    id: &ProductId,
    name: Option<&str>,
    description: Option<&str>,
    active: Option<bool>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = billing_products::table.find(id);
    if let Some(name) = name {
        diesel::update(target)
            .set(billing_products::name.eq(name))
            .execute(conn)?;
    }
    if let Some(description) = description {
        diesel::update(target)
            .set(billing_products::description.eq(description))
            .execute(conn)?;
    }
    if let Some(active) = active {
        diesel::update(target)
            .set(billing_products::active.eq(active))
            .execute(conn)?;
    }
    diesel::update(target)
        .set(billing_products::updated_at.eq(now))
        .execute(conn)
}

/// The features of the products.
pub fn features_of(conn: &mut AnyConnection, ids: &[ProductId]) -> QueryResult<Vec<FeatureRow>> {
    billing_product_features::table
        .filter(billing_product_features::product_id.eq_any(ids))
        .select(FeatureRow::as_select())
        .load(conn)
}

/// Inserts a price.
pub fn insert_price(conn: &mut AnyConnection, row: &PriceRow) -> QueryResult<()> {
    diesel::insert_into(billing_prices::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The price with the id.
pub fn find_price(conn: &mut AnyConnection, id: &PriceId) -> QueryResult<Option<PriceRow>> {
    billing_prices::table
        .find(id)
        .select(PriceRow::as_select())
        .first(conn)
        .optional()
}

/// The price Stripe knows by `stripe_price_id`.
pub fn find_price_by_stripe_id(
    conn: &mut AnyConnection,
    stripe_price_id: &str,
) -> QueryResult<Option<PriceRow>> {
    billing_prices::table
        .filter(billing_prices::stripe_price_id.eq(stripe_price_id))
        .select(PriceRow::as_select())
        .first(conn)
        .optional()
}

/// The prices of the products, in creation order; only active ones if asked.
pub fn prices_of(
    conn: &mut AnyConnection,
    ids: &[ProductId],
    active_only: bool,
) -> QueryResult<Vec<PriceRow>> {
    let mut query = billing_prices::table
        .filter(billing_prices::product_id.eq_any(ids))
        .select(PriceRow::as_select())
        .order(billing_prices::id.asc())
        .into_boxed();
    if active_only {
        query = query.filter(billing_prices::active.eq(true));
    }
    query.load(conn)
}

/// Sets whether the price is sold.
pub fn set_price_active(
    conn: &mut AnyConnection,
    id: &PriceId,
    active: bool,
) -> QueryResult<usize> {
    diesel::update(billing_prices::table.find(id))
        .set(billing_prices::active.eq(active))
        .execute(conn)
}
