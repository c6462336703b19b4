//! Admin use-cases: list and read accounts, change their roles,
//! disable and re-enable them.
//!
//! Who may call them is decided once, by the platform's guard
//! (`haven_platform::auth::Guard::require_role`), which asks [`IdentityService::live_account`]
//! whether the caller is still an enabled admin with an active session (an access token
//! may be up to 15 minutes old). A change to an account first locks its row, so changes
//! to one account run one after the other; one that could take away an enabled admin
//! also locks every `admin` role row ([`crate::accounts::repo::lock_admin_roles`]), so the rule "an
//! enabled admin always remains" holds under concurrent requests on both backends.

use std::collections::HashMap;

use haven_platform::auth::{LiveAccount, Role};
use haven_platform::ids::{SessionId, UserId};
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError, Fault, Unexpected};

use super::error::{AdminChangeError, AdminGetError};
use super::model::{Actor, AdminUser, UserQuery, validate_roles};
use super::repo;
use super::repo::UserFilter;
use crate::accounts::repo::UserRow;
pub use crate::accounts::repo::role_name;
use crate::accounts::service::user_from_row;
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::IdentityService;
use crate::sessions::service::{RevokeReason, revoke_sessions_audited};
use crate::{accounts, security_events, sessions};

impl IdentityService {
    /// The guard's port (`haven_platform::auth::AccountStates`, adapted in the app's
    /// wiring): whether `user_id` exists, is disabled, which roles it holds now, and
    /// whether `session_id` is its active session. One query; a stored role list that
    /// does not parse counts as no role (the guard then refuses).
    pub async fn live_account(
        &self,
        user_id: &UserId,
        session_id: &SessionId,
    ) -> Result<Option<LiveAccount>, DbError> {
        let (user, session) = (*user_id, *session_id);
        let row = self
            .db
            // The primary: the guard decides on the account as it is now, not as a replica
            // saw it; one statement, so no transaction around it (Db::run).
            .run(move |conn| repo::live_account(conn, &user, &session).map_err(DbError::Query))
            .await?;
        Ok(row.map(|(disabled_at, roles, session_active)| LiveAccount {
            disabled: disabled_at.is_some(),
            roles: serde_json::from_str(&roles).unwrap_or_else(|e| {
                tracing::error!(error = %e, %user_id, "identity_users.roles does not parse");
                Vec::new()
            }),
            session_active,
        }))
    }

