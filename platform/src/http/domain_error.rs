//! Domain errors: each resource's error enum states the problems (status and `code`) it
//! can answer and maps every variant to one with an exhaustive `match`. Converting it
//! into an operation's [`ApiError<S>`] checks **at compile time** that every code the
//! enum can answer is documented by the operation's error set `S` (or is a common one),
//! so a handler cannot return an undocumented code, and a new code forces the document
//! (and the SDKs' error types) to say it.

use std::error::Error as StdError;

use poem::http::StatusCode;

use crate::db::DbError;
use crate::http::error_set::{COMMON_CODES, Code, VALIDATION_FAILED, documents, lists};
use crate::http::problem::{ApiError, ErrorSet, FieldError, ProblemError};

/// A resource's error enum, answered as a problem.
pub trait DomainError: StdError + Send + Sync + 'static {
    /// Every problem [`DomainError::into_problem`] can answer besides the common ones
    /// ([`COMMON_CODES`]), e.g. `&[(409, "email_taken"), VALIDATION_FAILED]`. Each
    /// operation returning this error must document them (checked at compile time by
    /// `From<Self> for ApiError<S>`; its `error_set!` names this type); each answered
    /// problem is checked against this list in debug builds.
    const CODES: &'static [Code];

    /// The problem answered for this error (an exhaustive `match`, no catch-all): 5xx
    /// causes are logged with their source chain, never put in the body.
    fn into_problem(self) -> ProblemError;
}

impl<S: ErrorSet, E: DomainError> From<E> for ApiError<S> {
    fn from(e: E) -> Self {
        const {
            assert!(
                documents(S::CODES, E::CODES),
                "the operation's error set does not document every code its error enum can answer \
                 (name the enum in its error_set!)"
            );
        }
        let problem = e.into_problem();
        let code = (problem.status().as_u16(), problem.code());
        debug_assert!(
            lists(E::CODES, code) || lists(COMMON_CODES, code),
            "{} {} of `{}` is missing from its CODES",
            code.0,
            code.1,
            std::any::type_name::<E>()
        );
        ApiError::from(problem)
    }
}

/// An unexpected failure (a broken invariant, a failed system call, bad stored data): the
/// cause is kept as the source, logged, and answered `500 internal` with nothing of it.
/// Its `Display` names the cause too, so a job queue or a log line that prints only the
/// top error still says what failed.
#[derive(Debug, thiserror::Error)]
#[error("{context}{}", source.as_ref().map(|s| format!(": {s}")).unwrap_or_default())]
pub struct Unexpected {
    context: &'static str,
    #[source]
    source: Option<Box<dyn StdError + Send + Sync>>,
}

impl Unexpected {
    /// `context` says what was being done (no secrets); `source` is the cause.
    pub fn new(context: &'static str, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self {
            context,
            source: Some(source.into()),
        }
    }

    /// A broken invariant without an underlying error.
    pub fn invariant(context: &'static str) -> Self {
        Self {
            context,
            source: None,
        }
    }

    /// A `map_err` adapter: `.map_err(Unexpected::with("argon2 hash"))`.
    pub fn with<E: Into<Box<dyn StdError + Send + Sync>>>(
        context: &'static str,
    ) -> impl FnOnce(E) -> Self {
        move |e| Self::new(context, e)
    }
}

impl DomainError for Unexpected {
    const CODES: &'static [Code] = &[];

    /// `500 internal`, the error and its sources logged.
    fn into_problem(self) -> ProblemError {
        internal(&self)
    }
}

/// Invalid request fields, every one listed: `422 validation_failed`.
#[derive(Debug, Clone, thiserror::Error)]
#[error("invalid fields")]
pub struct Invalid(pub Vec<FieldError>);

impl DomainError for Invalid {
    const CODES: &'static [Code] = &[VALIDATION_FAILED];

    /// The generic detail plus one entry per field.
    fn into_problem(self) -> ProblemError {
        self.0
            .into_iter()
            .fold(
                ApiError::<crate::http::problem::CommonErrors>::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "validation_failed",
                )
                .detail("The request has invalid fields."),
                |err, f| err.field(f.field, f.code, f.message),
            )
            .into_problem()
    }
}

/// `From<diesel::result::Error>` for domain error enums with a `Db(DbError)` variant, so
/// `?` on a query inside `Db::write`/`Db::read` keeps the failure as the database's:
/// `haven_platform::db_errors!(RegisterError, LoginError);`.
#[macro_export]
macro_rules! db_errors {
    ($($t:ty),+ $(,)?) => {$(
        impl From<diesel::result::Error> for $t {
            fn from(e: diesel::result::Error) -> Self {
                Self::Db($crate::DbError::Query(e))
            }
        }
    )+};
}

/// A problem with `status`, `code` and `detail`: the shape every domain's error mapping
/// builds.
pub fn problem(status: StatusCode, code: &str, detail: impl Into<String>) -> ProblemError {
    ProblemError::new(status, code).with_detail(detail)
}

