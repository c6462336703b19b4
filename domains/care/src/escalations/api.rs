//! `/v1/care/provider/escalations…`: clinicians' escalation tasks.

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{EscalationDto, ResolveDto};
use super::error::{EscalationErrors, ListEscalationsErrors};
use super::repo::EscalationId;
use crate::CareTag;
use crate::audit::model::Actor;
use crate::service::CareService;

/// Answer with a task.
#[derive(ApiResponse)]
pub enum EscalationAnswer {
    /// The task.
    #[oai(status = 200)]
    Ok(
        Json<EscalationDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a page of tasks.
#[derive(ApiResponse)]
pub enum EscalationPage {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<EscalationDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Clinicians' escalation tasks.
pub struct EscalationsApi {
    service: CareService,
    guard: Guard,
}

impl EscalationsApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Escalations")]
impl EscalationsApi {
    /// List my escalation tasks
    ///
    /// Clinicians only (role `clinician`, second factor, a therapist's or psychiatrist's
    /// provider profile): tasks routed to you and those waiting in the on-call queue,
    /// oldest first; resolved ones only with `include_resolved=true`.
    #[oai(
        path = "/v1/care/provider/escalations",
        method = "get",
        operation_id = "careListEscalations"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Also list resolved tasks (default `false`).
        include_resolved: Query<Option<bool>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<EscalationPage, ListEscalationsErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let params =
            PageParams::<EscalationId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let me = self.service.clinician_me(auth.0.user_id).await?;
        let rows = self
            .service
            .list_escalations(
                Actor::new(&auth.0, Role::Clinician),
                me,
                !include_resolved.0.unwrap_or(false),
                params.after,
                params.fetch_limit(),
            )
            .await?;
        let page = Page::from_rows(rows, params.limit, |r| r.id.to_string(), Into::into);
        Ok(EscalationPage::Ok(Json(page), NoStore))
    }

    /// Acknowledge an escalation task
    ///
    /// Clinicians only. Takes the task (from the on-call queue too) before its
    /// `due_at`; acknowledging it again answers the same. `409 escalation_resolved` once
    /// resolved.
    #[oai(
        path = "/v1/care/provider/escalations/:escalation_id/acknowledge",
        method = "post",
        operation_id = "careAcknowledgeEscalation"
    )]
    async fn acknowledge(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The task.
        escalation_id: Path<EscalationId>,
    ) -> ApiResult<EscalationAnswer, EscalationErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let me = self.service.clinician_me(auth.0.user_id).await?;
        let row = self
            .service
            .acknowledge_escalation(Actor::new(&auth.0, Role::Clinician), me, escalation_id.0)
            .await?;
        Ok(EscalationAnswer::Ok(Json(row.into()), NoStore))
    }

    /// Resolve an escalation task
    ///
    /// Clinicians only, once acknowledged (`409 escalation_not_acknowledged` before):
    /// closes the task with a note of what was done.
    #[oai(
        path = "/v1/care/provider/escalations/:escalation_id/resolve",
        method = "post",
        operation_id = "careResolveEscalation"
    )]
    async fn resolve(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The task.
        escalation_id: Path<EscalationId>,
        body: Json<ResolveDto>,
    ) -> ApiResult<EscalationAnswer, EscalationErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let me = self.service.clinician_me(auth.0.user_id).await?;
        let row = self
            .service
            .resolve_escalation(
                Actor::new(&auth.0, Role::Clinician),
                me,
                escalation_id.0,
                body.0.note.into(),
            )
            .await?;
        Ok(EscalationAnswer::Ok(Json(row.into()), NoStore))
    }
}
