//! What every resource's error enum shares: the problem builder and field problems.

use haven_platform::http::problem::FieldError;

/// The platform's problem builders, under the names this crate's mappings use.
pub(crate) use haven_platform::http::domain_error::problem;

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
