//! Queries of `identity_email_tokens`: the hashed single-use tokens of verification and
//! password-reset emails.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::EmailTokenId;
use crate::schema::{identity_email_tokens, identity_users};

/// A row of `identity_email_tokens`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_email_tokens)]
pub struct EmailTokenRow {
    /// `emt_…`.
    pub id: EmailTokenId,
    /// The account.
    pub user_id: UserId,
    /// `verify_email` or `reset_password`.
    pub purpose: String,
    /// SHA-256 (hex) of the token.
    pub token_hash: String,
    /// The normalized address the token was mailed to.
    pub email_normalized: String,
    /// Issued.
    pub created_at: NaiveDateTime,
    /// Unusable from then on.
    pub expires_at: NaiveDateTime,
    /// When it was used, if it was.
    pub used_at: Option<NaiveDateTime>,
}

/// Inserts a token.
pub fn insert_email_token(conn: &mut AnyConnection, row: &EmailTokenRow) -> QueryResult<()> {
    diesel::insert_into(identity_email_tokens::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The unused, unexpired token of `purpose` with `token_hash`, if any.
pub fn find_usable_email_token(
    conn: &mut AnyConnection,
    purpose: &str,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<EmailTokenRow>> {
    identity_email_tokens::table
        .filter(identity_email_tokens::token_hash.eq(token_hash))
        .filter(identity_email_tokens::purpose.eq(purpose))
        .filter(identity_email_tokens::used_at.is_null())
        .filter(identity_email_tokens::expires_at.gt(now))
        .select(EmailTokenRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the token with `token_hash` used if it is still usable; returns whether this
/// call did (a conditional UPDATE: of concurrent uses of one token exactly one wins on
/// both backends).
pub fn claim_email_token(
    conn: &mut AnyConnection,
    purpose: &str,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        identity_email_tokens::table
            .filter(identity_email_tokens::token_hash.eq(token_hash))
            .filter(identity_email_tokens::purpose.eq(purpose))
            .filter(identity_email_tokens::used_at.is_null())
            .filter(identity_email_tokens::expires_at.gt(now)),
    )
    .set(identity_email_tokens::used_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// Uses up every other outstanding token of the user for `purpose` (after one of them
/// worked, the older emails' links must not).
pub fn consume_email_tokens(
    conn: &mut AnyConnection,
    user_id: UserId,
    purpose: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        identity_email_tokens::table
            .filter(identity_email_tokens::user_id.eq(user_id))
            .filter(identity_email_tokens::purpose.eq(purpose))
            .filter(identity_email_tokens::used_at.is_null()),
    )
    .set(identity_email_tokens::used_at.eq(now))
    .execute(conn)
}

/// Sets `email_verified_at` unless it is set; returns whether it changed.
pub fn mark_email_verified(
    conn: &mut AnyConnection,
    user_id: UserId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        identity_users::table
            .find(user_id)
            .filter(identity_users::email_verified_at.is_null()),
    )
    .set((
        identity_users::email_verified_at.eq(now),
        identity_users::updated_at.eq(now),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Deletes every mailed token of the user (erasure: they hold the address they went to).
pub fn delete_email_tokens_of(conn: &mut AnyConnection, user_id: UserId) -> QueryResult<usize> {
    diesel::delete(identity_email_tokens::table.filter(identity_email_tokens::user_id.eq(user_id)))
        .execute(conn)
}
