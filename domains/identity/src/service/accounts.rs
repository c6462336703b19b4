//! Registration and the caller's account.

use haven_platform::auth::Role;
use haven_platform::db::unique_violation;
use haven_platform::outbox;
use haven_platform::time::now_utc;

use super::{IdentityService, RegisterInput, clean_display_name, roles_to_json, user_from_row};
use haven_platform::Invalid;

use crate::error::accounts::{AccountError, RegisterError};
use crate::error::{Fault, FieldProblem, invalid};
use crate::events::EmailVerificationRequested;
use crate::model::{Email, NewAccount, Password, User, UserId};
use crate::repo::{self, UserRow};

/// The unique constraint on `identity_users.email_normalized` (PostgreSQL's default name
/// for the inline `UNIQUE`; the kit reports SQLite's under the same name).
const EMAIL_UNIQUE: &str = "identity_users_email_normalized_key";

impl IdentityService {
    /// Validates the input: every invalid field is reported at once.
    pub fn validate_registration(input: RegisterInput) -> Result<NewAccount, Invalid> {
        let mut problems = Vec::new();
        let email = Email::parse(&input.email)
            .map_err(|e| problems.push(FieldProblem::email(e)))
            .ok();
        let password = Password::parse_new(&input.password)
            .map_err(|e| problems.push(FieldProblem::password(e)))
            .ok();
        let display_name = clean_display_name(input.display_name, &mut problems);
        match (email, password) {
            (Some(email), Some(password)) if problems.is_empty() => Ok(NewAccount {
                email,
                password,
                display_name,
            }),
            _ => Err(invalid(problems)),
        }
    }

    /// Creates an account with the `member` role and queues its verification email. The UNIQUE constraint on the
    /// normalized email decides duplicates, so concurrent registrations of one address
    /// give exactly one account and the others `EmailTaken`.
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn register(&self, input: RegisterInput) -> Result<User, RegisterError> {
        self.create_user(input, vec![Role::Member]).await
    }

    /// Creates an account with `roles` (the `haven admin create-user` CLI; the API only
    /// ever grants `member`). `member` is added when missing, as every account keeps it
    /// (the admin roles endpoint enforces the same rule). Same rules as
    /// [`IdentityService::register`].
    #[tracing::instrument(skip_all, fields(user_id))]
    pub async fn create_user(
        &self,
        input: RegisterInput,
        mut roles: Vec<Role>,
    ) -> Result<User, RegisterError> {
        let mut seen = Vec::new();
        roles.retain(|r| {
            !seen.contains(r) && {
                seen.push(*r);
                true
            }
        });
        if !roles.contains(&Role::Member) {
            roles.push(Role::Member);
        }
        let account = Self::validate_registration(input)?;
        let password_hash = self.hasher.hash(account.password.clone()).await?;
        let id = UserId::new();
        tracing::Span::current().record("user_id", tracing::field::display(&id));
        let now = now_utc();
        let row = UserRow {
            id,
            email: account.email.as_str().to_owned(),
            email_normalized: account.email.normalized().to_owned(),
            password_hash,
            display_name: account.display_name,
            roles: roles_to_json(&roles)?,
            created_at: now,
            updated_at: now,
            time_zone: None,
            locale: None,
            marketing_consent: false,
            marketing_consent_at: None,
            email_verified_at: None,
            disabled_at: None,
        };
        let inserted = row.clone();
        // One write transaction (under an Idempotency-Key, the request's, committed with
        // the stored response): the verification email is queued with the account, both
        // or neither.
        self.db
            .write(move |conn| {
                if let Err(e) = repo::insert_user(conn, &inserted) {
                    return Err(match unique_violation(conn, &e) {
                        Some(v) if v.constraint == EMAIL_UNIQUE => RegisterError::EmailTaken,
                        _ => RegisterError::from(e),
                    });
                }
                outbox::publish(
                    conn,
                    &EmailVerificationRequested {
                        user_id: inserted.id,
                    },
                )?;
                Ok(())
            })
            .await?;
        tracing::info!("account registered");
        Ok(user_from_row(row)?)
    }

    /// The account of `user_id`.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn me(&self, user_id: UserId) -> Result<User, AccountError> {
        self.find_account(user_id)
            .await?
            .ok_or(AccountError::NotFound)
    }

    /// The account as it is now (read on the primary: the caller may have just changed
    /// it), or `None` when it no longer exists; for every resource's use-cases.
    pub(crate) async fn find_account(&self, user_id: UserId) -> Result<Option<User>, Fault> {
        let row = self
            .db
            .read_primary(move |conn| repo::find_user(conn, user_id).map_err(Fault::from))
            .await?;
        Ok(row.map(user_from_row).transpose()?)
    }
}
