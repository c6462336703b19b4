//! Chat domain types: thread and message ids, and which side of a thread a caller is on.

use haven_platform::auth::{Principal, Role};
use haven_platform::define_id;

use crate::audit::model::{Actor, ActorRole};

define_id!(
    /// A chat thread between a member and a provider (`cht_…`).
    ThreadId,
    "cht"
);

define_id!(
    /// A chat message (`chm_…`).
    MessageId,
    "chm"
);

/// Longest message body, in characters.
pub const BODY_MAX: usize = 4000;

/// Most messages one catch-up read of a stream loads at a time.
pub const CATCH_UP_BATCH: i64 = 100;

/// Which participant of a thread the caller is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The member.
    Member,
    /// The coach or clinician.
    Provider,
}

/// The role a caller acts in on a thread: the guard checks it live, the audit row names
/// it. A provider's is their provider role (clinicians need a second factor).
pub fn acting_role(p: &Principal, side: Side) -> Role {
    match side {
        Side::Member => Role::Member,
        Side::Provider => crate::availability::api::provider_role(p),
    }
}

/// The role named in the audit row of a refused caller (who is no participant): the most
/// privileged care role the token claims.
pub fn claimed_actor(p: &Principal) -> Actor {
    let role = if p.has_role(Role::Clinician) {
        ActorRole::Clinician
    } else if p.has_role(Role::Coach) {
        ActorRole::Coach
    } else {
        ActorRole::Member
    };
    Actor {
        id: p.user_id,
        role,
    }
}

/// Whether `body` is a valid message body: not blank, at most [`BODY_MAX`] characters,
/// no NUL (what [`crate::rules::ChatBody`] documents).
pub fn valid_body(body: &str) -> bool {
    !body.trim().is_empty() && body.chars().count() <= BODY_MAX && !body.contains('\0')
}
