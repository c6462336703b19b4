//! Each node's cache of members' ledgers. An entry is used only while its version equals
//! the member's row in `billing_entitlement_versions`, which every ledger change bumps in
//! its own transaction: a change committed on any node is seen by the next check on every
//! node (one primary-key read), and no event has to reach every node.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use haven_platform::ids::UserId;

use super::model::Snapshot;

/// Members kept before the cache starts over (a bound on memory, not a tuning knob).
const CAPACITY: usize = 100_000;

/// Snapshots by member. Cheap to clone (shared).
#[derive(Debug, Clone, Default)]
pub struct EntitlementCache {
    inner: Arc<RwLock<HashMap<UserId, Arc<Snapshot>>>>,
}

impl EntitlementCache {
    /// The member's snapshot if the cache holds one of exactly `version`.
    pub fn get(&self, user_id: &UserId, version: i64) -> Option<Arc<Snapshot>> {
        // A panic while holding the lock leaves a consistent map (inserts are atomic).
        let map = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        map.get(user_id).filter(|s| s.version == version).cloned()
    }

    /// The member's snapshot, whatever its version (benchmarks and tests).
    pub fn peek(&self, user_id: &UserId) -> Option<Arc<Snapshot>> {
        let map = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        map.get(user_id).cloned()
    }

    /// Keeps `snapshot` unless a newer one is there already.
    pub fn put(&self, user_id: UserId, snapshot: Arc<Snapshot>) {
        let mut map = self.inner.write().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= CAPACITY && !map.contains_key(&user_id) {
            map.clear();
        }
        match map.get(&user_id) {
            Some(current) if current.version > snapshot.version => {}
            _ => {
                map.insert(user_id, snapshot);
            }
        }
    }

    /// Forgets the member (this node's own changes, erasure).
    pub fn forget(&self, user_id: &UserId) {
        let mut map = self.inner.write().unwrap_or_else(PoisonError::into_inner);
        map.remove(user_id);
    }
}
