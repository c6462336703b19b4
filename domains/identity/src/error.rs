//! What the resources' errors share. Each resource's `error.rs` holds its error enums (one
//! per resource, or per group of its operations when their documented error sets differ),
//! each mapped to problems by an exhaustive `match` in its
//! [`DomainError`](haven_platform::DomainError) impl, and its operations' `error_set!`s:
//! the conversion into an operation's `ApiError<S>` fails to compile when `S` does not
//! document every status the enum can answer. Bodies never carry passwords, tokens or
//! hashes; 5xx causes go to the log only.

use crate::accounts::model::{EmailError, PasswordError};

/// The platform's problem builders, under the names this crate's mappings use.
pub(crate) use haven_platform::http::domain_error::{not_found, problem};

/// Every problem listed, as the platform's `422 validation_failed`.
pub fn invalid(problems: Vec<FieldProblem>) -> haven_platform::Invalid {
    haven_platform::Invalid(problems.into_iter().map(Into::into).collect())
}

impl From<FieldProblem> for haven_platform::http::problem::FieldError {
    fn from(p: FieldProblem) -> Self {
        Self {
            field: p.field.to_owned(),
            code: p.code.to_owned(),
            message: p.message,
        }
    }
}

/// `problem` with `Retry-After` when `retry_after_s` is set (a locked account).
pub(crate) fn with_retry_after(
    problem: haven_platform::http::problem::ProblemError,
    retry_after_s: Option<u64>,
) -> haven_platform::http::problem::ProblemError {
    match retry_after_s {
        Some(s) => problem.with_retry_after(s),
        None => problem,
    }
}

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's JSON name.
    pub field: &'static str,
    /// Stable reason, e.g. `too_short`.
    pub code: &'static str,
    /// Human-readable explanation (never echoes a secret).
    pub message: String,
}

impl FieldProblem {
    /// The problem of an invalid email.
    pub fn email(reason: EmailError) -> Self {
        Self {
            field: "email",
            code: "invalid",
            message: format!("The email address {reason}."),
        }
    }

    /// The problem of a password that breaks the policy.
    pub fn password(reason: PasswordError) -> Self {
        Self {
            field: "password",
            code: reason.code(),
            message: format!("The password {reason}."),
        }
    }
}
