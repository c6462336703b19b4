//! Events the identity domain publishes and handles through the outbox.
//!
//! `account_email`: the verification and password-reset emails, sent by an outbox
//! handler so that a use-case commits the request and the email together. Further
//! events (`user.erased`, `organization.member_joined/left`) come with later slices of
//! issue 4.

mod account_email;
pub use account_email::*;
