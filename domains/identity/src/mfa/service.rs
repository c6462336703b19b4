//! The member's second factor: TOTP enrollment and confirmation, recovery codes, turning
//! it off, and the factor check shared with the login step-up (`sessions::login`).
//!
//! Changing the factor (regenerating recovery codes, turning it off) takes a current
//! code, so a stolen access token alone cannot remove it. Wrong codes are `mfa_failed`
//! security events and count toward the account lock like wrong passwords.

use chrono::NaiveDateTime;
use haven_platform::auth::Role;
use haven_platform::ids::{SessionId, UserId};
use haven_platform::time::now_utc;
use haven_platform::{Fault, Unexpected};

use super::error::{EnrollError, MfaChangeError, MfaStatusError};
use super::model::{MfaFactor, MfaStatus, RecoveryCodeId, TotpEnrollment};
use super::repo::{MfaTotpRow, RecoveryCodeRow};
use super::totp::SecretCipher;
use super::{repo, totp};
use crate::accounts::service::user_from_row;
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, utc};
use crate::{accounts, security_events};

/// `amr` of a password (RFC 8176).
pub const AMR_PASSWORD: &str = "pwd";

/// `amr` of a TOTP code.
pub const AMR_OTP: &str = "otp";

/// `amr` of a second factor that is not a TOTP code (a recovery code).
pub const AMR_MFA: &str = "mfa";

/// Roles whose accounts must have a second factor: their tokens carry it in `amr`, and
/// the platform's role guard requires it for these roles' operations (one list for both).
pub const MFA_REQUIRED_ROLES: &[Role] = haven_platform::auth::SECOND_FACTOR_ROLES;

/// Recovery codes generated at a time.
pub const RECOVERY_CODE_COUNT: usize = 10;

/// How long a login may take to present its second factor.
pub const MFA_CHALLENGE_TTL: chrono::Duration = chrono::Duration::minutes(5);

/// Codes that may be tried against one login challenge.
pub const MFA_CHALLENGE_MAX_ATTEMPTS: i32 = 5;

/// Whether an account with `roles` must have a second factor.
pub fn mfa_required_for(roles: &[Role]) -> bool {
    roles.iter().any(|r| MFA_REQUIRED_ROLES.contains(r))
}

/// What checking (and using up) a presented factor found.
pub(crate) enum FactorCheck {
    /// Right, and now used up (its TOTP step, or the recovery code).
    Accepted {
        /// A recovery code, not a TOTP code.
        recovery_code: bool,
    },
    /// Wrong, malformed, replayed, or a recovery code where none is allowed.
    Rejected,
    /// The account has no enabled factor.
    NotEnabled,
}

/// Checks `factor` against the account's enabled factor and uses it up, inside the
/// caller's write transaction: a TOTP code against the decrypted secret (one step of
/// skew either side) once per time step, a recovery code once. The conditional UPDATEs
/// make concurrent uses of one code give one success on both backends.
pub(crate) fn use_factor(
    conn: &mut haven_platform::AnyConnection,
    cipher: Option<&SecretCipher>,
    user_id: UserId,
    factor: &MfaFactor,
    allow_recovery: bool,
    now: NaiveDateTime,
) -> Result<FactorCheck, Fault> {
    let accepted = |used: bool, recovery_code: bool| {
        if used {
            FactorCheck::Accepted { recovery_code }
        } else {
            FactorCheck::Rejected
        }
    };
    match factor {
        MfaFactor::RecoveryCode(_) if !allow_recovery => Ok(FactorCheck::Rejected),
        // Only an enabled factor has recovery codes (turning it off deletes them).
        MfaFactor::RecoveryCode(code) => {
            let hash = totp::recovery_code_hash(&user_id, code);
            Ok(accepted(
                repo::use_recovery_code(conn, user_id, &hash, now)?,
                true,
            ))
        }
        MfaFactor::Totp(code) => {
            let cipher = require_cipher(cipher)?;
            let Some(row) = repo::find_totp(conn, user_id)?.filter(|r| r.enabled_at.is_some())
            else {
                return Ok(FactorCheck::NotEnabled);
            };
            let secret = cipher.decrypt(&user_id, &row.secret_encrypted)?;
            let Some(step) = totp::matching_step(&secret, code, unix(now)) else {
                return Ok(FactorCheck::Rejected);
            };
            let step = i64::try_from(step).unwrap_or(i64::MAX);
            Ok(accepted(
                repo::use_totp_step(conn, user_id, step, true)?,
                false,
            ))
        }
    }
}

/// The TOTP cipher, or an internal error when no key could be made.
fn require_cipher(cipher: Option<&SecretCipher>) -> Result<&SecretCipher, Unexpected> {
    cipher.ok_or_else(|| Unexpected::invariant("no MFA encryption key"))
}

fn unix(t: NaiveDateTime) -> u64 {
    u64::try_from(t.and_utc().timestamp()).unwrap_or(0)
}

