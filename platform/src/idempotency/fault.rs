//! Test-only fault points of the idempotency middleware (feature `test-support`): a
//! test arms one for a key, and the request carrying that key behaves as if its node
//! died at that point. Keys are unique per test, so tests running in parallel threads of
//! one process do not trip each other's faults.

use std::sync::Mutex;

use poem::Response;
use poem::http::StatusCode;

use crate::http::problem::ProblemError;

/// Where the node "dies".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The endpoint has run and its writes are done, but nothing is committed: the
    /// request transaction is dropped as a killed process's connection would be, and the
    /// claim stays running under this node.
    CrashBeforeCommit,
    /// The effects and the response are committed; the client never gets the response.
    CrashAfterCommit,
}

static ARMED: Mutex<Vec<(String, Fault)>> = Mutex::new(Vec::new());

/// Makes the next request with `key` hit `fault`.
pub fn arm(key: &str, fault: Fault) {
    ARMED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push((key.to_owned(), fault));
}

/// Whether `fault` is armed for `key`; disarms it.
pub(crate) fn fires(key: &str, fault: Fault) -> bool {
    let mut armed = ARMED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let found = armed.iter().position(|(k, f)| k == key && *f == fault);
    found.map(|i| armed.swap_remove(i)).is_some()
}

/// What the client of a "dead" node gets instead of the real response.
pub(crate) fn crashed() -> Response {
    ProblemError::new(StatusCode::BAD_GATEWAY, "node_crashed")
        .with_detail("test fault: the node died before answering")
        .to_response()
}