/// `404 not_found` with `detail`.
pub fn not_found(detail: &str) -> ProblemError {
    problem(StatusCode::NOT_FOUND, "not_found", detail)
}

/// The failure of a helper that several use-cases share (an account lookup, a check run
/// inside other use-cases): the database or something unexpected, never a domain outcome,
/// so each caller's error enum absorbs it without a new status (`fault_errors!`).
#[derive(Debug, thiserror::Error)]
pub enum Fault {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

crate::db_errors!(Fault);

impl DomainError for Fault {
    const CODES: &'static [Code] = &[];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// `From<Fault>` for domain error enums with `Db(DbError)` and `Unexpected(Unexpected)`
/// variants, so their use-cases can call shared helpers that answer [`Fault`]:
/// `haven_platform::fault_errors!(LoginError, RefreshError);`.
#[macro_export]
macro_rules! fault_errors {
    ($($t:ty),+ $(,)?) => {$(
        impl From<$crate::Fault> for $t {
            fn from(e: $crate::Fault) -> Self {
                match e {
                    $crate::Fault::Db(e) => Self::Db(e),
                    $crate::Fault::Unexpected(e) => Self::Unexpected(e),
                }
            }
        }
    )+};
}

/// The problem of a database failure inside a use-case: `503 unavailable` when the
/// database cannot be reached, otherwise `500 internal` (a missing row a use-case expects
/// is its own variant, so a bare `NotFound` here is a bug).
pub fn db_problem(e: DbError) -> ProblemError {
    match e {
        DbError::Unavailable(ref reason) => {
            tracing::warn!(%reason, "database unavailable");
            ApiError::<crate::http::problem::CommonErrors>::unavailable(
                "The database is unavailable; retry shortly.",
            )
            .into_problem()
        }
        DbError::Query(ref q) if crate::db::is_connection_error(q) => {
            tracing::warn!(error = %q, "database unavailable");
            ApiError::<crate::http::problem::CommonErrors>::unavailable(
                "The database is unavailable; retry shortly.",
            )
            .into_problem()
        }
        DbError::Query(_) | DbError::Task(_) => internal(&e),
    }
}

/// `500 internal`, logging `cause` (whose `Display` names its cause).
pub fn internal(cause: &dyn std::fmt::Display) -> ProblemError {
    ApiError::<crate::http::problem::CommonErrors>::internal(cause).into_problem()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error_set;

    error_set!(NotFoundOnly: Lying);

    #[derive(Debug, thiserror::Error)]
    #[error("lying")]
    struct Lying;

    impl DomainError for Lying {
        const CODES: &'static [Code] = &[(404, "not_found")];

        fn into_problem(self) -> ProblemError {
            ProblemError::new(StatusCode::NOT_FOUND, "gone_away")
        }
    }

    #[test]
    #[should_panic(expected = "missing from its CODES")]
    fn a_code_missing_from_the_enum_codes_fails_in_debug_builds() {
        let _ = ApiError::<NotFoundOnly>::from(Lying);
    }

    #[test]
    fn an_unexpected_failure_keeps_its_source_but_answers_a_bare_500() {
        let e = Unexpected::new("reading the key", "permission denied on /secret/key");
        assert!(e.source().is_some(), "the cause is kept as the source");
        let problem = ApiError::<NotFoundOnly>::from(e).into_problem();
        assert_eq!(problem.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(problem.code(), "internal");
        let body = serde_json::to_string(&problem.body()).unwrap();
        assert!(
            !body.contains("secret") && !body.contains("reading"),
            "{body}"
        );
    }

    #[test]
    fn an_unreachable_database_is_503_and_a_failed_query_500() {
        let p = db_problem(DbError::Unavailable("refused".into()));
        assert_eq!((p.status().as_u16(), p.code()), (503, "unavailable"));
        let p = db_problem(DbError::Query(diesel::result::Error::NotFound));
        assert_eq!((p.status().as_u16(), p.code()), (500, "internal"));
        // PostgreSQL shutting down under a running statement (the pg-restart drill).
        let shutdown = || {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::Unknown,
                Box::new("terminating connection due to administrator command".to_owned()),
            )
        };
        let p = db_problem(DbError::Query(shutdown()));
        assert_eq!((p.status().as_u16(), p.code()), (503, "unavailable"));
        let p = ApiError::<crate::http::problem::CommonErrors>::from(DbError::Query(shutdown()))
            .into_problem();
        assert_eq!((p.status().as_u16(), p.code()), (503, "unavailable"));
    }

    #[test]
    fn invalid_fields_are_one_422_with_every_field() {
        let p = Invalid(vec![
            FieldError {
                field: "a".into(),
                code: "x".into(),
                message: "m".into(),
            },
            FieldError {
                field: "b".into(),
                code: "y".into(),
                message: "n".into(),
            },
        ])
        .into_problem();
        assert_eq!((p.status().as_u16(), p.code()), (422, "validation_failed"));
        assert_eq!(p.body().errors.len(), 2);
    }
}
