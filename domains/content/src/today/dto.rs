//! Wire types of Today.

use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::model::{PartOfDay, Pick, Reason};
use super::service::TodayFeed;
use crate::catalog::dto::CatalogItemDto;
use crate::courses::dto::CatalogCourseDto;
use crate::locale::Locale;

/// The member's part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentPartOfDay", rename_all = "snake_case")]
pub enum PartOfDayDto {
    /// 05:00–11:59 local: meditation first.
    Morning,
    /// 12:00–16:59 local: exercises and movement.
    Afternoon,
    /// 17:00–20:59 local: winding down.
    Evening,
    /// 21:00–04:59 local: sleep.
    Night,
}

impl From<PartOfDay> for PartOfDayDto {
    fn from(p: PartOfDay) -> Self {
        match p {
            PartOfDay::Morning => Self::Morning,
            PartOfDay::Afternoon => Self::Afternoon,
            PartOfDay::Evening => Self::Evening,
            PartOfDay::Night => Self::Night,
        }
    }
}

/// Why an entry is in the feed (new values may be added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentTodayReason", rename_all = "snake_case")]
pub enum ReasonDto {
    /// The unfinished course the member was last active in; `next_session` says where.
    ContinueCourse,
    /// Suits the member's time of day (`part_of_day`).
    TimeOfDay,
    /// Released in the last 14 days.
    NewRelease,
    /// One of the member's favorites.
    Favorite,
    /// Played recently.
    RecentlyPlayed,
}

impl From<Reason> for ReasonDto {
    fn from(r: Reason) -> Self {
        match r {
            Reason::ContinueCourse => Self::ContinueCourse,
            Reason::TimeOfDay => Self::TimeOfDay,
            Reason::NewRelease => Self::NewRelease,
            Reason::Favorite => Self::Favorite,
            Reason::RecentlyPlayed => Self::RecentlyPlayed,
        }
    }
}

/// One entry: an item or a course, and why.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentTodayEntry")]
pub struct TodayEntryDto {
    /// Why it is here.
    pub reason: ReasonDto,
    /// The item (absent for a course).
    pub item: Option<CatalogItemDto>,
    /// The course (absent for an item).
    pub course: Option<CatalogCourseDto>,
    /// With `continue_course`: the 0-based position of the session to play next.
    pub next_session: Option<u32>,
}

/// The member's Today.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentToday")]
pub struct TodayDto {
    /// The instant it was built for.
    pub at: Timestamp,
    /// The member's local date and time then (`YYYY-MM-DDTHH:MM:SS`).
    pub local_time: String,
    /// The IANA zone used.
    pub time_zone: String,
    /// The part of the day.
    pub part_of_day: PartOfDayDto,
    /// The catalog version it was built from (same member, instant and version: same
    /// feed).
    pub catalog_version: i64,
    /// The entries, in order.
    pub entries: Vec<TodayEntryDto>,
}

impl TodayDto {
    /// The feed in `locale`.
    pub fn new(f: &TodayFeed, locale: &Locale, default: &Locale) -> Self {
        let entries = f
            .entries
            .iter()
            .filter_map(|e| {
                let (item, course, next) = match e.pick {
                    Pick::Item(id) => (
                        Some(CatalogItemDto::new(
                            f.snap.item(&id)?,
                            locale,
                            default,
                            &f.snap,
                        )),
                        None,
                        None,
                    ),
                    Pick::Course(id, next) => (
                        None,
                        Some(CatalogCourseDto::new(
                            f.snap.course(&id)?,
                            locale,
                            default,
                            &f.snap,
                        )),
                        next.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
                    ),
                };
                Some(TodayEntryDto {
                    reason: e.reason.into(),
                    item,
                    course,
                    next_session: next,
                })
            })
            .collect();
        Self {
            at: f.at.into(),
            local_time: f.local.format("%Y-%m-%dT%H:%M:%S").to_string(),
            time_zone: f.zone.name().to_owned(),
            part_of_day: f.part.into(),
            catalog_version: f.snap.version,
            entries,
        }
    }
}
