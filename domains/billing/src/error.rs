//! What every resource's error enum shares: the problem builder, field problems and the
//! `From` impls of query failures.

use haven_platform::http::problem::{FieldError, ProblemError};

use poem::http::StatusCode;

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
