//! Provider use-cases: admins create and replace profiles; members read the directory.

use chrono::NaiveDate;
use haven_platform::db::unique_violation;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError, Fault, Unexpected};

use super::error::ProviderError;
use super::model::{License, Provider, ProviderId, ProviderType, Specialty};
use super::repo::{self, ProviderRow};
use crate::error::Problems;
use crate::rules::{self, BIO_MAX, LICENSE_TEXT_MAX, MAX_ITEMS, NAME_MAX};
use crate::service::CareService;

/// The unique index of one profile per account.
const USER_TAKEN: &str = "care_providers_user";

/// A profile as received (unchecked).
#[derive(Debug, Clone)]
pub struct ProviderInput {
    /// The account.
    pub user_id: UserId,
    /// The kind of care.
    pub provider_type: ProviderType,
    /// Name.
    pub display_name: String,
    /// Bio.
    pub bio: String,
    /// IANA zone.
    pub time_zone: String,
    /// Accepting new members.
    pub accepting_new: bool,
    /// Specialties.
    pub specialties: Vec<Specialty>,
    /// BCP 47 tags.
    pub languages: Vec<String>,
    /// Licenses.
    pub licenses: Vec<License>,
}

/// The stored form of a provider row, or the invariant it broke.
pub(crate) fn provider_of(row: ProviderRow) -> Result<Provider, Unexpected> {
    row.into_provider()
        .ok_or_else(|| Unexpected::invariant("care_providers row does not parse"))
}

fn check(input: ProviderInput, p: &mut Problems) -> (ProviderInput, Option<chrono_tz::Tz>) {
    let display_name = rules::required_text(p, "display_name", &input.display_name, NAME_MAX);
    let bio = rules::free_text(p, "bio", &input.bio, BIO_MAX);
    let tz = rules::time_zone(&input.time_zone);
    if tz.is_none() {
        p.add(
            "time_zone",
            "unknown_time_zone",
            "Expected an IANA time-zone name such as `Europe/Berlin`.",
        );
    }
    if input.specialties.len() > MAX_ITEMS {
        p.add("specialties", "invalid", format!("At most {MAX_ITEMS}."));
    }
    let mut seen = std::collections::HashSet::new();
    if input.specialties.iter().any(|s| !seen.insert(*s)) {
        p.add("specialties", "duplicate", "Each specialty once.");
    }
    let languages = rules::languages(p, "languages", input.languages);
    if input.licenses.len() > MAX_ITEMS {
        p.add("licenses", "invalid", format!("At most {MAX_ITEMS}."));
    }
    let mut licenses = Vec::with_capacity(input.licenses.len());
    for (i, l) in input.licenses.into_iter().enumerate() {
        if !rules::is_jurisdiction(&l.jurisdiction) {
            p.add(
                format!("licenses[{i}].jurisdiction"),
                "invalid",
                "Expected a country (`DE`) or a US state as `US-CA`.",
            );
        }
        let number = rules::required_text(
            p,
            &format!("licenses[{i}].number"),
            &l.number,
            LICENSE_TEXT_MAX,
        );
        let authority = rules::required_text(
            p,
            &format!("licenses[{i}].authority"),
            &l.authority,
            LICENSE_TEXT_MAX,
        );
        licenses.push(License {
            jurisdiction: l.jurisdiction,
            number,
            authority,
            expires_on: l.expires_on,
        });
    }
    (
        ProviderInput {
            display_name,
            bio,
            languages,
            licenses,
            ..input
        },
        tz,
    )
}

impl CareService {
    /// Checks the input and that its account exists and holds the type's role.
    async fn checked(
        &self,
        input: ProviderInput,
    ) -> Result<(ProviderInput, chrono_tz::Tz), ProviderError> {
        let mut p = Problems::default();
        let (input, tz) = check(input, &mut p);
        let account = self
            .accounts
            .account(&input.user_id)
            .await
            .map_err(|e| Unexpected::new("care accounts port", e))?;
        match account {
            None => p.add("user_id", "account_not_found", "There is no such account."),
            Some(a) if !a.roles.contains(&input.provider_type.role()) => p.add(
                "user_id",
                "role_missing",
                "The account must hold role `coach` (coaches) or `clinician` (therapists, \
                 psychiatrists).",
            ),
            Some(_) => {}
        }
        p.finish()?;
        let tz = tz.ok_or_else(|| Unexpected::invariant("checked time zone"))?;
        Ok((input, tz))
    }

