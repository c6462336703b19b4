//! Error sets: the statuses each operation documents (see [`crate::http::problem`]), and
//! the marker of operations behind the role guard. Re-exported by `problem`, where the
//! `error_set!` macro's paths point.

/// The statuses an operation documents beyond
/// [`COMMON_STATUSES`](crate::http::problem::COMMON_STATUSES).
pub trait ErrorSet: Send + Sync + 'static {
    /// Extra statuses, e.g. `&[404, 409]`.
    const STATUSES: &'static [u16];
    /// Whether the operation is behind the role guard (its `403` then documents the
    /// guard's codes); set by `error_set!(…; guarded)`.
    const GUARDED: bool = false;
}

/// The error set of an operation behind `auth::Guard::require_role`: only these can call
/// it, so every guarded operation documents the guard's refusals (a compile error
/// otherwise). Made with `error_set!(pub X: 401, 403, …; guarded)`.
pub trait Guarded: ErrorSet {}

/// The `403` description of guarded operations: the guard's codes.
pub const GUARDED_403: &str = "Not allowed. The role guard answers `forbidden` (the access \
token lacks the role), `mfa_required` (the role needs a token issued after a second \
factor), `role_revoked` (the account no longer holds the role) or `account_disabled` (the \
account was disabled after the token was issued); the last two are checked against the \
account as it is now, not as the token says.";

/// The error set of operations that only fail in the common ways.
#[derive(Debug)]
pub struct CommonErrors;
impl ErrorSet for CommonErrors {
    const STATUSES: &'static [u16] = &[];
}

/// Declares an [`ErrorSet`] marker: `error_set!(pub GetItemErrors: 404);`, or for an
/// operation behind the role guard `error_set!(pub X: 401, 403; guarded);` (it must list
/// 403; see [`Guarded`]).
#[macro_export]
macro_rules! error_set {
    ($(#[$meta:meta])* $vis:vis $name:ident : $($status:literal),+ ; guarded) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis struct $name;
        impl $crate::http::problem::ErrorSet for $name {
            const STATUSES: &'static [u16] = &[$($status),+];
            const GUARDED: bool = true;
        }
        impl $crate::http::problem::Guarded for $name {}
        const _: () = {
            let statuses: &[u16] = &[$($status),+];
            let mut i = 0;
            let mut has_403 = false;
            while i < statuses.len() {
                has_403 |= statuses[i] == 403;
                i += 1;
            }
            assert!(has_403, "a guarded error set lists 403");
        };
    };
    ($(#[$meta:meta])* $vis:vis $name:ident : $($status:literal),+ $(,)?) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis struct $name;
        impl $crate::http::problem::ErrorSet for $name {
            const STATUSES: &'static [u16] = &[$($status),+];
        }
    };
}
