//! Building security events and counting them in metrics.

use chrono::NaiveDateTime;
use haven_platform::ids::{SessionId, UserId};

use super::model::{SecurityEventId, SecurityEventKind};
use super::repo::SecurityEventRow;

pub(crate) fn security_event(
    kind: SecurityEventKind,
    user_id: Option<UserId>,
    session_id: Option<SessionId>,
    now: NaiveDateTime,
) -> SecurityEventRow {
    SecurityEventRow {
        id: SecurityEventId::new(),
        kind: kind.as_str().to_owned(),
        user_id,
        session_id,
        created_at: now,
        actor_id: None,
        detail: None,
        lock_key: None,
    }
}

/// `haven_identity_security_events_total{kind}`.
pub(crate) fn count(kind: SecurityEventKind) {
    metrics::counter!("haven_identity_security_events_total", "kind" => kind.as_str()).increment(1);
}
