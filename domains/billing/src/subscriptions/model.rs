//! The subscription state machine: what access each status gives, and when a provider's
//! event may replace the stored state.

use chrono::NaiveDateTime;
use haven_platform::define_id;

define_id!(
    /// A subscription (`bsu_…`).
    SubscriptionId,
    "bsu"
);

/// Which store or processor bills the subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// Stripe (the web).
    Stripe,
    /// The App Store.
    AppStore,
    /// Google Play.
    Play,
}

impl Provider {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Stripe => "stripe",
            Self::AppStore => "app_store",
            Self::Play => "play",
        }
    }
}

/// A subscription's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// In its free trial: access until the trial ends.
    Trialing,
    /// Paid: access until the period ends.
    Active,
    /// A payment failed: access until the period ends or the grace period does, whichever
    /// is later.
    PastDue,
    /// Cancelled by the member: access until the period ends, no renewal.
    Canceled,
    /// Over: no access.
    Expired,
    /// Paused by the member: no access until resumed.
    Paused,
    /// Refunded: access ends at once.
    Refunded,
    /// Revoked by the provider (e.g. a chargeback or family-sharing removal): access ends
    /// at once.
    Revoked,
}

impl Status {
    /// Every status.
    pub const ALL: [Self; 8] = [
        Self::Trialing,
        Self::Active,
        Self::PastDue,
        Self::Canceled,
        Self::Expired,
        Self::Paused,
        Self::Refunded,
        Self::Revoked,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Trialing => "trialing",
            Self::Active => "active",
            Self::PastDue => "past_due",
            Self::Canceled => "canceled",
            Self::Expired => "expired",
            Self::Paused => "paused",
            Self::Refunded => "refunded",
            Self::Revoked => "revoked",
        }
    }

    /// The status of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Whether the subscription is over for good (nothing but a newer provider event can
    /// change it, and an equally old one cannot).
    pub const fn terminal(self) -> bool {
        matches!(self, Self::Expired | Self::Refunded | Self::Revoked)
    }

    /// Orders states the provider reported in the same second: the later in a
    /// subscription's life wins.
    const fn rank(self) -> u8 {
        match self {
            Self::Trialing | Self::Active | Self::Paused => 0,
            Self::PastDue | Self::Canceled => 1,
            Self::Expired | Self::Refunded | Self::Revoked => 2,
        }
    }
}

/// What the ledger must do for a subscription in a given state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Grant the product's features until this instant.
    Until(NaiveDateTime),
    /// End the grants now (they stay in the history).
    EndNow,
    /// Revoke the grants now.
    RevokeNow,
}

/// The access a subscription in `status` gives.
pub fn access(
    status: Status,
    period_end: Option<NaiveDateTime>,
    grace_until: Option<NaiveDateTime>,
) -> Access {
    match (status, period_end) {
        (Status::Trialing | Status::Active | Status::Canceled, Some(end)) => Access::Until(end),
        (Status::PastDue, end) => match (end, grace_until) {
            (Some(e), Some(g)) => Access::Until(e.max(g)),
            (Some(t), None) | (None, Some(t)) => Access::Until(t),
            (None, None) => Access::EndNow,
        },
        (Status::Refunded | Status::Revoked, _) => Access::RevokeNow,
        _ => Access::EndNow,
    }
}

/// Whether a provider event of `event_at` (Unix seconds) reporting `new` may replace the
/// stored state (`stored_at`, `stored`): a newer event always, an equally old one only
/// if it reports a later stage of the subscription's life.
pub fn supersedes(event_at: i64, new: Status, stored_at: i64, stored: Status) -> bool {
    event_at > stored_at || (event_at == stored_at && new.rank() >= stored.rank())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn each_status_gives_its_access() {
        assert_eq!(
            access(Status::Active, Some(at(5)), None),
            Access::Until(at(5))
        );
        assert_eq!(
            access(Status::Trialing, Some(at(5)), None),
            Access::Until(at(5))
        );
        assert_eq!(
            access(Status::Canceled, Some(at(5)), None),
            Access::Until(at(5))
        );
        assert_eq!(
            access(Status::PastDue, Some(at(5)), Some(at(9))),
            Access::Until(at(9))
        );
        assert_eq!(
            access(Status::PastDue, Some(at(9)), Some(at(5))),
            Access::Until(at(9))
        );
        assert_eq!(access(Status::Expired, Some(at(9)), None), Access::EndNow);
        assert_eq!(access(Status::Paused, Some(at(9)), None), Access::EndNow);
        assert_eq!(
            access(Status::Refunded, Some(at(9)), None),
            Access::RevokeNow
        );
        assert_eq!(access(Status::Revoked, None, None), Access::RevokeNow);
        assert_eq!(access(Status::Active, None, None), Access::EndNow);
    }

    #[test]
    fn older_events_never_replace_newer_state() {
        assert!(supersedes(10, Status::Active, 9, Status::Expired));
        assert!(!supersedes(8, Status::Expired, 9, Status::Active));
        assert!(supersedes(9, Status::Expired, 9, Status::Active));
        assert!(!supersedes(9, Status::Active, 9, Status::Expired));
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }
}
