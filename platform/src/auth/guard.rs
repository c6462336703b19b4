//! The one authorization guard of every privileged operation (issue 8, point 4).
//!
//! An access token carries the roles its subject held when it was issued, and lives up to
//! 15 minutes. A role check on the token alone would let a demoted or disabled admin keep
//! their powers until it expires, so [`Guard::require_role`] checks the token first (no
//! database) and then asks the account's live state through the [`AccountStates`] port,
//! which the app's wiring adapts to identity (docs/architecture.md rule 2: the platform owns the port,
//! identity answers it, no domain depends on identity).

use std::sync::{Arc, OnceLock};

use futures_util::future::BoxFuture;
use poem::http::StatusCode;

use super::{Principal, Role, unauthorized};
use crate::db::DbError;
use crate::http::domain_error::DomainError;
use crate::http::problem::{ApiError, Code, Guarded, ProblemError, UNAUTHORIZED};
use crate::ids::{SessionId, UserId};

/// Roles whose operations also need a token issued after a second factor (`amr` has
/// `mfa` or `otp`); identity makes these roles enroll one.
pub const SECOND_FACTOR_ROLES: &[Role] = &[Role::Clinician, Role::Admin];

/// An account as it is in the database now, for the guard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveAccount {
    /// Whether an admin disabled the account.
    pub disabled: bool,
    /// The roles the account holds now.
    pub roles: Vec<Role>,
    /// Whether the token's session is still active (not revoked by a logout or a
    /// disable).
    pub session_active: bool,
}

/// The port the guard asks: the live state of an account and one of its sessions.
pub trait AccountStates: Send + Sync + 'static {
    /// `None` when the account does not exist (any more). One indexed primary-key query.
    fn live_account<'a>(
        &'a self,
        user_id: &'a UserId,
        session_id: &'a SessionId,
    ) -> BoxFuture<'a, Result<Option<LiveAccount>, DbError>>;
}

/// The guard; cheap to clone. The app installs the [`AccountStates`] adapter once at
/// wiring; until then every guarded operation is refused (deny by default).
#[derive(Clone, Default)]
pub struct Guard {
    states: Arc<OnceLock<Arc<dyn AccountStates>>>,
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Guard")
            .field("installed", &self.states.get().is_some())
            .finish()
    }
}

/// Why the guard refused, before it becomes a problem. As a [`DomainError`] its codes are
/// what every `error_set!(…; guarded)` documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("refused: {}", self.code())]
pub enum Refusal {
    /// The token does not carry the role: `403 forbidden`.
    RoleMissing,
    /// The role needs a second factor the token was not issued after: `403 mfa_required`.
    SecondFactorMissing,
    /// The account was disabled after the token was issued: `403 account_disabled`.
    AccountDisabled,
    /// The account no longer holds the role: `403 role_revoked`.
    RoleRevoked,
    /// The account is gone or the token's session was revoked: `401 unauthorized`, as
    /// for an invalid token.
    SessionEnded,
}

impl Refusal {
    /// The stable problem code of this refusal.
    pub fn code(self) -> &'static str {
        match self {
            Self::RoleMissing => "forbidden",
            Self::SecondFactorMissing => "mfa_required",
            Self::AccountDisabled => "account_disabled",
            Self::RoleRevoked => "role_revoked",
            Self::SessionEnded => "unauthorized",
        }
    }

    fn problem<S: Guarded>(self) -> ApiError<S> {
        ApiError::from(self)
    }
}

impl DomainError for Refusal {
    const CODES: &'static [Code] = &[
        (403, "forbidden"),
        (403, "mfa_required"),
        (403, "account_disabled"),
        (403, "role_revoked"),
        UNAUTHORIZED,
    ];

    fn into_problem(self) -> ProblemError {
        let forbidden = |detail: &str| {
            ProblemError::new(StatusCode::FORBIDDEN, self.code()).with_detail(detail.to_owned())
        };
        match self {
            Self::RoleMissing => forbidden("Your account is not allowed to do this."),
            Self::SecondFactorMissing => {
                forbidden("Sign in again with your second factor to do this.")
            }
            Self::AccountDisabled => forbidden("This account is disabled; contact support."),
            Self::RoleRevoked => forbidden(
                "Your account no longer holds the role this needs; sign in again to get a \
                 token with your current roles.",
            ),
            Self::SessionEnded => unauthorized(true),
        }
    }
}

/// The decision on a principal and the account's live state (`None`: account gone).
pub fn decide(p: &Principal, role: Role, live: Option<&LiveAccount>) -> Result<(), Refusal> {
    check_token(p, role)?;
    let Some(live) = live else {
        return Err(Refusal::SessionEnded);
    };
    if live.disabled {
        return Err(Refusal::AccountDisabled);
    }
    if !live.roles.contains(&role) {
        return Err(Refusal::RoleRevoked);
    }
    if !live.session_active {
        return Err(Refusal::SessionEnded);
    }
    Ok(())
}

