//! `/v1/care/assessments/instruments`, `/v1/care/me/assessments…` (members) and
//! `/v1/care/provider/members/{user_id}/assessments…` (care-team clinicians).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{
    AssessmentDto, DefinitionDto, InstrumentDto, SubmitDto, SubmittedDto, TREND_POINTS, TrendDto,
};
use super::error::{AssessmentErrors, ClinicianAssessmentErrors, MyAssessmentErrors};
use super::model::{AssessmentId, Instrument};
use super::service::Scope;
use crate::CareTag;
use crate::audit::model::Actor;
use crate::availability::api::provider_role;
use crate::service::CareService;

/// Answer with the instrument definitions.
#[derive(ApiResponse)]
pub enum InstrumentsAnswer {
    /// Every instrument's current definition.
    #[oai(status = 200)]
    Ok(
        Json<Vec<DefinitionDto>>,
        /// `no-store`, like every assessment answer.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of a submission.
#[derive(ApiResponse)]
pub enum SubmitAnswer {
    /// Stored and scored.
    #[oai(status = 201)]
    Created(
        Json<SubmittedDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with an assessment.
#[derive(ApiResponse)]
pub enum AssessmentAnswer {
    /// The assessment.
    #[oai(status = 200)]
    Ok(
        Json<AssessmentDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a page of assessments.
#[derive(ApiResponse)]
pub enum AssessmentPage {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<AssessmentDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a trend.
#[derive(ApiResponse)]
pub enum TrendAnswer {
    /// The trend.
    #[oai(status = 200)]
    Ok(
        Json<TrendDto>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

fn page(rows: Vec<super::repo::AssessmentRow>, limit: u32) -> Page<AssessmentDto> {
    Page::from_rows(rows, limit, |r| r.id.to_string(), Into::into)
}

/// Members' assessments.
pub struct AssessmentsApi {
    service: CareService,
    guard: Guard,
}

impl AssessmentsApi {
    /// Around the service and the role guard.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Assessments")]
impl AssessmentsApi {
    /// List the assessment instruments
    ///
    /// PHQ-9 and GAD-7: items, answer options (0–3) and severity bands, versioned.
    #[oai(
        path = "/v1/care/assessments/instruments",
        method = "get",
        operation_id = "careListInstruments"
    )]
    async fn instruments(
        &self,
        _auth: BearerAuth,
    ) -> ApiResult<InstrumentsAnswer, AssessmentErrors> {
        let defs = Instrument::ALL
            .into_iter()
            .map(|i| i.definition().into())
            .collect();
        Ok(InstrumentsAnswer::Ok(Json(defs), NoStore))
    }

    /// Take an assessment
    ///
    /// Send one answer (0–3) per item; the server scores it (a total in the body is
    /// refused as an unknown field). A wrong number of answers or an answer outside 0–3
    /// is `422` with one error per field (`answers`, `answers[i]`). A PHQ-9 with item 9
    /// above 0 or a severe total alerts a clinician at once and answers crisis
    /// resources for your country.
    #[oai(
        path = "/v1/care/me/assessments",
        method = "post",
        operation_id = "careSubmitAssessment"
    )]
    async fn submit(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<SubmitDto>,
    ) -> ApiResult<SubmitAnswer, AssessmentErrors> {
        // Deliberately not behind the live-account guard: whoever answers item 9 gets the
        // escalation and the crisis resources, even on a token of an account disabled in
        // the last 15 minutes.
        let b = body.0;
        let answers = b.answers.into_inner().into_iter().map(|a| a.0).collect();
        let s = self
            .service
            .submit_assessment(auth.0.user_id, b.instrument.into(), answers)
            .await?;
        Ok(SubmitAnswer::Created(
            Json(SubmittedDto {
                escalated: s.escalation.is_some(),
                assessment: s.assessment.into(),
                crisis_resources: s.crisis_resources.iter().map(Into::into).collect(),
            }),
            NoStore,
        ))
    }

    /// List my assessments
    ///
    /// Your history, oldest first, of one instrument when `instrument` is given.
    #[oai(
        path = "/v1/care/me/assessments",
        method = "get",
        operation_id = "careListMyAssessments"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Only this questionnaire.
        instrument: Query<Option<InstrumentDto>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AssessmentPage, MyAssessmentErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let params =
            PageParams::<AssessmentId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .my_assessments(
                auth.0.user_id,
                Scope::Page {
                    instrument: instrument.0.map(Into::into),
                    after: params.after,
                    limit: params.fetch_limit(),
                },
            )
            .await?;
        Ok(AssessmentPage::Ok(Json(page(rows, params.limit)), NoStore))
    }

    /// Read one of my assessments
    ///
    /// Yours only (another member's is `404`).
    #[oai(
        path = "/v1/care/me/assessments/:assessment_id",
        method = "get",
        operation_id = "careGetMyAssessment"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The assessment.
        assessment_id: Path<AssessmentId>,
    ) -> ApiResult<AssessmentAnswer, MyAssessmentErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let row = self
            .service
            .my_assessment(auth.0.user_id, assessment_id.0)
            .await?;
        Ok(AssessmentAnswer::Ok(Json(row.into()), NoStore))
    }

    /// Read my assessment trend
    ///
    /// Your latest totals of one questionnaire and which way they move.
    #[oai(
        path = "/v1/care/me/assessment-trend",
        method = "get",
        operation_id = "careGetMyAssessmentTrend"
    )]
    async fn trend(
        &self,
        auth: BearerAuth,
        /// Which questionnaire.
        instrument: Query<InstrumentDto>,
    ) -> ApiResult<TrendAnswer, MyAssessmentErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let i: Instrument = instrument.0.into();
        let rows = self
            .service
            .my_assessments(auth.0.user_id, Scope::Latest(i, TREND_POINTS))
            .await?;
        Ok(TrendAnswer::Ok(Json(TrendDto::of(i, rows)), NoStore))
    }
}

