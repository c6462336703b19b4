//! TOTP secrets, recovery codes and login challenges.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::{SessionId, UserId};

use super::model::RecoveryCodeId;
use crate::schema::{
    identity_mfa_challenges, identity_mfa_recovery_codes, identity_mfa_totp, identity_sessions,
};
use crate::sessions::model::MfaChallengeId;

/// A row of `identity_mfa_totp`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_mfa_totp)]
pub struct MfaTotpRow {
    /// The account.
    pub user_id: UserId,
    /// `v1.` + base64(nonce || AES-256-GCM ciphertext) of the secret.
    pub secret_encrypted: String,
    /// When the (current) enrollment started.
    pub created_at: NaiveDateTime,
    /// When it was confirmed; `None` while pending.
    pub enabled_at: Option<NaiveDateTime>,
    /// Time step of the last accepted code.
    pub last_used_step: Option<i64>,
}

/// A row of `identity_mfa_recovery_codes`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_mfa_recovery_codes)]
pub struct RecoveryCodeRow {
    /// `mrc_…`.
    pub id: RecoveryCodeId,
    /// The account.
    pub user_id: UserId,
    /// SHA-256 (hex) of user id and code.
    pub code_hash: String,
    /// Generated.
    pub created_at: NaiveDateTime,
    /// When it was used, if it was.
    pub used_at: Option<NaiveDateTime>,
}

/// A row of `identity_mfa_challenges`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = identity_mfa_challenges)]
pub struct MfaChallengeRow {
    /// `mch_…`.
    pub id: MfaChallengeId,
    /// The account whose password was right.
    pub user_id: UserId,
    /// SHA-256 (hex) of the challenge token.
    pub token_hash: String,
    /// The device label of the login, for the session it opens.
    pub device_label: Option<String>,
    /// Issued.
    pub created_at: NaiveDateTime,
    /// No step-up after this.
    pub expires_at: NaiveDateTime,
    /// Codes tried against it.
    pub attempts: i32,
    /// When it opened a session, if it did.
    pub used_at: Option<NaiveDateTime>,
}

/// The account's TOTP row (pending or enabled), if any.
pub fn find_totp(conn: &mut AnyConnection, user_id: UserId) -> QueryResult<Option<MfaTotpRow>> {
    identity_mfa_totp::table
        .find(user_id)
        .select(MfaTotpRow::as_select())
        .first(conn)
        .optional()
}

