//! Each node's cache of members' ledgers, answered without a query while it is known
//! current. Every ledger change bumps the member's row in `billing_entitlement_versions`
//! in its own transaction; an entry is served only while
//! - a database read that **began** at most `bound` ago found the entry's version to be
//!   the member's version (the node's watcher re-checks, in one query per 500 members,
//!   the versions of the entries used since its last pass, every quarter of `bound`), and
//! - no change this node made itself is newer than the entry ([`EntitlementCache::expect`],
//!   noted inside the change's transaction, before it commits).
//!
//! Otherwise the check reads the version on the primary (and the ledger when it moved).
//! So a change made on this node is seen by its next check (read-your-writes), a change
//! made on another node within `bound` (default 2 s, `billing.entitlement_staleness_ms`),
//! and a watcher that cannot reach the database makes entries fall back to that read
//! after `bound` (three missed passes), never serving old rights for longer.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use haven_platform::ids::UserId;

use super::model::Snapshot;

/// Members kept before the cache starts over (a bound on memory, not a tuning knob).
const CAPACITY: usize = 100_000;

/// Milliseconds since the cache's creation: the clock of entries' checks.
pub type Millis = u64;

/// A member's entry.
#[derive(Debug)]
struct Entry {
    /// The ledger as last read; `None` while only an expected change is noted.
    snapshot: Option<Arc<Snapshot>>,
    /// Until when it is served: `bound` after the start of the last database read that
    /// found `snapshot`'s version current (0: not served).
    until: AtomicU64,
    /// The newest version this node's own changes produced (committed or not yet).
    wanted: AtomicI64,
    /// Until when `wanted` holds: a change rolled back never commits its version, and
    /// must not send the member's checks to the database for longer than `bound`.
    wanted_until: AtomicU64,
    /// Served since the watcher's last pass (the watcher re-checks only these).
    used: AtomicBool,
}

impl Entry {
    fn new(snapshot: Option<Arc<Snapshot>>, until: Millis) -> Self {
        Self {
            snapshot,
            until: AtomicU64::new(until),
            wanted: AtomicI64::new(0),
            wanted_until: AtomicU64::new(0),
            used: AtomicBool::new(true),
        }
    }

    fn version(&self) -> Option<i64> {
        self.snapshot.as_ref().map(|s| s.version)
    }
}

#[derive(Debug)]
struct Inner {
    map: RwLock<HashMap<UserId, Arc<Entry>>>,
    origin: Instant,
    bound: Millis,
}

/// Snapshots by member. Cheap to clone (shared).
#[derive(Debug, Clone)]
pub struct EntitlementCache {
    inner: Arc<Inner>,
}

impl Default for EntitlementCache {
    fn default() -> Self {
        Self::new(Duration::from_secs(2))
    }
}

thread_local! {
    /// The cache of the billing transaction running on this thread (see
    /// [`EntitlementCache::tracking`]).
    static WRITING: RefCell<Option<EntitlementCache>> = const { RefCell::new(None) };
}

/// Restores the previous tracking cache when a transaction body ends, even by a panic.
struct Restore(Option<EntitlementCache>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        WRITING.with(|w| *w.borrow_mut() = previous);
    }
}

/// Notes, for the cache tracking the transaction on this thread, that `user_id`'s ledger
/// is at `version` once it commits (nothing outside a tracked transaction: a change made
/// in another domain's transaction is seen within the bound, like another node's).
pub(crate) fn note_change(user_id: &UserId, version: i64) {
    WRITING.with(|w| {
        if let Some(cache) = &*w.borrow() {
            cache.expect(user_id, version);
        }
    });
}

impl EntitlementCache {
    /// An empty cache whose entries are served at most `bound` after their last check.
    pub fn new(bound: Duration) -> Self {
        Self {
            inner: Arc::new(Inner {
                map: RwLock::default(),
                origin: Instant::now(),
                bound: u64::try_from(bound.as_millis()).unwrap_or(u64::MAX),
            }),
        }
    }

    /// How long after its last check an entry is still served.
    pub fn bound(&self) -> Duration {
        Duration::from_millis(self.inner.bound)
    }

