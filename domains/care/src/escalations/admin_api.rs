//! `/v1/care/admin/escalations`: admins oversee the safety process (is every crisis
//! being answered in time?) without reading assessments.

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::OpenApi;
use poem_openapi::param::Query;
use poem_openapi::payload::Json;

use super::api::EscalationPage;
use super::repo::EscalationId;
use crate::CareTag;
use crate::audit::error::AuditQueryErrors;
use crate::audit::model::Actor;
use crate::service::CareService;

/// Admins' view of escalation tasks.
pub struct EscalationAdminApi {
    service: CareService,
    guard: Guard,
}

impl EscalationAdminApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::EscalationAdmin")]
impl EscalationAdminApi {
    /// List all escalation tasks
    ///
    /// Admins only (role `admin`, second factor): every task, whoever it is routed to,
    /// oldest first; resolved ones only with `include_resolved=true`, and with
    /// `overdue_only=true` just the unacknowledged ones past their `due_at`. Each task
    /// listed is recorded in the PHI audit log.
    #[oai(
        path = "/v1/care/admin/escalations",
        method = "get",
        operation_id = "careAdminListEscalations"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Also list resolved tasks (default `false`).
        include_resolved: Query<Option<bool>>,
        /// Only open tasks past their deadline (default `false`).
        overdue_only: Query<Option<bool>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<EscalationPage, AuditQueryErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<EscalationId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_all_escalations(
                Actor::new(&auth.0, Role::Admin),
                !include_resolved.0.unwrap_or(false),
                overdue_only.0.unwrap_or(false),
                params.after,
                params.fetch_limit(),
            )
            .await?;
        let page = Page::from_rows(rows, params.limit, |r| r.id.to_string(), Into::into);
        Ok(EscalationPage::Ok(
            Json(page),
            haven_platform::http::cache::NoStore,
        ))
    }
}
