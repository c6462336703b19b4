//! `GET /v1/care/admin/phi-audit`.

use chrono::{DateTime, Utc};
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::text::Text;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AuditEntryDto, ResourceDto};
use super::error::{AuditError, AuditQueryErrors};
use super::model::{Actor, AuditId};
use super::repo::Filter;
use crate::CareTag;
use crate::error::Problems;
use crate::rules::ResourceIdText;
use crate::service::CareService;

/// Answer with a page of the audit log.
#[derive(ApiResponse)]
pub enum AuditPage {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<AuditEntryDto>>,
        /// `no-store`: it names whose health data was touched.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// The PHI audit log, for admins.
pub struct AuditApi {
    service: CareService,
    guard: Guard,
}

impl AuditApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Audit")]
impl AuditApi {
    /// Query the PHI audit log
    ///
    /// Admins only (role `admin`, second factor). Every read, write and refused access of
    /// health data, oldest first; each filter narrows. This query is recorded in the log
    /// too. `from` must be before `to`.
    #[oai(
        path = "/v1/care/admin/phi-audit",
        method = "get",
        operation_id = "careAdminQueryPhiAudit"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn query(
        &self,
        auth: BearerAuth,
        /// Only accesses of this member's data.
        subject_id: Query<Option<UserId>>,
        /// Only accesses by this account.
        actor_id: Query<Option<UserId>>,
        /// Only this kind of resource.
        resource_type: Query<Option<ResourceDto>>,
        /// Only this resource (its id).
        resource_id: Query<Option<Text<ResourceIdText>>>,
        /// At or after this time (RFC 3339).
        from: Query<Option<DateTime<Utc>>>,
        /// Before this time (RFC 3339).
        to: Query<Option<DateTime<Utc>>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AuditPage, AuditQueryErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<AuditId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let mut p = Problems::default();
        let resource_id = resource_id.0.map(String::from);
        if let Some(r) = &resource_id
            && !crate::rules::is_resource_id(r)
        {
            p.add(
                "resource_id",
                "invalid",
                "Expected a resource id such as `asm_…`.",
            );
        }
        if let (Some(f), Some(t)) = (from.0, to.0)
            && f >= t
        {
            p.add("from", "after_to", "Must be before `to`.");
        }
        p.finish().map_err(AuditError::from)?;
        let filter = Filter {
            subject: subject_id.0,
            actor: actor_id.0,
            resource_type: resource_type.0.map(|r| r.as_str().to_owned()),
            resource_id,
            from: from.0.map(|t| t.naive_utc()),
            to: to.0.map(|t| t.naive_utc()),
        };
        let rows = self
            .service
            .query_audit(
                Actor::new(&auth.0, Role::Admin),
                filter,
                params.after,
                params.fetch_limit(),
            )
            .await?;
        let page = Page::from_rows(rows, params.limit, |r| r.id.to_string(), Into::into);
        Ok(AuditPage::Ok(Json(page), NoStore))
    }
}
