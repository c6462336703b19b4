//! Time as the database stores it.

use chrono::{NaiveDateTime, SubsecRound, Utc};

/// Now in UTC, truncated to microseconds: PostgreSQL keeps microseconds and SQLite
/// nanoseconds, so without truncation a value read back differs by backend.
pub fn now_utc() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}