/// Whether the account has a confirmed (enabled) TOTP factor.
pub fn mfa_enabled(conn: &mut AnyConnection, user_id: UserId) -> QueryResult<bool> {
    identity_mfa_totp::table
        .find(user_id)
        .filter(identity_mfa_totp::enabled_at.is_not_null())
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// Replaces a pending enrollment with `row` (new secret); `false` when the account has
/// an enabled factor, which is left as it is.
pub fn start_totp_enrollment(conn: &mut AnyConnection, row: &MfaTotpRow) -> QueryResult<bool> {
    // The delete only touches a pending row, and the insert's primary key refuses a
    // second row: concurrent starts leave one pending enrollment (the loser errors).
    diesel::delete(
        identity_mfa_totp::table
            .find(row.user_id)
            .filter(identity_mfa_totp::enabled_at.is_null()),
    )
    .execute(conn)?;
    if find_totp(conn, row.user_id)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(identity_mfa_totp::table)
        .values(row)
        .execute(conn)
        .map(|_| true)
}

/// Accepts a code of time step `step` for the enabled (`enabled`) or pending factor:
/// records it as the last used step unless that step (or a later one) was used before.
/// `false` is a replay, or no such factor. The conditional UPDATE makes two concurrent
/// uses of one code give one success.
pub fn use_totp_step(
    conn: &mut AnyConnection,
    user_id: UserId,
    step: i64,
    enabled: bool,
) -> QueryResult<bool> {
    let unused = identity_mfa_totp::table.find(user_id).filter(
        identity_mfa_totp::last_used_step
            .is_null()
            .or(identity_mfa_totp::last_used_step.lt(step)),
    );
    let set = identity_mfa_totp::last_used_step.eq(step);
    let changed = if enabled {
        diesel::update(unused.filter(identity_mfa_totp::enabled_at.is_not_null()))
            .set(set)
            .execute(conn)?
    } else {
        diesel::update(unused.filter(identity_mfa_totp::enabled_at.is_null()))
            .set(set)
            .execute(conn)?
    };
    Ok(changed == 1)
}

/// Turns the pending enrollment on; `false` if there is no pending one.
pub fn enable_totp(
    conn: &mut AnyConnection,
    user_id: UserId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        identity_mfa_totp::table
            .find(user_id)
            .filter(identity_mfa_totp::enabled_at.is_null()),
    )
    .set(identity_mfa_totp::enabled_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// Removes the factor, its recovery codes and open challenges; `false` if the account
/// had no enabled factor.
pub fn delete_mfa(conn: &mut AnyConnection, user_id: UserId) -> QueryResult<bool> {
    let removed = diesel::delete(
        identity_mfa_totp::table
            .find(user_id)
            .filter(identity_mfa_totp::enabled_at.is_not_null()),
    )
    .execute(conn)?;
    diesel::delete(
        identity_mfa_recovery_codes::table.filter(identity_mfa_recovery_codes::user_id.eq(user_id)),
    )
    .execute(conn)?;
    diesel::delete(
        identity_mfa_challenges::table.filter(identity_mfa_challenges::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(removed == 1)
}

/// Deletes everything of the account's second factor, enabled or pending (erasure).
pub fn erase_mfa(conn: &mut AnyConnection, user_id: UserId) -> QueryResult<()> {
    diesel::delete(identity_mfa_totp::table.find(user_id)).execute(conn)?;
    diesel::delete(
        identity_mfa_recovery_codes::table.filter(identity_mfa_recovery_codes::user_id.eq(user_id)),
    )
    .execute(conn)?;
    diesel::delete(
        identity_mfa_challenges::table.filter(identity_mfa_challenges::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(())
}

/// Replaces the account's recovery codes with `rows` (one insert per row: multi-row
/// inserts are not portable over `AnyConnection`).
pub fn replace_recovery_codes(
    conn: &mut AnyConnection,
    user_id: UserId,
    rows: &[RecoveryCodeRow],
) -> QueryResult<()> {
    diesel::delete(
        identity_mfa_recovery_codes::table.filter(identity_mfa_recovery_codes::user_id.eq(user_id)),
    )
    .execute(conn)?;
    for row in rows {
        diesel::insert_into(identity_mfa_recovery_codes::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Consumes the unused recovery code with `code_hash`; `false` if there is none (wrong,
/// or used before — also by a concurrent request).
pub fn use_recovery_code(
    conn: &mut AnyConnection,
    user_id: UserId,
    code_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        identity_mfa_recovery_codes::table
            .filter(identity_mfa_recovery_codes::user_id.eq(user_id))
            .filter(identity_mfa_recovery_codes::code_hash.eq(code_hash))
            .filter(identity_mfa_recovery_codes::used_at.is_null()),
    )
    .set(identity_mfa_recovery_codes::used_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// How many unused recovery codes the account has.
pub fn recovery_codes_left(conn: &mut AnyConnection, user_id: UserId) -> QueryResult<i64> {
    identity_mfa_recovery_codes::table
        .filter(identity_mfa_recovery_codes::user_id.eq(user_id))
        .filter(identity_mfa_recovery_codes::used_at.is_null())
        .count()
        .get_result(conn)
}

/// Deletes the account's challenges that can no longer be used (expired, used, or out
/// of attempts), so the table holds at most the live ones.
pub fn delete_spent_challenges(
    conn: &mut AnyConnection,
    user_id: UserId,
    max_attempts: i32,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        identity_mfa_challenges::table
            .filter(identity_mfa_challenges::user_id.eq(user_id))
            .filter(
                identity_mfa_challenges::expires_at
                    .le(now)
                    .or(identity_mfa_challenges::used_at.is_not_null())
                    .or(identity_mfa_challenges::attempts.ge(max_attempts)),
            ),
    )
    .execute(conn)
}

/// Inserts a login challenge.
pub fn insert_challenge(conn: &mut AnyConnection, row: &MfaChallengeRow) -> QueryResult<()> {
    diesel::insert_into(identity_mfa_challenges::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Counts one attempt against the live challenge with `token_hash` and returns it; `None`
/// when it is unknown, used, expired or out of attempts. The conditional UPDATE comes
/// first, so concurrent attempts never exceed `max_attempts`.
pub fn claim_challenge_attempt(
    conn: &mut AnyConnection,
    token_hash: &str,
    max_attempts: i32,
    now: NaiveDateTime,
) -> QueryResult<Option<MfaChallengeRow>> {
    let claimed = diesel::update(
        identity_mfa_challenges::table
            .filter(identity_mfa_challenges::token_hash.eq(token_hash))
            .filter(identity_mfa_challenges::used_at.is_null())
            .filter(identity_mfa_challenges::expires_at.gt(now))
            .filter(identity_mfa_challenges::attempts.lt(max_attempts)),
    )
    .set(identity_mfa_challenges::attempts.eq(identity_mfa_challenges::attempts + 1))
    .execute(conn)?;
    if claimed != 1 {
        return Ok(None);
    }
    identity_mfa_challenges::table
        .filter(identity_mfa_challenges::token_hash.eq(token_hash))
        .select(MfaChallengeRow::as_select())
        .first(conn)
        .optional()
}

/// Marks the challenge used; `false` if it already was.
pub fn use_challenge(
    conn: &mut AnyConnection,
    id: MfaChallengeId,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        identity_mfa_challenges::table
            .find(id)
            .filter(identity_mfa_challenges::used_at.is_null()),
    )
    .set(identity_mfa_challenges::used_at.eq(now))
    .execute(conn)
    .map(|n| n == 1)
}

/// Records that the session proved a second factor (`amr` JSON) after it was opened.
pub fn set_session_amr(
    conn: &mut AnyConnection,
    session_id: SessionId,
    amr: &str,
) -> QueryResult<()> {
    diesel::update(identity_sessions::table.find(session_id))
        .set(identity_sessions::amr.eq(amr))
        .execute(conn)
        .map(drop)
}
