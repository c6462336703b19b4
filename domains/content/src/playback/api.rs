//! `/v1/content/me/playback/events`, `/v1/content/me/stats`: the member's playback
//! sync and stats. Health-adjacent personal data: answers are `no-store`.

use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::text::Text;
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{EventResultDto, StatsDto, SyncRequest, SyncResultDto};
use super::error::{PlaybackError, PlaybackErrors};
use super::model::NewEvent;
use super::service::check_events;
use crate::api::ContentTag;
use crate::days::requested_zone;
use crate::error::Problems;
use crate::rules;
use crate::service::ContentService;
use crate::streaks::dto::StreakDto;

/// The member's playback operations.
pub struct PlaybackApi {
    service: ContentService,
    guard: Guard,
}

impl PlaybackApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer of a sync.
#[derive(ApiResponse)]
pub enum SyncAnswer {
    /// What happened to each event.
    #[oai(status = 200)]
    Ok(
        Json<SyncResultDto>,
        /// `no-store`: personal listening data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with the stats.
#[derive(ApiResponse)]
pub enum StatsAnswer {
    /// The stats.
    #[oai(status = 200)]
    Ok(
        Json<StatsDto>,
        /// `no-store`: personal listening data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with the streak.
#[derive(ApiResponse)]
pub enum StreakAnswer {
    /// The streak.
    #[oai(status = 200)]
    Ok(
        Json<StreakDto>,
        /// `no-store`: personal listening data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

fn zone_query(
    time_zone: &Query<Option<Text<rules::TimeZone>>>,
) -> Result<Option<chrono_tz::Tz>, PlaybackError> {
    let mut p = Problems::default();
    let zone = requested_zone("time_zone", time_zone.0.as_ref().map(Text::as_str), &mut p);
    p.finish()?;
    Ok(zone)
}

#[OpenApi(tag = "ContentTag::Member")]
impl PlaybackApi {
    /// Sync playback events
    ///
    /// Members. Up to 500 events recorded offline, in any order; each is answered
    /// `accepted`, `duplicate` (its `event_id` was recorded before: nothing changes, so
    /// a batch can be sent again safely) or `refused` (too far in the future, unknown
    /// item). A `completed` event counts for stats, the streak (in the member's day of
    /// the zone it was recorded in) and, with `course_id`, the course's progress. A
    /// malformed event fails the whole batch with `422` naming its fields.
    #[oai(
        path = "/v1/content/me/playback/events",
        method = "post",
        operation_id = "contentSyncPlayback"
    )]
    async fn sync(
        &self,
        auth: BearerAuth,
        body: Json<SyncRequest>,
    ) -> ApiResult<SyncAnswer, PlaybackErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Member).await?;
        let mut problems = Problems::default();
        let inputs = body.0.events.into_inner();
        let ids: Vec<String> = inputs
            .iter()
            .map(|e| e.event_id.as_str().to_owned())
            .collect();
        let events: Vec<NewEvent> = inputs
            .into_iter()
            .enumerate()
            .map(|(i, e)| NewEvent {
                event_id: e.event_id.into_inner(),
                kind: e.kind.into(),
                item_id: e.item_id,
                course_id: e.course_id,
                duration_s: e.duration_s,
                position_s: e.position_s,
                occurred_at: e.occurred_at.0,
                time_zone: requested_zone(
                    &format!("events[{i}].time_zone"),
                    e.time_zone.as_ref().map(Text::as_str),
                    &mut problems,
                ),
            })
            .collect();
        check_events(&events, &mut problems);
        problems.finish().map_err(PlaybackError::from)?;
        let outcomes = self.service.sync_playback(&p.user_id, events).await?;
        let results = ids
            .into_iter()
            .zip(outcomes)
            .map(|(id, o)| EventResultDto::new(id, o))
            .collect();
        Ok(SyncAnswer::Ok(Json(SyncResultDto::new(results)), NoStore))
    }

    /// My listening stats
    ///
    /// Members. Completed sessions and minutes ever, and per day for the last `days`
    /// days (default 30) up to today, in the member's local days (a day ends at the
    /// configured local hour, 04:00 by default).
    #[oai(
        path = "/v1/content/me/stats",
        method = "get",
        operation_id = "contentMyStats"
    )]
    async fn stats(
        &self,
        auth: BearerAuth,
        /// Days of history, 1–366 (default 30).
        #[oai(validator(minimum(value = "1"), maximum(value = "366")))]
        days: Query<Option<u32>>,
        /// The IANA zone the device is in now (it must exist); absent: the profile's,
        /// else UTC. Decides which day is today.
        time_zone: Query<Option<Text<rules::TimeZone>>>,
    ) -> ApiResult<StatsAnswer, PlaybackErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Member).await?;
        let zone = zone_query(&time_zone)?;
        let stats = self
            .service
            .stats(&p.user_id, days.0.unwrap_or(30), zone)
            .await?;
        Ok(StatsAnswer::Ok(Json(stats.into()), NoStore))
    }

    /// My streak
    ///
    /// Members. Consecutive days with a completed session, computed by the server in
    /// the zone each session was recorded in (travel and DST safe), with freezes earned
    /// every few days and spent automatically on a missed day.
    #[oai(
        path = "/v1/content/me/streak",
        method = "get",
        operation_id = "contentMyStreak"
    )]
    async fn streak(
        &self,
        auth: BearerAuth,
        /// The IANA zone the device is in now (it must exist); absent: the profile's,
        /// else UTC. Decides which day is today.
        time_zone: Query<Option<Text<rules::TimeZone>>>,
    ) -> ApiResult<StreakAnswer, PlaybackErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Member).await?;
        let zone = zone_query(&time_zone)?;
        let streak = self.service.streak(&p.user_id, zone).await?;
        Ok(StreakAnswer::Ok(Json(streak.into()), NoStore))
    }
}
