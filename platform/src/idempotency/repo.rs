//! Queries on `platform_idempotency_keys`, written once in the diesel DSL for both
//! backends: a claim is a plain INSERT that either succeeds or hits the primary key.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::schema::platform_idempotency_keys as keys;
use crate::db::AnyConnection;

const RUNNING: &str = "running";
const DONE: &str = "done";

/// Claims after which a key that keeps changing hands is reported as in use.
const CLAIM_ATTEMPTS: usize = 3;

/// What identifies a request under a key.
#[derive(Debug, Clone)]
pub(crate) struct Fingerprint {
    pub scope: String,
    pub key: String,
    pub method: String,
    pub path: String,
    pub body_hash: String,
}

/// A response kept for replay.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub status: u16,
    /// The replayed headers, as a JSON list of `[name, value]` pairs.
    pub headers: String,
    pub body: Vec<u8>,
}

/// The outcome of trying to claim a key.
#[derive(Debug)]
pub(crate) enum Claim {
    /// This request owns the key; its row was created at `created_at`.
    Acquired { created_at: NaiveDateTime },
    /// Another request with this key is still running.
    InUse,
    /// The key was used for a different method, path or body.
    Reused,
    /// The key's request finished: answer with its response.
    Replay(Stored),
}

type Existing = (
    String,
    String,
    String,
    String,
    Option<i32>,
    Option<String>,
    Option<Vec<u8>>,
    NaiveDateTime,
);

/// Claims `fp.key` in `fp.scope` with a running row whose lease lapses at `lease_until`.
/// An expired row is deleted (only while still expired, so two racing requests cannot
/// delete each other's fresh claim) and the claim retried.
pub(crate) fn claim(
    conn: &mut AnyConnection,
    fp: &Fingerprint,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> QueryResult<Claim> {
    for _ in 0..CLAIM_ATTEMPTS {
        let inserted = diesel::insert_into(keys::table)
            .values((
                keys::scope.eq(&fp.scope),
                keys::key.eq(&fp.key),
                keys::method.eq(&fp.method),
                keys::path.eq(&fp.path),
                keys::body_hash.eq(&fp.body_hash),
                keys::state.eq(RUNNING),
                keys::created_at.eq(now),
                keys::expires_at.eq(lease_until),
            ))
            .execute(conn);
        match inserted {
            Ok(_) => return Ok(Claim::Acquired { created_at: now }),
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
            Err(e) => return Err(e),
        }
        let existing: Option<Existing> = keys::table
            .find((&fp.scope, &fp.key))
            .select((
                keys::method,
                keys::path,
                keys::body_hash,
                keys::state,
                keys::response_status,
                keys::response_headers,
                keys::response_body,
                keys::expires_at,
            ))
            .first(conn)
            .optional()?;
        // Gone since the insert failed (purged or released): claim again.
        let Some((method, path, body_hash, state, status, headers, body, expires_at)) = existing
        else {
            continue;
        };
        if expires_at <= now {
            diesel::delete(
                keys::table
                    .find((&fp.scope, &fp.key))
                    .filter(keys::expires_at.le(now)),
            )
            .execute(conn)?;
            continue;
        }
        if method != fp.method || path != fp.path || body_hash != fp.body_hash {
            return Ok(Claim::Reused);
        }
        return Ok(match (state.as_str(), status, headers, body) {
            (DONE, Some(status), Some(headers), Some(body)) => Claim::Replay(Stored {
                status: u16::try_from(status).unwrap_or(500),
                headers,
                body,
            }),
            _ => Claim::InUse,
        });
    }
    Ok(Claim::InUse)
}

/// Stores the response of the claim created at `created_at` and marks it done until
/// `expires_at`. Returns 0 when the claim is no longer this request's (its lease lapsed
/// and another request took the key over).
pub(crate) fn finish(
    conn: &mut AnyConnection,
    scope: &str,
    key: &str,
    created_at: NaiveDateTime,
    stored: &Stored,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        keys::table
            .find((scope, key))
            .filter(keys::created_at.eq(created_at))
            .filter(keys::state.eq(RUNNING)),
    )
    .set((
        keys::state.eq(DONE),
        keys::response_status.eq(i32::from(stored.status)),
        keys::response_headers.eq(&stored.headers),
        keys::response_body.eq(&stored.body),
        keys::expires_at.eq(expires_at),
    ))
    .execute(conn)
}

