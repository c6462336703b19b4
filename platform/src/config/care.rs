//! `care.*` keys: the booking and cancellation policy of appointments and the video link
//! of each session. They live in the platform's settings so one validated file
//! configures the whole binary.

use serde::{Deserialize, Serialize};

/// `care.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CareSettings {
    /// Hours before the start until which a member cancels or reschedules for free (the
    /// session's unit is given back); later it is a late cancellation.
    pub free_cancel_hours: u32,
    /// Minutes between now and the earliest bookable start.
    pub min_notice_minutes: u32,
    /// Minutes between two slot starts in a provider's available hours.
    pub slot_step_minutes: u32,
    /// Days ahead a member may book (and slots are listed).
    pub booking_horizon_days: u32,
    /// Late cancellations and no-shows within `strike_window_days` that pause
    /// self-booking.
    pub strike_limit: u32,
    /// The window, in days, over which strikes are counted.
    pub strike_window_days: u32,
    /// Days self-booking stays paused after the strike that reached the limit.
    pub pause_days: u32,
    /// The video join link of an appointment: `{appointment_id}` is replaced by its id.
    pub video_url_template: String,
}

impl Default for CareSettings {
    fn default() -> Self {
        Self {
            free_cancel_hours: 24,
            min_notice_minutes: 120,
            slot_step_minutes: 15,
            booking_horizon_days: 60,
            strike_limit: 3,
            strike_window_days: 90,
            pause_days: 30,
            video_url_template: "https://video.haven.dev/join/{appointment_id}".to_owned(),
        }
    }
}

impl CareSettings {
    /// Checks ranges and the link template; the error names the key.
    pub(super) fn validate(&self) -> Result<(), String> {
        if self.free_cancel_hours > 14 * 24 {
            return Err("care.free_cancel_hours: expected at most 336 (14 days)".into());
        }
        if self.min_notice_minutes > 14 * 24 * 60 {
            return Err("care.min_notice_minutes: expected at most 14 days of minutes".into());
        }
        if !(5..=120).contains(&self.slot_step_minutes) {
            return Err("care.slot_step_minutes: expected 5 to 120".into());
        }
        if !(1..=365).contains(&self.booking_horizon_days) {
            return Err("care.booking_horizon_days: expected 1 to 365".into());
        }
        if self.strike_limit == 0 || self.strike_window_days == 0 {
            return Err(
                "care.strike_limit, care.strike_window_days: expected positive numbers".into(),
            );
        }
        if self.pause_days > 365 {
            return Err("care.pause_days: expected at most 365".into());
        }
        let t = &self.video_url_template;
        if !(t.starts_with("https://") || t.starts_with("http://"))
            || !t.contains("{appointment_id}")
        {
            return Err(
                "care.video_url_template: expected an http(s) URL containing {appointment_id}"
                    .into(),
            );
        }
        Ok(())
    }
}