    /// Accounts matching `query`, newest first: up to `fetch` after the keyset position
    /// `before` (a user id), each with its count of active sessions.
    #[tracing::instrument(skip_all, fields(actor_id = %actor.user_id))]
    pub async fn admin_list_users(
        &self,
        actor: &Actor,
        query: UserQuery,
        before: Option<UserId>,
        fetch: i64,
    ) -> Result<Vec<AdminUser>, Fault> {
        let filter = UserFilter {
            email_contains: query.email_contains,
            role: query.role,
        };
        // A listing may lag the primary by the replica's delay.
        let (rows, sessions) = self
            .db
            .read(move |conn| {
                let rows = repo::list_users(conn, &filter, before, fetch)?;
                let ids: Vec<UserId> = rows.iter().map(|r| r.id).collect();
                let sessions = repo::active_session_owners(conn, &ids)?;
                Ok::<_, Fault>((rows, sessions))
            })
            .await?;
        let mut per_user: HashMap<UserId, u32> = HashMap::new();
        for owner in sessions {
            *per_user.entry(owner).or_default() += 1;
        }
        rows.into_iter()
            .map(|row| {
                let active_sessions = per_user.get(&row.id).copied().unwrap_or(0);
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
        user_id: &UserId,
    ) -> Result<AdminUser, AdminGetError> {
        let target = *user_id;
        // On the primary: an admin reads an account right after changing it.
        let (row, active) = self
            .db
            .read_primary(move |conn| {
                let row =
                    accounts::repo::find_user(conn, target)?.ok_or(AdminGetError::NotFound)?;
                let active = repo::count_active_sessions(conn, &target)?;
                Ok::<_, AdminGetError>((row, active))
            })
            .await?;
        Ok(admin_user(row, active)?)
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
        user_id: &UserId,
        roles: Vec<Role>,
    ) -> Result<AdminUser, AdminChangeError> {
        let roles = validate_roles(roles)?;
        let (actor, target) = (actor.clone(), *user_id);
        let now = now_utc();
        let (row, active, changed) = self
            .db
            .write(move |conn| {
                let row = lock_target(conn, &target)?;
                let old = stored_roles(&row)?;
                let changed = old != roles;
                if changed {
                    if old.contains(&Role::Admin)
                        && !roles.contains(&Role::Admin)
                        && row.disabled_at.is_none()
                    {
                        ensure_another_enabled_admin(conn)?;
                    }
                    accounts::repo::set_roles(conn, &target, &roles, now)?;
                    let mut event =
                        security_event(SecurityEventKind::RoleChanged, Some(target), None, now);
                    event.actor_id = Some(actor.user_id);
                    event.detail = Some(format!("roles: {} -> {}", names(&old), names(&roles)));
                    security_events::repo::insert_security_event(conn, &event)?;
                }
                let row = find_target(conn, &target)?;
                let active = repo::count_active_sessions(conn, &target)?;
                Ok::<_, AdminChangeError>((row, active, changed))
            })
            .await?;
        if changed {
            count(SecurityEventKind::RoleChanged);
            tracing::info!(roles = %row.roles, "roles changed by an admin");
        }
        Ok(admin_user(row, active)?)
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
        user_id: &UserId,
        disabled: bool,
    ) -> Result<AdminUser, AdminChangeError> {
        let (actor, target) = (actor.clone(), *user_id);
        let now = now_utc();
        let (row, active, changed) = self
            .db
            .write(move |conn| {
                let row = lock_target(conn, &target)?;
                let changed = row.disabled_at.is_some() != disabled;
                if changed {
                    let (kind, detail) = if disabled {
                        if stored_roles(&row)?.contains(&Role::Admin) {
                            ensure_another_enabled_admin(conn)?;
                        }
                        repo::set_disabled_at(conn, &target, Some(now), now)?;
                        let revoked = revoke_sessions_audited(
                            conn,
                            target,
                            sessions::repo::SessionScope::All,
                            RevokeReason::AccountDisabled,
                            Some(actor.user_id),
                            now,
                        )?;
                        (
                            SecurityEventKind::AccountDisabled,
                            format!("sessions revoked: {}", revoked.len()),
                        )
                    } else {
                        repo::set_disabled_at(conn, &target, None, now)?;
                        (SecurityEventKind::AccountEnabled, "enabled".to_owned())
                    };
                    let mut event = security_event(kind, Some(target), None, now);
                    event.actor_id = Some(actor.user_id);
                    event.detail = Some(detail);
                    security_events::repo::insert_security_event(conn, &event)?;
                }
                let row = find_target(conn, &target)?;
                let active = repo::count_active_sessions(conn, &target)?;
                Ok::<_, AdminChangeError>((row, active, changed))
            })
            .await?;
        if changed {
            let kind = if disabled {
                SecurityEventKind::AccountDisabled
            } else {
                SecurityEventKind::AccountEnabled
            };
            count(kind);
            tracing::info!(kind = kind.as_str(), "account state changed by an admin");
        }
        Ok(admin_user(row, active)?)
    }
}

/// Write-locks the target account's row and reads it, so changes to one account run one
/// after the other; `NotFound` when there is no such account.
fn lock_target(conn: &mut AnyConnection, target: &UserId) -> Result<UserRow, AdminChangeError> {
    if !accounts::repo::lock_user(conn, target)? {
        return Err(AdminChangeError::NotFound);
    }
    find_target(conn, target)
}

/// The target account's row, inside the use-case's transaction.
fn find_target(conn: &mut AnyConnection, target: &UserId) -> Result<UserRow, AdminChangeError> {
    accounts::repo::find_user(conn, *target)?.ok_or(AdminChangeError::NotFound)
}

/// `LastAdmin` unless another enabled admin remains besides the (locked, enabled admin)
/// target. Locks every admin role row first, so two admins taking the role from each
/// other (or disabling each other) at once cannot both count the other one and leave
/// none: the second waits, then counts what the first left.
fn ensure_another_enabled_admin(conn: &mut AnyConnection) -> Result<(), AdminChangeError> {
    accounts::repo::lock_admin_roles(conn)?;
    if accounts::repo::count_enabled_admins(conn)? <= 1 {
        return Err(AdminChangeError::LastAdmin);
    }
    Ok(())
}

/// The row's roles in canonical (sorted, distinct) order.
fn stored_roles(row: &UserRow) -> Result<Vec<Role>, Unexpected> {
    let mut roles: Vec<Role> =
        serde_json::from_str(&row.roles).map_err(Unexpected::with("identity_users.roles"))?;
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

fn admin_user(row: UserRow, active_sessions: i64) -> Result<AdminUser, Unexpected> {
    Ok(AdminUser {
        user: user_from_row(row)?,
        active_sessions: u32::try_from(active_sessions).unwrap_or(u32::MAX),
    })
}