/// The checks that need no database: the token's roles and second factor.
fn check_token(p: &Principal, role: Role) -> Result<(), Refusal> {
    if !p.has_role(role) {
        return Err(Refusal::RoleMissing);
    }
    if SECOND_FACTOR_ROLES.contains(&role) && !p.has_mfa() {
        return Err(Refusal::SecondFactorMissing);
    }
    Ok(())
}

impl Guard {
    /// Installs the port's adapter; only the first call counts (the app wires once).
    pub fn install(&self, states: Arc<dyn AccountStates>) {
        let _ = self.states.set(states);
    }

    /// `Ok` when `p` may act as `role` right now: the token carries the role (and a
    /// second factor for [`SECOND_FACTOR_ROLES`]), and the account is still enabled, still
    /// holds the role and the token's session is active. Refusals are the problems of
    /// [`Refusal`]; the token checks run first, so a plain member costs no query.
    pub async fn require_role<S: Guarded>(
        &self,
        p: &Principal,
        role: Role,
    ) -> Result<(), ApiError<S>> {
        check_token(p, role).map_err(Refusal::problem)?;
        let Some(states) = self.states.get() else {
            // A wiring bug: refuse rather than trust the token alone.
            return Err(ApiError::internal(
                &"the account-state port is not installed",
            ));
        };
        let live = states.live_account(&p.user_id, &p.session_id).await?;
        let decision = decide(p, role, live.as_ref());
        if let Err(refusal) = decision {
            tracing::info!(user_id = %p.user_id, code = refusal.code(), "privileged operation refused");
        }
        decision.map_err(Refusal::problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::error_set!(GuardedErrors; guarded);

    fn principal(roles: &[Role], amr: &[&str]) -> Principal {
        Principal {
            user_id: UserId::new(),
            session_id: SessionId::new(),
            roles: roles.to_vec(),
            amr: amr.iter().map(|s| (*s).to_owned()).collect(),
            token_id: "t".to_owned(),
            expires_at: chrono::Utc::now(),
        }
    }

    fn live(disabled: bool, roles: &[Role], session_active: bool) -> LiveAccount {
        LiveAccount {
            disabled,
            roles: roles.to_vec(),
            session_active,
        }
    }

    #[test]
    fn token_checks_come_first_then_the_live_state() {
        let admin = principal(&[Role::Member, Role::Admin], &["pwd", "otp"]);
        let ok = live(false, &[Role::Member, Role::Admin], true);
        assert_eq!(decide(&admin, Role::Admin, Some(&ok)), Ok(()));
        let member = principal(&[Role::Member], &["pwd"]);
        assert_eq!(
            decide(&member, Role::Admin, Some(&ok)),
            Err(Refusal::RoleMissing)
        );
        let no_mfa = principal(&[Role::Member, Role::Admin], &["pwd"]);
        assert_eq!(
            decide(&no_mfa, Role::Admin, Some(&ok)),
            Err(Refusal::SecondFactorMissing)
        );
        let demoted = live(false, &[Role::Member], true);
        assert_eq!(
            decide(&admin, Role::Admin, Some(&demoted)),
            Err(Refusal::RoleRevoked)
        );
        // Disabling also revokes the sessions: the precise reason wins.
        let disabled = live(true, &[Role::Member, Role::Admin], false);
        assert_eq!(
            decide(&admin, Role::Admin, Some(&disabled)),
            Err(Refusal::AccountDisabled)
        );
        let logged_out = live(false, &[Role::Member, Role::Admin], false);
        assert_eq!(
            decide(&admin, Role::Admin, Some(&logged_out)),
            Err(Refusal::SessionEnded)
        );
        assert_eq!(
            decide(&admin, Role::Admin, None),
            Err(Refusal::SessionEnded)
        );
    }

    #[test]
    fn member_operations_need_no_second_factor() {
        let member = principal(&[Role::Member], &["pwd"]);
        let ok = live(false, &[Role::Member], true);
        assert_eq!(decide(&member, Role::Member, Some(&ok)), Ok(()));
    }

    #[tokio::test]
    async fn without_an_installed_port_everything_is_refused() {
        let admin = principal(&[Role::Member, Role::Admin], &["pwd", "otp"]);
        let err = Guard::default()
            .require_role::<GuardedErrors>(&admin, Role::Admin)
            .await
            .err()
            .map(|e| e.status());
        assert_eq!(err, Some(StatusCode::INTERNAL_SERVER_ERROR));
    }
}
