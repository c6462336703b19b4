//! Wire types of registration and the caller's account.

use haven_platform::auth::Role;
use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::Object;
use poem_openapi::types::MaybeUndefined;

use super::model::User;
use crate::rules;

/// Body of `POST /v1/identity/register`. Unknown fields (e.g. `role`) are rejected.
#[derive(Clone, Object)]
#[oai(rename = "IdentityRegisterRequest", deny_unknown_fields)]
pub struct RegisterRequest {
    /// The email address; trimmed, and compared case-insensitively.
    pub email: Text<rules::EmailAddress>,
    /// 12 to 128 characters (after Unicode NFKC normalization), any characters, not a
    /// common password.
    pub password: Text<rules::NewPassword>,
    /// The name shown to others (at most 100 characters).
    pub display_name: Option<Text<rules::DisplayName>>,
}

/// A user account.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityUser")]
pub struct UserDto {
    /// The user id.
    pub id: UserId,
    /// The email address (domain in lower case).
    pub email: String,
    /// The display name, if set.
    pub display_name: Option<String>,
    /// The roles granted to the account.
    pub roles: Vec<Role>,
    /// When the account was created.
    pub created_at: Timestamp,
    /// IANA time-zone name, e.g. `Europe/Paris`, if set.
    pub time_zone: Option<String>,
    /// BCP 47 language tag, e.g. `fr-CA`, if set.
    pub locale: Option<String>,
    /// Whether the member agreed to marketing messages.
    pub marketing_consent: bool,
    /// When `marketing_consent` last changed; absent if it never did.
    pub marketing_consent_at: Option<Timestamp>,
    /// When the member proved they own the email address; absent until then.
    pub email_verified_at: Option<Timestamp>,
}

impl From<User> for UserDto {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            email: u.email,
            display_name: u.display_name,
            roles: u.roles,
            created_at: u.created_at.into(),
            time_zone: u.time_zone,
            locale: u.locale,
            marketing_consent: u.marketing_consent,
            marketing_consent_at: u.marketing_consent_at.map(Into::into),
            email_verified_at: u.email_verified_at.map(Into::into),
        }
    }
}

/// `PATCH /v1/identity/me`: the profile fields to change. An absent field is left as it
/// is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
/// `email`, `roles`, `created_at`…) is rejected with `400`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityUpdateProfile", deny_unknown_fields)]
pub struct UpdateProfileRequest {
    /// Display name, at most 100 characters (an empty one clears it).
    pub display_name: MaybeUndefined<Text<rules::DisplayName>>,
    /// IANA time-zone name, e.g. `America/New_York`; it must exist in the time-zone
    /// database (a rule the schema cannot express).
    pub time_zone: MaybeUndefined<Text<rules::TimeZone>>,
    /// BCP 47 language tag, e.g. `en-GB`; every subtag must be in the IANA registry (a
    /// rule the schema cannot express).
    pub locale: MaybeUndefined<Text<rules::Locale>>,
    /// Agree to (`true`) or withdraw from (`false`) marketing messages.
    pub marketing_consent: Option<bool>,
}
