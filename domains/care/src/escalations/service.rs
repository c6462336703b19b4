//! Escalation use-cases: raising a task inside an assessment's transaction, the
//! clinicians' list, acknowledgement and resolution (each audited), and the overdue
//! alert.

use chrono::Duration;
use diesel::QueryResult;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError, outbox};

use super::error::EscalationError;
use super::events::{EscalationOverdue, RiskEscalated};
use super::repo::{self, EscalationId, EscalationRow};
use crate::assessments::model::{AssessmentId, Risk};
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::error::Problems;
use crate::providers::model::ProviderId;
use crate::providers::repo as providers;
use crate::rules::{self, NOTE_MAX};
use crate::service::CareService;

/// What a clinician's access found: the task, or a refusal to record (with the member
/// the task is about, when it exists).
enum Seen<T> {
    Allowed(T),
    Denied(Option<UserId>),
}

/// Raises the task of a risky assessment on `conn`, inside the transaction that stores
/// the assessment: routed to the member's care-team clinician or the on-call queue, due
/// `sla` from now, announced by `care.risk_escalated`, its creation audited.
pub(crate) fn raise(
    conn: &mut AnyConnection,
    member: UserId,
    assessment: AssessmentId,
    risks: &[Risk],
    sla: Duration,
    created: Access,
) -> QueryResult<EscalationRow> {
    let now = now_utc();
    let reasons: Vec<&'static str> = risks.iter().map(|r| r.as_str()).collect();
    let row = EscalationRow {
        id: EscalationId::new(),
        member_id: member,
        assessment_id: assessment,
        provider_id: repo::team_clinician(conn, &member)?,
        reasons: serde_json::to_string(&reasons)
            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?,
        status: "open".to_owned(),
        due_at: now + sla,
        acknowledged_by: None,
        acknowledged_at: None,
        resolved_by: None,
        resolved_at: None,
        resolution_note: None,
        overdue_alerted_at: None,
        created_at: now,
        updated_at: now,
    };
    repo::insert(conn, &row)?;
    audit::record(conn, &created.resource_id(row.id))?;
    outbox::publish(
        conn,
        &RiskEscalated {
            escalation_id: row.id.to_string(),
            assessment_id: assessment.to_string(),
            member_id: member,
            provider_id: row.provider_id.map(|p| p.to_string()),
            reasons,
            due_at: haven_platform::time::utc(row.due_at).to_rfc3339(),
        },
    )?;
    Ok(row)
}

/// Whether `me` may see the task: routed to them or waiting in the on-call queue.
fn visible(row: &EscalationRow, me: &ProviderId) -> bool {
    row.provider_id.is_none_or(|p| p == *me)
}

impl CareService {
    /// The signed-in clinician's provider profile (therapists and psychiatrists only).
    pub async fn clinician_me(&self, user: UserId) -> Result<ProviderId, EscalationError> {
        let row = self
            .db
            .read_primary(move |conn| providers::find_by_user(conn, &user).map_err(DbError::from))
            .await?;
        row.filter(|p| p.provider_type != "coach")
            .map(|p| p.id)
            .ok_or(EscalationError::NoProfile)
    }

    /// Tasks routed to the clinician or the on-call queue (the list is audited).
    pub async fn list_escalations(
        &self,
        actor: Actor,
        me: ProviderId,
        open_only: bool,
        after: Option<EscalationId>,
        limit: i64,
    ) -> Result<Vec<EscalationRow>, EscalationError> {
        let access = Access::new(actor, None, Resource::Escalation, None, Action::List);
        self.db
            .write(move |conn| {
                audit::record(conn, &access)?;
                Ok(repo::list_for(conn, &me, open_only, after, limit)?)
            })
            .await
    }

    /// Every task, for admins' oversight of the safety process; each task shown gets
    /// its own audit row (about its member). Fails as the audit query does.
    pub async fn list_all_escalations(
        &self,
        actor: Actor,
        open_only: bool,
        overdue_only: bool,
        after: Option<EscalationId>,
        limit: i64,
    ) -> Result<Vec<EscalationRow>, crate::audit::error::AuditError> {
        let listed = Access::new(actor, None, Resource::Escalation, None, Action::List);
        let now = now_utc();
        self.db
            .write(move |conn| {
                let overdue = overdue_only.then_some(now);
                let rows = repo::list_all(conn, open_only, overdue, after, limit)?;
                let accesses: Vec<Access> = rows
                    .iter()
                    .map(|r| {
                        listed
                            .clone()
                            .fresh()
                            .subject(r.member_id)
                            .resource_id(r.id)
                    })
                    .collect();
                audit::record_all(conn, &accesses)?;
                Ok::<_, DbError>(rows)
            })
            .await
            .map_err(Into::into)
    }

