//! Waiting for background work (job workers, the outbox dispatcher, a child process) that
//! has no completion hook: a bounded poll with a failure that says what never happened,
//! never a fixed sleep standing in for synchronization.

use std::future::Future;
use std::time::Duration;

/// How often [`wait_until`] and [`wait_for`] re-check their condition.
pub const POLL_INTERVAL: Duration = Duration::from_millis(10);

/// Polls `condition` until it holds; panics naming `what` once `timeout` has passed.
pub async fn wait_until<F, Fut>(timeout: Duration, what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    wait_for(timeout, what, || {
        let check = condition();
        async move { check.await.then_some(()) }
    })
    .await;
}

/// Polls `probe` until it returns `Some`, and returns that value; panics naming `what`
/// once `timeout` has passed.
pub async fn wait_for<T, F, Fut>(timeout: Duration, what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let give_up = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(
            tokio::time::Instant::now() < give_up,
            "timed out after {timeout:?} waiting until {what}"
        );
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}
