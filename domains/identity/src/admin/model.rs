//! Admin types: the acting admin, the admin view of an account, the user search and the
//! role rules.

use haven_platform::Invalid;
use haven_platform::auth::{Principal, Role};
use haven_platform::ids::{SessionId, UserId};

use crate::accounts::model::User;
pub use crate::accounts::repo::role_name;
use crate::error::{FieldProblem, invalid};

/// Who performs an admin use-case: the subject and session of their access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The admin's user id.
    pub user_id: UserId,
    /// The session the admin's access token belongs to.
    pub session_id: SessionId,
}

impl From<&Principal> for Actor {
    fn from(p: &Principal) -> Self {
        Self {
            user_id: p.user_id,
            session_id: p.session_id,
        }
    }
}

/// Longest email search text, in characters.
pub const EMAIL_SEARCH_MAX_LEN: usize = 320;

/// An account as an admin sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminUser {
    /// The account.
    pub user: User,
    /// How many of its sessions are active (not revoked; possibly expired).
    pub active_sessions: u32,
}

/// What the admin list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct UserQuery {
    /// Text the email must contain (compared case-insensitively).
    pub email_contains: Option<String>,
    /// A role the account must hold.
    pub role: Option<Role>,
}

/// Checks a requested role set: `member` is always part of it and no role appears twice
/// (nothing is added or dropped silently). Returns it in canonical (sorted) order.
pub fn validate_roles(mut roles: Vec<Role>) -> Result<Vec<Role>, Invalid> {
    let mut problems = Vec::new();
    if !roles.contains(&Role::Member) {
        problems.push(FieldProblem {
            field: "roles",
            code: "member_required",
            message: "Every account keeps the `member` role; include it.".to_owned(),
        });
    }
    roles.sort();
    if roles.windows(2).any(|w| w[0] == w[1]) {
        problems.push(FieldProblem {
            field: "roles",
            code: "duplicate",
            message: "A role is listed more than once.".to_owned(),
        });
    }
    if problems.is_empty() {
        Ok(roles)
    } else {
        Err(invalid(problems))
    }
}

/// The search text as the query compares it: trimmed, lower-cased (emails are stored
/// lower-cased in `email_normalized`); blank or too long (counted in characters as sent,
/// as the document's `maxLength` counts) is a validation problem.
pub fn email_search(raw: &str) -> Result<String, Invalid> {
    let text = raw.trim().to_lowercase();
    if text.is_empty() || raw.chars().count() > EMAIL_SEARCH_MAX_LEN {
        return Err(invalid(vec![FieldProblem {
            field: "email",
            code: "invalid",
            message: format!(
                "The search text must be 1 to {EMAIL_SEARCH_MAX_LEN} characters long."
            ),
        }]));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_sets_keep_member_and_have_no_duplicates() {
        assert_eq!(
            validate_roles(vec![Role::Admin, Role::Member]).ok(),
            Some(vec![Role::Member, Role::Admin])
        );
        assert!(validate_roles(vec![Role::Admin]).is_err());
        assert!(validate_roles(vec![]).is_err());
        assert!(validate_roles(vec![Role::Member, Role::Coach, Role::Coach]).is_err());
    }

    #[test]
    fn role_names_match_their_serde_names() {
        for role in [Role::Member, Role::Coach, Role::Clinician, Role::Admin] {
            assert_eq!(
                serde_json::to_value(role).ok(),
                Some(serde_json::Value::String(role_name(role).to_owned()))
            );
        }
    }

    #[test]
    fn email_search_is_trimmed_lowercased_and_bounded() {
        assert_eq!(
            email_search("  ACME.com ").ok(),
            Some("acme.com".to_owned())
        );
        assert!(email_search("   ").is_err());
        assert!(email_search(&"a".repeat(321)).is_err());
    }
}