/// New recovery codes (in the clear, shown once) and their rows.
fn recovery_codes(
    user_id: UserId,
    now: NaiveDateTime,
) -> Result<(Vec<String>, Vec<RecoveryCodeRow>), Unexpected> {
    let mut codes = Vec::with_capacity(RECOVERY_CODE_COUNT);
    let mut rows = Vec::with_capacity(RECOVERY_CODE_COUNT);
    for _ in 0..RECOVERY_CODE_COUNT {
        let code = totp::new_recovery_code()?;
        rows.push(RecoveryCodeRow {
            id: RecoveryCodeId::new(),
            user_id,
            code_hash: totp::recovery_code_hash(&user_id, &code),
            created_at: now,
            used_at: None,
        });
        codes.push(code);
    }
    Ok((codes, rows))
}

/// The result of a change guarded by a code.
enum Guarded<T> {
    Done(T),
    WrongCode,
}

/// The `amr` of a session that proved a TOTP code after its password.
fn amr_with_otp() -> String {
    format!(r#"["{AMR_PASSWORD}","{AMR_OTP}"]"#)
}

impl IdentityService {
    pub(crate) fn cipher(&self) -> Result<SecretCipher, Unexpected> {
        require_cipher(self.mfa_cipher.as_ref()).cloned()
    }

    /// The account's second-factor state.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn mfa_status(&self, user_id: UserId) -> Result<MfaStatus, MfaStatusError> {
        let id = user_id;
        // The primary: the member looks at this right after changing their factor.
        let (user, totp, left) = self
            .db
            .read_primary(move |conn| {
                let user = accounts::repo::find_user(conn, id)?;
                let totp = repo::find_totp(conn, id)?;
                let left = repo::recovery_codes_left(conn, id)?;
                Ok::<_, MfaStatusError>((user, totp, left))
            })
            .await?;
        let user = user_from_row(user.ok_or(MfaStatusError::AccountNotFound)?)?;
        let enabled_at = totp.as_ref().and_then(|t| t.enabled_at).map(utc);
        Ok(MfaStatus {
            enabled: enabled_at.is_some(),
            pending: totp.is_some() && enabled_at.is_none(),
            enabled_at,
            recovery_codes_left: u32::try_from(left).unwrap_or(0),
            required: mfa_required_for(&user.roles),
        })
    }

    /// Starts (or restarts) a TOTP enrollment: a new secret, pending until confirmed.
    /// `MfaAlreadyEnabled` while a factor is on.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn start_totp_enrollment(
        &self,
        user_id: UserId,
        session_id: SessionId,
    ) -> Result<TotpEnrollment, EnrollError> {
        let cipher = self.cipher()?;
        let user = self
            .find_account(user_id)
            .await?
            .ok_or(EnrollError::AccountNotFound)?;
        let secret = totp::new_secret()?;
        let (secret_base32, otpauth_uri) = totp::enrollment_uri(&secret, &user.email);
        let now = now_utc();
        let row = MfaTotpRow {
            user_id,
            secret_encrypted: cipher.encrypt(&user_id, &secret)?,
            created_at: now,
            enabled_at: None,
            last_used_step: None,
        };
        let event = security_event(
            SecurityEventKind::MfaEnrollmentStarted,
            Some(user_id),
            Some(session_id),
            now,
        );
        self.db
            .write(move |conn| {
                if !repo::start_totp_enrollment(conn, &row)? {
                    return Err(EnrollError::AlreadyEnabled);
                }
                security_events::repo::insert_security_event(conn, &event)?;
                Ok(())
            })
            .await?;
        count(SecurityEventKind::MfaEnrollmentStarted);
        tracing::info!(event = "mfa_enrollment_started", "security event");
        Ok(TotpEnrollment {
            secret: secret_base32,
            otpauth_uri,
        })
    }

    /// Confirms the pending enrollment with a code from the app: the factor is on, the
    /// recovery codes are returned (once), and the caller's session counts as having
    /// proved it (its next refresh carries `otp` in `amr`).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn confirm_totp(
        &self,
        user_id: UserId,
        session_id: SessionId,
        code: &str,
    ) -> Result<Vec<String>, MfaChangeError> {
        let cipher = self.cipher()?;
        self.refuse_when_locked(user_id).await?;
        let now = now_utc();
        let (codes, rows) = recovery_codes(user_id, now)?;
        let code = code.to_owned();
        let (user, session) = (user_id, session_id);
        let outcome = self
            .db
            .write(move |conn| {
                let pending = repo::find_totp(conn, user)?
                    .filter(|r| r.enabled_at.is_none())
                    .ok_or(MfaChangeError::NotPending)?;
                let secret = cipher.decrypt(&user, &pending.secret_encrypted)?;
                let Some(step) = totp::matching_step(&secret, &code, unix(now)) else {
                    return Ok(Guarded::WrongCode);
                };
                // Conditional: of concurrent confirmations with one code, one succeeds.
                let step = i64::try_from(step).unwrap_or(i64::MAX);
                if !repo::use_totp_step(conn, user, step, false)? {
                    return Ok(Guarded::WrongCode);
                }
                if !repo::enable_totp(conn, user, now)? {
                    return Err(MfaChangeError::NotPending);
                }
                repo::replace_recovery_codes(conn, user, &rows)?;
                repo::set_session_amr(conn, session, &amr_with_otp())?;
                security_events::repo::insert_security_event(
                    conn,
                    &security_event(
                        SecurityEventKind::MfaEnabled,
                        Some(user),
                        Some(session),
                        now,
                    ),
                )?;
                Ok(Guarded::Done(()))
            })
            .await?;
        self.finish_guarded(outcome, user_id, session_id, SecurityEventKind::MfaEnabled)
            .await?;
        Ok(codes)
    }

    /// Replaces the recovery codes (the old ones stop working); takes a current TOTP code.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn regenerate_recovery_codes(
        &self,
        user_id: UserId,
        session_id: SessionId,
        code: &str,
    ) -> Result<Vec<String>, MfaChangeError> {
        self.refuse_when_locked(user_id).await?;
        let now = now_utc();
        let (codes, rows) = recovery_codes(user_id, now)?;
        let factor = MfaFactor::Totp(code.to_owned());
        let cipher = self.mfa_cipher.clone();
        let (user, session) = (user_id, session_id);
        let outcome = self
            .db
            .write(move |conn| {
                match use_factor(conn, cipher.as_ref(), user, &factor, false, now)? {
                    FactorCheck::NotEnabled => return Err(MfaChangeError::NotEnabled),
                    FactorCheck::Rejected => return Ok(Guarded::WrongCode),
                    FactorCheck::Accepted { .. } => {}
                }
                repo::replace_recovery_codes(conn, user, &rows)?;
                security_events::repo::insert_security_event(
                    conn,
                    &security_event(
                        SecurityEventKind::MfaRecoveryCodesRegenerated,
                        Some(user),
                        Some(session),
                        now,
                    ),
                )?;
                Ok(Guarded::Done(()))
            })
            .await?;
        self.finish_guarded(
            outcome,
            user_id,
            session_id,
            SecurityEventKind::MfaRecoveryCodesRegenerated,
        )
        .await?;
        Ok(codes)
    }

    /// Turns the second factor off (secret, recovery codes and open login challenges are
    /// deleted); takes a current TOTP code or an unused recovery code (a lost phone).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn disable_mfa(
        &self,
        user_id: UserId,
        session_id: SessionId,
        factor: MfaFactor,
    ) -> Result<(), MfaChangeError> {
        self.refuse_when_locked(user_id).await?;
        let now = now_utc();
        let cipher = self.mfa_cipher.clone();
        let (user, session) = (user_id, session_id);
        let outcome = self
            .db
            .write(move |conn| {
                let recovery_code =
                    match use_factor(conn, cipher.as_ref(), user, &factor, true, now)? {
                        FactorCheck::NotEnabled => return Err(MfaChangeError::NotEnabled),
                        FactorCheck::Rejected => return Ok(Guarded::WrongCode),
                        FactorCheck::Accepted { recovery_code } => recovery_code,
                    };
                let mut events = vec![SecurityEventKind::MfaDisabled];
                if recovery_code {
                    events.insert(0, SecurityEventKind::MfaRecoveryCodeUsed);
                }
                repo::delete_mfa(conn, user)?;
                for kind in &events {
                    security_events::repo::insert_security_event(
                        conn,
                        &security_event(*kind, Some(user), Some(session), now),
                    )?;
                }
                Ok(Guarded::Done(recovery_code))
            })
            .await?;
        if let Guarded::Done(true) = outcome {
            count(SecurityEventKind::MfaRecoveryCodeUsed);
            tracing::info!(event = "mfa_recovery_code_used", "security event");
        }
        self.finish_guarded(outcome, user_id, session_id, SecurityEventKind::MfaDisabled)
            .await
    }

    /// `MfaCodeRejected` with `Retry-After` while the account is locked.
    async fn refuse_when_locked(&self, user_id: UserId) -> Result<(), MfaChangeError> {
        match self.check_lock(&user_id.to_string(), Some(user_id)).await? {
            Some(retry_after_s) => Err(MfaChangeError::CodeRejected {
                retry_after_s: Some(retry_after_s),
            }),
            None => Ok(()),
        }
    }

    /// Counts and logs a done change as `kind`, or records the wrong code.
    async fn finish_guarded<T>(
        &self,
        outcome: Guarded<T>,
        user_id: UserId,
        session_id: SessionId,
        kind: SecurityEventKind,
    ) -> Result<(), MfaChangeError> {
        match outcome {
            Guarded::Done(_) => {
                count(kind);
                tracing::info!(event = kind.as_str(), "security event");
                Ok(())
            }
            Guarded::WrongCode => {
                self.record_mfa_failure(user_id, Some(session_id)).await?;
                Err(MfaChangeError::CodeRejected {
                    retry_after_s: None,
                })
            }
        }
    }
}
