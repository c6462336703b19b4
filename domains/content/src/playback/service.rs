//! Sync of playback events and the stats they add up to. One transaction per batch:
//! events first (in id order), then the active days (in day order), then course
//! progress, so concurrent batches of one member take row locks in one global order
//! and cannot deadlock; every insert is "unless present", so a duplicate (in the batch,
//! across batches, or in a concurrent request) has no second effect.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::{Duration, Utc};
use chrono_tz::Tz;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;

use super::error::PlaybackError;
use super::model::{DayStats, EventKind, NewEvent, Outcome, Refusal, Stats};
use super::repo::{self, ActiveDayRow, EventRow, ProgressRow};
use crate::days::{format_day, local_day, parse_day};
use crate::error::Problems;
use crate::service::ContentService;

/// Most days of history one stats read returns.
pub const MAX_HISTORY_DAYS: u32 = 366;

/// Checks what the schema states but parsing lets through, and what no schema states;
/// every problem, per field, into `p`.
pub(crate) fn check_events(events: &[NewEvent], p: &mut Problems) {
    if events.is_empty() || events.len() > super::model::MAX_BATCH {
        p.push("events", "invalid_count", "1 to 500 events.");
    }
    for (i, e) in events.iter().enumerate() {
        let ok = (1..=64).contains(&e.event_id.len())
            && e.event_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            p.push(
                format!("events[{i}].event_id"),
                "invalid",
                "1 to 64 letters, digits, `-` or `_`.",
            );
        }
        if !(30..=14_400).contains(&e.duration_s) {
            p.push(
                format!("events[{i}].duration_s"),
                "out_of_range",
                "30 to 14400 seconds.",
            );
        }
        if e.position_s > e.duration_s {
            p.push(
                format!("events[{i}].position_s"),
                "out_of_range",
                "At most duration_s.",
            );
        }
    }
}

impl ContentService {
    /// Records a batch of events (already shape-checked); one outcome per event, in
    /// order.
    #[tracing::instrument(skip_all, fields(user_id = %user, events = events.len()))]
    pub async fn sync_playback(
        &self,
        user: &UserId,
        events: Vec<NewEvent>,
    ) -> Result<Vec<Outcome>, PlaybackError> {
        let mut p = Problems::default();
        check_events(&events, &mut p);
        p.finish()?;
        let profile_zone = if events.iter().any(|e| e.time_zone.is_none()) {
            self.profile_zone(user).await?
        } else {
            None
        };
        let snap = self.snapshot::<PlaybackError>().await?;
        let horizon = Utc::now() + Duration::seconds(self.config.max_event_skew_s);
        let day_end = self.config.day_end_hour;
        let user = *user;
        let outcomes = self
            .db
            .write(move |conn| {
                let ids: Vec<_> = events
                    .iter()
                    .map(|e| e.item_id)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let known: HashSet<_> = repo::existing_items(conn, &ids)?.into_iter().collect();
                let now = now_utc();
                let mut outcomes = vec![Outcome::Duplicate; events.len()];
                let mut order: Vec<usize> = (0..events.len()).collect();
                order.sort_by(|&a, &b| events[a].event_id.cmp(&events[b].event_id));
                let mut days = BTreeMap::new();
                let mut progress = BTreeSet::new();
                for i in order {
                    let e = &events[i];
                    if e.occurred_at > horizon {
                        outcomes[i] = Outcome::Refused(Refusal::TooFarInFuture);
                        continue;
                    }
                    if !known.contains(&e.item_id) {
                        outcomes[i] = Outcome::Refused(Refusal::UnknownItem);
                        continue;
                    }
                    let zone = e.time_zone.or(profile_zone).unwrap_or(Tz::UTC);
                    let day = local_day(e.occurred_at, zone, day_end);
                    let row = EventRow {
                        user_id: user,
                        event_id: e.event_id.clone(),
                        kind: e.kind.as_str().to_owned(),
                        item_id: e.item_id,
                        course_id: e.course_id,
                        duration_s: i32::try_from(e.duration_s).unwrap_or(i32::MAX),
                        position_s: i32::try_from(e.position_s).unwrap_or(i32::MAX),
                        occurred_at: e.occurred_at.naive_utc(),
                        time_zone: zone.name().to_owned(),
                        local_day: format_day(day),
                        received_at: now,
                    };
                    if !repo::insert_event(conn, &row)? {
                        continue;
                    }
                    outcomes[i] = Outcome::Accepted(day);
                    if e.kind != EventKind::Completed {
                        continue;
                    }
                    // The earliest completion of the day names its zone.
                    days.entry(day)
                        .and_modify(|(at, z)| {
                            if e.occurred_at < *at {
                                (*at, *z) = (e.occurred_at, zone);
                            }
                        })
                        .or_insert((e.occurred_at, zone));
                    if let Some(course) = e.course_id
                        && snap.course(&course).is_some_and(|c| c.has_item(&e.item_id))
                    {
                        progress.insert((course, e.item_id, e.occurred_at.naive_utc()));
                    }
                }
                for (day, (_, zone)) in days {
                    repo::insert_active_day(
                        conn,
                        &ActiveDayRow {
                            user_id: user,
                            day: format_day(day),
                            time_zone: zone.name().to_owned(),
                            created_at: now,
                        },
                    )?;
                }
                for (course_id, item_id, completed_at) in progress {
                    repo::insert_progress(
                        conn,
                        &ProgressRow {
                            user_id: user,
                            course_id,
                            item_id,
                            completed_at,
                        },
                    )?;
                }
                Ok::<_, PlaybackError>(outcomes)
            })
            .await?;
        let accepted = outcomes
            .iter()
            .filter(|o| matches!(o, Outcome::Accepted(_)))
            .count();
        metrics::counter!("haven_content_playback_events_total", "outcome" => "accepted")
            .increment(accepted as u64);
        Ok(outcomes)
    }

    /// Totals and the last `days` days of history up to the member's today.
    pub async fn stats(
        &self,
        user: &UserId,
        days: u32,
        requested_zone: Option<Tz>,
    ) -> Result<Stats, PlaybackError> {
        let zone = self.zone_now(user, requested_zone).await?;
        let today = local_day(Utc::now(), zone, self.config.day_end_hour);
        let user = *user;
        let rows = self
            .db
            .read_primary(move |conn| Ok::<_, PlaybackError>(repo::completions(conn, &user)?))
            .await?;
        let from = today - Duration::days(i64::from(days.clamp(1, MAX_HISTORY_DAYS)) - 1);
        let mut per_day: BTreeMap<chrono::NaiveDate, (u32, u64)> = BTreeMap::new();
        let (mut sessions, mut listened_s) = (0u64, 0u64);
        for (day, duration_s) in rows {
            let seconds = u64::try_from(duration_s).unwrap_or(0);
            sessions += 1;
            listened_s += seconds;
            if let Some(day) = parse_day(&day).filter(|d| (from..=today).contains(d)) {
                let entry = per_day.entry(day).or_default();
                entry.0 += 1;
                entry.1 += seconds;
            }
        }
        let history = from
            .iter_days()
            .take_while(|d| *d <= today)
            .map(|day| {
                let (sessions, seconds) = per_day.get(&day).copied().unwrap_or_default();
                DayStats {
                    day,
                    sessions,
                    minutes: u32::try_from(seconds / 60).unwrap_or(u32::MAX),
                }
            })
            .collect();
        Ok(Stats {
            sessions,
            listened_s,
            days: history,
            today,
            time_zone: zone,
        })
    }
}
