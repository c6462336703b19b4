//! What every resource's error enum shares: the problem builder, field problems and the
//! `From` impls of query failures.

use haven_platform::http::problem::{FieldError, ProblemError};
use poem::http::StatusCode;

/// `From<diesel::result::Error>` for resource enums with a `Db(DbError)` variant.
macro_rules! db_errors {
    ($($t:ty),+ $(,)?) => {$(
        impl From<diesel::result::Error> for $t {
            fn from(e: diesel::result::Error) -> Self {
                Self::Db(haven_platform::DbError::Query(e))
            }
        }
    )+};
}
pub(crate) use db_errors;

/// A problem with `status`, `code` and `detail`.
pub(crate) fn problem(status: StatusCode, code: &str, detail: impl Into<String>) -> ProblemError {
    ProblemError::new(status, code).with_detail(detail)
}

/// `404 not_found` with `detail`.
pub(crate) fn not_found(detail: &str) -> ProblemError {
    problem(StatusCode::NOT_FOUND, "not_found", detail)
}

/// Collects invalid fields; `finish` answers them all as `422 validation_failed`.
#[derive(Debug, Default)]
pub(crate) struct Problems(Vec<FieldError>);

impl Problems {
    /// Records a problem with `field`.
    pub fn add(&mut self, field: impl Into<String>, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    /// One invalid field.
    pub fn one(field: &str, code: &str, message: &str) -> haven_platform::Invalid {
        let mut p = Self::default();
        p.add(field, code, message);
        haven_platform::Invalid(p.0)
    }

    /// `Err` with every recorded problem, if any.
    pub fn finish(self) -> Result<(), haven_platform::Invalid> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(haven_platform::Invalid(self.0))
        }
    }
}

/// The failure of a helper shared by several use-cases: the database or something
/// unexpected, never a domain outcome, so every resource's enum absorbs it.
#[derive(Debug, thiserror::Error)]
pub enum Fault {
    /// The database failed.
    #[error(transparent)]
    Db(#[from] haven_platform::DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] haven_platform::Unexpected),
}

db_errors!(Fault);

impl haven_platform::DomainError for Fault {
    const STATUSES: &'static [u16] = &[];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::Db(e) => haven_platform::http::domain_error::db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// `From<Fault>` for resource enums with `Db` and `Unexpected` variants.
macro_rules! fault_errors {
    ($($t:ty),+ $(,)?) => {$(
        impl From<$crate::error::Fault> for $t {
            fn from(e: $crate::error::Fault) -> Self {
                match e {
                    $crate::error::Fault::Db(e) => Self::Db(e),
                    $crate::error::Fault::Unexpected(e) => Self::Unexpected(e),
                }
            }
        }
    )+};
}
pub(crate) use fault_errors;
