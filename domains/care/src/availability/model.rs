//! Availability: weekly rules and date exceptions in the provider's own zone, the
//! appointment types, and the slots they give in UTC.
//!
//! Local times are turned into instants day by day in the provider's zone, so a rule
//! "Mon 09:00–17:00 Europe/Berlin" is 08:00Z in winter and 07:00Z in summer. Local times
//! a DST change skips (02:30 on a spring-forward night) are read with the offset in force
//! before the change, as RFC 5545 does for DTSTART (02:30 EST = 03:30 EDT); times it
//! repeats (01:30 on a fall-back night) are the first occurrence, so an interval over the
//! repeated hour lasts one hour longer in real time.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::ports::Benefit;
use crate::providers::model::ProviderType;

/// Minutes in a day (`24:00`).
pub const DAY_MINUTES: u16 = 1440;

/// Available hours on one weekday, in the provider's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyRule {
    /// ISO weekday, 1 (Monday) to 7 (Sunday).
    pub weekday: u8,
    /// Minutes after local midnight, inclusive.
    pub start_min: u16,
    /// Minutes after local midnight, exclusive (up to 1440).
    pub end_min: u16,
}

/// A date that departs from the weekly rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Exception {
    /// No weekly hours that day (extra hours still count).
    DayOff {
        /// The local date.
        date: NaiveDate,
    },
    /// Hours added that day.
    ExtraHours {
        /// The local date.
        date: NaiveDate,
        /// Minutes after local midnight, inclusive.
        start_min: u16,
        /// Minutes after local midnight, exclusive.
        end_min: u16,
    },
}

impl Exception {
    /// The local date it applies to.
    pub fn date(&self) -> NaiveDate {
        match *self {
            Self::DayOff { date } | Self::ExtraHours { date, .. } => date,
        }
    }
}

/// A provider's weekly rules and date exceptions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Weekly rules.
    pub rules: Vec<WeeklyRule>,
    /// Date exceptions.
    pub exceptions: Vec<Exception>,
}

/// A kind of session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppointmentType {
    /// Coaching by video, 30 minutes.
    CoachingVideo,
    /// Therapy, 50 minutes.
    Therapy,
    /// A first psychiatry visit, 60 minutes.
    PsychiatryIntake,
    /// A psychiatry follow-up, 30 minutes.
    PsychiatryFollowUp,
}

impl AppointmentType {
    /// Every type.
    pub const ALL: [Self; 4] = [
        Self::CoachingVideo,
        Self::Therapy,
        Self::PsychiatryIntake,
        Self::PsychiatryFollowUp,
    ];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::CoachingVideo => "coaching_video",
            Self::Therapy => "therapy",
            Self::PsychiatryIntake => "psychiatry_intake",
            Self::PsychiatryFollowUp => "psychiatry_follow_up",
        }
    }

    /// The type of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// Length of the session.
    pub const fn duration_min(self) -> i64 {
        match self {
            Self::CoachingVideo | Self::PsychiatryFollowUp => 30,
            Self::Therapy => 50,
            Self::PsychiatryIntake => 60,
        }
    }

    /// Time the provider keeps free after the session (notes, a break).
    pub const fn buffer_after_min(self) -> i64 {
        match self {
            Self::CoachingVideo | Self::PsychiatryFollowUp => 5,
            Self::Therapy | Self::PsychiatryIntake => 10,
        }
    }

    /// Time the provider keeps free before the session.
    pub const fn buffer_before_min(self) -> i64 {
        match self {
            Self::PsychiatryIntake => 10,
            _ => 0,
        }
    }

    /// Who gives it.
    pub const fn provider_type(self) -> ProviderType {
        match self {
            Self::CoachingVideo => ProviderType::Coach,
            Self::Therapy => ProviderType::Therapist,
            Self::PsychiatryIntake | Self::PsychiatryFollowUp => ProviderType::Psychiatrist,
        }
    }

    /// The benefit that pays for it.
    pub const fn benefit(self) -> Benefit {
        match self {
            Self::CoachingVideo => Benefit::Coaching,
            Self::Therapy => Benefit::Therapy,
            Self::PsychiatryIntake | Self::PsychiatryFollowUp => Benefit::Psychiatry,
        }
    }

    /// The session and the provider's blocked range of a session starting at `start`.
    pub fn ranges(self, start: NaiveDateTime) -> Ranges {
        let end = start + Duration::minutes(self.duration_min());
        Ranges {
            starts_at: start,
            ends_at: end,
            blocked_from: start - Duration::minutes(self.buffer_before_min()),
            blocked_until: end + Duration::minutes(self.buffer_after_min()),
        }
    }
}

/// The times of one session (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranges {
    /// Start.
    pub starts_at: NaiveDateTime,
    /// End.
    pub ends_at: NaiveDateTime,
    /// Start of the provider's blocked time (buffer included).
    pub blocked_from: NaiveDateTime,
    /// End of the provider's blocked time (buffer included).
    pub blocked_until: NaiveDateTime,
}