    /// The clinician acknowledges a task (taking it from the on-call queue); again on a
    /// task they acknowledged is the same answer.
    #[tracing::instrument(skip_all, fields(escalation_id = %id))]
    pub async fn acknowledge_escalation(
        &self,
        actor: Actor,
        me: ProviderId,
        id: EscalationId,
    ) -> Result<EscalationRow, EscalationError> {
        let access = Access::new(
            actor,
            None,
            Resource::Escalation,
            Some(id.to_string()),
            Action::Acknowledge,
        );
        let denied = access.clone();
        let seen = self
            .db
            .write(move |conn| {
                let Some(row) = repo::find(conn, &id)? else {
                    return Ok(Seen::Denied(None));
                };
                if !visible(&row, &me) {
                    return Ok(Seen::Denied(Some(row.member_id)));
                }
                match &*row.status {
                    "resolved" => return Err(EscalationError::Resolved),
                    "acknowledged" => {}
                    _ => {
                        repo::acknowledge(conn, &id, &me, &actor.id, now_utc())?;
                    }
                }
                audit::record(conn, &access.subject(row.member_id))?;
                Ok(Seen::Allowed(
                    repo::find(conn, &id)?.ok_or(EscalationError::NotFound)?,
                ))
            })
            .await?;
        self.seen(seen, denied).await
    }

    /// The clinician resolves an acknowledged task with a note.
    #[tracing::instrument(skip_all, fields(escalation_id = %id))]
    pub async fn resolve_escalation(
        &self,
        actor: Actor,
        me: ProviderId,
        id: EscalationId,
        note: String,
    ) -> Result<EscalationRow, EscalationError> {
        let mut p = Problems::default();
        let note = rules::required_text(&mut p, "note", &note, NOTE_MAX);
        p.finish()?;
        let access = Access::new(
            actor,
            None,
            Resource::Escalation,
            Some(id.to_string()),
            Action::Resolve,
        );
        let denied = access.clone();
        let seen = self
            .db
            .write(move |conn| {
                let Some(row) = repo::find(conn, &id)? else {
                    return Ok(Seen::Denied(None));
                };
                if !visible(&row, &me) {
                    return Ok(Seen::Denied(Some(row.member_id)));
                }
                match &*row.status {
                    "resolved" => return Err(EscalationError::Resolved),
                    "open" => return Err(EscalationError::NotAcknowledged),
                    _ => {}
                }
                repo::resolve(conn, &id, &actor.id, &note, now_utc())?;
                audit::record(conn, &access.subject(row.member_id))?;
                Ok(Seen::Allowed(
                    repo::find(conn, &id)?.ok_or(EscalationError::NotFound)?,
                ))
            })
            .await?;
        self.seen(seen, denied).await
    }

    /// The allowed task, or the refusal recorded and answered `404`.
    async fn seen(
        &self,
        seen: Seen<EscalationRow>,
        denied: Access,
    ) -> Result<EscalationRow, EscalationError> {
        match seen {
            Seen::Allowed(row) => Ok(row),
            Seen::Denied(subject) => {
                let denied = match subject {
                    Some(s) => denied.subject(s),
                    None => denied,
                };
                self.audit_denied(denied).await?;
                Err(EscalationError::NotFound)
            }
        }
    }

    /// Alerts every open task past its deadline once: `care.escalation_overdue` through
    /// the outbox (in the transaction that marks it alerted) and a warning without
    /// health data. How many were alerted.
    pub async fn alert_overdue_escalations(&self) -> Result<usize, DbError> {
        let now = now_utc();
        let due: Vec<EscalationRow> = self
            .db
            .read_primary(move |conn| repo::overdue(conn, now, 100).map_err(DbError::from))
            .await?;
        let mut alerted = 0;
        for row in due {
            let (id, provider, due_at) = (row.id, row.provider_id, row.due_at);
            let claimed = self
                .db
                .write(move |conn| {
                    if !repo::claim_overdue_alert(conn, &id, now)? {
                        return Ok::<_, DbError>(false);
                    }
                    outbox::publish(
                        conn,
                        &EscalationOverdue {
                            escalation_id: id.to_string(),
                            provider_id: provider.map(|p| p.to_string()),
                            due_at: haven_platform::time::utc(due_at).to_rfc3339(),
                        },
                    )?;
                    Ok(true)
                })
                .await?;
            if claimed {
                alerted += 1;
                metrics::counter!("care_escalations_overdue_total").increment(1);
                tracing::warn!(escalation_id = %id, on_call = provider.is_none(), "escalation overdue: not acknowledged by its deadline");
            }
        }
        Ok(alerted)
    }
}
