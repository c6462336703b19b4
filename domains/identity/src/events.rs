//! Events the identity domain publishes and handles through the outbox.
//!
//! `account_email`: the verification and password-reset emails, sent by an outbox
//! handler so that a use-case commits the request and the email together.
//! `organization.member_joined/left` come with the organizations slice of issue 4.

mod account_email;
pub use account_email::*;

use haven_platform::outbox::DomainEvent;
use serde::Serialize;

/// `user.erased`: the member asked for their account to be erased; published in the
/// request's transaction. Subscribers may act on it (e.g. stop billing at once); the
/// erasure itself runs through every module's `erase_user` hook, not through this event.
#[derive(Debug, Clone, Serialize)]
pub struct UserErased {
    /// The erased account (`usr_…`), from now on a pseudonym.
    pub user_id: String,
}

impl DomainEvent for UserErased {
    const TYPE: &'static str = "user.erased";
}
