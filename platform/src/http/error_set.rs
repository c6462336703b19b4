//! Error sets: the problems (status and `code`) each operation documents (see
//! [`crate::http::problem`]), named by the error types its handler converts, and the
//! marker of operations behind the role guard. Re-exported by `problem`, where the
//! `error_set!` macro's paths point.

/// One problem an answer can carry: its HTTP status and stable `code`, e.g.
/// `(409, "email_taken")`.
pub type Code = (u16, &'static str);

/// `422 validation_failed`: invalid fields, each listed in `errors`.
pub const VALIDATION_FAILED: Code = (422, "validation_failed");
/// `404 not_found`: the resource does not exist (or is not the caller's).
pub const NOT_FOUND: Code = (404, "not_found");
/// `401 unauthorized`: a missing, invalid or expired access token (documented on every
/// secured operation by [`crate::http::contract::finish`]).
pub const UNAUTHORIZED: Code = (401, "unauthorized");

/// Problems any operation can answer, so no error type lists them: malformed input, a
/// body too large, a wrong content type, an internal error, and overload (a lost
/// database, an exhausted pool, draining) or the request timeout.
pub const COMMON_CODES: &[Code] = &[
    (400, "bad_request"),
    (413, "payload_too_large"),
    (415, "unsupported_media_type"),
    (500, "internal"),
    (503, "unavailable"),
    (503, "request_timeout"),
];

/// The problems an operation documents beyond [`COMMON_CODES`]: one list per error type
/// its `error_set!` names (their [`DomainError::CODES`](crate::DomainError::CODES)).
/// The document derives the operation's statuses and the `code` enum of its problem
/// schema from them.
pub trait ErrorSet: Send + Sync + 'static {
    /// The named error types' codes, e.g. `&[LoginError::CODES, RateLimited::CODES]`.
    const CODES: &'static [&'static [Code]];
    /// Whether the operation is behind the role guard (its `403` then documents the
    /// guard's codes); set by `error_set!(…; guarded)`.
    const GUARDED: bool = false;
}

/// The error set of an operation behind `auth::Guard::require_role`: only these can call
/// it, so every guarded operation documents the guard's refusals (a compile error
/// otherwise). Made with `error_set!(pub X: SomeError; guarded)`.
pub trait Guarded: ErrorSet {}

/// The `403` description of guarded operations: the guard's codes.
pub const GUARDED_403: &str = "Not allowed. The role guard answers `forbidden` (the access \
token lacks the role), `mfa_required` (the role needs a token issued after a second \
factor), `role_revoked` (the account no longer holds the role) or `account_disabled` (the \
account was disabled after the token was issued); the last two are checked against the \
account as it is now, not as the token says.";

/// The error set of operations that only fail in the common ways (and, when secured, by
/// authentication: the document adds `401 unauthorized` to every secured operation).
#[derive(Debug)]
pub struct CommonErrors;
impl ErrorSet for CommonErrors {
    const CODES: &'static [&'static [Code]] = &[];
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `code` is in `list`.
pub const fn lists(list: &[Code], code: (u16, &str)) -> bool {
    let mut i = 0;
    while i < list.len() {
        if list[i].0 == code.0 && same(list[i].1, code.1) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether an operation documenting `set` (plus [`COMMON_CODES`]) documents `code`.
pub const fn documents_code(set: &[&[Code]], code: (u16, &str)) -> bool {
    if lists(COMMON_CODES, code) {
        return true;
    }
    let mut i = 0;
    while i < set.len() {
        if lists(set[i], code) {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether an operation documenting `set` documents every code of `needed`: the
/// compile-time check of every conversion of an error type into an operation's error.
pub const fn documents(set: &[&[Code]], needed: &[Code]) -> bool {
    let mut i = 0;
    while i < needed.len() {
        if !documents_code(set, needed[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Declares an [`ErrorSet`] marker from the error types whose problems the operation
/// answers: `error_set!(pub RegisterErrors: RegisterError, RateLimited);`, or for an
/// operation behind the role guard `error_set!(pub X: AdminError; guarded);` (which adds
/// the guard's refusals, [`crate::auth::Refusal`]). Each type implements
/// [`DomainError`](crate::DomainError); a handler converting an error whose codes the
/// set does not document fails to compile. A handler that makes its problems itself
/// (`ApiError::new`, `ApiError::not_found`) lists their codes first:
/// `error_set!(pub ThingErrors: codes[NOT_FOUND], Invalid);` (checked in debug builds
/// when the problem is answered).
#[macro_export]
macro_rules! error_set {
    ($(#[$meta:meta])* $vis:vis $name:ident : codes[$($code:expr),+ $(,)?] $(, $err:ty)* $(,)?) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis struct $name;
        impl $crate::http::problem::ErrorSet for $name {
            const CODES: &'static [&'static [$crate::http::problem::Code]] =
                &[&[$($code),+] $(, <$err as $crate::DomainError>::CODES)*];
        }
    };
    ($(#[$meta:meta])* $vis:vis $name:ident $(: $($err:ty),+)? ; guarded) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis struct $name;
        impl $crate::http::problem::ErrorSet for $name {
            const CODES: &'static [&'static [$crate::http::problem::Code]] = &[
                <$crate::auth::Refusal as $crate::DomainError>::CODES,
                $($(<$err as $crate::DomainError>::CODES),+)?
            ];
            const GUARDED: bool = true;
        }
        impl $crate::http::problem::Guarded for $name {}
    };
    ($(#[$meta:meta])* $vis:vis $name:ident : $($err:ty),+ $(,)?) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis struct $name;
        impl $crate::http::problem::ErrorSet for $name {
            const CODES: &'static [&'static [$crate::http::problem::Code]] =
                &[$(<$err as $crate::DomainError>::CODES),+];
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_documents_its_codes_and_the_common_ones_only() {
        let set: &[&[Code]] = &[&[(404, "not_found")], &[(409, "email_taken")]];
        assert!(documents(set, &[(409, "email_taken")]));
        assert!(documents(&[], &[(500, "internal"), (503, "unavailable")]));
        assert!(
            !documents(set, &[(409, "conflict")]),
            "same status, other code"
        );
        assert!(
            !documents(set, &[(410, "not_found")]),
            "same code, other status"
        );
        assert!(!documents(&[], &[VALIDATION_FAILED]));
    }
}
