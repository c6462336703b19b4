//! Admin use-cases (issue 4, point 6): list and read accounts, change their roles,
//! disable and re-enable them.
//!
//! Every use-case re-checks in the database that the actor is still an enabled admin
//! with an active session, because an access token may be up to 15 minutes old. Changes to roles
//! and account state run under one lock ([`repo::lock_admin_changes`]), so the rule
//! "an enabled admin always remains" holds under concurrent requests.

use std::collections::HashMap;

use diesel::Connection;
use haven_platform::AnyConnection;
use haven_platform::auth::{Principal, Role};
use haven_platform::time::now_utc;

use super::sessions::{RevokeReason, count_revoked, revoke_sessions_audited};
use super::{IdentityService, count, parse_id, roles_to_json, security_event, user_from_row};
use crate::error::{FieldProblem, IdentityError};
use crate::model::{SecurityEventKind, User, UserId};
use crate::repo::{self, UserFilter, UserRow};

/// Who performs an admin use-case: the subject and session of their access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// The admin's user id.
    pub user_id: String,
    /// The session the admin's access token belongs to.
    pub session_id: String,
}

impl From<&Principal> for Actor {
    fn from(p: &Principal) -> Self {
        Self {
            user_id: p.user_id.clone(),
            session_id: p.session_id.clone(),
        }
    }
}

/// Longest email search text, in bytes.
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

/// The stored (and wire) name of a role.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Member => "member",
        Role::Coach => "coach",
        Role::Clinician => "clinician",
        Role::Admin => "admin",
    }
}

/// Checks a requested role set: `member` is always part of it and no role appears twice
/// (nothing is added or dropped silently). Returns it in canonical (sorted) order.
pub fn validate_roles(mut roles: Vec<Role>) -> Result<Vec<Role>, IdentityError> {
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
        Err(IdentityError::Validation(problems))
    }
}

/// The search text as the query compares it: trimmed, lower-cased (emails are stored
/// lower-cased in `email_normalized`); blank or too long is a validation problem.
pub fn email_search(raw: &str) -> Result<String, IdentityError> {
    let text = raw.trim().to_lowercase();
    if text.is_empty() || text.len() > EMAIL_SEARCH_MAX_LEN {
        return Err(IdentityError::Validation(vec![FieldProblem {
            field: "email",
            code: "invalid",
            message: format!("The search text must be 1 to {EMAIL_SEARCH_MAX_LEN} bytes long."),
        }]));
    }
    Ok(text)
}

impl IdentityService {
    /// Accounts matching `query`, newest first: up to `fetch` after the keyset position
    /// `before` (a user id), each with its count of active sessions.
    #[tracing::instrument(skip_all, fields(actor_id = %actor.user_id))]
    pub async fn admin_list_users(
        &self,
        actor: &Actor,
        query: UserQuery,
        before: Option<UserId>,
        fetch: i64,
    ) -> Result<Vec<AdminUser>, IdentityError> {
        let actor = actor.clone();
        let filter = UserFilter {
            email_contains: query.email_contains,
            role: query.role.map(|r| role_name(r).to_owned()),
        };
        let before = before.map(|b| b.to_string());
        let (rows, sessions) = self
            .db
            .run(move |conn| {
                ensure_admin(conn, &actor)?;
                let rows = repo::list_users(conn, &filter, before.as_deref(), fetch)?;
                let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
                let sessions = repo::active_session_owners(conn, &ids)?;
                Ok::<_, IdentityError>((rows, sessions))
            })
            .await?;
        let mut per_user: HashMap<String, u32> = HashMap::new();
        for owner in sessions {
            *per_user.entry(owner).or_default() += 1;
        }
        rows.into_iter()
            .map(|row| {
                let active_sessions = per_user.get(&row.id.to_string()).copied().unwrap_or(0);
                Ok(AdminUser {
                    user: user_from_row(row)?,
                    active_sessions,
                })
            })
            .collect()
    }

    /// One account with its count of active sessions.
    #[tracing::instrument(skip_all, fields(actor_id = %actor.user_id, user_id = %user_id))]
    pub async fn admin_get_user(
        &self,
        actor: &Actor,
        user_id: &str,
    ) -> Result<AdminUser, IdentityError> {
        let (actor, target) = (actor.clone(), parse_id(user_id)?);
        let (row, active) = self
            .db
            .run(move |conn| {
                ensure_admin(conn, &actor)?;
                let row = repo::find_user(conn, target)?.ok_or(IdentityError::NotFound)?;
                let active = repo::count_active_sessions(conn, &target.to_string())?;
                Ok::<_, IdentityError>((row, active))
            })
            .await?;
        admin_user(row, active)
    }

