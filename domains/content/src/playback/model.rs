//! Playback events as the service sees them.

use chrono::{DateTime, NaiveDate, Utc};

use crate::courses::model::CourseId;
use crate::items::model::ItemId;

/// Most events in one sync.
pub const MAX_BATCH: usize = 500;

/// What happened in a playback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    /// Playback began.
    Started,
    /// The playhead moved (periodic).
    Progress,
    /// The session was played to its end: counts for stats, streaks and courses.
    Completed,
}

impl EventKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Started => "started",
            Self::Progress => "progress",
            Self::Completed => "completed",
        }
    }
}

/// One event as the app sent it (shape-checked).
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// The client's id, unique per member.
    pub event_id: String,
    /// What happened.
    pub kind: EventKind,
    /// The item played.
    pub item_id: ItemId,
    /// The course it was played in, if any.
    pub course_id: Option<CourseId>,
    /// The variant's length (names it).
    pub duration_s: u32,
    /// The playhead.
    pub position_s: u32,
    /// When, UTC.
    pub occurred_at: DateTime<Utc>,
    /// The zone it was recorded in, if the app sent one (already validated).
    pub time_zone: Option<chrono_tz::Tz>,
}

/// What the sync did with one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Recorded, in that local day.
    Accepted(NaiveDate),
    /// An event with this id was recorded before: nothing changed.
    Duplicate,
    /// Not recorded.
    Refused(Refusal),
}

/// Why an event was not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Later than the server's clock plus `content.max_event_skew_s`.
    TooFarInFuture,
    /// No item has this id.
    UnknownItem,
}

/// One local day of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayStats {
    /// The member's day.
    pub day: NaiveDate,
    /// Completed sessions.
    pub sessions: u32,
    /// Minutes of completed sessions.
    pub minutes: u32,
}

/// A member's listening stats.
#[derive(Debug, Clone)]
pub struct Stats {
    /// Completed sessions, ever.
    pub sessions: u64,
    /// Seconds of completed sessions, ever.
    pub listened_s: u64,
    /// Days from `from` to `to` (inclusive), one entry each, oldest first.
    pub days: Vec<DayStats>,
    /// The member's today.
    pub today: NaiveDate,
    /// The zone today was read in.
    pub time_zone: chrono_tz::Tz,
}
