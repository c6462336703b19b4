//! The Today feed as a pure function of its inputs.

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, NaiveDateTime, Timelike, Utc};

use crate::catalog::snapshot::Snapshot;
use crate::courses::model::CourseId;
use crate::items::model::{ItemId, Kind};

/// How recent a release is "new".
pub const NEW_RELEASE_DAYS: i64 = 14;
/// Most entries per reason (apart from the one course to continue).
pub const PER_REASON: usize = 3;

/// The member's part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    /// 05:00–11:59.
    Morning,
    /// 12:00–16:59.
    Afternoon,
    /// 17:00–20:59.
    Evening,
    /// 21:00–04:59.
    Night,
}

impl PartOfDay {
    /// The part of the day at a local time.
    pub fn at(local: NaiveDateTime) -> Self {
        match local.hour() {
            5..=11 => Self::Morning,
            12..=16 => Self::Afternoon,
            17..=20 => Self::Evening,
            _ => Self::Night,
        }
    }

    /// The kinds suggested then, best first.
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Self::Morning => &[Kind::Meditation, Kind::Movement],
            Self::Afternoon => &[Kind::Exercise, Kind::Movement, Kind::Meditation],
            Self::Evening => &[Kind::WindDown, Kind::Meditation],
            Self::Night => &[Kind::Sleepcast, Kind::Soundscape, Kind::Music],
        }
    }

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Morning => "morning",
            Self::Afternoon => "afternoon",
            Self::Evening => "evening",
            Self::Night => "night",
        }
    }
}

/// Why an entry is in the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The course the member was last active in and has not finished.
    ContinueCourse,
    /// Suits the time of day.
    TimeOfDay,
    /// Released recently.
    NewRelease,
    /// One of the member's favorites.
    Favorite,
    /// Played recently.
    RecentlyPlayed,
}

/// What an entry shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// An item.
    Item(ItemId),
    /// A course, with the 0-based position of the session to continue with.
    Course(CourseId, Option<usize>),
}

/// One entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Why.
    pub reason: Reason,
    /// What.
    pub pick: Pick,
}

/// What the feed is made from.
#[derive(Debug)]
pub struct Inputs<'a> {
    /// The catalog.
    pub snap: &'a Snapshot,
    /// A stable seed for the member (their id).
    pub member: &'a str,
    /// The instant.
    pub at: DateTime<Utc>,
    /// The member's local time then.
    pub local: NaiveDateTime,
    /// The course to continue and its next session.
    pub continue_course: Option<(CourseId, usize)>,
    /// Favorites, newest first (items and courses).
    pub favorites: Vec<Pick>,
    /// Items played, most recent first.
    pub recent: Vec<ItemId>,
}

/// FNV-1a: stable across builds and platforms (std's hasher promises neither).
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The feed: the course to continue, the time of day's suggestions, favorites, recent
/// history, then new releases; an item appears once, under its first reason.
pub fn feed(i: &Inputs<'_>) -> (PartOfDay, Vec<Entry>) {
    let part = PartOfDay::at(i.local);
    let mut seen: BTreeSet<Pick> = BTreeSet::new();
    let mut out = Vec::new();
    let mut push = |reason, pick: Pick, out: &mut Vec<Entry>| {
        let key = match pick {
            Pick::Course(c, _) => Pick::Course(c, None),
            p => p,
        };
        if seen.insert(key) {
            out.push(Entry { reason, pick });
        }
    };
    if let Some((course, next)) = i.continue_course
        && i.snap.course(&course).is_some()
    {
        push(
            Reason::ContinueCourse,
            Pick::Course(course, Some(next)),
            &mut out,
        );
    }
    // Two suggestions of the part of day's first kind that has any, chosen by a hash of
    // the member and their local date, so they change daily but not per request.
    let day = i.local.date().to_string();
    if let Some(pool) = part
        .kinds()
        .iter()
        .map(|k| {
            i.snap
                .items()
                .iter()
                .filter(|it| it.doc.kind == *k)
                .collect::<Vec<_>>()
        })
        .find(|p| !p.is_empty())
    {
        let start = fnv(&[i.member, &day, part.as_str()]) as usize % pool.len();
        for n in 0..pool.len().min(2) {
            push(
                Reason::TimeOfDay,
                Pick::Item(pool[(start + n) % pool.len()].id),
                &mut out,
            );
        }
    }
    let visible = |p: &Pick| match p {
        Pick::Item(id) => i.snap.item(id).is_some(),
        Pick::Course(id, _) => i.snap.course(id).is_some(),
    };
    for fav in i.favorites.iter().filter(|p| visible(p)).take(PER_REASON) {
        push(Reason::Favorite, *fav, &mut out);
    }
    for item in i
        .recent
        .iter()
        .filter(|id| i.snap.item(id).is_some())
        .take(PER_REASON)
    {
        push(Reason::RecentlyPlayed, Pick::Item(*item), &mut out);
    }
    let since = (i.at - Duration::days(NEW_RELEASE_DAYS)).naive_utc();
    let now = i.at.naive_utc();
    let mut fresh: Vec<_> = i
        .snap
        .items()
        .iter()
        .filter(|it| it.first_published_at > since && it.first_published_at <= now)
        .collect();
    fresh.sort_by(|a, b| {
        b.first_published_at
            .cmp(&a.first_published_at)
            .then(b.id.cmp(&a.id))
    });
    for it in fresh.into_iter().take(PER_REASON) {
        push(Reason::NewRelease, Pick::Item(it.id), &mut out);
    }
    (part, out)
}

impl PartialOrd for Pick {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Pick {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |p: &Pick| match p {
            Pick::Item(id) => (0, id.to_string(), None),
            Pick::Course(id, n) => (1, id.to_string(), *n),
        };
        key(self).cmp(&key(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_day_follow_the_local_hour() {
        let at = |h: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 5, 1)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        assert_eq!(PartOfDay::at(at(6)), PartOfDay::Morning);
        assert_eq!(PartOfDay::at(at(13)), PartOfDay::Afternoon);
        assert_eq!(PartOfDay::at(at(19)), PartOfDay::Evening);
        assert_eq!(PartOfDay::at(at(23)), PartOfDay::Night);
        assert_eq!(PartOfDay::at(at(2)), PartOfDay::Night);
        assert_eq!(PartOfDay::Night.kinds()[0], Kind::Sleepcast);
        assert_eq!(PartOfDay::Morning.kinds()[0], Kind::Meditation);
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(fnv(&["a", "b"]), fnv(&["a", "b"]));
        assert_ne!(fnv(&["ab", ""]), fnv(&["a", "b"]));
    }
}
