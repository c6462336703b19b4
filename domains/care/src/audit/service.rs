//! Audit use-cases: recording a refused access, and the admins' query (itself audited).

use haven_platform::DbError;

use super::error::AuditError;
use super::model::{Access, Action, Actor, AuditId, Resource};
use super::repo::{self, AuditRow, Filter};
use crate::service::CareService;

impl CareService {
    /// Records a refused access in its own transaction (the refusal itself writes
    /// nothing else, and an error answer would roll a shared transaction back). Fails
    /// closed: when the row cannot be written the caller answers an error, not the
    /// refusal.
    pub(crate) async fn audit_denied(&self, access: Access) -> Result<(), DbError> {
        let access = access.denied();
        self.db
            .write(move |conn| repo::record(conn, &access).map_err(DbError::from))
            .await
    }

    /// An admin queries the audit log; the query is recorded (with its subject filter)
    /// in the same transaction.
    #[tracing::instrument(skip_all, fields(actor_id = %actor.id))]
    pub async fn query_audit(
        &self,
        actor: Actor,
        filter: Filter,
        after: Option<AuditId>,
        limit: i64,
    ) -> Result<Vec<AuditRow>, AuditError> {
        let access = Access::new(
            actor,
            filter.subject,
            Resource::PhiAudit,
            None,
            Action::Query,
        );
        self.db
            .write(move |conn| {
                repo::record(conn, &access)?;
                Ok(repo::query(conn, &filter, after, limit)?)
            })
            .await
    }
}
