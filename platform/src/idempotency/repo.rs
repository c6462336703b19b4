//! Queries on `platform_idempotency_keys`, written once in the diesel DSL for both
//! backends: a claim is a plain INSERT that either succeeds or hits the primary key.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

use super::schema::platform_idempotency_keys as keys;
use crate::db::AnyConnection;
use crate::schema::platform_nodes as nodes;

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

/// A claim a request holds: the row `node` made (or took over) at `created_at`.
#[derive(Debug, Clone)]
pub(crate) struct Owner {
    pub scope: String,
    pub key: String,
    pub node: String,
    pub created_at: NaiveDateTime,
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
    (String, String, String),
    String,
    Option<i32>,
    Option<String>,
    Option<Vec<u8>>,
    NaiveDateTime,
    NaiveDateTime,
    Option<String>,
);

/// Claims `fp.key` in `fp.scope` for `node` with a running row whose lease lapses at
/// `lease_until`. An expired row is deleted (only while still expired, so two racing
/// requests cannot delete each other's fresh claim) and the claim retried; a running
/// claim of a dead node (registered, last seen before `dead_before`) is taken over.
pub(crate) fn claim(
    conn: &mut AnyConnection,
    fp: &Fingerprint,
    node: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    dead_before: NaiveDateTime,
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
                keys::node_id.eq(node),
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
                (keys::method, keys::path, keys::body_hash),
                keys::state,
                keys::response_status,
                keys::response_headers,
                keys::response_body,
                keys::expires_at,
                keys::created_at,
                keys::node_id,
            ))
            .first(conn)
            .optional()?;
        // Gone since the insert failed (purged or released): claim again.
        let Some((
            (method, path, body_hash),
            state,
            status,
            headers,
            body,
            expires_at,
            created_at,
            owner,
        )) = existing
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
        if let (DONE, Some(status), Some(headers), Some(body)) =
            (state.as_str(), status, headers, body)
        {
            return Ok(Claim::Replay(Stored {
                status: u16::try_from(status).unwrap_or(500),
                headers,
                body,
            }));
        }
        // Never our own node's claim: this node is alive by definition.
        let Some(owner) = owner.filter(|owner| owner != node) else {
            return Ok(Claim::InUse);
        };
        if take_over(
            conn,
            fp,
            &owner,
            created_at,
            node,
            now,
            lease_until,
            dead_before,
        )? {
            return Ok(Claim::Acquired { created_at: now });
        }
        // Alive, or another request took it over first: look again (it may be done).
        if !owner_is_dead(conn, &owner, dead_before)? {
            return Ok(Claim::InUse);
        }
    }
    Ok(Claim::InUse)
}

/// Moves the running claim made at `created_at` by `owner` to `node`, in one UPDATE
/// that also checks `owner` is dead: of two retries racing for it, the second finds the
/// row changed (PostgreSQL re-checks the condition after the first commits; SQLite has
/// one writer) and updates nothing.
#[allow(clippy::too_many_arguments)] // one conditional statement, named parts
fn take_over(
    conn: &mut AnyConnection,
    fp: &Fingerprint,
    owner: &str,
    created_at: NaiveDateTime,
    node: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    dead_before: NaiveDateTime,
) -> QueryResult<bool> {
    let taken = diesel::update(
        keys::table
            .find((&fp.scope, &fp.key))
            .filter(keys::state.eq(RUNNING))
            .filter(keys::created_at.eq(created_at))
            .filter(keys::node_id.eq(owner))
            .filter(diesel::dsl::exists(dead_node(owner, dead_before))),
    )
    .set((
        keys::node_id.eq(node),
        keys::created_at.eq(now),
        keys::expires_at.eq(lease_until),
    ))
    .execute(conn)?;
    if taken == 1 {
        tracing::warn!("idempotency: took over a claim of a node that stopped heartbeating");
        metrics::counter!("haven_idempotency_takeovers_total").increment(1);
    }
    Ok(taken == 1)
}

/// Whether `owner` is registered and was last seen before `dead_before`.
fn owner_is_dead(
    conn: &mut AnyConnection,
    owner: &str,
    dead_before: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(dead_node(owner, dead_before))).get_result(conn)
}

type DeadNode<'a> = diesel::dsl::Filter<
    diesel::dsl::Filter<nodes::table, diesel::dsl::Eq<nodes::node_id, &'a str>>,
    diesel::dsl::Lt<nodes::last_seen_at, NaiveDateTime>,
>;

/// The registry row of `owner` if it was last seen before `dead_before` (see
/// `nodes::DEAD_AFTER`); a node without a stamp is never dead.
fn dead_node(owner: &str, dead_before: NaiveDateTime) -> DeadNode<'_> {
    nodes::table
        .filter(nodes::node_id.eq(owner))
        .filter(nodes::last_seen_at.lt(dead_before))
}