/// Deletes the running claim created at `created_at`, so the key can be used again.
pub(crate) fn release(
    conn: &mut AnyConnection,
    scope: &str,
    key: &str,
    created_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        keys::table
            .find((scope, key))
            .filter(keys::created_at.eq(created_at))
            .filter(keys::state.eq(RUNNING)),
    )
    .execute(conn)
}

/// Deletes every row that expired at or before `now`.
pub(crate) fn purge_expired(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(keys::table.filter(keys::expires_at.le(now))).execute(conn)
}

#[cfg(test)]
mod tests {
    use chrono::TimeDelta;
    use diesel_migrations::MigrationHarness;

    use super::*;
    use crate::db::MIGRATIONS_SQLITE;

    fn conn() -> (tempfile::TempDir, AnyConnection) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/t.db", dir.path().display());
        let mut conn = AnyConnection::open(&url, 1000).unwrap();
        let AnyConnection::Sqlite(c) = &mut conn else {
            panic!("expected SQLite")
        };
        c.run_pending_migrations(MIGRATIONS_SQLITE).unwrap();
        (dir, conn)
    }

    fn fp(body_hash: &str) -> Fingerprint {
        Fingerprint {
            scope: "anonymous".into(),
            key: "k".into(),
            method: "POST".into(),
            path: "/v1/x".into(),
            body_hash: body_hash.into(),
        }
    }

    fn stored() -> Stored {
        Stored {
            status: 201,
            headers: r#"[["content-type","application/json"]]"#.into(),
            body: b"{\"id\":1}".to_vec(),
        }
    }

    #[test]
    fn a_claim_runs_once_then_replays_and_guards_its_owner() {
        let (_dir, mut c) = conn();
        let now = crate::time::now_utc();
        let lease = now + TimeDelta::seconds(90);
        let Claim::Acquired { created_at } = claim(&mut c, &fp("h"), now, lease).unwrap() else {
            panic!("first claim")
        };
        assert!(matches!(
            claim(&mut c, &fp("h"), now, lease).unwrap(),
            Claim::InUse
        ));
        assert!(matches!(
            claim(&mut c, &fp("other"), now, lease).unwrap(),
            Claim::Reused
        ));

        let stale = created_at - TimeDelta::seconds(1);
        let ttl = now + TimeDelta::hours(24);
        assert_eq!(
            finish(&mut c, "anonymous", "k", stale, &stored(), ttl).unwrap(),
            0
        );
        assert_eq!(release(&mut c, "anonymous", "k", stale).unwrap(), 0);
        assert_eq!(
            finish(&mut c, "anonymous", "k", created_at, &stored(), ttl).unwrap(),
            1
        );
        assert_eq!(
            release(&mut c, "anonymous", "k", created_at).unwrap(),
            0,
            "done stays"
        );

        let Claim::Replay(replay) = claim(&mut c, &fp("h"), now, lease).unwrap() else {
            panic!("replay")
        };
        assert_eq!(replay.status, 201);
        assert_eq!(replay.body, stored().body);
        assert_eq!(replay.headers, stored().headers);
    }

    #[test]
    fn expired_and_released_claims_are_taken_anew() {
        let (_dir, mut c) = conn();
        let now = crate::time::now_utc();
        let lease = now + TimeDelta::seconds(90);
        let Claim::Acquired { created_at } = claim(&mut c, &fp("h"), now, lease).unwrap() else {
            panic!("first claim")
        };
        assert_eq!(release(&mut c, "anonymous", "k", created_at).unwrap(), 1);
        assert!(matches!(
            claim(&mut c, &fp("other"), now, lease).unwrap(),
            Claim::Acquired { .. }
        ));

        // A lease that lapsed (its node died): any request takes the key over.
        let later = lease + TimeDelta::seconds(1);
        let Claim::Acquired { created_at } =
            claim(&mut c, &fp("h"), later, later + TimeDelta::seconds(90)).unwrap()
        else {
            panic!("takeover")
        };
        assert_eq!(created_at, later);
        assert_eq!(purge_expired(&mut c, later).unwrap(), 0);
        assert_eq!(
            purge_expired(&mut c, later + TimeDelta::seconds(90)).unwrap(),
            1
        );
    }
}
