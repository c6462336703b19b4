//! Errors of courses: editors' publishing and members' progress.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

const COURSE_NOT_FOUND: &str = "The course does not exist.";

/// Creating, changing or reading a course as an editor.
#[derive(Debug, thiserror::Error)]
pub enum CourseError {
    /// No such course.
    #[error("course not found")]
    NotFound,
    /// `If-Match` absent (428) or stale (412).
    #[error("precondition")]
    Precondition(ProblemError),
    /// The course is archived.
    #[error("course archived")]
    Archived,
    /// Unpublishing a course that is not published.
    #[error("not published")]
    NotPublished,
    /// Publishing without the catalog's default locale.
    #[error("default locale missing")]
    DefaultLocaleMissing(String),
    /// Publishing with sessions whose items members cannot see.
    #[error("sessions not published")]
    SessionsNotPublished(Vec<usize>),
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

impl DomainError for CourseError {
    const CODES: &'static [Code] = &[
        NOT_FOUND,
        (409, "course_archived"),
        (409, "not_published"),
        (409, "default_locale_missing"),
        (409, "sessions_not_published"),
        (412, "precondition_failed"),
        (428, "precondition_required"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found(COURSE_NOT_FOUND),
            Self::Precondition(p) => p,
            Self::Archived => problem(
                StatusCode::CONFLICT,
                "course_archived",
                "The course is archived; it can no longer change.",
            ),
            Self::NotPublished => problem(
                StatusCode::CONFLICT,
                "not_published",
                "The course is not published.",
            ),
            Self::DefaultLocaleMissing(locale) => problem(
                StatusCode::CONFLICT,
                "default_locale_missing",
                format!(
                    "Members would have no text in the catalog's default locale `{locale}`: \
                     add it to the draft."
                ),
            ),
            Self::SessionsNotPublished(positions) => problem(
                StatusCode::CONFLICT,
                "sessions_not_published",
                format!(
                    "Sessions at positions {positions:?} (0-based) are items members cannot \
                     see: publish them first."
                ),
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// Reading a published course or a member's progress in it.
#[derive(Debug, thiserror::Error)]
pub enum CourseReadError {
    /// Not published (or no such course).
    #[error("not found")]
    NotFound,
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

impl DomainError for CourseReadError {
    const CODES: &'static [Code] = &[NOT_FOUND, VALIDATION_FAILED];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("No published course has this id."),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

error_set!(
    /// Changing or reading courses as an editor: 401, 403, 404, 409, 412, 422, 428.
    pub CourseErrors: CourseError, Invalid; guarded
);

error_set!(
    /// Public course reads: 404, 422.
    pub CourseReadErrors: CourseReadError, Invalid
);

error_set!(
    /// A member's course progress: 401, 403, 404, 422.
    pub MemberCourseErrors: CourseReadError, Invalid; guarded
);

db_errors!(CourseError, CourseReadError);
fault_errors!(CourseError, CourseReadError);
