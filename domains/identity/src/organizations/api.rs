//! `/v1/identity/organizations/…`: the organization resource, for admins (role `admin`
//! and a second factor).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::http::text::List;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    CreateOrganizationRequest, OrganizationDto, OrganizationMemberDto, UpdateOrganizationRequest,
};
use super::error::{
    CreateOrganizationErrors, GetOrganizationErrors, ListMembersErrors, ListOrganizationsErrors,
    RemoveMemberErrors, UpdateOrganizationErrors,
};
use super::model::{NewOrganization, OrganizationId, OrganizationPatch};
use crate::api::IdentityTag;
use crate::eligibility::dto::{CsvBody, EligibilityReportDto};
use crate::eligibility::error::UploadEligibilityErrors;
use crate::memberships::model::MembershipId;
use crate::service::IdentityService;

/// Organization operations of admins.
pub struct OrganizationsApi {
    service: IdentityService,
    guard: Guard,
}

impl OrganizationsApi {
    /// Around the service.
    pub fn new(service: IdentityService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer of a creation.
#[derive(ApiResponse)]
pub enum OrganizationCreated {
    /// The organization was created.
    #[oai(status = 201)]
    Created(
        Json<OrganizationDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with one organization.
#[derive(ApiResponse)]
pub enum OrganizationOne {
    /// The organization.
    #[oai(status = 200)]
    Ok(
        Json<OrganizationDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of organizations.
#[derive(ApiResponse)]
pub enum OrganizationList {
    /// One page of organizations, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<OrganizationDto>>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of an eligibility upload.
#[derive(ApiResponse)]
pub enum EligibilityReplacedAnswer {
    /// The list was valid and replaced the previous one.
    #[oai(status = 200)]
    Ok(Json<EligibilityReportDto>),
}

/// Answer with a page of members.
#[derive(ApiResponse)]
pub enum MemberList {
    /// One page of the organization's active members, in join order.
    #[oai(status = 200)]
    Ok(
        Json<Page<OrganizationMemberDto>>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of a removal.
#[derive(ApiResponse)]
pub enum MemberRemoved {
    /// The membership ended.
    #[oai(status = 204)]
    NoContent,
}

#[OpenApi(tag = "IdentityTag::Organizations")]
impl OrganizationsApi {
    /// Create an organization
    ///
    /// Admins only (role `admin`, signed in with a second factor). Creates an employer
    /// that sponsors members, with the work-email domains whose verified members may join.
    /// A domain another organization allows is `409 domain_taken`; invalid fields are
    /// `422 validation_failed`.
    #[oai(
        path = "/v1/identity/organizations",
        method = "post",
        operation_id = "identityCreateOrganization"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<CreateOrganizationRequest>,
    ) -> ApiResult<OrganizationCreated, CreateOrganizationErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let body = body.0;
        let org = self
            .service
            .create_organization(
                &p.user_id,
                NewOrganization {
                    name: body.name.into(),
                    allowed_domains: body.allowed_domains.into_strings(),
                },
            )
            .await?;
        Ok(OrganizationCreated::Created(Json(org.into()), Private))
    }

    /// List organizations
    ///
    /// Admins only. Every organization, oldest first, paginated.
    #[oai(
        path = "/v1/identity/organizations",
        method = "get",
        operation_id = "identityListOrganizations"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<OrganizationList, ListOrganizationsErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params = PageParams::<OrganizationId>::parse(
            limit.0,
            cursor.0.as_ref().map(PageCursor::as_str),
        )?;
        let rows = self
            .service
            .list_organizations(params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |o| o.id.to_string(), Into::into);
        Ok(OrganizationList::Ok(Json(page), Private))
    }

    /// Read an organization
    ///
    /// Admins only.
    #[oai(
        path = "/v1/identity/organizations/:organization_id",
        method = "get",
        operation_id = "identityGetOrganization"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The organization.
        organization_id: Path<OrganizationId>,
    ) -> ApiResult<OrganizationOne, GetOrganizationErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let org = self.service.organization(&organization_id.0).await?;
        Ok(OrganizationOne::Ok(Json(org.into()), Private))
    }

    /// Update an organization
    ///
    /// Admins only. Renames it and/or replaces its allowed domains; members who joined
    /// through a domain that is dropped lose their membership. Unknown fields are `400`.
    #[oai(
        path = "/v1/identity/organizations/:organization_id",
        method = "patch",
        operation_id = "identityUpdateOrganization"
    )]
    async fn update(
        &self,
        auth: BearerAuth,
        /// The organization.
        organization_id: Path<OrganizationId>,
        body: Json<UpdateOrganizationRequest>,
    ) -> ApiResult<OrganizationOne, UpdateOrganizationErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let body = body.0;
        let org = self
            .service
            .update_organization(
                &p.user_id,
                &organization_id.0,
                OrganizationPatch {
                    name: body.name.map(String::from),
                    allowed_domains: body.allowed_domains.map(List::into_strings),
                },
            )
            .await?;
        Ok(OrganizationOne::Ok(Json(org.into()), Private))
    }

    /// Replace the eligibility list
    ///
    /// Admins only. The body is CSV (`text/csv`, UTF-8, at most 1 MiB and 10,000 rows): a
    /// header row naming `email` and/or `employee_id`, then one person per row with at
    /// least one of them. Every row is validated; if any is invalid the answer is
    /// `422 eligibility_list_invalid` with one `errors[]` entry per problem (`field` is
    /// `rows[N].email`, `rows[N].employee_id` or `rows[N].row`, N the spreadsheet row
    /// number, the header being row 1) and nothing changes. A valid list replaces the
    /// previous one; members who joined through the list and are no longer on it lose
    /// their membership.
    #[oai(
        path = "/v1/identity/organizations/:organization_id/eligibility",
        method = "put",
        operation_id = "identityReplaceEligibility"
    )]
    async fn replace_eligibility(
        &self,
        auth: BearerAuth,
        /// The organization.
        organization_id: Path<OrganizationId>,
        body: CsvBody,
    ) -> ApiResult<EligibilityReplacedAnswer, UploadEligibilityErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let report = self
            .service
            .replace_eligibility(&p.user_id, &organization_id.0, body.0)
            .await?;
        Ok(EligibilityReplacedAnswer::Ok(Json(report.into())))
    }

    /// List an organization's members
    ///
    /// Admins only. The organization's active members, in join order, paginated.
    #[oai(
        path = "/v1/identity/organizations/:organization_id/members",
        method = "get",
        operation_id = "identityListOrganizationMembers"
    )]
    async fn members(
        &self,
        auth: BearerAuth,
        /// The organization.
        organization_id: Path<OrganizationId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<MemberList, ListMembersErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<MembershipId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .list_members(&organization_id.0, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |m| m.id.to_string(), Into::into);
        Ok(MemberList::Ok(Json(page), Private))
    }

    /// Remove a member
    ///
    /// Admins only. Ends the member's active membership in the organization
    /// (`removed_by_admin`); `404` if they have none there.
    #[oai(
        path = "/v1/identity/organizations/:organization_id/members/:user_id",
        method = "delete",
        operation_id = "identityRemoveOrganizationMember"
    )]
    async fn remove_member(
        &self,
        auth: BearerAuth,
        /// The organization.
        organization_id: Path<OrganizationId>,
        /// The member.
        user_id: Path<UserId>,
    ) -> ApiResult<MemberRemoved, RemoveMemberErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        self.service
            .remove_member(&p.user_id, &organization_id.0, &user_id.0)
            .await?;
        Ok(MemberRemoved::NoContent)
    }
}