/// Stores the response of `owner`'s claim and marks it done until `expires_at`. Returns
/// 0 when the claim is no longer this request's (its lease lapsed, or its node was taken
/// for dead, and another request took the key over).
pub(crate) fn finish(
    conn: &mut AnyConnection,
    owner: &Owner,
    stored: &Stored,
    expires_at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        keys::table
            .find((&owner.scope, &owner.key))
            .filter(keys::created_at.eq(owner.created_at))
            .filter(keys::node_id.eq(&owner.node))
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

/// Deletes `owner`'s running claim, so the key can be used again.
pub(crate) fn release(conn: &mut AnyConnection, owner: &Owner) -> QueryResult<usize> {
    diesel::delete(
        keys::table
            .find((&owner.scope, &owner.key))
            .filter(keys::created_at.eq(owner.created_at))
            .filter(keys::node_id.eq(&owner.node))
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

    const A: &str = "nod_a";
    const B: &str = "nod_b";

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

    fn owner(node: &str, created_at: NaiveDateTime) -> Owner {
        Owner {
            scope: "anonymous".into(),
            key: "k".into(),
            node: node.into(),
            created_at,
        }
    }

    fn stored() -> Stored {
        Stored {
            status: 201,
            headers: r#"[["content-type","application/json"]]"#.into(),
            body: b"{\"id\":1}".to_vec(),
        }
    }

    fn seen(c: &mut AnyConnection, node: &str, at: NaiveDateTime) {
        diesel::insert_into(nodes::table)
            .values((
                nodes::node_id.eq(node),
                nodes::hostname.eq("h"),
                nodes::version.eq("v"),
                nodes::started_at.eq(at),
                nodes::last_seen_at.eq(at),
            ))
            .execute(c)
            .unwrap();
    }

    /// `claim` as node `node` at `now` with a 90 s lease and `DEAD_AFTER` of 10 s.
    fn claim_at(c: &mut AnyConnection, body: &str, node: &str, now: NaiveDateTime) -> Claim {
        let lease = now + TimeDelta::seconds(90);
        claim(c, &fp(body), node, now, lease, now - TimeDelta::seconds(10)).unwrap()
    }

    #[test]
    fn a_claim_runs_once_then_replays_and_guards_its_owner() {
        let (_dir, mut c) = conn();
        let now = crate::time::now_utc();
        let Claim::Acquired { created_at } = claim_at(&mut c, "h", A, now) else {
            panic!("first claim")
        };
        assert!(matches!(claim_at(&mut c, "h", A, now), Claim::InUse));
        assert!(matches!(claim_at(&mut c, "other", A, now), Claim::Reused));

        let stale = owner(A, created_at - TimeDelta::seconds(1));
        let ttl = now + TimeDelta::hours(24);
        assert_eq!(finish(&mut c, &stale, &stored(), ttl).unwrap(), 0);
        assert_eq!(release(&mut c, &stale).unwrap(), 0);
        assert_eq!(
            finish(&mut c, &owner(B, created_at), &stored(), ttl).unwrap(),
            0,
            "another node's"
        );
        assert_eq!(
            finish(&mut c, &owner(A, created_at), &stored(), ttl).unwrap(),
            1
        );
        assert_eq!(
            release(&mut c, &owner(A, created_at)).unwrap(),
            0,
            "done stays"
        );

        let Claim::Replay(replay) = claim_at(&mut c, "h", B, now) else {
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
        let Claim::Acquired { created_at } = claim_at(&mut c, "h", A, now) else {
            panic!("first claim")
        };
        assert_eq!(release(&mut c, &owner(A, created_at)).unwrap(), 1);
        assert!(matches!(
            claim_at(&mut c, "other", A, now),
            Claim::Acquired { .. }
        ));

        // A lease that lapsed: any request takes the key over.
        let later = lease + TimeDelta::seconds(1);
        let Claim::Acquired { created_at } = claim_at(&mut c, "h", B, later) else {
            panic!("takeover")
        };
        assert_eq!(created_at, later);
        assert_eq!(purge_expired(&mut c, later).unwrap(), 0);
        assert_eq!(
            purge_expired(&mut c, later + TimeDelta::seconds(90)).unwrap(),
            1
        );
    }

    #[test]
    fn a_running_claim_moves_at_once_only_from_a_registered_node_that_stopped_heartbeating() {
        let (_dir, mut c) = conn();
        let now = crate::time::now_utc();
        let Claim::Acquired { created_at } = claim_at(&mut c, "h", A, now) else {
            panic!("first claim")
        };
        // Unregistered (a CLI, a test context): only its lease frees the key.
        assert!(matches!(claim_at(&mut c, "h", B, now), Claim::InUse));
        // Registered and seen 9 s ago: alive.
        seen(&mut c, A, now - TimeDelta::seconds(9));
        assert!(matches!(claim_at(&mut c, "h", B, now), Claim::InUse));
        // Seen 11 s ago: dead, and the claim is B's from now on; A can no longer store.
        let later = now + TimeDelta::seconds(2);
        let Claim::Acquired { created_at: taken } = claim_at(&mut c, "h", B, later) else {
            panic!("takeover")
        };
        assert_eq!(taken, later);
        let ttl = now + TimeDelta::hours(24);
        assert_eq!(
            finish(&mut c, &owner(A, created_at), &stored(), ttl).unwrap(),
            0
        );
        assert!(matches!(claim_at(&mut c, "h", A, later), Claim::InUse));
        assert_eq!(finish(&mut c, &owner(B, taken), &stored(), ttl).unwrap(), 1);
        // Another request of the same body, even on the dead node's id, now replays.
        assert!(matches!(claim_at(&mut c, "h", B, later), Claim::Replay(_)));
        assert!(matches!(claim_at(&mut c, "other", B, later), Claim::Reused));
    }
}