    /// Replaces the account's roles with `roles` (validated by [`validate_roles`]).
    /// Refused with `LastAdmin` when it would take `admin` from the last enabled admin.
    /// Audited as `role_changed` (actor, old and new roles). Sessions are kept: their
    /// next refresh issues tokens with the new roles, and access tokens already issued
    /// keep the old roles until they expire (at most 15 minutes).
    #[tracing::instrument(skip_all, fields(actor_id = %actor.user_id, user_id = %user_id))]
    pub async fn admin_set_roles(
        &self,
        actor: &Actor,
        user_id: &str,
        roles: Vec<Role>,
    ) -> Result<AdminUser, IdentityError> {
        let roles = validate_roles(roles)?;
        let roles_json = roles_to_json(&roles)?;
        let (actor, target) = (actor.clone(), parse_id(user_id)?);
        let now = now_utc();
        let (row, active, changed) = self
            .db
            .run(move |conn| {
                conn.transaction(|conn| {
                    repo::lock_admin_changes(conn)?;
                    ensure_admin(conn, &actor)?;
                    let mut row = repo::find_user(conn, target)?.ok_or(IdentityError::NotFound)?;
                    let old = stored_roles(&row)?;
                    let changed = old != roles;
                    if changed {
                        if old.contains(&Role::Admin)
                            && !roles.contains(&Role::Admin)
                            && row.disabled_at.is_none()
                            && repo::count_enabled_admins(conn)? <= 1
                        {
                            return Err(IdentityError::LastAdmin);
                        }
                        repo::set_roles(conn, &target.to_string(), &roles_json, now)?;
                        let mut event =
                            security_event(SecurityEventKind::RoleChanged, Some(target), None, now);
                        event.actor_id = Some(parse_id(&actor.user_id)?);
                        event.detail = Some(format!("roles: {} -> {}", names(&old), names(&roles)));
                        repo::insert_security_event(conn, &event)?;
                        row.roles = roles_json.clone();
                        row.updated_at = now;
                    }
                    let active = repo::count_active_sessions(conn, &target.to_string())?;
                    Ok((row, active, changed))
                })
            })
            .await?;
        if changed {
            count(SecurityEventKind::RoleChanged);
            tracing::info!(roles = %row.roles, "roles changed by an admin");
        }
        admin_user(row, active)
    }

    /// Disables (`disabled = true`) or re-enables the account. Disabling revokes all its
    /// sessions, so their refresh tokens stop at once (access tokens already issued live
    /// out their at most 15 minutes); it is refused with `LastAdmin` for the last
    /// enabled admin. A no-op when the account is already in that state. Audited as
    /// `account_disabled` / `account_enabled`.
    #[tracing::instrument(skip_all, fields(actor_id = %actor.user_id, user_id = %user_id, disabled))]
    pub async fn admin_set_disabled(
        &self,
        actor: &Actor,
        user_id: &str,
        disabled: bool,
    ) -> Result<AdminUser, IdentityError> {
        let (actor, target) = (actor.clone(), parse_id(user_id)?);
        let now = now_utc();
        let (row, active, changed, revoked) = self
            .db
            .run(move |conn| {
                conn.transaction(|conn| {
                    repo::lock_admin_changes(conn)?;
                    ensure_admin(conn, &actor)?;
                    let mut row = repo::find_user(conn, target)?.ok_or(IdentityError::NotFound)?;
                    let changed = row.disabled_at.is_some() != disabled;
                    let mut revoked_count = 0;
                    if changed {
                        let (kind, detail) = if disabled {
                            if stored_roles(&row)?.contains(&Role::Admin)
                                && repo::count_enabled_admins(conn)? <= 1
                            {
                                return Err(IdentityError::LastAdmin);
                            }
                            repo::set_disabled_at(conn, &target.to_string(), Some(now), now)?;
                            let revoked = revoke_sessions_audited(
                                conn,
                                target,
                                repo::SessionScope::All,
                                RevokeReason::AccountDisabled,
                                Some(parse_id(&actor.user_id)?),
                                now,
                            )?
                            .len();
                            revoked_count = revoked;
                            row.disabled_at = Some(now);
                            (
                                SecurityEventKind::AccountDisabled,
                                format!("sessions revoked: {revoked}"),
                            )
                        } else {
                            repo::set_disabled_at(conn, &target.to_string(), None, now)?;
                            row.disabled_at = None;
                            (SecurityEventKind::AccountEnabled, "enabled".to_owned())
                        };
                        let mut event = security_event(kind, Some(target), None, now);
                        event.actor_id = Some(parse_id(&actor.user_id)?);
                        event.detail = Some(detail);
                        repo::insert_security_event(conn, &event)?;
                        row.updated_at = now;
                    }
                    let active = repo::count_active_sessions(conn, &target.to_string())?;
                    Ok((row, active, changed, revoked_count))
                })
            })
            .await?;
        if changed {
            let kind = if disabled {
                SecurityEventKind::AccountDisabled
            } else {
                SecurityEventKind::AccountEnabled
            };
            count(kind);
            count_revoked(revoked);
            tracing::info!(kind = kind.as_str(), "account state changed by an admin");
        }
        admin_user(row, active)
    }
}

/// `SessionRevoked` unless the actor's session is still active (a logout or a disable
/// ends admin powers at once, not when the access token expires); `Forbidden` unless
/// the actor is an enabled account holding `admin` right now.
fn ensure_admin(conn: &mut AnyConnection, actor: &Actor) -> Result<(), IdentityError> {
    let session_active = repo::find_session(conn, parse_id(&actor.session_id)?)?
        .is_some_and(|s| s.user_id.to_string() == actor.user_id && s.revoked_at.is_none());
    if !session_active {
        return Err(IdentityError::SessionRevoked);
    }
    let is_admin = repo::find_user(conn, parse_id(&actor.user_id)?)?.is_some_and(|row| {
        row.disabled_at.is_none() && stored_roles(&row).is_ok_and(|r| r.contains(&Role::Admin))
    });
    if is_admin {
        Ok(())
    } else {
        Err(IdentityError::Forbidden)
    }
}

/// The row's roles in canonical (sorted, distinct) order.
fn stored_roles(row: &UserRow) -> Result<Vec<Role>, IdentityError> {
    let mut roles: Vec<Role> = serde_json::from_str(&row.roles)
        .map_err(|e| IdentityError::Internal(format!("identity_users.roles of {}: {e}", row.id)))?;
    roles.sort();
    roles.dedup();
    Ok(roles)
}

fn names(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| role_name(*r))
        .collect::<Vec<_>>()
        .join(",")
}

fn admin_user(row: UserRow, active_sessions: i64) -> Result<AdminUser, IdentityError> {
    Ok(AdminUser {
        user: user_from_row(row)?,
        active_sessions: u32::try_from(active_sessions).unwrap_or(u32::MAX),
    })
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
