//! The registry of running nodes (`platform_nodes`): each `haven serve` adds itself at
//! start, stamps `last_seen_at` every [`HEARTBEAT_INTERVAL`] while it runs, and removes
//! itself on a clean shutdown. A registered node whose stamp is older than [`DEAD_AFTER`]
//! is dead: the idempotency keys it held are taken over at once.

use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::{Db, DbError};
use crate::schema::platform_nodes;

crate::define_id!(
    /// Identifies one running `haven serve` process.
    NodeId,
    "nod"
);

/// How often a running node stamps `last_seen_at`.
pub const HEARTBEAT_INTERVAL: Duration = Duration::from_secs(2);

/// A node whose last stamp is older than this (five missed heartbeats, so a slow
/// database or a paused process is not taken for dead) is dead. Nodes' clocks must
/// agree to well within this.
pub const DEAD_AFTER: Duration = Duration::from_secs(10);

/// Registers this process as `id`, stamped as seen now.
pub async fn register(db: &Db, id: NodeId, version: &'static str) -> Result<(), DbError> {
    let hostname = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    let now = crate::time::now_utc();
    db.run(move |conn| {
        diesel::insert_into(platform_nodes::table)
            .values((
                platform_nodes::node_id.eq(id.to_string()),
                platform_nodes::hostname.eq(hostname),
                platform_nodes::version.eq(version),
                platform_nodes::started_at.eq(now),
                platform_nodes::last_seen_at.eq(now),
            ))
            .execute(conn)
            .map(drop)
            .map_err(DbError::from)
    })
    .await
}

/// Stamps `id` as seen now; false when its row is gone (deregistered).
pub async fn heartbeat(db: &Db, id: &NodeId) -> Result<bool, DbError> {
    let (id, now) = (id.to_string(), crate::time::now_utc());
    db.run(move |conn| {
        diesel::update(platform_nodes::table.find(id))
            .set(platform_nodes::last_seen_at.eq(now))
            .execute(conn)
            .map(|n| n == 1)
            .map_err(DbError::from)
    })
    .await
}

/// Stamps `id` every [`HEARTBEAT_INTERVAL`] until the task is aborted. A failed stamp is
/// logged and retried on the next tick: missing a few is what [`DEAD_AFTER`] allows.
pub fn spawn_heartbeat(db: Db, id: NodeId) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(HEARTBEAT_INTERVAL);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match heartbeat(&db, &id).await {
                Ok(true) => {}
                Ok(false) => tracing::warn!("this node's registry row is gone; not stamped"),
                Err(e) => tracing::warn!(error = %e, "node heartbeat failed"),
            }
        }
    })
}

/// Removes this process from the registry.
pub async fn deregister(db: &Db, id: NodeId) -> Result<(), DbError> {
    db.run(move |conn| {
        diesel::delete(platform_nodes::table.filter(platform_nodes::node_id.eq(id.to_string())))
            .execute(conn)
            .map(|_| ())
            .map_err(DbError::from)
    })
    .await
}

/// Ids of the registered nodes, oldest first.
pub async fn list(db: &Db) -> Result<Vec<String>, DbError> {
    db.run(|conn| {
        platform_nodes::table
            .select(platform_nodes::node_id)
            .order(platform_nodes::started_at.asc())
            .load(conn)
            .map_err(DbError::from)
    })
    .await
}

/// The stamp before which a node seen last is dead, as of `now`.
pub fn dead_before(now: NaiveDateTime) -> NaiveDateTime {
    let window = chrono::TimeDelta::from_std(DEAD_AFTER).unwrap_or(chrono::TimeDelta::MAX);
    now.checked_sub_signed(window).unwrap_or(NaiveDateTime::MIN)
}
