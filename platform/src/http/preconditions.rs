//! Conditional requests (RFC 9110): the strong `ETag`s of editable resources
//! (`"r{revision}"`), `If-Match` on writes (`428` without it, `412` when stale) and
//! `If-None-Match` on reads (`304`). Every domain with optimistic concurrency uses these,
//! so clients see one format and one pair of problems.

use poem::http::StatusCode;

use super::domain_error::problem;
use super::problem::ProblemError;

/// `428 precondition_required`: a write without `If-Match`.
pub fn if_match_missing() -> ProblemError {
    problem(
        StatusCode::PRECONDITION_REQUIRED,
        "precondition_required",
        "Send If-Match with the ETag of the version you changed.",
    )
}

/// `412 precondition_failed`: `If-Match` names an older version (someone else saved).
pub fn stale(current_etag: &str) -> ProblemError {
    problem(
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
        format!(
            "The resource changed since you read it (it is now {current_etag}); read it again \
             and reapply your change."
        ),
    )
}

/// The ETag of an editable resource at `revision`.
pub fn revision_etag(revision: i64) -> String {
    format!("\"r{revision}\"")
}

/// The revision an `If-Match` header names: `428` when absent. A value that names no
/// revision of ours (another format, `*`, a list) can never be current: `Some(-1)`,
/// answered `412` by [`check_revision`].
pub fn expected_revision(if_match: Option<&str>) -> Result<i64, ProblemError> {
    let Some(value) = if_match else {
        return Err(if_match_missing());
    };
    Ok(value
        .trim()
        .strip_prefix("\"r")
        .and_then(|v| v.strip_suffix('"'))
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(-1))
}

/// `412` unless `expected` is the current revision.
pub fn check_revision(expected: i64, current: i64) -> Result<(), ProblemError> {
    if expected == current {
        Ok(())
    } else {
        Err(stale(&revision_etag(current)))
    }
}

/// Whether `If-None-Match` matches `etag` (weak comparison, lists and `*`, RFC 9110).
pub fn none_match(if_none_match: Option<&str>, etag: &str) -> bool {
    let Some(value) = if_none_match else {
        return false;
    };
    value.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == etag
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_needs_a_current_revision() {
        assert_eq!(
            expected_revision(None).unwrap_err().code(),
            "precondition_required"
        );
        assert_eq!(expected_revision(Some("\"r7\"")).unwrap(), 7);
        assert_eq!(expected_revision(Some("*")).unwrap(), -1);
        assert!(check_revision(7, 7).is_ok());
        assert_eq!(
            check_revision(6, 7).unwrap_err().code(),
            "precondition_failed"
        );
    }

    #[test]
    fn if_none_match_compares_weakly_and_in_lists() {
        let tag = "\"c3-en\"";
        assert!(none_match(Some("\"c3-en\""), tag));
        assert!(none_match(Some("W/\"c3-en\", \"x\""), tag));
        assert!(none_match(Some("*"), tag));
        assert!(!none_match(Some("\"c2-en\""), tag));
        assert!(!none_match(None, tag));
    }
}
