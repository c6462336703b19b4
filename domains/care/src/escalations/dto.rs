//! Wire types of escalation tasks and crisis resources.

use haven_platform::config::CrisisResource;
use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::repo::EscalationRow;
use crate::rules::Note;

/// Where a task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareEscalationStatus", rename_all = "snake_case")]
pub enum StatusDto {
    /// Waiting for a clinician.
    Open,
    /// A clinician took it.
    Acknowledged,
    /// Done, with a note.
    Resolved,
}

/// Why an assessment escalated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareEscalationReason", rename_all = "snake_case")]
pub enum ReasonDto {
    /// PHQ-9 item 9 (thoughts of self-harm) answered above 0.
    SelfHarmItem,
    /// A PHQ-9 total at or above the configured severe threshold.
    SevereTotal,
}

/// A risk to act on (health data).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareEscalation")]
pub struct EscalationDto {
    /// The task (`esc_…`).
    pub id: String,
    /// The member (`usr_…`).
    pub member_id: String,
    /// The assessment that raised it (`asm_…`).
    pub assessment_id: String,
    /// The clinician it is routed to (`prv_…`); `null` while in the on-call queue.
    pub provider_id: Option<String>,
    /// Why.
    pub reasons: Vec<ReasonDto>,
    /// Where it stands.
    pub status: StatusDto,
    /// Acknowledge before this.
    pub due_at: Timestamp,
    /// When it was acknowledged; `null` before.
    pub acknowledged_at: Option<Timestamp>,
    /// When it was resolved; `null` before.
    pub resolved_at: Option<Timestamp>,
    /// The resolving clinician's note; `null` before.
    pub resolution_note: Option<String>,
    /// When it was raised.
    pub created_at: Timestamp,
}

impl From<EscalationRow> for EscalationDto {
    fn from(r: EscalationRow) -> Self {
        let reasons = r
            .reason_list()
            .iter()
            .filter_map(|s| match s.as_str() {
                "self_harm_item" => Some(ReasonDto::SelfHarmItem),
                "severe_total" => Some(ReasonDto::SevereTotal),
                _ => None,
            })
            .collect();
        let status = match &*r.status {
            "resolved" => StatusDto::Resolved,
            "acknowledged" => StatusDto::Acknowledged,
            _ => StatusDto::Open,
        };
        Self {
            id: r.id.to_string(),
            member_id: r.member_id.to_string(),
            assessment_id: r.assessment_id.to_string(),
            provider_id: r.provider_id.map(|p| p.to_string()),
            reasons,
            status,
            due_at: r.due_at.into(),
            acknowledged_at: r.acknowledged_at.map(Into::into),
            resolved_at: r.resolved_at.map(Into::into),
            resolution_note: r.resolution_note,
            created_at: r.created_at.into(),
        }
    }
}

/// Body of `POST /v1/care/provider/escalations/{id}/resolve`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareResolveEscalation", deny_unknown_fields)]
pub struct ResolveDto {
    /// What was done (health data, kept with the task).
    pub note: Text<Note>,
}

/// Somewhere to turn to right now.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareCrisisResource")]
pub struct CrisisResourceDto {
    /// Its name.
    pub name: String,
    /// Number to call; `null` when it has none.
    pub phone: Option<String>,
    /// Number to text; `null` when it has none.
    pub sms: Option<String>,
    /// Web page; `null` when it has none.
    pub url: Option<String>,
}

impl From<&CrisisResource> for CrisisResourceDto {
    fn from(r: &CrisisResource) -> Self {
        Self {
            name: r.name.clone(),
            phone: r.phone.clone(),
            sms: r.sms.clone(),
            url: r.url.clone(),
        }
    }
}
