//! Errors of clinical notes.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use super::crypto::CryptoError;
use crate::error::problem;

error_set!(
    /// Every note operation (the role guard first): 400, 401, 403, 404, 409, 412 and
    /// 428 (`If-Match` of drafts), 422, 503.
    pub NoteErrors: Invalid, NoteError; guarded
);

/// An operation on clinical notes.
#[derive(Debug, thiserror::Error)]
pub enum NoteError {
    /// No such appointment, or not one the caller writes or reads notes on.
    #[error("appointment not found")]
    AppointmentNotFound,
    /// The appointment has not started, or was cancelled or moved.
    #[error("appointment not held")]
    AppointmentNotHeld,
    /// Not a member of the caller's care team.
    #[error("member not found")]
    MemberNotFound,
    /// No such note, or one the caller may not read.
    #[error("note not found")]
    NotFound,
    /// Only the author changes or signs a draft.
    #[error("not the note's author")]
    NotAuthor,
    /// The note is signed: it is immutable.
    #[error("note signed")]
    Signed,
    /// Only a signed note is amended (a draft is edited).
    #[error("note not signed")]
    NotSigned,
    /// Members do not read notes here (`care.notes.member_access`).
    #[error("member access to notes disabled")]
    AccessDisabled,
    /// No master key is configured.
    #[error("notes unavailable")]
    Unavailable,
    /// `If-Match` absent (`428`) or stale (`412`).
    #[error("precondition")]
    Precondition(ProblemError),
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected (a note that fails authentication among it).
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl From<CryptoError> for NoteError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::Unavailable => Self::Unavailable,
            // The message names note and key ids at most, never a body.
            other => Self::Unexpected(Unexpected::new("clinical note encryption", other)),
        }
    }
}

impl DomainError for NoteError {
    const CODES: &'static [Code] = &[
        (404, "appointment_not_found"),
        (409, "appointment_not_held"),
        (404, "note_not_found"),
        (404, "member_not_found"),
        (403, "not_note_author"),
        (409, "note_signed"),
        (409, "note_not_signed"),
        (403, "note_access_disabled"),
        (503, "notes_unavailable"),
        (412, "precondition_failed"),
        (428, "precondition_required"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        let conflict = |code, detail| problem(StatusCode::CONFLICT, code, detail);
        match self {
            Self::AppointmentNotFound => problem(
                StatusCode::NOT_FOUND,
                "appointment_not_found",
                "There is no such appointment among yours or your care team's.",
            ),
            Self::AppointmentNotHeld => conflict(
                "appointment_not_held",
                "Notes are written on appointments that have started and were not \
                 cancelled or moved.",
            ),
            Self::NotFound => problem(
                StatusCode::NOT_FOUND,
                "note_not_found",
                "There is no such clinical note.",
            ),
            Self::MemberNotFound => problem(
                StatusCode::NOT_FOUND,
                "member_not_found",
                "There is no member with this id on your care team.",
            ),
            Self::NotAuthor => problem(
                StatusCode::FORBIDDEN,
                "not_note_author",
                "Only the note's author changes or signs it; add an amendment once it is \
                 signed.",
            ),
            Self::Signed => conflict(
                "note_signed",
                "The note is signed and cannot change; add an amendment instead.",
            ),
            Self::NotSigned => conflict(
                "note_not_signed",
                "Only a signed note is amended; edit the draft instead.",
            ),
            Self::AccessDisabled => problem(
                StatusCode::FORBIDDEN,
                "note_access_disabled",
                "Your care provider does not release clinical notes to members here.",
            ),
            Self::Unavailable => problem(
                StatusCode::SERVICE_UNAVAILABLE,
                "notes_unavailable",
                "Clinical notes are unavailable: no encryption key is configured.",
            ),
            Self::Precondition(p) => p,
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(NoteError);
fault_errors!(NoteError);
