//! A node's periodic check of something it caches from the database (content's catalog
//! version, billing's entitlement versions): one task per cache that runs a check every
//! interval, for as long as the cache lives. A failed check is logged and retried on the
//! next tick; what a cache serves meanwhile is the cache's own rule (docs/platform.md
//! "Per-node caches kept current").

use std::fmt::Display;
use std::future::Future;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// Runs `check(target)` every `every` on the current runtime until `target` is dropped
/// (the task holds only a weak reference). Nothing happens without a runtime (CLI
/// commands that build the app only for its document). `what` names the cache in the
/// warning a failed check logs.
pub fn spawn_refresher<T, F, Fut, E>(target: &Arc<T>, every: Duration, what: &'static str, check: F)
where
    T: Send + Sync + 'static,
    F: Fn(Arc<T>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), E>> + Send,
    E: Display,
{
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let weak: Weak<T> = Arc::downgrade(target);
    runtime.spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let Some(target) = weak.upgrade() else { break };
            if let Err(e) = check(target).await {
                tracing::warn!(error = %e, cache = what, "refresh of a per-node cache failed; retried on the next tick");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn checks_every_interval_through_failures_and_stops_once_the_target_is_dropped() {
        let target = Arc::new(());
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        spawn_refresher(&target, Duration::from_millis(100), "test", move |_| {
            let counted = Arc::clone(&counted);
            async move {
                counted.fetch_add(1, Ordering::SeqCst);
                Err::<(), _>("a failure is retried on the next tick")
            }
        });
        // The clock is paused: time moves only when every task waits, so the ticks at
        // 0, 100, 200 and 300 ms have all run by 350 ms.
        tokio::time::sleep(Duration::from_millis(350)).await;
        assert_eq!(calls.load(Ordering::SeqCst), 4);
        drop(target);
        tokio::time::sleep(Duration::from_millis(1_000)).await;
        assert_eq!(calls.load(Ordering::SeqCst), 4, "no check after the drop");
    }
}
