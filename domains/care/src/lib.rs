//! Haven's care domain (issue 14, part 1): providers, members' care profiles,
//! availability, matching and appointments that are never double-booked; (issue 15,
//! part 2) assessments, crisis escalation, the PHI audit log, coaching chat and clinical
//! notes. Paths
//! live under `/v1/care/…`.
//!
//! Laid out by resource (docs/architecture.md "Inside a domain crate"): `providers`,
//! `profiles`, `availability`, `appointments`, `privacy`. Eligibility comes from the
//! entitlement ledger through [`ports::Benefits`], accounts through [`ports::Accounts`].

pub mod appointments;
pub mod assessments;
pub mod audit;
pub mod availability;
pub mod chat;
mod error;
pub mod escalations;
pub mod notes;
pub mod ports;
pub mod privacy;
pub mod profiles;
pub mod providers;
pub mod rules;
pub mod schema;
pub mod service;

use std::sync::Arc;

use futures_util::future::BoxFuture;
use haven_platform::auth::Guard;
use haven_platform::ids::UserId;
use haven_platform::module::Seeded;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::{Module, ModuleInfo, PlatformContext};
use poem_openapi::Tags;

pub use ports::{Account, Accounts, Benefit, Benefits, Consumption};
pub use service::CareService;

/// The care module, mounted as `care`.
#[derive(Debug, Clone)]
pub struct CareModule {
    service: CareService,
    guard: Guard,
}

impl CareModule {
    /// Builds the module from the platform context and the ports other domains answer
    /// (adapted in `app/src/wiring.rs`).
    pub fn new(
        ctx: &PlatformContext,
        accounts: Arc<dyn Accounts>,
        benefits: Arc<dyn Benefits>,
    ) -> Self {
        Self {
            service: CareService::new(ctx, accounts, benefits),
            guard: ctx.guard.clone(),
        }
    }

    /// The module's use-cases.
    pub fn service(&self) -> &CareService {
        &self.service
    }
}

/// The OpenAPI tags of the care operations, one per resource group.
#[derive(Tags)]
enum CareTag {
    /// The provider directory members read.
    #[oai(rename = "Care: Providers")]
    Providers,
    /// Provider profiles (admins).
    #[oai(rename = "Care: Provider admin")]
    ProviderAdmin,
    /// The member's care profile (health data).
    #[oai(rename = "Care: Profile")]
    Profile,
    /// Members' care profiles, read by admins with an audited reason.
    #[oai(rename = "Care: Profile admin")]
    ProfileAdmin,
    /// Providers' hours and the slots they give.
    #[oai(rename = "Care: Availability")]
    Availability,
    /// Booking, rescheduling and cancelling appointments (members).
    #[oai(rename = "Care: Appointments")]
    Appointments,
    /// A provider's own appointments: cancel, no-show.
    #[oai(rename = "Care: Provider appointments")]
    ProviderAppointments,
    /// Providers ranked for the member, and the member's care team.
    #[oai(rename = "Care: Matching")]
    Matching,
    /// PHQ-9 and GAD-7: taking them, history and trend (health data).
    #[oai(rename = "Care: Assessments")]
    Assessments,
    /// Members' assessments, read by their care team (clinicians and coaches).
    #[oai(rename = "Care: Clinician assessments")]
    ClinicianAssessments,
    /// Crisis escalation tasks clinicians acknowledge and resolve.
    #[oai(rename = "Care: Escalations")]
    Escalations,
    /// The audit log of every access of health data (admins).
    #[oai(rename = "Care: PHI audit")]
    Audit,
    /// Escalation tasks overseen by admins.
    #[oai(rename = "Care: Escalation admin")]
    EscalationAdmin,
    /// Members' care profiles, read by the clinicians on their care team.
    #[oai(rename = "Care: Profile (care team)")]
    ProfileCareTeam,
    /// Coaching chat between a member and their coach or clinician, live over SSE.
    #[oai(rename = "Care: Chat")]
    Chat,
    /// Clinical notes on appointments: drafts, signing, amendments (health data,
    /// encrypted at rest).
    #[oai(rename = "Care: Clinical notes")]
    Notes,
}

/// The module's API: every resource's operations.
pub type CareApi = (
    providers::api::ProvidersApi,
    providers::api::ProviderAdminApi,
    profiles::api::ProfileApi,
    profiles::api::ProfileAdminApi,
    availability::api::AvailabilityApi,
    appointments::api::AppointmentsApi,
    appointments::api::ProviderAppointmentsApi,
    appointments::matching_api::MatchingApi,
    assessments::api::AssessmentsApi,
    assessments::api::ClinicianAssessmentsApi,
    escalations::api::EscalationsApi,
    audit::api::AuditApi,
    escalations::admin_api::EscalationAdminApi,
    profiles::api::ProfileCareTeamApi,
    chat::api::ChatApi,
    notes::api::NotesApi,
);

impl ModuleInfo for CareModule {
    fn name(&self) -> &'static str {
        "care"
    }

    fn job_handlers(&self) -> Vec<Arc<dyn haven_platform::jobs::JobHandler>> {
        let mut handlers = appointments::jobs::handlers(&self.service);
        handlers.extend(escalations::jobs::handlers(&self.service));
        handlers.extend(notes::jobs::handlers(&self.service));
        handlers
    }

    fn recurring_jobs(&self) -> Vec<haven_platform::jobs::Recurring> {
        let mut recurring = appointments::jobs::recurring();
        recurring.extend(escalations::jobs::recurring());
        recurring.extend(notes::jobs::recurring());
        recurring
    }

    fn export_user_data<'a>(
        &'a self,
        user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>> {
        Box::pin(async move {
            Ok(UserData::Exported(
                self.service.export_member(user_id).await?,
            ))
        })
    }

    fn erase_user<'a>(&'a self, user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async move {
            self.service.erase_member(user_id).await?;
            Ok(Erasure::Erased)
        })
    }

    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>> {
        Box::pin(async move { Ok(Seeded::NothingToSeed) })
    }
}

impl Module for CareModule {
    type Api = CareApi;

    fn api(&self) -> Self::Api {
        let (s, g) = (&self.service, &self.guard);
        (
            providers::api::ProvidersApi::new(s.clone()),
            providers::api::ProviderAdminApi::new(s.clone(), g.clone()),
            profiles::api::ProfileApi::new(s.clone(), g.clone()),
            profiles::api::ProfileAdminApi::new(s.clone(), g.clone()),
            availability::api::AvailabilityApi::new(s.clone(), g.clone()),
            appointments::api::AppointmentsApi::new(s.clone(), g.clone()),
            appointments::api::ProviderAppointmentsApi::new(s.clone(), g.clone()),
            appointments::matching_api::MatchingApi::new(s.clone(), g.clone()),
            assessments::api::AssessmentsApi::new(s.clone(), g.clone()),
            assessments::api::ClinicianAssessmentsApi::new(s.clone(), g.clone()),
            escalations::api::EscalationsApi::new(s.clone(), g.clone()),
            audit::api::AuditApi::new(s.clone(), g.clone()),
            escalations::admin_api::EscalationAdminApi::new(s.clone(), g.clone()),
            profiles::api::ProfileCareTeamApi::new(s.clone(), g.clone()),
            chat::api::ChatApi::new(s.clone(), g.clone()),
            notes::api::NotesApi::new(s.clone(), g.clone()),
        )
    }
}
