//! What members receive about an appointment: the video join link, the iCalendar
//! invitation, and the messages (reminders, a provider's cancel).

use haven_platform::mail::{Attachment, Mail};
use haven_platform::{DbError, Unexpected};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use super::jobs::Reminder;
use super::model::AppointmentId;
use super::repo::{self, AppointmentRow};
use crate::availability::model::{AppointmentType, utc};
use crate::providers::repo as providers;
use crate::providers::service::provider_of;
use crate::service::CareService;

impl CareService {
    /// The video join link of an appointment (`care.video_url_template`).
    pub fn video_url(&self, id: &AppointmentId) -> String {
        self.settings
            .video_url_template
            .replace("{appointment_id}", &id.to_string())
    }

    /// The iCalendar document (RFC 5545) of a booked appointment: one event whose UID is
    /// stable per appointment, so calendars update rather than duplicate it.
    pub fn ics(&self, row: &AppointmentRow, provider_name: &str) -> String {
        let kind = AppointmentType::parse(&row.appointment_type).map_or("Session", |k| title(k));
        let url = self.video_url(&row.id);
        let event = Event::new()
            .uid(&format!("{}@haven", row.id))
            .summary(&format!("{kind} with {provider_name}"))
            .description(&format!("Join: {url}"))
            .url(&url)
            .starts(utc(row.starts_at))
            .ends(utc(row.ends_at))
            .status(EventStatus::Confirmed)
            .done();
        Calendar::new().push(event).done().to_string()
    }

    /// Sends one reminder unless the appointment is no longer booked at that start.
    pub async fn send_reminder(&self, r: &Reminder) -> anyhow::Result<()> {
        let id = r.appointment_id;
        let found = self
            .db
            .read_primary(move |conn| {
                let Some(row) = repo::find(conn, &id)? else {
                    return Ok(None);
                };
                let provider = providers::find(conn, &row.provider_id)?;
                Ok::<_, DbError>(Some((row, provider)))
            })
            .await?;
        let Some((row, Some(provider))) = found else {
            return Ok(());
        };
        if row.status != "booked" || row.starts_at != r.starts_at {
            metrics::counter!("haven_care_reminders_total", "outcome" => "skipped").increment(1);
            return Ok(());
        }
        let provider = provider_of(provider)?;
        let Some(account) = self.accounts.account(&row.member_id).await? else {
            return Ok(());
        };
        let when = if r.hours_before >= 24 {
            "tomorrow"
        } else {
            "in one hour"
        };
        let kind = AppointmentType::parse(&row.appointment_type).map_or("Session", title);
        let mail = Mail {
            to: account.email,
            // Subjects reach span fields: no kind of care in them.
            subject: format!("Reminder: your appointment is {when}"),
            text: format!(
                "Your {} with {} starts at {} (UTC).\n\nJoin by video: {}\n",
                kind.to_lowercase(),
                provider.display_name,
                utc(row.starts_at).format("%Y-%m-%d %H:%M"),
                self.video_url(&row.id),
            ),
            link: None,
        };
        let ics = self.ics(&row, &provider.display_name);
        // Claimed before the send, so a job that runs again (at least once) never emails
        // twice; a failed send gives the claim back for the retry.
        let (hours, now) = (r.hours_before, haven_platform::time::now_utc());
        let claimed = self
            .db
            .write(move |conn| repo::claim_reminder(conn, &id, hours, now).map_err(DbError::from))
            .await?;
        if !claimed {
            return Ok(());
        }
        let sent = self
            .mail
            .send_with_attachment(
                mail,
                Attachment {
                    filename: "appointment.ics".to_owned(),
                    content_type: "text/calendar; charset=utf-8; method=PUBLISH".to_owned(),
                    body: ics.into_bytes(),
                },
            )
            .await;
        if let Err(e) = sent {
            self.db
                .write(move |conn| repo::unclaim_reminder(conn, &id, hours).map_err(DbError::from))
                .await?;
            return Err(e.into());
        }
        metrics::counter!("haven_care_reminders_total", "outcome" => "sent").increment(1);
        Ok(())
    }

    /// Tells the member their provider cancelled, with the provider's next slots.
    pub(crate) async fn notify_provider_cancel(&self, id: AppointmentId) -> anyhow::Result<()> {
        let found = self
            .db
            .read_primary(move |conn| {
                let Some(row) = repo::find(conn, &id)? else {
                    return Ok(None);
                };
                let provider = providers::find(conn, &row.provider_id)?;
                Ok::<_, DbError>(Some((row, provider)))
            })
            .await?;
        let Some((row, Some(provider))) = found else {
            return Ok(());
        };
        let provider = provider_of(provider).map_err(anyhow::Error::from)?;
        let kind = AppointmentType::parse(&row.appointment_type)
            .ok_or_else(|| Unexpected::invariant("appointment type"))?;
        let Some(account) = self.accounts.account(&row.member_id).await? else {
            return Ok(());
        };
        let next = self.next_slots(&provider, kind, 3).await?;
        let mut text = format!(
            "{} had to cancel your {} on {} (UTC). Your session was not counted.\n",
            provider.display_name,
            title(kind).to_lowercase(),
            utc(row.starts_at).format("%Y-%m-%d %H:%M"),
        );
        if !next.is_empty() {
            text.push_str("\nTheir next free times (UTC):\n");
            for s in &next {
                text.push_str(&format!("- {}\n", utc(*s).format("%Y-%m-%d %H:%M")));
            }
        }
        self.mail
            .send(Mail {
                to: account.email,
                subject: "Your appointment was cancelled by your provider".to_owned(),
                text,
                link: None,
            })
            .await?;
        Ok(())
    }
}

fn title(kind: AppointmentType) -> &'static str {
    match kind {
        AppointmentType::CoachingVideo => "Coaching session",
        AppointmentType::Therapy => "Therapy session",
        AppointmentType::PsychiatryIntake => "Psychiatry intake",
        AppointmentType::PsychiatryFollowUp => "Psychiatry follow-up",
    }
}
