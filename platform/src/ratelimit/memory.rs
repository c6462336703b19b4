//! Counters in this process's memory: `rate_limiter.backend = "memory"` only.
//!
//! For single-node development and tests: every node counts on its own, so N nodes let
//! N × limit through, and a restart forgets every counter.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::NaiveDateTime;

/// Sweep expired counters once per this many increments.
const SWEEP_EVERY: u64 = 1024;

#[derive(Debug, Default)]
pub(crate) struct MemoryStore {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    counters: HashMap<String, Counter>,
    increments: u64,
}

#[derive(Debug)]
struct Counter {
    count: u64,
    expires_at: NaiveDateTime,
}

impl MemoryStore {
    /// Adds one to `bucket` (created to expire at `expires_at`) and returns the new count.
    pub fn increment(&self, bucket: &str, expires_at: NaiveDateTime, now: NaiveDateTime) -> u64 {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        state.increments = state.increments.wrapping_add(1);
        if state.increments.is_multiple_of(SWEEP_EVERY) {
            state.counters.retain(|_, c| c.expires_at > now);
        }
        let counter = state.counters.entry(bucket.to_owned()).or_insert(Counter {
            count: 0,
            expires_at,
        });
        counter.count = counter.count.saturating_add(1);
        counter.count
    }

    /// Drops counters whose window has ended; returns how many.
    pub fn purge_expired(&self, now: NaiveDateTime) -> usize {
        let mut state = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let before = state.counters.len();
        state.counters.retain(|_, c| c.expires_at > now);
        before - state.counters.len()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .counters
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn counts_per_bucket() {
        let store = MemoryStore::default();
        let (now, end) = (at("2026-11-26 10:00:05"), at("2026-11-26 10:01:00"));
        assert_eq!(store.increment("a", end, now), 1);
        assert_eq!(store.increment("a", end, now), 2);
        assert_eq!(store.increment("b", end, now), 1);
        assert_eq!(store.increment("a", end, now), 3);
    }

    #[test]
    fn purge_drops_only_ended_windows() {
        let store = MemoryStore::default();
        let now = at("2026-11-26 10:00:05");
        store.increment("old", at("2026-11-26 10:01:00"), now);
        store.increment("new", at("2026-11-26 10:02:00"), now);
        assert_eq!(store.purge_expired(at("2026-11-26 10:01:00")), 1);
        assert_eq!(store.len(), 1);
        assert_eq!(store.increment("new", at("2026-11-26 10:02:00"), now), 2);
    }

    #[test]
    fn expired_counters_are_swept_as_traffic_flows() {
        let store = MemoryStore::default();
        let now = at("2026-11-26 10:00:05");
        for i in 0..SWEEP_EVERY - 1 {
            store.increment(&format!("k{i}"), at("2026-11-26 10:01:00"), now);
        }
        assert_eq!(store.len(), usize::try_from(SWEEP_EVERY - 1).unwrap());
        // The next increment happens in a later window and sweeps the ended ones.
        store.increment("late", at("2026-11-26 10:02:00"), at("2026-11-26 10:01:30"));
        assert_eq!(store.len(), 1);
    }
}