    /// An admin creates a provider profile.
    #[tracing::instrument(skip_all, fields(user_id = %input.user_id))]
    pub async fn create_provider(&self, input: ProviderInput) -> Result<Provider, ProviderError> {
        let (input, tz) = self.checked(input).await?;
        let now = now_utc();
        let provider = Provider {
            id: ProviderId::new(),
            user_id: input.user_id,
            provider_type: input.provider_type,
            display_name: input.display_name,
            bio: input.bio,
            time_zone: tz,
            accepting_new: input.accepting_new,
            specialties: input.specialties,
            languages: input.languages,
            licenses: input.licenses,
            schedule: Default::default(),
            created_at: now,
            updated_at: now,
        };
        let row = ProviderRow::of(&provider).map_err(|e| Unexpected::new("provider json", e))?;
        self.db
            .write(move |conn| match repo::insert(conn, &row) {
                Ok(()) => Ok(()),
                Err(e)
                    if unique_violation(conn, &e).is_some_and(|u| u.constraint == USER_TAKEN) =>
                {
                    Err(ProviderError::Exists)
                }
                Err(e) => Err(e.into()),
            })
            .await?;
        Ok(provider)
    }

    /// An admin replaces a provider profile (the schedule is kept; the account may not
    /// change).
    #[tracing::instrument(skip_all, fields(provider_id = %id))]
    pub async fn update_provider(
        &self,
        id: ProviderId,
        input: ProviderInput,
    ) -> Result<Provider, ProviderError> {
        let existing = self.provider(id).await?;
        if existing.user_id != input.user_id {
            return Err(crate::error::Problems::one(
                "user_id",
                "immutable",
                "The account of a provider profile cannot change.",
            )
            .into());
        }
        let (input, tz) = self.checked(input).await?;
        let provider = Provider {
            provider_type: input.provider_type,
            display_name: input.display_name,
            bio: input.bio,
            time_zone: tz,
            accepting_new: input.accepting_new,
            specialties: input.specialties,
            languages: input.languages,
            licenses: input.licenses,
            updated_at: now_utc(),
            ..existing
        };
        let mut row =
            ProviderRow::of(&provider).map_err(|e| Unexpected::new("provider json", e))?;
        self.db
            .write(move |conn| {
                // The schedule is the provider's own: keep the stored one.
                let stored = repo::find(conn, &id)?.ok_or(ProviderError::NotFound)?;
                row.schedule = stored.schedule;
                repo::update(conn, &row)?;
                Ok::<_, ProviderError>(())
            })
            .await?;
        self.provider(id).await
    }

    /// The provider with the id.
    pub async fn provider(&self, id: ProviderId) -> Result<Provider, ProviderError> {
        let row = self
            .db
            .read_primary(move |conn| repo::find(conn, &id).map_err(DbError::from))
            .await?
            .ok_or(ProviderError::NotFound)?;
        Ok(provider_of(row)?)
    }

    /// The provider profile of an account, if it has one.
    pub async fn provider_of_user(&self, user: UserId) -> Result<Option<Provider>, Fault> {
        let row = self
            .db
            .read_primary(move |conn| repo::find_by_user(conn, &user).map_err(DbError::from))
            .await?;
        Ok(row.map(provider_of).transpose()?)
    }

    /// Providers in id order after `after` (directory pages).
    pub async fn list_providers(
        &self,
        after: Option<ProviderId>,
        limit: i64,
    ) -> Result<Vec<Provider>, ProviderError> {
        let rows = self
            .db
            .read(move |conn| repo::list(conn, after, limit).map_err(DbError::from))
            .await?;
        Ok(rows
            .into_iter()
            .map(provider_of)
            .collect::<Result<_, _>>()?)
    }

    /// Loads every provider of `types` (matching), on `conn`.
    pub(crate) fn providers_of_types(
        conn: &mut AnyConnection,
        types: &[ProviderType],
    ) -> Result<Vec<Provider>, Fault> {
        let names: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
        repo::all_of(conn, &names)?
            .into_iter()
            .map(|r| provider_of(r).map_err(Fault::from))
            .collect()
    }
}

/// Today's date in UTC (license expiry is checked by date).
pub fn today() -> NaiveDate {
    now_utc().date()
}
