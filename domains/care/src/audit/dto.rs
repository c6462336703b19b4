//! Wire types of the PHI audit log.

use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::repo::AuditRow;

/// The kind of health data an audit row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareAuditResource", rename_all = "snake_case")]
pub enum ResourceDto {
    /// A member's care profile.
    CareProfile,
    /// An assessment.
    Assessment,
    /// An escalation task.
    Escalation,
    /// The audit log itself (an admin's query).
    PhiAudit,
    /// An appointment.
    Appointment,
    /// A chat thread.
    ChatThread,
    /// Chat messages.
    ChatMessage,
    /// A clinical note or amendment.
    ClinicalNote,
}

impl ResourceDto {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CareProfile => "care_profile",
            Self::Assessment => "assessment",
            Self::Escalation => "escalation",
            Self::PhiAudit => "phi_audit",
            Self::Appointment => "appointment",
            Self::ChatThread => "chat_thread",
            Self::ChatMessage => "chat_message",
            Self::ClinicalNote => "clinical_note",
        }
    }
}

/// One access of health data.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareAuditEntry")]
pub struct AuditEntryDto {
    /// The row (`cau_…`), time-ordered.
    pub id: String,
    /// Who acted (`usr_…`).
    pub actor_id: String,
    /// The role they acted in: `member`, `coach`, `clinician`, `admin` or `system`.
    pub actor_role: String,
    /// The member whose data it is (`usr_…`); `null` for queries of the log without a
    /// subject filter.
    pub subject_id: Option<String>,
    /// `care_profile`, `assessment`, `escalation`, `phi_audit`, `appointment`,
    /// `chat_thread`, `chat_message` or `clinical_note`.
    pub resource_type: String,
    /// The resource's id; `null` for lists and queries.
    pub resource_id: Option<String>,
    /// `read`, `list`, `create`, `update`, `acknowledge`, `resolve`, `query`, `cancel`,
    /// `reschedule`, `no_show`, `export`, `erase`, `stream` (a chat stream opened) or
    /// `sign` (a clinical note signed).
    pub action: String,
    /// `allowed`, or `denied` when the caller was refused (answered `404`).
    pub outcome: String,
    /// The reason an admin gave; `null` otherwise.
    pub reason: Option<String>,
    /// The request's `X-Request-Id`; `null` for background work.
    pub request_id: Option<String>,
    /// When.
    pub at: Timestamp,
}

impl From<AuditRow> for AuditEntryDto {
    fn from(r: AuditRow) -> Self {
        Self {
            id: r.id.to_string(),
            actor_id: r.actor_id.to_string(),
            actor_role: r.actor_role,
            subject_id: r.subject_id.map(|s| s.to_string()),
            resource_type: r.resource_type,
            resource_id: r.resource_id,
            action: r.action,
            outcome: r.outcome,
            reason: r.reason,
            request_id: r.request_id,
            at: r.at.into(),
        }
    }
}
