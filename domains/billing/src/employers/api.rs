//! `/v1/billing/admin/employers/{organization_id}/…`: contracts and waitlists (admins).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{ContractDto, SetContractRequest, WaitlistEntryDto};
use super::error::{GetContractErrors, SetContractErrors, WaitlistErrors};
use super::model::{OrganizationId, WaitlistId};
use crate::BillingTag;
use crate::service::BillingService;

/// Answer with a contract.
#[derive(ApiResponse)]
pub enum ContractAnswer {
    /// The contract.
    #[oai(status = 200)]
    Ok(
        Json<ContractDto>,
        /// `private`: not for shared caches.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of the waitlist.
#[derive(ApiResponse)]
pub enum WaitlistPage {
    /// One page, first come first.
    #[oai(status = 200)]
    Ok(
        Json<Page<WaitlistEntryDto>>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Employer contracts.
pub struct EmployersApi {
    service: BillingService,
    guard: Guard,
}

impl EmployersApi {
    /// Around the service.
    pub fn new(service: BillingService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "BillingTag::Employers")]
impl EmployersApi {
    /// Set an employer's contract
    ///
    /// Admins only (role `admin`, signed in with a second factor). The product the
    /// organization's members get and how many at once (`seats: null`: the configured
    /// default); the members seated now get the product's features, and members waiting
    /// for a seat are seated, first come first, while seats are free. A join beyond the
    /// seats is refused (`409 seats_full` on identity's join) and waitlisted.
    #[oai(
        path = "/v1/billing/admin/employers/:organization_id/contract",
        method = "put",
        operation_id = "billingSetEmployerContract"
    )]
    async fn set(
        &self,
        auth: BearerAuth,
        /// The organization (identity's id).
        organization_id: Path<OrganizationId>,
        body: Json<SetContractRequest>,
    ) -> ApiResult<ContractAnswer, SetContractErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let c = self
            .service
            .set_contract(
                &p.user_id,
                &organization_id.0,
                &body.0.product_id,
                body.0.seats,
            )
            .await?;
        Ok(ContractAnswer::Ok(Json(c.into()), Private))
    }

    /// Read an employer's contract
    ///
    /// Admins only. `404` when the organization has none.
    #[oai(
        path = "/v1/billing/admin/employers/:organization_id/contract",
        method = "get",
        operation_id = "billingGetEmployerContract"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The organization (identity's id).
        organization_id: Path<OrganizationId>,
    ) -> ApiResult<ContractAnswer, GetContractErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let c = self.service.contract(&organization_id.0).await?;
        Ok(ContractAnswer::Ok(Json(c.into()), Private))
    }

    /// An employer's waitlist
    ///
    /// Admins only. Members whose join was refused because every seat was taken
    /// (`409 seats_full`), and members waiting for a seat to free up, first come first.
    /// A member leaves the list when they take a seat.
    #[oai(
        path = "/v1/billing/admin/employers/:organization_id/waitlist",
        method = "get",
        operation_id = "billingEmployerWaitlist"
    )]
    async fn waitlist(
        &self,
        auth: BearerAuth,
        /// The organization (identity's id).
        organization_id: Path<OrganizationId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<WaitlistPage, WaitlistErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<WaitlistId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .waitlist(&organization_id.0, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |w| w.id.to_string(), Into::into);
        Ok(WaitlistPage::Ok(Json(page), Private))
    }
}
