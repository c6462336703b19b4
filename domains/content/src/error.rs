//! What the resources' errors share: the problem builders, and the collector of field
//! problems each write validates into (`422 validation_failed` with one entry per field).
//! Bodies never echo more than the offending value's shape. The shared `Fault`,
//! `db_errors!` and `fault_errors!` are the platform's.

use haven_platform::http::problem::FieldError;

/// The platform's problem builders, under the names this crate's mappings use.
pub(crate) use haven_platform::http::domain_error::{not_found, problem};

/// Field problems of one request, collected so the answer lists them all.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub Vec<FieldError>);

impl Problems {
    /// Records one problem.
    pub fn push(&mut self, field: impl Into<String>, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    /// Checks a text's length (code points as sent) against `min..=max`.
    pub fn length(&mut self, field: impl Into<String>, value: &str, min: usize, max: usize) {
        let n = value.chars().count();
        if n < min || n > max || (min > 0 && value.trim().is_empty()) {
            self.push(
                field,
                "invalid_length",
                format!("Must be {min} to {max} characters and not blank."),
            );
        }
    }

    /// `Ok` when nothing was recorded, else the platform's `422`.
    pub fn finish(self) -> Result<(), haven_platform::Invalid> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(haven_platform::Invalid(self.0))
        }
    }
}
