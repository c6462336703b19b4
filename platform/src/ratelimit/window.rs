//! Fixed windows, storage keys and the clock the limiter reads.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDateTime};
use sha2::{Digest, Sha256};

/// One fixed window of a policy: `[index × window_s, (index + 1) × window_s)` in Unix
/// seconds, so every node that agrees on the time agrees on the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    /// Windows since the Unix epoch.
    pub index: i64,
    /// Window length in seconds.
    pub length_s: u64,
    /// Whole seconds until the window ends, rounded up and at least 1.
    pub reset_s: u64,
}

impl Window {
    /// The window of length `window_s` that contains `now`.
    pub fn at(now: NaiveDateTime, window_s: u64) -> Self {
        let length_ms = i128::from(window_s.max(1)) * 1000;
        let now_ms = i128::from(now.and_utc().timestamp_millis());
        let index = now_ms.div_euclid(length_ms);
        let end_ms = (index + 1) * length_ms;
        let left_ms = end_ms - now_ms; // in 1..=length_ms
        let reset_s = u64::try_from((left_ms + 999) / 1000).unwrap_or(window_s);
        Self {
            index: i64::try_from(index).unwrap_or(i64::MAX),
            length_s: window_s.max(1),
            reset_s: reset_s.max(1),
        }
    }

    /// When the window ends (UTC): a counter is useless after this instant.
    pub fn end(&self) -> NaiveDateTime {
        let end_s = i128::from(self.index + 1) * i128::from(self.length_s);
        i64::try_from(end_s)
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .unwrap_or(DateTime::<chrono::Utc>::MAX_UTC)
            .naive_utc()
    }
}

/// The storage key of one counter: `policy:window_s:index:hash(key)`. The caller's key
/// (an IP address, an email…) is hashed, so it is never stored or logged as it is.
pub(crate) fn bucket(policy: &str, window: &Window, key: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(policy.as_bytes());
    hasher.update([0]);
    hasher.update(key.as_bytes());
    let digest = hasher.finalize();
    let hash: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("{policy}:{}:{}:{hash}", window.length_s, window.index)
}

/// Where the limiter reads the time: the system clock, or a [`ManualClock`] in tests.
#[derive(Debug, Clone, Default)]
pub enum Clock {
    /// [`crate::time::now_utc`].
    #[default]
    System,
    /// A clock that only moves when told to.
    Manual(ManualClock),
}

impl Clock {
    /// The current time (UTC, microseconds).
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Self::System => crate::time::now_utc(),
            Self::Manual(manual) => manual.now(),
        }
    }
}

impl From<ManualClock> for Clock {
    fn from(manual: ManualClock) -> Self {
        Self::Manual(manual)
    }
}

/// A clock for tests: starts where it is told and moves only by [`ManualClock::advance`].
/// Clones share the same time.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<Mutex<NaiveDateTime>>);

impl ManualClock {
    /// A clock standing at `start` (UTC).
    pub fn new(start: NaiveDateTime) -> Self {
        Self(Arc::new(Mutex::new(start)))
    }

    /// The time it shows.
    pub fn now(&self) -> NaiveDateTime {
        *self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: std::time::Duration) {
        let mut now = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let by = chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX);
        *now = now.checked_add_signed(by).unwrap_or(*now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    #[test]
    fn windows_are_aligned_to_the_epoch_and_reset_counts_whole_seconds_up() {
        let w = Window::at(at("2026-11-26 10:00:05"), 60);
        assert_eq!(w.reset_s, 55);
        assert_eq!(w.end(), at("2026-11-26 10:01:00"));
        assert_eq!(
            w.index,
            at("2026-11-26 10:00:00").and_utc().timestamp() / 60
        );

        // 10:00:05.2 → 54.8 s left → 55.
        assert_eq!(Window::at(at("2026-11-26 10:00:05.2"), 60).reset_s, 55);
        // The first instant of a window has the whole window left.
        let start = Window::at(at("2026-11-26 10:01:00"), 60);
        assert_eq!(start.reset_s, 60);
        assert_eq!(start.index, w.index + 1);
        // The last millisecond of a window still says 1 s, never 0.
        let last = Window::at(at("2026-11-26 10:00:59.999"), 60);
        assert_eq!(last.reset_s, 1);
        assert_eq!(last.index, w.index);
    }

    #[test]
    fn window_lengths_that_do_not_divide_a_minute_still_tile_time() {
        let a = Window::at(at("2026-11-26 10:00:00"), 7);
        assert_eq!(a.end().and_utc().timestamp() % 7, 0);
        let b = Window::at(a.end(), 7);
        assert_eq!(b.index, a.index + 1);
        assert_eq!(b.reset_s, 7);
        assert_eq!(b.end() - a.end(), chrono::Duration::seconds(7));
        let before_end = a.end() - chrono::Duration::milliseconds(1);
        assert_eq!(Window::at(before_end, 7).index, a.index);
    }

    #[test]
    fn pre_epoch_times_do_not_panic() {
        let w = Window::at(at("1969-12-31 23:59:59.5"), 60);
        assert_eq!(w.index, -1);
        assert_eq!(w.reset_s, 1);
        assert_eq!(w.end(), at("1970-01-01 00:00:00"));
    }

    #[test]
    fn buckets_hash_the_key_and_separate_policies_windows_and_keys() {
        let w = Window::at(at("2026-11-26 10:00:05"), 60);
        let b = bucket("login", &w, "alice@example.com");
        assert!(!b.contains("alice"), "{b}");
        assert!(b.starts_with(&format!("login:60:{}:", w.index)), "{b}");
        assert_eq!(b, bucket("login", &w, "alice@example.com"), "stable");
        assert_ne!(b, bucket("login", &w, "bob@example.com"));
        assert_ne!(b, bucket("signup", &w, "alice@example.com"));
        let next = Window::at(at("2026-11-26 10:01:05"), 60);
        assert_ne!(b, bucket("login", &next, "alice@example.com"));
        // "a" + "bc" and "ab" + "c" must not collide.
        assert_ne!(
            bucket("a", &w, "bc").rsplit(':').next(),
            bucket("ab", &w, "c").rsplit(':').next()
        );
    }

    #[test]
    fn a_manual_clock_moves_only_when_advanced_and_clones_share_it() {
        let clock = ManualClock::new(at("2026-11-26 10:00:05"));
        let shared = Clock::from(clock.clone());
        assert_eq!(shared.now(), at("2026-11-26 10:00:05"));
        clock.advance(std::time::Duration::from_millis(1500));
        assert_eq!(shared.now(), at("2026-11-26 10:00:06.5"));
    }
}
