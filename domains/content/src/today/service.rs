//! Gathers the member's data as of the instant and builds the feed.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use haven_platform::ids::UserId;

use super::model::{Entry, Inputs, PartOfDay, Pick, feed};
use crate::catalog::snapshot::Snapshot;
use crate::courses::model::{CourseId, Progress};
use crate::favorites::repo as favorites_repo;
use crate::favorites::service::Target;
use crate::playback::error::PlaybackError;
use crate::playback::repo as playback_repo;
use crate::service::{ContentService, utc};

/// Recent events Today looks at.
const RECENT_EVENTS: i64 = 100;

/// A built feed and what it was built from.
#[derive(Debug)]
pub struct TodayFeed {
    /// The instant.
    pub at: DateTime<Utc>,
    /// The member's local time then.
    pub local: NaiveDateTime,
    /// The zone.
    pub zone: Tz,
    /// The part of the day.
    pub part: PartOfDay,
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// The catalog it was built from.
    pub snap: Arc<Snapshot>,
}

impl ContentService {
    /// The member's Today at `at` (default now), in `requested_zone` (else the
    /// profile's, else UTC). Only data recorded up to `at` is used.
    pub async fn today(
        &self,
        user: &UserId,
        requested_zone: Option<Tz>,
        at: Option<DateTime<Utc>>,
    ) -> Result<TodayFeed, PlaybackError> {
        let zone = self.zone_now(user, requested_zone).await?;
        let at = at.unwrap_or_else(Utc::now);
        let snap = self.snapshot::<PlaybackError>().await?;
        let uid = *user;
        let (favorites, events, progress) = self
            .db
            .read_primary(move |conn| {
                Ok::<_, PlaybackError>((
                    favorites_repo::all(conn, &uid)?,
                    playback_repo::recent_events(conn, &uid, RECENT_EVENTS)?,
                    playback_repo::course_progress(conn, &uid, None)?,
                ))
            })
            .await?;
        let cutoff = at.naive_utc();
        let favorites = favorites
            .iter()
            .filter(|f| f.created_at <= cutoff)
            .filter_map(Target::from_row)
            .map(|t| match t {
                Target::Item(id) => Pick::Item(id),
                Target::Course(id) => Pick::Course(id, None),
            })
            .collect();
        let events: Vec<_> = events
            .into_iter()
            .filter(|e| e.occurred_at <= cutoff)
            .collect();
        let mut seen = BTreeSet::new();
        let recent = events
            .iter()
            .map(|e| e.item_id)
            .filter(|id| seen.insert(*id))
            .collect();
        // The course last active in (a session played in it, or completed), unfinished.
        let mut activity: BTreeMap<CourseId, NaiveDateTime> = BTreeMap::new();
        let mut done: BTreeMap<CourseId, BTreeMap<_, _>> = BTreeMap::new();
        for e in &events {
            if let Some(c) = e.course_id {
                let last = activity.entry(c).or_insert(e.occurred_at);
                *last = (*last).max(e.occurred_at);
            }
        }
        for p in progress.into_iter().filter(|p| p.completed_at <= cutoff) {
            let last = activity.entry(p.course_id).or_insert(p.completed_at);
            *last = (*last).max(p.completed_at);
            done.entry(p.course_id)
                .or_default()
                .insert(p.item_id, utc(p.completed_at));
        }
        let mut candidates: Vec<_> = activity.into_iter().collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let continue_course = candidates.into_iter().find_map(|(course_id, _)| {
            let course = snap.course(&course_id)?;
            let progress = Progress::new(
                course_id,
                &course.sessions(&snap),
                &done.remove(&course_id).unwrap_or_default(),
            );
            progress.next().map(|(n, _)| (course_id, n))
        });
        let local = at.with_timezone(&zone).naive_local();
        let member = user.to_string();
        let (part, entries) = feed(&Inputs {
            snap: &snap,
            member: &member,
            at,
            local,
            continue_course,
            favorites,
            recent,
        });
        Ok(TodayFeed {
            at,
            local,
            zone,
            part,
            entries,
            snap,
        })
    }
}
