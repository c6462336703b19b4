//! Wire types of playback sync and stats.

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{EventKind, Outcome, Refusal, Stats};
use crate::courses::model::CourseId;
use crate::days::format_day;
use crate::items::model::ItemId;
use crate::rules;

/// What happened in a playback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentPlaybackEventType", rename_all = "snake_case")]
pub enum EventKindDto {
    /// Playback began.
    Started,
    /// The playhead moved (periodic).
    Progress,
    /// Played to the end: counts for stats, streaks and course progress.
    Completed,
}

impl From<EventKindDto> for EventKind {
    fn from(k: EventKindDto) -> Self {
        match k {
            EventKindDto::Started => Self::Started,
            EventKindDto::Progress => Self::Progress,
            EventKindDto::Completed => Self::Completed,
        }
    }
}

/// One playback event as the app recorded it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentPlaybackEventInput", deny_unknown_fields)]
pub struct EventInput {
    /// The app's id for this event, unique per member (e.g. a UUID): an event sent again
    /// with the same id is a `duplicate` and changes nothing.
    pub event_id: Text<rules::EventId>,
    /// What happened.
    #[oai(rename = "type")]
    pub kind: EventKindDto,
    /// The item played.
    pub item_id: ItemId,
    /// The course it was played in, if any: a `completed` event completes that session.
    pub course_id: Option<CourseId>,
    /// The variant played (its length in seconds, 30–14400).
    #[oai(validator(minimum(value = "30"), maximum(value = "14400")))]
    pub duration_s: u32,
    /// The playhead in seconds, at most `duration_s`.
    #[oai(validator(minimum(value = "0"), maximum(value = "14400")))]
    pub position_s: u32,
    /// When it happened (RFC 3339). Later than the server's clock plus the allowed skew
    /// is `refused`.
    pub occurred_at: Timestamp,
    /// The IANA zone the device was in (`Asia/Tokyo`); it must exist. Absent: the
    /// profile's zone, else UTC. Decides the member's day the event counts for.
    pub time_zone: Option<Text<rules::TimeZone>>,
}

/// A batch of events recorded offline.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentPlaybackSyncRequest", deny_unknown_fields)]
pub struct SyncRequest {
    /// 1–500 events, in any order.
    pub events: List<EventInput, rules::EventBatch>,
}

/// What the sync did with one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentPlaybackEventStatus", rename_all = "snake_case")]
pub enum EventStatusDto {
    /// Recorded.
    Accepted,
    /// Recorded before (same `event_id`): nothing changed.
    Duplicate,
    /// Not recorded; `reason` says why.
    Refused,
}

/// Why an event was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentPlaybackRefusal", rename_all = "snake_case")]
pub enum RefusalDto {
    /// `occurred_at` is too far ahead of the server's clock (a device clock gone wrong).
    TooFarInFuture,
    /// No item has this `item_id`.
    UnknownItem,
}

/// The answer for one event, in request order.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentPlaybackEventResult")]
pub struct EventResultDto {
    /// The event's id.
    pub event_id: String,
    /// What happened to it.
    pub status: EventStatusDto,
    /// Why it was refused (only with `refused`).
    pub reason: Option<RefusalDto>,
    /// The member's day it counts for, `YYYY-MM-DD` (only with `accepted`).
    pub local_day: Option<String>,
}

impl EventResultDto {
    /// The answer for `event_id`.
    pub fn new(event_id: String, outcome: Outcome) -> Self {
        let (status, reason, local_day) = match outcome {
            Outcome::Accepted(day) => (EventStatusDto::Accepted, None, Some(format_day(day))),
            Outcome::Duplicate => (EventStatusDto::Duplicate, None, None),
            Outcome::Refused(r) => (
                EventStatusDto::Refused,
                Some(match r {
                    Refusal::TooFarInFuture => RefusalDto::TooFarInFuture,
                    Refusal::UnknownItem => RefusalDto::UnknownItem,
                }),
                None,
            ),
        };
        Self {
            event_id,
            status,
            reason,
            local_day,
        }
    }
}

/// The answer of a sync.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentPlaybackSyncResult")]
pub struct SyncResultDto {
    /// One result per event, in request order.
    pub results: Vec<EventResultDto>,
    /// How many were accepted.
    pub accepted: u32,
    /// How many were duplicates.
    pub duplicates: u32,
    /// How many were refused.
    pub refused: u32,
}

impl SyncResultDto {
    /// Counts the results.
    pub fn new(results: Vec<EventResultDto>) -> Self {
        let count =
            |s| u32::try_from(results.iter().filter(|r| r.status == s).count()).unwrap_or(u32::MAX);
        Self {
            accepted: count(EventStatusDto::Accepted),
            duplicates: count(EventStatusDto::Duplicate),
            refused: count(EventStatusDto::Refused),
            results,
        }
    }
}

/// One day of the history.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentStatsDay")]
pub struct DayDto {
    /// The member's day, `YYYY-MM-DD`.
    pub day: String,
    /// Completed sessions that day.
    pub sessions: u32,
    /// Minutes of those sessions (their variants' lengths, rounded down).
    pub minutes: u32,
}

/// A member's listening stats.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentStats")]
pub struct StatsDto {
    /// Completed sessions, ever.
    pub total_sessions: u64,
    /// Minutes of completed sessions, ever (rounded down).
    pub total_minutes: u64,
    /// The member's today, `YYYY-MM-DD`, in `time_zone`.
    pub today: String,
    /// The IANA zone today was read in.
    pub time_zone: String,
    /// The last `days` days up to today, oldest first, one entry per day.
    pub days: Vec<DayDto>,
}

impl From<Stats> for StatsDto {
    fn from(s: Stats) -> Self {
        Self {
            total_sessions: s.sessions,
            total_minutes: s.listened_s / 60,
            today: format_day(s.today),
            time_zone: s.time_zone.name().to_owned(),
            days: s
                .days
                .into_iter()
                .map(|d| DayDto {
                    day: format_day(d.day),
                    sessions: d.sessions,
                    minutes: d.minutes,
                })
                .collect(),
        }
    }
}
