//! Errors of the chat: opening a thread, operations on one, posting.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, error_set};
use haven_platform::{db_errors, fault_errors};
use poem::http::StatusCode;

use crate::error::problem;

error_set!(
    /// `POST /v1/care/me/chat/threads` (the live-account guard first): 400, 401, 403,
    /// 404, 422.
    pub OpenThreadErrors: OpenThreadError; guarded
);
error_set!(
    /// Lists of one's threads (the guard first): 400, 401, 403, 422.
    pub ListThreadsErrors: Invalid, ChatError; guarded
);
error_set!(
    /// Reads and read markers of a thread, and its event stream (participants only,
    /// then the guard): 400, 401, 403, 404, 422.
    pub ThreadErrors: Invalid, ChatError; guarded
);
error_set!(
    /// Posting a message (participants only, then the guard): 400, 401, 403, 404, 409,
    /// 422.
    pub PostErrors: ChatError, PostError; guarded
);

/// `404 thread_not_found`.
pub const THREAD_NOT_FOUND: Code = (404, "thread_not_found");

fn thread_not_found() -> ProblemError {
    problem(
        StatusCode::NOT_FOUND,
        "thread_not_found",
        "There is no such chat thread.",
    )
}

/// Opening a thread with a provider.
#[derive(Debug, thiserror::Error)]
pub enum OpenThreadError {
    /// No such provider.
    #[error("provider not found")]
    ProviderNotFound,
    /// A coach, but the member's plan has no coaching.
    #[error("not entitled to coaching")]
    NotEntitled,
    /// A clinician who is not on the member's care team.
    #[error("clinician not on the care team")]
    NotOnCareTeam,
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for OpenThreadError {
    const CODES: &'static [Code] = &[
        (404, "provider_not_found"),
        (403, "not_entitled"),
        (403, "not_on_care_team"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::ProviderNotFound => problem(
                StatusCode::NOT_FOUND,
                "provider_not_found",
                "There is no such provider.",
            ),
            Self::NotEntitled => problem(
                StatusCode::FORBIDDEN,
                "not_entitled",
                "Your plan does not include coaching.",
            ),
            Self::NotOnCareTeam => problem(
                StatusCode::FORBIDDEN,
                "not_on_care_team",
                "You can message a clinician once they are on your care team (after a \
                 booking).",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Operations on a thread.
#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    /// No such thread, or the caller is not one of its participants.
    #[error("thread not found")]
    ThreadNotFound,
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ChatError {
    const CODES: &'static [Code] = &[THREAD_NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::ThreadNotFound => thread_not_found(),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Posting a message.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    /// The thread is gone (erased meanwhile).
    #[error("thread not found")]
    ThreadNotFound,
    /// The sender used the message's client id before for a different body.
    #[error("client message id reused")]
    ClientIdReused,
    /// The member's plan no longer includes coaching (a coach thread).
    #[error("not entitled")]
    NotEntitled,
    /// Invalid fields.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for PostError {
    const CODES: &'static [Code] = &[
        THREAD_NOT_FOUND,
        (409, "client_message_id_reused"),
        (403, "not_entitled"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::ThreadNotFound => thread_not_found(),
            Self::ClientIdReused => problem(
                StatusCode::CONFLICT,
                "client_message_id_reused",
                "You sent a different message with this client_message_id before; use a new \
                 id for a new message.",
            ),
            Self::NotEntitled => problem(
                StatusCode::FORBIDDEN,
                "not_entitled",
                "Your plan no longer includes coaching; your messages stay readable.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

db_errors!(OpenThreadError);
fault_errors!(OpenThreadError);
db_errors!(ChatError);
fault_errors!(ChatError);
db_errors!(PostError);
fault_errors!(PostError);
