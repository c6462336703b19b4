//! `care.*` keys: the booking and cancellation policy of appointments, the video link
//! of each session, crisis escalation (its threshold, response deadline and the crisis
//! resources shown per country) and the live delivery of chat messages. They live in the
//! platform's settings so one validated file configures the whole binary.

use serde::{Deserialize, Serialize};

use super::keys::{NamedKey, decode_named_keys};

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
    /// A PHQ-9 total at or above this escalates (besides any answer above 0 to item 9,
    /// which always does); default 20, the start of the `severe` band.
    pub escalation_phq9_total: u32,
    /// Minutes a clinician has to acknowledge an escalation before it is overdue and
    /// alerted.
    pub escalation_sla_minutes: u32,
    /// Crisis resources shown to a member whose assessment escalated, by the country of
    /// their care profile; an entry with country `*` is shown where none matches.
    pub crisis_resources: Vec<CrisisResource>,
    /// Coaching chat: live delivery (`care.chat.*`).
    pub chat: ChatSettings,
    /// Clinical notes: their master keys and who reads them (`care.notes.*`).
    pub notes: NotesSettings,
}

/// `care.notes.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct NotesSettings {
    /// Whether members read their own signed notes (and get them in their export).
    /// Default off: clinicians write for colleagues, and a practice decides whether and
    /// how notes are released to the member.
    pub member_access: bool,
    /// Master keys wrapping each note's data key: `[{id, secret}]` (base64 of 32 bytes)
    /// in a file, or `id:base64` entries, comma-separated, in
    /// `HAVEN__CARE__NOTES__MASTER_KEYS`. The first wraps new notes; every one unwraps.
    /// Rotation without downtime: put the new key first, let the `care.rewrap_note_keys`
    /// job move every note to it, then drop the old key. Empty: a development key derived
    /// from `auth.mfa_encryption_key` (id `dev`), and no notes at all when that is unset.
    pub master_keys: Vec<NamedKey>,
}

impl NotesSettings {
    /// The decoded master keys `(id, 32 bytes)`, first wraps; or why one is invalid.
    pub fn decoded_master_keys(&self) -> Result<Vec<(String, Vec<u8>)>, String> {
        decode_named_keys("care.notes.master_keys", &self.master_keys, 32..=32)
    }
}

/// How a chat message reaches the SSE streams of other nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ChatBus {
    /// Redis when `redis.url` is set (several nodes), else in process.
    #[default]
    Auto,
    /// Within this process only: the embedded single-node default.
    InProcess,
    /// Redis pub/sub (`redis.url`, required), for several nodes.
    Redis,
}

/// `care.chat.*` keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ChatSettings {
    /// `auto` (Redis when `redis.url` is set), `in_process` (one node) or `redis`
    /// (several nodes; needs `redis.url`).
    pub bus: ChatBus,
    /// Seconds between the heartbeat comments of an idle SSE stream (keeps proxies from
    /// closing it).
    pub heartbeat_s: u32,
}

impl Default for ChatSettings {
    fn default() -> Self {
        Self {
            bus: ChatBus::Auto,
            heartbeat_s: 15,
        }
    }
}

/// One crisis line: `care.crisis_resources = [{country, name, phone, sms, url}]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisResource {
    /// ISO 3166-1 alpha-2 country (`US`), or `*` for everywhere else.
    pub country: String,
    /// Its name (`988 Suicide & Crisis Lifeline`).
    pub name: String,
    /// Number to call.
    #[serde(default)]
    pub phone: Option<String>,
    /// Number to text.
    #[serde(default)]
    pub sms: Option<String>,
    /// Web page (https).
    #[serde(default)]
    pub url: Option<String>,
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
            escalation_phq9_total: 20,
            escalation_sla_minutes: 60,
            crisis_resources: vec![
                CrisisResource {
                    country: "US".to_owned(),
                    name: "988 Suicide & Crisis Lifeline".to_owned(),
                    phone: Some("988".to_owned()),
                    sms: Some("988".to_owned()),
                    url: Some("https://988lifeline.org".to_owned()),
                },
                // Everyone else (and members without a care profile) still gets a way to
                // reach help: a directory of verified crisis lines by country.
                CrisisResource {
                    country: "*".to_owned(),
                    name: "Find A Helpline: free crisis lines in your country".to_owned(),
                    phone: None,
                    sms: None,
                    url: Some("https://findahelpline.com".to_owned()),
                },
            ],
            chat: ChatSettings::default(),
            notes: NotesSettings::default(),
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
        if !(1..=27).contains(&self.escalation_phq9_total) {
            return Err("care.escalation_phq9_total: expected 1 to 27".into());
        }
        if !(1..=7 * 24 * 60).contains(&self.escalation_sla_minutes) {
            return Err("care.escalation_sla_minutes: expected 1 to 10080 (7 days)".into());
        }
        if !self.crisis_resources.iter().any(|r| r.country == "*") {
            // An escalated member must never be answered with no way to reach help.
            return Err(
                "care.crisis_resources: needs an entry with country = \"*\" (shown \
                        where no country matches)"
                    .into(),
            );
        }
        self.notes.decoded_master_keys()?;
        if !(1..=300).contains(&self.chat.heartbeat_s) {
            return Err("care.chat.heartbeat_s: expected 1 to 300".into());
        }
        for r in &self.crisis_resources {
            let c = r.country.as_bytes();
            if !(r.country == "*" || (c.len() == 2 && c.iter().all(u8::is_ascii_uppercase))) {
                return Err(
                    "care.crisis_resources.country: expected an ISO 3166-1 alpha-2 code or *"
                        .into(),
                );
            }
            if r.name.trim().is_empty() || r.name.len() > 200 {
                return Err("care.crisis_resources.name: expected 1 to 200 characters".into());
            }
            if r.phone.is_none() && r.sms.is_none() && r.url.is_none() {
                return Err("care.crisis_resources: each needs a phone, sms or url".into());
            }
            if r.url.as_ref().is_some_and(|u| !u.starts_with("https://")) {
                return Err("care.crisis_resources.url: expected an https URL".into());
            }
        }
        Ok(())
    }
}