    /// The cache's clock now.
    pub fn now(&self) -> Millis {
        u64::try_from(self.inner.origin.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn until(&self, checked: Millis) -> Millis {
        checked.saturating_add(self.inner.bound)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<UserId, Arc<Entry>>> {
        // A panic while holding the lock leaves a consistent map (inserts are atomic).
        self.inner
            .map
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<UserId, Arc<Entry>>> {
        self.inner
            .map
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The member's snapshot if it may be served at `now` without a query: checked
    /// within the bound and not older than this node's own changes.
    pub fn fresh(&self, user_id: &UserId, now: Millis) -> Option<Arc<Snapshot>> {
        let map = self.read();
        let entry = map.get(user_id)?;
        let snapshot = entry.snapshot.as_ref()?;
        if now > entry.until.load(Ordering::Acquire) {
            return None;
        }
        if snapshot.version < entry.wanted.load(Ordering::Acquire)
            && now <= entry.wanted_until.load(Ordering::Acquire)
        {
            return None;
        }
        // Read first: most checks find it set, and a load does not dirty the cache line.
        if !entry.used.load(Ordering::Relaxed) {
            entry.used.store(true, Ordering::Relaxed);
        }
        Some(Arc::clone(snapshot))
    }

    /// The member's snapshot if the cache holds exactly `version`, which a read that
    /// began at `checked` found current: the entry counts as checked then.
    pub fn current(
        &self,
        user_id: &UserId,
        version: i64,
        checked: Millis,
    ) -> Option<Arc<Snapshot>> {
        let map = self.read();
        let entry = map.get(user_id)?;
        let snapshot = entry.snapshot.as_ref().filter(|s| s.version == version)?;
        entry.until.fetch_max(self.until(checked), Ordering::AcqRel);
        entry.used.store(true, Ordering::Relaxed);
        Some(Arc::clone(snapshot))
    }

    /// The member's snapshot, whatever its version or age (benchmarks and tests).
    pub fn peek(&self, user_id: &UserId) -> Option<Arc<Snapshot>> {
        self.read().get(user_id).and_then(|e| e.snapshot.clone())
    }

    /// Keeps `snapshot`, read by a read that began at `checked`, unless a newer one is
    /// there already; an expected change noted for the member stays noted.
    pub fn put(&self, user_id: UserId, snapshot: Arc<Snapshot>, checked: Millis) {
        let mut map = self.write();
        if map.len() >= CAPACITY && !map.contains_key(&user_id) {
            map.clear();
        }
        let entry = Entry::new(Some(Arc::clone(&snapshot)), self.until(checked));
        if let Some(old) = map.get(&user_id) {
            if old.version().is_some_and(|v| v > snapshot.version) {
                return;
            }
            entry
                .wanted
                .store(old.wanted.load(Ordering::Acquire), Ordering::Release);
            entry
                .wanted_until
                .store(old.wanted_until.load(Ordering::Acquire), Ordering::Release);
        }
        map.insert(user_id, Arc::new(entry));
    }

    /// Notes that this node's change brings the member's ledger to `version` (called in
    /// the change's transaction, before it commits): until a read finds that version, or
    /// `bound` has passed (the change rolled back), the member's checks read the version.
    pub fn expect(&self, user_id: &UserId, version: i64) {
        self.expect_at(user_id, version, self.now());
    }

    fn expect_at(&self, user_id: &UserId, version: i64, now: Millis) {
        let until = now.saturating_add(self.inner.bound);
        let mut map = self.write();
        let entry = map
            .entry(*user_id)
            .or_insert_with(|| Arc::new(Entry::new(None, 0)));
        entry.wanted.fetch_max(version, Ordering::AcqRel);
        entry.wanted_until.fetch_max(until, Ordering::AcqRel);
    }

    /// Forgets the member (erasure).
    pub fn forget(&self, user_id: &UserId) {
        self.write().remove(user_id);
    }

    /// The members (and cached versions) the watcher re-checks: those served since its
    /// last pass, whose flag it clears. Entries that only note an expired change are
    /// dropped on the way.
    pub fn due(&self, now: Millis) -> Vec<(UserId, i64)> {
        let mut map = self.write();
        map.retain(|_, e| e.snapshot.is_some() || e.wanted_until.load(Ordering::Acquire) >= now);
        map.iter()
            .filter_map(|(id, e)| {
                let version = e.version()?;
                e.used
                    .swap(false, Ordering::AcqRel)
                    .then_some((*id, version))
            })
            .collect()
    }

    /// The watcher's answer: `versions` are the members' versions as a read that began at
    /// `checked` found them. An entry still at that version counts as checked then; an
    /// older one stops being served (its member's next check reads the ledger; a change
    /// this node expects stays noted).
    pub fn confirm(&self, versions: &[(UserId, i64)], checked: Millis) {
        let map = self.read();
        for (id, version) in versions {
            let Some(entry) = map.get(id) else { continue };
            match entry.version() {
                Some(v) if v == *version => {
                    entry.until.fetch_max(self.until(checked), Ordering::AcqRel);
                }
                Some(v) if v < *version => entry.until.store(0, Ordering::Release),
                _ => {}
            }
        }
    }

    /// Runs `f` (a billing transaction's body) so that every ledger change it makes is
    /// expected by this cache before it commits: this node's next check reads it.
    pub fn tracking<T>(&self, f: impl FnOnce() -> T) -> T {
        let previous = WRITING.with(|w| w.borrow_mut().replace(self.clone()));
        let _restore = Restore(previous);
        f()
    }

    /// Runs `check` with this cache every `every` until the cache is dropped (the
    /// platform's per-node refresher).
    pub(crate) fn spawn_watcher<F, Fut, E>(&self, every: Duration, check: F)
    where
        F: Fn(EntitlementCache) -> Fut + Send + 'static,
        Fut: Future<Output = Result<(), E>> + Send,
        E: std::fmt::Display,
    {
        haven_platform::refresher::spawn_refresher(
            &self.inner,
            every,
            "billing entitlements",
            move |inner| check(EntitlementCache { inner }),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    const BOUND: Millis = 2_000;

    fn cache() -> EntitlementCache {
        EntitlementCache::new(Duration::from_millis(BOUND))
    }

    fn at(version: i64) -> Arc<Snapshot> {
        Arc::new(Snapshot {
            version,
            grants: Vec::new(),
            used: HashMap::new(),
            rendered: Default::default(),
        })
    }

    fn served(cache: &EntitlementCache, user: &UserId, now: Millis) -> Option<i64> {
        cache.fresh(user, now).map(|s| s.version)
    }

    #[test]
    fn an_entry_is_served_until_the_bound_after_the_read_that_checked_it() {
        let (cache, user) = (cache(), UserId::new());
        assert_eq!(served(&cache, &user, 0), None);
        cache.put(user, at(3), 1_000);
        assert_eq!(served(&cache, &user, 1_000 + BOUND), Some(3));
        assert_eq!(
            served(&cache, &user, 1_001 + BOUND),
            None,
            "unchecked too long"
        );
        // A read finding the same version counts as a check.
        assert_eq!(cache.current(&user, 3, 5_000).map(|s| s.version), Some(3));
        assert_eq!(served(&cache, &user, 5_000 + BOUND), Some(3));
        assert!(cache.current(&user, 4, 6_000).is_none(), "another version");
    }

    #[test]
    fn this_nodes_change_is_read_until_a_read_finds_it_or_the_bound_passes() {
        let (cache, user) = (cache(), UserId::new());
        cache.put(user, at(3), 1_000);
        cache.expect_at(&user, 4, 1_100);
        assert_eq!(served(&cache, &user, 1_200), None, "version 4 expected");
        // A read before the commit still finds 3: the expectation stays.
        cache.put(user, at(3), 1_300);
        assert_eq!(served(&cache, &user, 1_400), None);
        cache.put(user, at(4), 1_500);
        assert_eq!(served(&cache, &user, 1_600), Some(4));
        // A change that never commits (rolled back) is waited for no longer than the bound.
        cache.expect_at(&user, 5, 2_000);
        assert_eq!(served(&cache, &user, 2_000 + BOUND), None);
        cache.put(user, at(4), 2_500);
        assert_eq!(served(&cache, &user, 2_001 + BOUND), Some(4));
    }

    #[test]
    fn an_expected_change_without_an_entry_is_kept_for_the_next_read() {
        let (cache, user) = (cache(), UserId::new());
        cache.expect_at(&user, 2, 0);
        cache.put(user, at(1), 10);
        assert_eq!(served(&cache, &user, 20), None, "version 2 expected");
        // Expired and without a snapshot: dropped by the watcher's next pass.
        let other = UserId::new();
        cache.expect_at(&other, 1, 0);
        cache.due(BOUND + 1);
        assert!(!cache.read().contains_key(&other));
    }

    #[test]
    fn a_newer_snapshot_is_not_replaced_by_an_older_read() {
        let (cache, user) = (cache(), UserId::new());
        cache.put(user, at(5), 100);
        cache.put(user, at(4), 200);
        assert_eq!(served(&cache, &user, 300), Some(5));
    }

    #[test]
    fn the_watcher_rechecks_what_was_served_and_drops_what_moved() {
        let (cache, hot, cold, moved) = (cache(), UserId::new(), UserId::new(), UserId::new());
        for user in [hot, cold, moved] {
            cache.put(user, at(1), 0);
        }
        // New entries are due once (just read); afterwards only what was served.
        assert_eq!(cache.due(100).len(), 3);
        assert!(cache.due(100).is_empty());
        served(&cache, &hot, 500);
        served(&cache, &moved, 500);
        let mut due = cache.due(600);
        due.sort();
        let mut expected = vec![(hot, 1), (moved, 1)];
        expected.sort();
        assert_eq!(due, expected);
        // Another node changed `moved`: the pass that began at 600 finds version 2.
        cache.confirm(&[(hot, 1), (moved, 2)], 600);
        assert_eq!(
            served(&cache, &hot, 600 + BOUND),
            Some(1),
            "re-checked at 600"
        );
        assert_eq!(
            served(&cache, &cold, 600 + BOUND),
            None,
            "not re-checked since 0"
        );
        assert_eq!(served(&cache, &moved, 700), None, "moved on another node");
    }

    #[test]
    fn only_a_tracked_transaction_notes_its_changes() {
        let (cache, user) = (cache(), UserId::new());
        cache.put(user, at(1), cache.now());
        note_change(&user, 2);
        assert!(cache.fresh(&user, cache.now()).is_some(), "not tracked");
        let inner = EntitlementCache::default();
        cache.tracking(|| {
            inner.tracking(|| note_change(&user, 7));
            note_change(&user, 2);
        });
        assert!(
            cache.fresh(&user, cache.now()).is_none(),
            "version 2 expected"
        );
        assert!(
            inner
                .read()
                .get(&user)
                .is_some_and(|e| e.wanted.load(Ordering::Acquire) == 7)
        );
        note_change(&user, 3);
        assert!(
            cache
                .read()
                .get(&user)
                .is_some_and(|e| e.wanted.load(Ordering::Acquire) == 2),
            "tracking ended with the body"
        );
    }
}