/// The instant of local `date` + `minutes` in `tz` (see the module doc for skipped and
/// repeated times). `minutes` may be 1440 (the next midnight).
pub fn local_instant(tz: Tz, date: NaiveDate, minutes: u16) -> NaiveDateTime {
    let local = date.and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minutes));
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.naive_utc(),
        chrono::LocalResult::Ambiguous(first, _) => first.naive_utc(),
        chrono::LocalResult::None => {
            // In a gap: the offset in force just before it. Gaps last at most a day (Samoa,
            // 2011), so the offset a day earlier is the one before the change.
            let before = local - Duration::days(1);
            let offset = match tz.from_local_datetime(&before) {
                chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                    t.offset().fix()
                }
                chrono::LocalResult::None => chrono::FixedOffset::east_opt(0)
                    .unwrap_or_else(|| unreachable!("a zero offset is valid")),
            };
            local - Duration::seconds(i64::from(offset.local_minus_utc()))
        }
    }
}

use chrono::Offset;

/// The provider's available intervals (UTC, merged, sorted) that touch `[from, to)`.
pub fn available_intervals(
    schedule: &Schedule,
    tz: Tz,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> Vec<(NaiveDateTime, NaiveDateTime)> {
    let first = tz.from_utc_datetime(&from).date_naive() - Duration::days(1);
    let last = tz.from_utc_datetime(&to).date_naive() + Duration::days(1);
    let mut out = Vec::new();
    let mut day = first;
    while day <= last {
        let exceptions = schedule.exceptions.iter().filter(|e| e.date() == day);
        let mut day_off = false;
        for e in exceptions {
            match *e {
                Exception::DayOff { .. } => day_off = true,
                Exception::ExtraHours {
                    start_min, end_min, ..
                } => push(&mut out, tz, day, start_min, end_min, from, to),
            }
        }
        if !day_off {
            let weekday = day.weekday().number_from_monday();
            for r in schedule
                .rules
                .iter()
                .filter(|r| u32::from(r.weekday) == weekday)
            {
                push(&mut out, tz, day, r.start_min, r.end_min, from, to);
            }
        }
        day += Duration::days(1);
    }
    out.sort();
    let mut merged: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

fn push(
    out: &mut Vec<(NaiveDateTime, NaiveDateTime)>,
    tz: Tz,
    day: NaiveDate,
    start_min: u16,
    end_min: u16,
    from: NaiveDateTime,
    to: NaiveDateTime,
) {
    if start_min >= end_min {
        return;
    }
    let (s, e) = (
        local_instant(tz, day, start_min),
        local_instant(tz, day, end_min),
    );
    if s < e && e > from && s < to {
        out.push((s, e));
    }
}

/// What slot generation needs besides the schedule.
#[derive(Debug, Clone, Copy)]
pub struct SlotQuery {
    /// The session type.
    pub kind: AppointmentType,
    /// Window start (UTC, inclusive): no slot starts before it.
    pub from: NaiveDateTime,
    /// Window end (UTC, exclusive): no slot starts at or after it.
    pub to: NaiveDateTime,
    /// Minutes between slot starts, counted from each interval's start.
    pub step_min: i64,
}

/// Slot starts (UTC) of `q.kind` within the available intervals, whose session fits the
/// interval and whose blocked range overlaps none of `busy` (sorted or not).
pub fn slots(
    schedule: &Schedule,
    tz: Tz,
    q: SlotQuery,
    busy: &[(NaiveDateTime, NaiveDateTime)],
) -> Vec<NaiveDateTime> {
    let mut busy = busy.to_vec();
    busy.sort();
    let step = Duration::minutes(q.step_min.max(1));
    let duration = Duration::minutes(q.kind.duration_min());
    let lookback = Duration::minutes(q.kind.duration_min() + 24 * 60);
    let mut out = Vec::new();
    for (s, e) in available_intervals(schedule, tz, q.from - lookback, q.to) {
        let mut t = s;
        while t + duration <= e && t < q.to {
            if t >= q.from {
                let r = q.kind.ranges(t);
                let taken = busy
                    .iter()
                    .any(|&(bs, be)| bs < r.blocked_until && r.blocked_from < be);
                if !taken {
                    out.push(t);
                }
            }
            t += step;
        }
    }
    out
}

pub use haven_platform::time::utc;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::America::New_York;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn a_skipped_local_time_uses_the_offset_before_the_change() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 14).unwrap_or_default();
        assert_eq!(local_instant(New_York, day, 150), at("2027-03-14 07:30"));
        assert_eq!(local_instant(New_York, day, 240), at("2027-03-14 08:00"));
    }

    #[test]
    fn a_repeated_local_time_is_its_first_occurrence() {
        let day = NaiveDate::from_ymd_opt(2027, 11, 7).unwrap_or_default();
        assert_eq!(local_instant(New_York, day, 90), at("2027-11-07 05:30"));
    }

    #[test]
    fn busy_ranges_and_buffers_remove_slots() {
        let schedule = Schedule {
            rules: vec![WeeklyRule {
                weekday: 1,
                start_min: 9 * 60,
                end_min: 11 * 60,
            }],
            exceptions: vec![],
        };
        let q = SlotQuery {
            kind: AppointmentType::CoachingVideo,
            from: at("2027-01-04 00:00"),
            to: at("2027-01-05 00:00"),
            step_min: 30,
        };
        let all = slots(&schedule, chrono_tz::UTC, q, &[]);
        assert_eq!(all.len(), 4);
        let some = slots(
            &schedule,
            chrono_tz::UTC,
            q,
            &[(at("2027-01-04 09:30"), at("2027-01-04 10:05"))],
        );
        // 09:00 ends 09:35 with its buffer; 10:00 overlaps the busy range's last 5 min.
        assert_eq!(some, vec![at("2027-01-04 10:30")]);
    }
}
