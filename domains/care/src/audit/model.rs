//! Who touched which health data, how, and whether it was allowed.

use haven_platform::auth::{Principal, Role};
use haven_platform::define_id;
use haven_platform::http::request_id;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;

use super::repo::AuditRow;

define_id!(
    /// A row of the PHI audit log (`cau_…`, the prefix of the care-profile audit it
    /// replaces).
    AuditId,
    "cau"
);

/// The role an actor acted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRole {
    /// The member themself.
    Member,
    /// A coach.
    Coach,
    /// A clinician.
    Clinician,
    /// An admin.
    Admin,
    /// Haven itself (a job).
    System,
}

impl ActorRole {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Coach => "coach",
            Self::Clinician => "clinician",
            Self::Admin => "admin",
            Self::System => "system",
        }
    }
}

impl From<Role> for ActorRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Member => Self::Member,
            Role::Coach => Self::Coach,
            Role::Clinician => Self::Clinician,
            Role::Admin => Self::Admin,
        }
    }
}

/// Who acts: an account and the role the operation lets them act in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The account.
    pub id: UserId,
    /// The role.
    pub role: ActorRole,
}

impl Actor {
    /// `p` acting as `role`.
    pub fn new(p: &Principal, role: Role) -> Self {
        Self {
            id: p.user_id,
            role: role.into(),
        }
    }

    /// A member acting on their own data.
    pub fn member(id: UserId) -> Self {
        Self {
            id,
            role: ActorRole::Member,
        }
    }

    /// Haven itself, acting on `id`'s behalf (account export and erasure, which run
    /// as jobs of identity's privacy flow).
    pub fn system(id: UserId) -> Self {
        Self {
            id,
            role: ActorRole::System,
        }
    }
}

/// What kind of health data was touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// A member's care profile.
    CareProfile,
    /// An assessment (answers and score).
    Assessment,
    /// An escalation task.
    Escalation,
    /// The audit log itself (an admin's query).
    PhiAudit,
    /// An appointment (who sees whom, when: health data in itself).
    Appointment,
    /// A chat thread (its participants, read markers and last message).
    ChatThread,
    /// Chat messages.
    ChatMessage,
    /// A clinical note or amendment.
    ClinicalNote,
}

impl Resource {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
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

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read one resource.
    Read,
    /// Listed resources (resource id empty).
    List,
    /// Created it.
    Create,
    /// Changed it.
    Update,
    /// Acknowledged an escalation.
    Acknowledge,
    /// Resolved an escalation.
    Resolve,
    /// Queried the audit log.
    Query,
    /// Cancelled an appointment.
    Cancel,
    /// Moved an appointment.
    Reschedule,
    /// Marked an appointment missed.
    NoShow,
    /// Exported with the member's data (their privacy export).
    Export,
    /// Erased or pseudonymized with the member's account.
    Erase,
    /// Opened a live stream of a chat thread's messages (one row per stream, not per
    /// delivered message).
    Stream,
    /// Signed a clinical note (it is immutable from then on).
    Sign,
}

impl Action {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::List => "list",
            Self::Create => "create",
            Self::Update => "update",
            Self::Acknowledge => "acknowledge",
            Self::Resolve => "resolve",
            Self::Query => "query",
            Self::Cancel => "cancel",
            Self::Reschedule => "reschedule",
            Self::NoShow => "no_show",
            Self::Export => "export",
            Self::Erase => "erase",
            Self::Stream => "stream",
            Self::Sign => "sign",
        }
    }
}

/// One access about to be recorded. Built on the request's task (it takes the request
/// id from there), then written inside the access's transaction.
#[derive(Debug, Clone)]
pub struct Access {
    row: AuditRow,
}

impl Access {
    /// `actor` did `action` on `resource` (`id`) of the member `subject`, allowed.
    pub fn new(
        actor: Actor,
        subject: Option<UserId>,
        resource: Resource,
        id: Option<String>,
        action: Action,
    ) -> Self {
        Self {
            row: AuditRow {
                id: AuditId::new(),
                actor_id: actor.id,
                actor_role: actor.role.as_str().to_owned(),
                subject_id: subject,
                resource_type: resource.as_str().to_owned(),
                resource_id: id,
                action: action.as_str().to_owned(),
                outcome: "allowed".to_owned(),
                reason: None,
                request_id: request_id::current(),
                at: now_utc(),
            },
        }
    }

    /// With the reason the actor gave.
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.row.reason = Some(reason.into());
        self
    }

    /// Refused (the caller was answered `404`).
    pub fn denied(mut self) -> Self {
        self.row.outcome = "denied".to_owned();
        self
    }

    /// About `subject` (known only after the resource was loaded).
    pub fn subject(mut self, subject: UserId) -> Self {
        self.row.subject_id = Some(subject);
        self
    }

    /// About the resource `id` (known only after it was created).
    pub fn resource_id(mut self, id: impl ToString) -> Self {
        self.row.resource_id = Some(id.to_string());
        self
    }

    /// A copy with its own row id, for one access of several alike (a page of
    /// appointments, one row per member shown).
    pub fn fresh(mut self) -> Self {
        self.row.id = AuditId::new();
        self
    }

    /// The row to insert.
    pub fn row(&self) -> &AuditRow {
        &self.row
    }
}
