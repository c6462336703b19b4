//! `/v1/care/me/profile`, `/v1/care/admin/members/{user_id}/profile` and
//! `/v1/care/provider/members/{user_id}/profile`.

use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::text::Text;
use haven_platform::ids::UserId;
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{ProfileDto, ProfileInput as InputDto};
use super::error::{AdminProfileErrors, ProfileErrors, TeamProfileErrors};
use super::service::{EmergencyContact, ProfileInput};
use crate::CareTag;
use crate::audit::model::Actor;
use crate::rules::Reason;
use crate::service::CareService;

/// Answer with a care profile.
#[derive(ApiResponse)]
pub enum ProfileAnswer {
    /// The profile.
    #[oai(status = 200)]
    Ok(
        Json<ProfileDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// The member's own care profile (health data: the live account is checked on every call).
pub struct ProfileApi {
    service: CareService,
    guard: Guard,
}

impl ProfileApi {
    /// Around the service and the role guard.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Profile")]
impl ProfileApi {
    /// Set my care profile
    ///
    /// Where you live decides which providers may treat you (licenses are per US state
    /// or country); your languages and zone shape matching and slot times. Every field is
    /// replaced.
    #[oai(
        path = "/v1/care/me/profile",
        method = "put",
        operation_id = "careSetMyProfile"
    )]
    async fn set(
        &self,
        auth: BearerAuth,
        body: Json<InputDto>,
    ) -> ApiResult<ProfileAnswer, ProfileErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let b = body.0;
        let row = self
            .service
            .set_profile(
                auth.0.user_id,
                ProfileInput {
                    country: b.country.into(),
                    us_state: b.us_state.map(Into::into),
                    languages: b.languages.into_strings(),
                    time_zone: b.time_zone.into(),
                    emergency_contact: b.emergency_contact.map(|c| EmergencyContact {
                        name: c.name.into(),
                        phone: c.phone.into(),
                        relationship: c.relationship.into(),
                    }),
                },
            )
            .await?;
        Ok(ProfileAnswer::Ok(Json(row.into()), NoStore))
    }

    /// Read my care profile
    ///
    /// `404 care_profile_not_found` until it is set.
    #[oai(
        path = "/v1/care/me/profile",
        method = "get",
        operation_id = "careGetMyProfile"
    )]
    async fn get(&self, auth: BearerAuth) -> ApiResult<ProfileAnswer, ProfileErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let row = self.service.profile(auth.0.user_id).await?;
        Ok(ProfileAnswer::Ok(Json(row.into()), NoStore))
    }
}

/// Members' care profiles for admins.
pub struct ProfileAdminApi {
    service: CareService,
    guard: Guard,
}

impl ProfileAdminApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::ProfileAdmin")]
impl ProfileAdminApi {
    /// Read a member's care profile
    ///
    /// Admins only (role `admin`, second factor). Health data: every read is audited
    /// with the admin and the `reason` given.
    #[oai(
        path = "/v1/care/admin/members/:user_id/profile",
        method = "get",
        operation_id = "careAdminGetMemberProfile"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The member.
        user_id: Path<UserId>,
        /// Why the admin reads it (kept in the audit trail).
        reason: Query<Text<Reason>>,
    ) -> ApiResult<ProfileAnswer, AdminProfileErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let row = self
            .service
            .admin_profile(auth.0.user_id, user_id.0, reason.0.into())
            .await?;
        Ok(ProfileAnswer::Ok(Json(row.into()), NoStore))
    }
}

/// Members' care profiles for the clinicians on their care team.
pub struct ProfileCareTeamApi {
    service: CareService,
    guard: Guard,
}

impl ProfileCareTeamApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::ProfileCareTeam")]
impl ProfileCareTeamApi {
    /// Read a care-team member's care profile
    ///
    /// Clinicians on the member's care team only (role `clinician`, second factor):
    /// where the member lives and whom to call in an emergency. Anyone else, or a member
    /// without a profile, gets `404 care_profile_not_found`. Every read is audited.
    #[oai(
        path = "/v1/care/provider/members/:user_id/profile",
        method = "get",
        operation_id = "careGetMemberProfile"
    )]
    async fn get_as_clinician(
        &self,
        auth: BearerAuth,
        /// The member.
        user_id: Path<UserId>,
    ) -> ApiResult<ProfileAnswer, TeamProfileErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let row = self
            .service
            .clinician_profile(Actor::new(&auth.0, Role::Clinician), user_id.0)
            .await?;
        Ok(ProfileAnswer::Ok(Json(row.into()), NoStore))
    }
}
