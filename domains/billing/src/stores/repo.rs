//! Queries of the members' store account tokens and of prices by store product.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use crate::catalog::model::{PriceId, ProductId};
use crate::schema::{billing_prices, billing_store_accounts};

/// The member's account token, if they have one.
pub fn token_of(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<Option<String>> {
    billing_store_accounts::table
        .find(user_id)
        .select(billing_store_accounts::account_token)
        .first(conn)
        .optional()
}

/// Stores `token` as the member's unless they have one already.
pub fn insert_token(
    conn: &mut AnyConnection,
    user_id: &UserId,
    token: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    use billing_store_accounts as a;
    each_backend!(conn, |x| diesel::insert_into(a::table)
        .values((
            a::user_id.eq(user_id),
            a::account_token.eq(token),
            a::created_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(x))
    .map(drop)
}

/// The member whose account token is `token`.
pub fn user_of_token(conn: &mut AnyConnection, token: &str) -> QueryResult<Option<UserId>> {
    billing_store_accounts::table
        .filter(billing_store_accounts::account_token.eq(token))
        .select(billing_store_accounts::user_id)
        .first(conn)
        .optional()
}

/// Deletes the member's account token (erasure).
pub fn delete_token(conn: &mut AnyConnection, user_id: &UserId) -> QueryResult<usize> {
    diesel::delete(billing_store_accounts::table.find(user_id)).execute(conn)
}

/// The price sold in the App Store as `product` (Apple's `productId`).
pub fn price_of_app_store_product(
    conn: &mut AnyConnection,
    product: &str,
) -> QueryResult<Option<(ProductId, PriceId)>> {
    billing_prices::table
        .filter(billing_prices::app_store_product_id.eq(product))
        .select((billing_prices::product_id, billing_prices::id))
        .first(conn)
        .optional()
}

/// The price sold on Google Play as `product` (the subscription's product id).
pub fn price_of_play_product(
    conn: &mut AnyConnection,
    product: &str,
) -> QueryResult<Option<(ProductId, PriceId)>> {
    billing_prices::table
        .filter(billing_prices::play_product_id.eq(product))
        .select((billing_prices::product_id, billing_prices::id))
        .first(conn)
        .optional()
}