/// A care-team clinician's view of a member's assessments.
pub struct ClinicianAssessmentsApi {
    service: CareService,
    guard: Guard,
}

impl ClinicianAssessmentsApi {
    /// Around the service.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::ClinicianAssessments")]
impl ClinicianAssessmentsApi {
    /// List a member's assessments
    ///
    /// Providers on the member's care team only: their clinicians (role `clinician`,
    /// second factor) and their coaches (role `coach`); anyone else gets `404
    /// member_not_found`. Oldest first.
    #[oai(
        path = "/v1/care/provider/members/:user_id/assessments",
        method = "get",
        operation_id = "careListMemberAssessments"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// The member.
        user_id: Path<UserId>,
        /// Only this questionnaire.
        instrument: Query<Option<InstrumentDto>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<AssessmentPage, ClinicianAssessmentErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let params =
            PageParams::<AssessmentId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .member_assessments_for_provider(
                Actor::new(&auth.0, provider_role(&auth.0)),
                user_id.0,
                Scope::Page {
                    instrument: instrument.0.map(Into::into),
                    after: params.after,
                    limit: params.fetch_limit(),
                },
            )
            .await?;
        Ok(AssessmentPage::Ok(Json(page(rows, params.limit)), NoStore))
    }

    /// Read a member's assessment trend
    ///
    /// Providers on the member's care team only (clinicians and coaches), as the list.
    #[oai(
        path = "/v1/care/provider/members/:user_id/assessment-trend",
        method = "get",
        operation_id = "careGetMemberAssessmentTrend"
    )]
    async fn trend(
        &self,
        auth: BearerAuth,
        /// The member.
        user_id: Path<UserId>,
        /// Which questionnaire.
        instrument: Query<InstrumentDto>,
    ) -> ApiResult<TrendAnswer, ClinicianAssessmentErrors> {
        self.guard
            .require_role(&auth.0, provider_role(&auth.0))
            .await?;
        let i: Instrument = instrument.0.into();
        let rows = self
            .service
            .member_assessments_for_provider(
                Actor::new(&auth.0, provider_role(&auth.0)),
                user_id.0,
                Scope::Latest(i, TREND_POINTS),
            )
            .await?;
        Ok(TrendAnswer::Ok(Json(TrendDto::of(i, rows)), NoStore))
    }
}
