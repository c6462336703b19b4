//! Registration, the caller's account, and their profile and preferences.

use haven_platform::auth::Role;
use haven_platform::db::unique_violation;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{Fault, Invalid, Unexpected, outbox};

use super::error::{AccountError, RegisterError, UpdateProfileError};
use super::model::{Email, NewAccount, Password, User};
use super::repo;
use super::repo::{ProfileChange, UserRow};
use crate::accounts::model::{DISPLAY_NAME_MAX_CHARS, LOCALE_MAX_LEN, ProfilePatch, RegisterInput};
use crate::credentials::events::EmailVerificationRequested;
use crate::erasure;
use crate::error::{FieldProblem, invalid};
use crate::service::{IdentityService, utc};

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

    /// The IANA zone of the member's profile (`None`: not set, or no such account); other
    /// domains read it through their ports (content's streaks and Today).
    pub async fn time_zone(&self, user_id: UserId) -> Result<Option<String>, Fault> {
        Ok(self.find_account(user_id).await?.and_then(|u| u.time_zone))
    }

    /// The account as it is now (read on the primary: the caller may have just changed
    /// it), or `None` when it no longer exists; for every resource's use-cases.
    pub(crate) async fn find_account(&self, user_id: UserId) -> Result<Option<User>, Fault> {
        let row = self
            .db
            // One statement: no transaction around it (Db::run), one round trip.
            .run(move |conn| repo::find_user(conn, user_id).map_err(Fault::from))
            .await?;
        Ok(row.map(user_from_row).transpose()?)
    }
}

/// The validated change, every invalid field reported at once.
fn validate(patch: ProfilePatch) -> Result<ProfilePatch, Invalid> {
    let mut problems = Vec::new();
    let display_name = patch
        .display_name
        .map(|name| clean_display_name(name, &mut problems));
    let time_zone = patch.time_zone.map(|zone| {
        zone.and_then(|z| match z.trim().parse::<chrono_tz::Tz>() {
            // The database's own spelling of the name.
            Ok(tz) => Some(tz.name().to_owned()),
            Err(_) => {
                problems.push(FieldProblem {
                    field: "time_zone",
                    code: "invalid",
                    message: "The time zone must be an IANA time-zone name such as \
                              `Europe/Paris`."
                        .to_owned(),
                });
                None
            }
        })
    });
    let locale = patch.locale.map(|locale| {
        locale.and_then(|l| {
            let l = l.trim();
            // Well-formed, every subtag in the IANA registry, and a real language (not
            // private use `x-…` nor grandfathered `i-…`); stored in canonical form.
            let canonical = language_tags::LanguageTag::parse(l)
                .ok()
                .filter(|tag| {
                    l.len() <= LOCALE_MAX_LEN
                        && tag.is_valid()
                        && (2..=3).contains(&tag.primary_language().len())
                })
                .and_then(|tag| tag.canonicalize().ok());
            match canonical {
                Some(tag) => Some(tag.as_str().to_owned()),
                _ => {
                    problems.push(FieldProblem {
                        field: "locale",
                        code: "invalid",
                        message: format!(
                            "The locale must be a BCP 47 language tag such as `en-GB`, at \
                             most {LOCALE_MAX_LEN} characters."
                        ),
                    });
                    None
                }
            }
        })
    });
    if problems.is_empty() {
        Ok(ProfilePatch {
            display_name,
            time_zone,
            locale,
            marketing_consent: patch.marketing_consent,
        })
    } else {
        Err(invalid(problems))
    }
}

impl IdentityService {
    /// Changes the caller's profile and returns the account. A change of the marketing
    /// consent records when it happened; sending the current value again does not.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn update_profile(
        &self,
        user_id: UserId,
        patch: ProfilePatch,
    ) -> Result<User, UpdateProfileError> {
        let patch = validate(patch)?;
        let id = user_id;
        let now = now_utc();
        let row = self
            .db
            .write(move |conn| {
                // An erased account takes no new personal data, even from an access
                // token issued before the erasure.
                if erasure::repo::find_erasure(conn, &id)?.is_some() {
                    return Ok(None);
                }
                let Some(current) = repo::find_user(conn, id)? else {
                    return Ok(None);
                };
                let consent = patch
                    .marketing_consent
                    .filter(|c| *c != current.marketing_consent);
                let change = ProfileChange {
                    display_name: patch.display_name,
                    time_zone: patch.time_zone,
                    locale: patch.locale,
                    marketing_consent: consent,
                    marketing_consent_at: consent.map(|_| Some(now)),
                    updated_at: Some(now),
                };
                repo::update_profile(conn, id, &change)?;
                repo::find_user(conn, id).map_err(UpdateProfileError::from)
            })
            .await?
            .ok_or(UpdateProfileError::NotFound)?;
        tracing::info!("profile updated");
        Ok(user_from_row(row)?)
    }
}

/// A display name trimmed (blank means none), with a problem recorded when it is too
/// long; used by registration and the profile so both apply one rule.
pub(crate) fn clean_display_name(
    name: Option<String>,
    problems: &mut Vec<crate::error::FieldProblem>,
) -> Option<String> {
    // The length as sent, as the document's `maxLength` counts it.
    let too_long = name
        .as_ref()
        .is_some_and(|n| n.chars().count() > DISPLAY_NAME_MAX_CHARS);
    let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    if too_long {
        problems.push(crate::error::FieldProblem {
            field: "display_name",
            code: "too_long",
            message: format!(
                "The display name must be at most {DISPLAY_NAME_MAX_CHARS} characters long."
            ),
        });
    }
    name
}

pub(crate) fn roles_to_json(roles: &[Role]) -> Result<String, Unexpected> {
    serde_json::to_string(roles).map_err(Unexpected::with("roles"))
}

pub(crate) fn user_from_row(row: UserRow) -> Result<User, Unexpected> {
    let id = row.id;
    let roles: Vec<Role> =
        serde_json::from_str(&row.roles).map_err(Unexpected::with("identity_users.roles"))?;
    Ok(User {
        id,
        email: row.email,
        display_name: row.display_name,
        roles,
        created_at: utc(row.created_at),
        time_zone: row.time_zone,
        locale: row.locale,
        marketing_consent: row.marketing_consent,
        marketing_consent_at: row.marketing_consent_at.map(utc),
        email_verified_at: row.email_verified_at.map(utc),
        disabled_at: row.disabled_at.map(utc),
    })
}
