//! Errors of the publishing operations.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{DbError, DomainError, Invalid, Unexpected, db_errors, error_set};
use poem::http::StatusCode;

use crate::error::{not_found, problem};
use haven_platform::fault_errors;

const ITEM_NOT_FOUND: &str = "The item does not exist.";

/// Changing an item.
#[derive(Debug, thiserror::Error)]
pub enum ItemError {
    /// No such item.
    #[error("item not found")]
    NotFound,
    /// `If-Match` absent (428) or stale (412).
    #[error("precondition")]
    Precondition(ProblemError),
    /// The item is archived.
    #[error("item archived")]
    Archived,
    /// Unpublishing an item that is not published.
    #[error("not published")]
    NotPublished,
    /// Publishing would leave members without the catalog's default locale.
    #[error("default locale missing")]
    DefaultLocaleMissing(String),
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

impl DomainError for ItemError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (409, "item_archived"),
        (409, "not_published"),
        (409, "default_locale_missing"),
        (412, "precondition_failed"),
        (428, "precondition_required"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(ITEM_NOT_FOUND),
            Self::Precondition(p) => p,
            Self::Archived => problem(
                StatusCode::CONFLICT,
                "item_archived",
                "The item is archived; it can no longer change.",
            ),
            Self::NotPublished => problem(
                StatusCode::CONFLICT,
                "not_published",
                "The item is not published.",
            ),
            Self::DefaultLocaleMissing(locale) => problem(
                StatusCode::CONFLICT,
                "default_locale_missing",
                format!(
                    "Members would have no text in the catalog's default locale `{locale}`: \
                     add it to the draft and publish it."
                ),
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Creating an item.
#[derive(Debug, thiserror::Error)]
pub enum CreateItemError {
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

impl DomainError for CreateItemError {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading items as an editor.
#[derive(Debug, thiserror::Error)]
pub enum ItemReadError {
    /// No such item.
    #[error("item not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for ItemReadError {
    const CODES: &'static [Code] = &[NOT_FOUND];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(ITEM_NOT_FOUND),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

error_set!(
    /// `POST /v1/content/admin/items`: 401, 403, 409 (idempotency key in use), 422.
    pub CreateItemErrors: CreateItemError; guarded
);

error_set!(
    /// Reading items as an editor: 401, 403, 404, 422 (`limit`).
    pub ReadItemErrors: ItemReadError, Invalid; guarded
);

error_set!(
    /// Changing an item: 401, 403, 404, 409 (archived, not published, default locale
    /// missing, idempotency key in use), 412 (stale `If-Match`), 422, 428 (no
    /// `If-Match`).
    pub ChangeItemErrors: ItemError; guarded
);

db_errors!(ItemError, CreateItemError, ItemReadError);
fault_errors!(ItemError, CreateItemError, ItemReadError);
