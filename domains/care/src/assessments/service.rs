//! Assessment use-cases. Each access writes its audit row in its own transaction, and a
//! risky PHQ-9 raises its escalation in the transaction that stores it: the assessment,
//! the task, the outbox event and the audit rows commit together or not at all.

use chrono::Duration;
use haven_platform::config::CrisisResource;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{DbError, Invalid};

use super::error::AssessmentError;
use super::model::{AssessmentId, Instrument, risks};
use super::repo::{self, AssessmentRow};
use crate::appointments::repo as team;
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::escalations::repo::EscalationRow;
use crate::escalations::service::raise;
use crate::profiles::repo as profiles;
use crate::providers::model::ProviderType;
use crate::service::CareService;

/// A stored submission.
#[derive(Debug, Clone)]
pub struct Submitted {
    /// The scored assessment.
    pub assessment: AssessmentRow,
    /// The task it raised, if any.
    pub escalation: Option<EscalationRow>,
    /// Crisis resources for the member's country (empty unless escalated).
    pub crisis_resources: Vec<CrisisResource>,
}

/// Which of a member's assessments a read asks for.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// A page of the history (of one instrument, if given).
    Page {
        /// Only this instrument.
        instrument: Option<Instrument>,
        /// After this one.
        after: Option<AssessmentId>,
        /// Rows to fetch.
        limit: i64,
    },
    /// The latest of one instrument, for a trend.
    Latest(Instrument, i64),
}

fn load(
    conn: &mut haven_platform::AnyConnection,
    member: &UserId,
    scope: Scope,
) -> diesel::QueryResult<Vec<AssessmentRow>> {
    match scope {
        Scope::Page {
            instrument,
            after,
            limit,
        } => repo::list_member(
            conn,
            member,
            instrument.map(Instrument::as_str),
            after,
            limit,
        ),
        Scope::Latest(i, limit) => repo::latest(conn, member, i.as_str(), limit),
    }
}

impl CareService {
    /// The member submits answers; the server scores them and, when they show risk,
    /// escalates in the same transaction.
    #[tracing::instrument(skip_all, fields(user_id = %member))]
    pub async fn submit_assessment(
        &self,
        member: UserId,
        instrument: Instrument,
        answers: Vec<i64>,
    ) -> Result<Submitted, AssessmentError> {
        let def = instrument.definition();
        let scored = def.score(&answers).map_err(Invalid)?;
        let found = risks(instrument, &scored, self.settings.escalation_phq9_total);
        let sla = Duration::minutes(i64::from(self.settings.escalation_sla_minutes));
        let row = AssessmentRow {
            id: AssessmentId::new(),
            member_id: member,
            instrument: instrument.as_str().to_owned(),
            instrument_version: def.version,
            answers: serde_json::to_string(&scored.answers)
                .map_err(|e| haven_platform::Unexpected::new("answers json", e))?,
            total: scored.total,
            severity: scored.severity.to_owned(),
            escalated: !found.is_empty(),
            created_at: now_utc(),
        };
        let actor = Actor::member(member);
        let created = Access::new(
            actor,
            Some(member),
            Resource::Assessment,
            Some(row.id.to_string()),
            Action::Create,
        );
        let raised = Access::new(
            actor,
            Some(member),
            Resource::Escalation,
            None,
            Action::Create,
        );
        let (assessment, escalation, country) = self
            .db
            .write(move |conn| {
                repo::insert(conn, &row)?;
                audit::record(conn, &created)?;
                let escalation = if found.is_empty() {
                    None
                } else {
                    Some(raise(conn, member, row.id, &found, sla, raised)?)
                };
                let country = profiles::find(conn, &member)?.map(|p| p.country);
                Ok::<_, DbError>((row, escalation, country))
            })
            .await?;
        let crisis_resources = if escalation.is_some() {
            self.crisis_resources(country.as_deref())
        } else {
            Vec::new()
        };
        Ok(Submitted {
            assessment,
            escalation,
            crisis_resources,
        })
    }

    /// The configured crisis resources of `country`, else those of `*`.
    fn crisis_resources(&self, country: Option<&str>) -> Vec<CrisisResource> {
        let of = |c: &str| -> Vec<CrisisResource> {
            self.settings
                .crisis_resources
                .iter()
                .filter(|r| r.country == c)
                .cloned()
                .collect()
        };
        match country.map(of) {
            Some(found) if !found.is_empty() => found,
            _ => of("*"),
        }
    }

    /// One of the member's own assessments; another member's id is `404`, audited as
    /// denied.
    pub async fn my_assessment(
        &self,
        member: UserId,
        id: AssessmentId,
    ) -> Result<AssessmentRow, AssessmentError> {
        let access = Access::new(
            Actor::member(member),
            None,
            Resource::Assessment,
            Some(id.to_string()),
            Action::Read,
        );
        let denied = access.clone();
        let found = self
            .db
            .write(move |conn| {
                let row = repo::find(conn, &id)?;
                match row {
                    Some(r) if r.member_id == member => {
                        audit::record(conn, &access.subject(member))?;
                        Ok::<_, DbError>(Ok(r))
                    }
                    other => Ok(Err(other.map(|r| r.member_id))),
                }
            })
            .await?;
        match found {
            Ok(row) => Ok(row),
            Err(subject) => {
                let denied = match subject {
                    Some(s) => denied.subject(s),
                    None => denied,
                };
                self.audit_denied(denied).await?;
                Err(AssessmentError::NotFound)
            }
        }
    }

    /// The member's own assessments (the read is audited).
    pub async fn my_assessments(
        &self,
        member: UserId,
        scope: Scope,
    ) -> Result<Vec<AssessmentRow>, AssessmentError> {
        let access = Access::new(
            Actor::member(member),
            Some(member),
            Resource::Assessment,
            None,
            Action::List,
        );
        self.db
            .write(move |conn| {
                audit::record(conn, &access)?;
                Ok(load(conn, &member, scope)?)
            })
            .await
    }

    /// A member's assessments read by a provider on their care team (a clinician, or a
    /// coach: coaching works from the same scores); anyone else is answered `404
    /// member_not_found`, audited as denied.
    pub async fn member_assessments_for_provider(
        &self,
        actor: Actor,
        member: UserId,
        scope: Scope,
    ) -> Result<Vec<AssessmentRow>, AssessmentError> {
        let access = Access::new(
            actor,
            Some(member),
            Resource::Assessment,
            None,
            Action::List,
        );
        let denied = access.clone();
        let provider = actor.id;
        let rows = self
            .db
            .write(move |conn| {
                if !team::serves(conn, &provider, &member, &ProviderType::ANY)? {
                    return Ok::<_, DbError>(None);
                }
                audit::record(conn, &access)?;
                Ok(Some(load(conn, &member, scope)?))
            })
            .await?;
        match rows {
            Some(rows) => Ok(rows),
            None => {
                self.audit_denied(denied).await?;
                Err(AssessmentError::MemberNotFound)
            }
        }
    }
}
