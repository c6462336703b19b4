//! The registry of running nodes (`platform_nodes`): each `haven serve` adds itself at
//! start and removes itself on a clean shutdown.

use diesel::prelude::*;

use crate::db::{Db, DbError};
use crate::schema::platform_nodes;

crate::define_id!(
    /// Identifies one running `haven serve` process.
    NodeId,
    "nod"
);

/// Registers this process; returns its id.
pub async fn register(db: &Db, version: &'static str) -> Result<NodeId, DbError> {
    let id = NodeId::new();
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
            ))
            .execute(conn)
            .map_err(DbError::from)
    })
    .await?;
    Ok(id)
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
