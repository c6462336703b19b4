//! Wire types of provider profiles.

use chrono::NaiveDate;
use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::{Enum, Object};

use super::model::{License, Provider, ProviderId, ProviderType, Specialty};
use crate::rules::{
    Bio, Jurisdiction, LanguageTag, Languages, LicenseText, Licenses, Name, Specialties,
    TimeZoneName,
};

/// The kind of care a provider gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareProviderType", rename_all = "snake_case")]
pub enum ProviderTypeDto {
    /// Coaching (the account holds role `coach`).
    Coach,
    /// Therapy (role `clinician`).
    Therapist,
    /// Psychiatry (role `clinician`).
    Psychiatrist,
}

impl From<ProviderTypeDto> for ProviderType {
    fn from(t: ProviderTypeDto) -> Self {
        match t {
            ProviderTypeDto::Coach => Self::Coach,
            ProviderTypeDto::Therapist => Self::Therapist,
            ProviderTypeDto::Psychiatrist => Self::Psychiatrist,
        }
    }
}

impl From<ProviderType> for ProviderTypeDto {
    fn from(t: ProviderType) -> Self {
        match t {
            ProviderType::Coach => Self::Coach,
            ProviderType::Therapist => Self::Therapist,
            ProviderType::Psychiatrist => Self::Psychiatrist,
        }
    }
}

/// What a provider works on (new values may be added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareSpecialty", rename_all = "snake_case")]
pub enum SpecialtyDto {
    /// Anxiety.
    Anxiety,
    /// Depression.
    Depression,
    /// Sleep.
    Sleep,
    /// Grief and loss.
    Grief,
    /// Stress and burnout.
    Stress,
    /// Trauma.
    Trauma,
    /// Relationships.
    Relationships,
    /// Substance use.
    SubstanceUse,
    /// ADHD.
    Adhd,
    /// Eating.
    Eating,
    /// OCD.
    Ocd,
}

macro_rules! specialty_map {
    ($($v:ident),*) => {
        impl From<SpecialtyDto> for Specialty {
            fn from(s: SpecialtyDto) -> Self {
                match s { $(SpecialtyDto::$v => Self::$v),* }
            }
        }
        impl From<Specialty> for SpecialtyDto {
            fn from(s: Specialty) -> Self {
                match s { $(Specialty::$v => Self::$v),* }
            }
        }
    };
}
specialty_map!(
    Anxiety,
    Depression,
    Sleep,
    Grief,
    Stress,
    Trauma,
    Relationships,
    SubstanceUse,
    Adhd,
    Eating,
    Ocd
);

/// A license to practise in one jurisdiction.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareLicense", deny_unknown_fields)]
pub struct LicenseDto {
    /// A country (`DE`) or a US state as `US-XX` (`US-CA`); the state must exist.
    pub jurisdiction: Text<Jurisdiction>,
    /// The license number.
    pub number: Text<LicenseText>,
    /// The issuing authority.
    pub authority: Text<LicenseText>,
    /// Last day the license is valid; after it, members there cannot book new sessions.
    pub expires_on: NaiveDate,
}

/// Body of `POST /v1/care/admin/providers` and `PUT /v1/care/admin/providers/{id}`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareProviderInput", deny_unknown_fields)]
pub struct ProviderInput {
    /// The identity account; it must hold role `coach` (coaches) or `clinician`
    /// (therapists, psychiatrists). Fixed once created.
    pub user_id: UserId,
    /// The kind of care.
    pub provider_type: ProviderTypeDto,
    /// Shown to members.
    pub display_name: Text<Name>,
    /// Shown to members.
    pub bio: Text<Bio>,
    /// IANA zone of the provider's hours (`Europe/Berlin`); it must exist.
    pub time_zone: Text<TimeZoneName>,
    /// Whether members not yet on the provider's care teams may book.
    pub accepting_new: bool,
    /// What the provider works on, distinct.
    pub specialties: List<SpecialtyDto, Specialties>,
    /// Languages spoken, distinct BCP 47 tags.
    pub languages: List<Text<LanguageTag>, Languages>,
    /// Licenses (therapists and psychiatrists need one where the member lives).
    pub licenses: List<LicenseDto, Licenses>,
}

/// A provider profile as admins see it (license numbers included).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareProviderAdmin")]
pub struct ProviderAdminDto {
    /// The profile.
    pub id: ProviderId,
    /// The identity account.
    pub user_id: UserId,
    /// The kind of care.
    pub provider_type: ProviderTypeDto,
    /// Shown to members.
    pub display_name: String,
    /// Shown to members.
    pub bio: String,
    /// IANA zone of the provider's hours.
    pub time_zone: String,
    /// Whether new members may book.
    pub accepting_new: bool,
    /// What the provider works on.
    pub specialties: Vec<SpecialtyDto>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Licenses.
    pub licenses: Vec<LicenseDto>,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

impl From<Provider> for ProviderAdminDto {
    fn from(p: Provider) -> Self {
        Self {
            id: p.id,
            user_id: p.user_id,
            provider_type: p.provider_type.into(),
            display_name: p.display_name,
            bio: p.bio,
            time_zone: p.time_zone.name().to_owned(),
            accepting_new: p.accepting_new,
            specialties: p.specialties.into_iter().map(Into::into).collect(),
            languages: p.languages,
            licenses: p.licenses.into_iter().map(license_dto).collect(),
            created_at: p.created_at.into(),
            updated_at: p.updated_at.into(),
        }
    }
}

fn license_dto(l: License) -> LicenseDto {
    LicenseDto {
        jurisdiction: Text::new(l.jurisdiction),
        number: Text::new(l.number),
        authority: Text::new(l.authority),
        expires_on: l.expires_on,
    }
}

/// A provider in the member directory: no license numbers, only where the provider is
/// licensed today.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareProvider")]
pub struct ProviderDto {
    /// The profile.
    pub id: ProviderId,
    /// The kind of care.
    pub provider_type: ProviderTypeDto,
    /// Name.
    pub display_name: String,
    /// Biography.
    pub bio: String,
    /// IANA zone of the provider's hours.
    pub time_zone: String,
    /// Whether new members may book.
    pub accepting_new: bool,
    /// What the provider works on.
    pub specialties: Vec<SpecialtyDto>,
    /// Languages spoken (BCP 47).
    pub languages: Vec<String>,
    /// Jurisdictions with a license valid today (`US-CA`, `DE`).
    pub licensed_in: Vec<String>,
}

impl ProviderDto {
    /// The directory view of `p` on `today`.
    pub fn of(p: Provider, today: NaiveDate) -> Self {
        let licensed_in = p
            .licenses
            .iter()
            .filter(|l| l.expires_on >= today)
            .map(|l| l.jurisdiction.clone())
            .collect();
        Self {
            id: p.id,
            provider_type: p.provider_type.into(),
            display_name: p.display_name,
            bio: p.bio,
            time_zone: p.time_zone.name().to_owned(),
            accepting_new: p.accepting_new,
            specialties: p.specialties.into_iter().map(Into::into).collect(),
            languages: p.languages,
            licensed_in,
        }
    }
}
