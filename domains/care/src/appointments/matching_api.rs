//! `/v1/care/me/matches`: providers ranked for the member.

use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, Object, OpenApi};

use super::error::BookErrors;
use crate::CareTag;
use crate::availability::dto::AppointmentTypeDto;
use crate::providers::dto::{ProviderDto, SpecialtyDto};
use crate::providers::service::today;
use crate::service::CareService;

/// One ranked provider.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareMatch")]
pub struct MatchDto {
    /// The provider (directory view).
    pub provider: ProviderDto,
    /// The requested specialties they work on.
    pub specialties_matched: Vec<SpecialtyDto>,
    /// Their soonest free start within 14 days, if any.
    pub soonest_slot: Option<Timestamp>,
    /// Why they are listed: `licensed_in:US-CA`, `speaks:es`, `accepting_new_members` or
    /// `on_care_team`, `specialty:anxiety`, `available:2026-12-01T09:00:00Z`.
    pub reasons: Vec<String>,
}

/// Answer with matches.
#[derive(ApiResponse)]
pub enum MatchAnswer {
    /// Best first, at most 20.
    #[oai(status = 200)]
    Ok(
        Json<Vec<MatchDto>>,
        /// `no-store`: derived from health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Matching (reads the care profile, health data: the live account is checked first).
pub struct MatchingApi {
    service: CareService,
    guard: Guard,
}

impl MatchingApi {
    /// Around the service and the role guard.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Matching")]
impl MatchingApi {
    /// Match providers
    ///
    /// Providers who give `appointment_type`, are licensed where your care profile says
    /// you live (license not expired), speak one of your languages and accept new
    /// members (or are on your care team), ranked by the `specialties` they share with
    /// the request, then by their soonest free slot. Needs a care profile (`409
    /// care_profile_required`).
    #[oai(
        path = "/v1/care/me/matches",
        method = "get",
        operation_id = "careMatchProviders"
    )]
    async fn matches(
        &self,
        auth: BearerAuth,
        /// The kind of session.
        appointment_type: Query<AppointmentTypeDto>,
        /// Specialties wanted (repeat the parameter for several); none: every specialty
        /// ranks alike.
        specialties: Query<Option<Vec<SpecialtyDto>>>,
    ) -> ApiResult<MatchAnswer, BookErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let wanted = specialties
            .0
            .unwrap_or_default()
            .into_iter()
            .map(Into::into)
            .collect();
        let found = self
            .service
            .matches(auth.0.user_id, appointment_type.0.into(), wanted)
            .await?;
        let today = today();
        let items = found
            .into_iter()
            .map(|m| MatchDto {
                specialties_matched: m.specialties_matched.into_iter().map(Into::into).collect(),
                soonest_slot: m.soonest.map(Into::into),
                reasons: m.reasons,
                provider: ProviderDto::of(m.provider, today),
            })
            .collect();
        Ok(MatchAnswer::Ok(Json(items), NoStore))
    }
}
