//! Wire type of the streak.

use poem_openapi::Object;

use super::service::StreakNow;
use crate::days::format_day;

/// The member's streak, computed in their zones.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentStreak")]
pub struct StreakDto {
    /// Consecutive days with a completed session, up to today (or yesterday while today
    /// is not over); days covered by a freeze bridge the streak without adding to it.
    pub current: u32,
    /// The longest streak ever.
    pub longest: u32,
    /// Whether today already counts.
    pub today_counted: bool,
    /// Freezes banked: each covers one missed day, spent automatically.
    pub freezes_banked: u32,
    /// Most freezes that can be banked.
    pub max_freezes: u32,
    /// Days a freeze covered, oldest first, `YYYY-MM-DD`.
    pub frozen_days: Vec<String>,
    /// The last day with a completed session, `YYYY-MM-DD`.
    pub last_active_day: Option<String>,
    /// The member's today, `YYYY-MM-DD` (days end at the configured local hour).
    pub today: String,
    /// The IANA zone today was read in.
    pub time_zone: String,
}

impl From<StreakNow> for StreakDto {
    fn from(s: StreakNow) -> Self {
        Self {
            current: s.streak.current,
            longest: s.streak.longest,
            today_counted: s.streak.today_counted,
            freezes_banked: s.streak.freezes_banked,
            max_freezes: s.max_freezes,
            frozen_days: s.streak.frozen_days.into_iter().map(format_day).collect(),
            last_active_day: s.streak.last_active_day.map(format_day),
            today: format_day(s.today),
            time_zone: s.zone.name().to_owned(),
        }
    }
}
