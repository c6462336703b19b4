//! `/v1/care/provider/…/notes` (clinicians) and `/v1/care/me/notes` (members, where
//! `care.notes.member_access` allows).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::NoStore;
use haven_platform::http::preconditions::{expected_revision, revision_etag};
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::ids::UserId;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Header, Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{NoteBodyDto, NoteDto};
use super::error::{NoteError, NoteErrors};
use super::model::NoteId;
use super::service::NoteView;
use crate::CareTag;
use crate::appointments::model::AppointmentId;
use crate::audit::model::Actor;
use crate::service::CareService;

/// Answer with one note.
#[derive(ApiResponse)]
pub enum NoteAnswer {
    /// The note.
    #[oai(status = 200)]
    Ok(
        Json<NoteDto>,
        /// `"r{revision}"`: send it as `If-Match` to change or sign a draft.
        #[oai(header = "ETag")]
        String,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer of writing a note or an amendment.
#[derive(ApiResponse)]
pub enum NoteCreated {
    /// Stored (encrypted).
    #[oai(status = 201)]
    Created(
        Json<NoteDto>,
        /// `"r{revision}"`: send it as `If-Match` to change or sign a draft.
        #[oai(header = "ETag")]
        String,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

/// Answer with a page of notes.
#[derive(ApiResponse)]
pub enum NotePage {
    /// One page, oldest first, each note with its amendments.
    #[oai(status = 200)]
    Ok(
        Json<Page<NoteDto>>,
        /// `no-store`: health data.
        #[oai(header = "Cache-Control")]
        NoStore,
    ),
}

fn one(view: NoteView) -> NoteAnswer {
    let etag = revision_etag(view.note.revision);
    NoteAnswer::Ok(Json(view.into()), etag, NoStore)
}

fn created(view: NoteView) -> NoteCreated {
    let etag = revision_etag(view.note.revision);
    NoteCreated::Created(Json(view.into()), etag, NoStore)
}

fn page(rows: Vec<NoteView>, limit: u32) -> NotePage {
    NotePage::Ok(
        Json(Page::from_rows(
            rows,
            limit,
            |v| v.note.id.to_string(),
            Into::into,
        )),
        NoStore,
    )
}

/// Clinical notes.
pub struct NotesApi {
    service: CareService,
    guard: Guard,
}

impl NotesApi {
    /// Around the service and the role guard.
    pub fn new(service: CareService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

#[OpenApi(tag = "CareTag::Notes")]
impl NotesApi {
    /// Write a note on an appointment
    ///
    /// The appointment's clinician, once it has started (not cancelled or moved):
    /// creates a draft only its author reads until it is signed. Anyone else: `404`.
    #[oai(
        path = "/v1/care/provider/appointments/:appointment_id/notes",
        method = "post",
        operation_id = "careWriteNote"
    )]
    async fn write(
        &self,
        auth: BearerAuth,
        #[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
        body: Json<NoteBodyDto>,
    ) -> ApiResult<NoteCreated, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let actor = Actor::new(&auth.0, Role::Clinician);
        let view = self
            .service
            .write_note(actor, appointment_id.0, body.0.body.into_inner())
            .await?;
        Ok(created(view))
    }

    /// List an appointment's notes
    ///
    /// For the appointment's clinician and the clinicians on the member's care team:
    /// signed notes and your own drafts, oldest first, each with its amendments.
    #[oai(
        path = "/v1/care/provider/appointments/:appointment_id/notes",
        method = "get",
        operation_id = "careListAppointmentNotes"
    )]
    async fn list_of_appointment(
        &self,
        auth: BearerAuth,
        /// The appointment.
        appointment_id: Path<AppointmentId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<NotePage, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let params =
            PageParams::<NoteId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .appointment_notes(
                Actor::new(&auth.0, Role::Clinician),
                appointment_id.0,
                params.after,
                params.fetch_limit(),
            )
            .await?;
        Ok(page(rows, params.limit))
    }

    /// List a member's notes
    ///
    /// For the clinicians on the member's care team (anyone else: `404`): signed notes
    /// and your own drafts, oldest first, each with its amendments.
    #[oai(
        path = "/v1/care/provider/members/:member_id/notes",
        method = "get",
        operation_id = "careListMemberNotes"
    )]
    async fn list_of_member(
        &self,
        auth: BearerAuth,
        /// The member (`usr_…`).
        member_id: Path<UserId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<NotePage, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let params =
            PageParams::<NoteId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .member_notes(
                Actor::new(&auth.0, Role::Clinician),
                member_id.0,
                params.after,
                params.fetch_limit(),
            )
            .await?;
        Ok(page(rows, params.limit))
    }

    /// Read a note
    ///
    /// With its amendments, and the `ETag` to send as `If-Match`. A draft: its author
    /// only; a signed note: its author and the clinicians on the member's care team.
    #[oai(
        path = "/v1/care/provider/notes/:note_id",
        method = "get",
        operation_id = "careGetNote"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The note.
        note_id: Path<NoteId>,
    ) -> ApiResult<NoteAnswer, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let view = self
            .service
            .read_note(Actor::new(&auth.0, Role::Clinician), note_id.0)
            .await?;
        Ok(one(view))
    }

    /// Change a draft
    ///
    /// Its author only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    /// when stale); a signed note is `409 note_signed` (amend it instead).
    #[oai(
        path = "/v1/care/provider/notes/:note_id",
        method = "put",
        operation_id = "careUpdateNote"
    )]
    async fn update(
        &self,
        auth: BearerAuth,
        /// The note.
        note_id: Path<NoteId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
        body: Json<NoteBodyDto>,
    ) -> ApiResult<NoteAnswer, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let expected = expected_revision(if_match.0.as_deref()).map_err(NoteError::Precondition)?;
        let view = self
            .service
            .update_note(
                Actor::new(&auth.0, Role::Clinician),
                note_id.0,
                expected,
                body.0.body.into_inner(),
            )
            .await?;
        Ok(one(view))
    }

    /// Sign a draft
    ///
    /// Its author only, with `If-Match` (the version signed is the version read). From
    /// then on the note is immutable, also in the database; changes are amendments.
    #[oai(
        path = "/v1/care/provider/notes/:note_id/sign",
        method = "post",
        operation_id = "careSignNote"
    )]
    async fn sign(
        &self,
        auth: BearerAuth,
        #[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey,
        /// The note.
        note_id: Path<NoteId>,
        /// The `ETag` of the version being signed.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
    ) -> ApiResult<NoteAnswer, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let expected = expected_revision(if_match.0.as_deref()).map_err(NoteError::Precondition)?;
        let view = self
            .service
            .sign_note(Actor::new(&auth.0, Role::Clinician), note_id.0, expected)
            .await?;
        Ok(one(view))
    }

    /// Amend a signed note
    ///
    /// Any clinician who reads the note: the amendment is signed as it is written and
    /// shown with the note, in order. A draft is `409 note_not_signed` (edit it instead).
    #[oai(
        path = "/v1/care/provider/notes/:note_id/amendments",
        method = "post",
        operation_id = "careAmendNote"
    )]
    async fn amend(
        &self,
        auth: BearerAuth,
        #[oai(name = "Idempotency-Key")] _idempotency_key: IdempotencyKey,
        /// The signed note.
        note_id: Path<NoteId>,
        body: Json<NoteBodyDto>,
    ) -> ApiResult<NoteCreated, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Clinician).await?;
        let view = self
            .service
            .amend_note(
                Actor::new(&auth.0, Role::Clinician),
                note_id.0,
                body.0.body.into_inner(),
            )
            .await?;
        Ok(created(view))
    }

    /// List my clinical notes
    ///
    /// Your signed notes with their amendments, where your care provider releases them
    /// (`care.notes.member_access`; otherwise `403 note_access_disabled`).
    #[oai(
        path = "/v1/care/me/notes",
        method = "get",
        operation_id = "careListMyNotes"
    )]
    async fn mine(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<NotePage, NoteErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let params =
            PageParams::<NoteId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .my_notes(auth.0.user_id, params.after, params.fetch_limit())
            .await?;
        Ok(page(rows, params.limit))
    }
}
