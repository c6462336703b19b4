//! `/v1/identity/me/organization`: the caller's sponsorship (join, show, leave).

use haven_platform::ApiResult;
use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ratelimit::RateLimiter;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{JoinOrganizationRequest, MembershipDto};
use super::error::{JoinOrganizationErrors, MyOrganizationErrors};
use crate::api::IdentityTag;
use crate::limits;
use crate::service::IdentityService;

/// The caller's organization membership.
pub struct MyOrganizationApi {
    service: IdentityService,
    limiter: RateLimiter,
}

impl MyOrganizationApi {
    /// Around the service; `limiter` bounds join attempts.
    pub fn new(service: IdentityService, limiter: RateLimiter) -> Self {
        Self { service, limiter }
    }
}

/// Answer of a join.
#[derive(ApiResponse)]
pub enum JoinAnswer {
    /// The caller joined the organization.
    #[oai(status = 201)]
    Created(
        Json<MembershipDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
    /// The caller already belonged to this organization: the existing membership.
    #[oai(status = 200)]
    Ok(
        Json<MembershipDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with the caller's membership.
#[derive(ApiResponse)]
pub enum MembershipAnswer {
    /// The active membership.
    #[oai(status = 200)]
    Ok(
        Json<MembershipDto>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer of leaving.
#[derive(ApiResponse)]
pub enum LeftAnswer {
    /// The membership ended.
    #[oai(status = 204)]
    NoContent,
}

#[OpenApi(tag = "IdentityTag::Memberships")]
impl MyOrganizationApi {
    /// Join an organization
    ///
    /// The caller's email must be verified (`403 email_not_verified`). They qualify when
    /// the email's domain is one the organization allows, when the email is on its
    /// eligibility list, or with an `employee_id` on the list (an entry that also names
    /// an email must name theirs); otherwise `403 not_eligible`. One sponsorship at a
    /// time: already sponsored by another organization is `409 already_member`; an
    /// employee id another member uses is `409 employee_id_claimed`. When every seat the
    /// organization sponsors is taken, the join is refused with `409 seats_full` and the
    /// caller is put on the organization's waitlist (its admins see it). Joining the same
    /// organization again answers `200` with the existing membership. At most 20
    /// attempts per hour per member (`429`).
    #[oai(
        path = "/v1/identity/me/organization",
        method = "post",
        operation_id = "identityJoinOrganization"
    )]
    async fn join(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<JoinOrganizationRequest>,
    ) -> ApiResult<JoinAnswer, JoinOrganizationErrors> {
        let p = auth.0;
        limits::ORG_JOIN
            .enforce(&self.limiter, &p.user_id.to_string())
            .await?;
        let body = body.0;
        let joined = self
            .service
            .join_organization(
                &p.user_id,
                &body.organization_id,
                body.employee_id.map(String::from),
            )
            .await?;
        let dto = Json(joined.membership.into());
        Ok(if joined.created {
            JoinAnswer::Created(dto, Private)
        } else {
            JoinAnswer::Ok(dto, Private)
        })
    }

    /// The caller's organization
    ///
    /// The caller's active membership; `404 not_a_member` if they have none.
    #[oai(
        path = "/v1/identity/me/organization",
        method = "get",
        operation_id = "identityGetMyOrganization"
    )]
    async fn get(&self, auth: BearerAuth) -> ApiResult<MembershipAnswer, MyOrganizationErrors> {
        let m = self.service.my_membership(&auth.0.user_id).await?;
        Ok(MembershipAnswer::Ok(Json(m.into()), Private))
    }

    /// Leave the organization
    ///
    /// Ends the caller's active membership; `404 not_a_member` if they have none.
    #[oai(
        path = "/v1/identity/me/organization",
        method = "delete",
        operation_id = "identityLeaveOrganization"
    )]
    async fn leave(&self, auth: BearerAuth) -> ApiResult<LeftAnswer, MyOrganizationErrors> {
        self.service.leave_organization(&auth.0.user_id).await?;
        Ok(LeftAnswer::NoContent)
    }
}
