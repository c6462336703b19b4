//! Events escalations publish through the outbox. Payloads carry ids and times only,
//! never answers or scores.

use haven_platform::ids::UserId;
use haven_platform::outbox::DomainEvent;
use serde::Serialize;

/// `care.risk_escalated` (version 1): an assessment showed risk; a task is open.
#[derive(Debug, Clone, Serialize)]
pub struct RiskEscalated {
    /// `esc_…`.
    pub escalation_id: String,
    /// `asm_…`.
    pub assessment_id: String,
    /// `usr_…`.
    pub member_id: UserId,
    /// `prv_…` of the clinician it is routed to; `null`: the on-call queue.
    pub provider_id: Option<String>,
    /// `self_harm_item`, `severe_total`.
    pub reasons: Vec<&'static str>,
    /// Response deadline (RFC 3339, UTC).
    pub due_at: String,
}

impl DomainEvent for RiskEscalated {
    const TYPE: &'static str = "care.risk_escalated";
}

/// `care.escalation_overdue` (version 1): a task passed its deadline unacknowledged.
#[derive(Debug, Clone, Serialize)]
pub struct EscalationOverdue {
    /// `esc_…`.
    pub escalation_id: String,
    /// `prv_…` it is routed to; `null`: the on-call queue.
    pub provider_id: Option<String>,
    /// The deadline it missed (RFC 3339, UTC).
    pub due_at: String,
}

impl DomainEvent for EscalationOverdue {
    const TYPE: &'static str = "care.escalation_overdue";
}
