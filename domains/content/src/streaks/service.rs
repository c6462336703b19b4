//! The member's streak as of now.

use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use haven_platform::ids::UserId;

use super::model::{ActiveDay, Streak, compute};
use crate::days::{local_day, parse_day, parse_zone};
use crate::playback::error::PlaybackError;
use crate::playback::repo;
use crate::service::ContentService;

/// A streak with the today it was computed for.
#[derive(Debug, Clone)]
pub struct StreakNow {
    /// The streak.
    pub streak: Streak,
    /// The member's today.
    pub today: NaiveDate,
    /// The zone of today.
    pub zone: Tz,
    /// Most freezes banked.
    pub max_freezes: u32,
}

impl ContentService {
    /// The streak now, today read in `requested_zone` (else the profile's, else UTC).
    pub async fn streak(
        &self,
        user: &UserId,
        requested_zone: Option<Tz>,
    ) -> Result<StreakNow, PlaybackError> {
        let zone = self.zone_now(user, requested_zone).await?;
        self.streak_at(user, zone, Utc::now()).await
    }

    /// The streak at instant `now` in `zone`.
    pub async fn streak_at(
        &self,
        user: &UserId,
        zone: Tz,
        now: chrono::DateTime<Utc>,
    ) -> Result<StreakNow, PlaybackError> {
        let user = *user;
        let rows = self
            .db
            .read_primary(move |conn| Ok::<_, PlaybackError>(repo::active_days(conn, &user)?))
            .await?;
        let days: Vec<ActiveDay> = rows
            .iter()
            .filter_map(|r| {
                Some(ActiveDay {
                    day: parse_day(&r.day)?,
                    zone: parse_zone(&r.time_zone)?,
                })
            })
            .collect();
        let h = self.config.day_end_hour;
        let today = local_day(now, zone, h);
        Ok(StreakNow {
            streak: compute(&days, today, zone, self.config.freezes, h),
            today,
            zone,
            max_freezes: self.config.freezes.max,
        })
    }
}
