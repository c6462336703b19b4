//! Appointment domain types and the strike rule.

use chrono::{Duration, NaiveDateTime};
use haven_platform::define_id;

define_id!(
    /// An appointment (`apt_…`).
    AppointmentId,
    "apt"
);

/// Where an appointment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Holding its time while the member's unit is consumed (seconds; a crash leaves it
    /// to the sweeper, which releases the unit and frees the time).
    Pending,
    /// Booked.
    Booked,
    /// Cancelled by the member or the provider.
    Cancelled,
    /// Moved to another time (the new appointment names this one in
    /// `rescheduled_from`).
    Rescheduled,
    /// The member did not come (marked by the provider).
    NoShow,
}

impl Status {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Booked => "booked",
            Self::Cancelled => "cancelled",
            Self::Rescheduled => "rescheduled",
            Self::NoShow => "no_show",
        }
    }

    /// The status of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::Booked,
            Self::Cancelled,
            Self::Rescheduled,
            Self::NoShow,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// Statuses that hold time (the exclusion constraints' `WHERE`).
pub const ACTIVE: [&str; 2] = ["pending", "booked"];

/// Until when self-booking is paused, given the member's strikes (late cancellations
/// and no-shows, any order): a strike that makes `limit` strikes within `window` starts
/// a pause of `pause`. `None` when not paused at `now`.
pub fn paused_until(
    strikes: &[NaiveDateTime],
    limit: usize,
    window: Duration,
    pause: Duration,
    now: NaiveDateTime,
) -> Option<NaiveDateTime> {
    let mut s = strikes.to_vec();
    s.sort();
    let mut until = None;
    for (i, &t) in s.iter().enumerate() {
        let in_window = s[..=i].iter().filter(|&&x| x > t - window).count();
        if in_window >= limit && t + pause > now {
            until = Some(until.map_or(t + pause, |u: NaiveDateTime| u.max(t + pause)));
        }
    }
    until
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_strikes_in_ninety_days_pause_for_thirty() {
        let day = |d: i64| {
            chrono::DateTime::from_timestamp(0, 0)
                .unwrap_or_default()
                .naive_utc()
                + Duration::days(d)
        };
        let (w, p) = (Duration::days(90), Duration::days(30));
        assert_eq!(paused_until(&[day(0), day(10)], 3, w, p, day(11)), None);
        assert_eq!(
            paused_until(&[day(0), day(10), day(80)], 3, w, p, day(81)),
            Some(day(110))
        );
        assert_eq!(
            paused_until(&[day(0), day(10), day(80)], 3, w, p, day(111)),
            None
        );
        // Spread over more than 90 days: no pause.
        assert_eq!(
            paused_until(&[day(0), day(50), day(95)], 3, w, p, day(96)),
            None
        );
    }
}
