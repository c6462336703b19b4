//! The caller's profile and preferences (issue 4 point 9).

use haven_platform::time::now_utc;

use super::{IdentityService, clean_display_name, user_from_row};
use haven_platform::Invalid;

use crate::error::accounts::UpdateProfileError;
use crate::error::{FieldProblem, invalid};
use crate::model::User;
use crate::model::UserId;
use crate::repo::{self, ProfileChange};

/// Longest locale tag accepted (RFC 5646 §4.4.1 recommends buffers of 35 characters).
pub const LOCALE_MAX_LEN: usize = 35;

/// A profile change as received: `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct ProfilePatch {
    /// New display name.
    pub display_name: Option<Option<String>>,
    /// New IANA time zone.
    pub time_zone: Option<Option<String>>,
    /// New BCP 47 locale.
    pub locale: Option<Option<String>>,
    /// New marketing consent.
    pub marketing_consent: Option<bool>,
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
                if repo::find_erasure(conn, &id)?.is_some() {
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
