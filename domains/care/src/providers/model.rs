//! Provider domain types: who a provider is, where they are licensed, what they treat.

use chrono::{NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use haven_platform::auth::Role;
use haven_platform::define_id;
use haven_platform::ids::UserId;
use serde::{Deserialize, Serialize};

use crate::availability::model::Schedule;

define_id!(
    /// A provider profile (`prv_…`).
    ProviderId,
    "prv"
);

/// What kind of care a provider gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProviderType {
    /// Coaching (role `coach`).
    Coach,
    /// Therapy (role `clinician`).
    Therapist,
    /// Psychiatry (role `clinician`).
    Psychiatrist,
}

impl ProviderType {
    /// Every type.
    pub const ALL: [Self; 3] = [Self::Coach, Self::Therapist, Self::Psychiatrist];

    /// The stored names of the clinical types (who may read clinical data).
    pub const CLINICAL: [&'static str; 2] = ["therapist", "psychiatrist"];
    /// The stored names of every type.
    pub const ANY: [&'static str; 3] = ["coach", "therapist", "psychiatrist"];

    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Coach => "coach",
            Self::Therapist => "therapist",
            Self::Psychiatrist => "psychiatrist",
        }
    }

    /// The type of a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The role the provider's account must hold.
    pub const fn role(self) -> Role {
        match self {
            Self::Coach => Role::Coach,
            Self::Therapist | Self::Psychiatrist => Role::Clinician,
        }
    }

    /// Whether the provider needs a license where the member lives (clinicians do;
    /// coaching is not a licensed profession).
    pub const fn licensed(self) -> bool {
        !matches!(self, Self::Coach)
    }
}

/// What a provider works on (new values may be added).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Specialty {
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

/// A license to practise in one jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct License {
    /// A country (`DE`) or a US state (`US-CA`).
    pub jurisdiction: String,
    /// The license number (never shown to members).
    pub number: String,
    /// Who issued it.
    pub authority: String,
    /// Last day it is valid (inclusive).
    pub expires_on: NaiveDate,
}

/// A provider profile.
#[derive(Debug, Clone)]
pub struct Provider {
    /// The profile.
    pub id: ProviderId,
    /// The identity account (role `coach` or `clinician`).
    pub user_id: UserId,
    /// The kind of care.
    pub provider_type: ProviderType,
    /// Shown to members.
    pub display_name: String,
    /// Shown to members.
    pub bio: String,
    /// The zone of the provider's weekly rules and exceptions.
    pub time_zone: Tz,
    /// Whether new members may book.
    pub accepting_new: bool,
    /// What they work on.
    pub specialties: Vec<Specialty>,
    /// BCP 47 tags.
    pub languages: Vec<String>,
    /// Licenses.
    pub licenses: Vec<License>,
    /// Weekly rules and date exceptions.
    pub schedule: Schedule,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Last changed.
    pub updated_at: NaiveDateTime,
}

impl Provider {
    /// The license valid in `jurisdiction` on `day`, if any (an expired license allows
    /// no new bookings there).
    pub fn license_in(&self, jurisdiction: &str, day: NaiveDate) -> Option<&License> {
        self.licenses
            .iter()
            .find(|l| l.jurisdiction == jurisdiction && l.expires_on >= day)
    }

    /// Whether the provider may see a member living in `jurisdiction` on `day`.
    pub fn may_practise(&self, jurisdiction: &str, day: NaiveDate) -> bool {
        !self.provider_type.licensed() || self.license_in(jurisdiction, day).is_some()
    }

    /// Whether the provider speaks one of `languages` (compared by primary subtag).
    pub fn speaks_any(&self, languages: &[String]) -> Option<String> {
        use crate::rules::primary_language;
        self.languages
            .iter()
            .find(|l| {
                languages
                    .iter()
                    .any(|m| primary_language(m) == primary_language(l))
            })
            .cloned()
    }
}
