//! Wire types of the member's care profile.

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::Object;

use super::repo::ProfileRow;
use crate::rules::{Country, LanguageTag, Languages, Name, Phone, TimeZoneName, UsState};

/// Someone to call in an emergency.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareEmergencyContact", deny_unknown_fields)]
pub struct EmergencyContactDto {
    /// Their name.
    pub name: Text<Name>,
    /// Their phone number.
    pub phone: Text<Phone>,
    /// Who they are to the member (`partner`, `mother`, `friend`).
    pub relationship: Text<Name>,
}

/// Body of `PUT /v1/care/me/profile`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareProfileInput", deny_unknown_fields)]
pub struct ProfileInput {
    /// ISO 3166-1 alpha-2 country where the member lives (`US`, `DE`).
    pub country: Text<Country>,
    /// USPS code of the US state where the member lives: required when `country` is
    /// `US`, `null` otherwise.
    pub us_state: Option<Text<UsState>>,
    /// Languages the member is comfortable in, distinct BCP 47 tags, preferred first.
    pub languages: List<Text<LanguageTag>, Languages>,
    /// IANA zone slots are shown in (`America/New_York`); it must exist.
    pub time_zone: Text<TimeZoneName>,
    /// Emergency contact, if the member gives one.
    pub emergency_contact: Option<EmergencyContactDto>,
}

/// The member's care profile (health data).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareProfile")]
pub struct ProfileDto {
    /// Country.
    pub country: String,
    /// US state.
    pub us_state: Option<String>,
    /// Languages, preferred first.
    pub languages: Vec<String>,
    /// IANA zone.
    pub time_zone: String,
    /// Emergency contact.
    pub emergency_contact: Option<EmergencyContactDto>,
    /// Last changed.
    pub updated_at: Timestamp,
}

impl From<ProfileRow> for ProfileDto {
    fn from(r: ProfileRow) -> Self {
        let languages = r.language_list();
        let emergency_contact = match (
            r.emergency_name,
            r.emergency_phone,
            r.emergency_relationship,
        ) {
            (Some(name), Some(phone), Some(relationship)) => Some(EmergencyContactDto {
                name: Text::new(name),
                phone: Text::new(phone),
                relationship: Text::new(relationship),
            }),
            _ => None,
        };
        Self {
            country: r.country,
            us_state: r.us_state,
            languages,
            time_zone: r.time_zone,
            emergency_contact,
            updated_at: r.updated_at.into(),
        }
    }
}
