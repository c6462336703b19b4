//! Care-profile use-cases.

use haven_platform::DbError;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;

use super::error::ProfileError;
use super::repo::{self, ProfileRow};
use crate::appointments::repo as team;
use crate::audit::model::{Access, Action, Actor, ActorRole, Resource};
use crate::audit::repo as audit;
use crate::error::Problems;
use crate::providers::model::ProviderType;
use crate::rules::{self, NAME_MAX, REASON_MAX};
use crate::service::CareService;

/// Someone to call.
#[derive(Debug, Clone)]
pub struct EmergencyContact {
    /// Name.
    pub name: String,
    /// Phone.
    pub phone: String,
    /// Relationship.
    pub relationship: String,
}

/// A care profile as received (unchecked).
#[derive(Debug, Clone)]
pub struct ProfileInput {
    /// Country.
    pub country: String,
    /// US state.
    pub us_state: Option<String>,
    /// BCP 47 tags.
    pub languages: Vec<String>,
    /// IANA zone.
    pub time_zone: String,
    /// Emergency contact.
    pub emergency_contact: Option<EmergencyContact>,
}

impl CareService {
    /// The member sets their care profile (all fields replaced).
    #[tracing::instrument(skip_all, fields(user_id = %user))]
    pub async fn set_profile(
        &self,
        user: UserId,
        input: ProfileInput,
    ) -> Result<ProfileRow, ProfileError> {
        let mut p = Problems::default();
        if !rules::is_country(&input.country) {
            p.add(
                "country",
                "invalid",
                "Expected an ISO 3166-1 alpha-2 code such as `US`.",
            );
        }
        match (&*input.country, &input.us_state) {
            ("US", None) => p.add("us_state", "required", "Required for members in the US."),
            ("US", Some(s)) if !rules::is_us_state(s) => {
                p.add("us_state", "invalid", "Expected a USPS code such as `CA`.")
            }
            ("US", Some(_)) => {}
            (_, Some(_)) => p.add("us_state", "not_allowed", "Only for members in the US."),
            (_, None) => {}
        }
        let languages = rules::languages(&mut p, "languages", input.languages);
        if rules::time_zone(&input.time_zone).is_none() {
            p.add(
                "time_zone",
                "unknown_time_zone",
                "Expected an IANA time-zone name.",
            );
        }
        let contact = input.emergency_contact.map(|c| EmergencyContact {
            name: rules::required_text(&mut p, "emergency_contact.name", &c.name, NAME_MAX),
            phone: {
                if !rules::is_phone(&c.phone) {
                    p.add(
                        "emergency_contact.phone",
                        "invalid",
                        "Expected a phone number.",
                    );
                }
                c.phone
            },
            relationship: rules::required_text(
                &mut p,
                "emergency_contact.relationship",
                &c.relationship,
                NAME_MAX,
            ),
        });
        p.finish()?;
        let now = now_utc();
        let access = Access::new(
            Actor::member(user),
            Some(user),
            Resource::CareProfile,
            Some(user.to_string()),
            Action::Update,
        );
        let row = ProfileRow {
            user_id: user,
            country: input.country,
            us_state: input.us_state,
            languages: serde_json::to_string(&languages)
                .map_err(|e| haven_platform::Unexpected::new("languages json", e))?,
            time_zone: input.time_zone,
            emergency_name: contact.as_ref().map(|c| c.name.clone()),
            emergency_phone: contact.as_ref().map(|c| c.phone.clone()),
            emergency_relationship: contact.map(|c| c.relationship),
            created_at: now,
            updated_at: now,
        };
        self.db
            .write(move |conn| {
                repo::upsert(conn, &row)?;
                audit::record(conn, &access)?;
                repo::find(conn, &row.user_id)?.ok_or(ProfileError::NotFound)
            })
            .await
    }

    /// The member's care profile (the read is audited).
    pub async fn profile(&self, user: UserId) -> Result<ProfileRow, ProfileError> {
        let access = Access::new(
            Actor::member(user),
            Some(user),
            Resource::CareProfile,
            Some(user.to_string()),
            Action::Read,
        );
        self.db
            .write(move |conn| {
                let row = repo::find(conn, &user)?.ok_or(ProfileError::NotFound)?;
                audit::record(conn, &access).map_err(DbError::from)?;
                Ok(row)
            })
            .await
    }

    /// A clinician on the member's care team reads their care profile (where they live,
    /// their emergency contact: what a crisis call needs). Anyone else, or no profile,
    /// is `404`; a refusal is audited as denied.
    pub async fn clinician_profile(
        &self,
        actor: Actor,
        member: UserId,
    ) -> Result<ProfileRow, ProfileError> {
        let access = Access::new(
            actor,
            Some(member),
            Resource::CareProfile,
            Some(member.to_string()),
            Action::Read,
        );
        let denied = access.clone();
        let found = self
            .db
            .write(move |conn| {
                if !team::serves(conn, &actor.id, &member, &ProviderType::CLINICAL)? {
                    return Ok::<_, DbError>(None);
                }
                let row = repo::find(conn, &member)?;
                if row.is_some() {
                    audit::record(conn, &access)?;
                }
                Ok(Some(row))
            })
            .await?;
        match found {
            Some(Some(row)) => Ok(row),
            Some(None) => Err(ProfileError::NotFound),
            None => {
                self.audit_denied(denied).await?;
                Err(ProfileError::NotFound)
            }
        }
    }

    /// An admin reads a member's care profile; the read and its reason are audited in
    /// the same transaction (no audit row, no answer).
    #[tracing::instrument(skip_all, fields(actor_id = %actor, user_id = %user))]
    pub async fn admin_profile(
        &self,
        actor: UserId,
        user: UserId,
        reason: String,
    ) -> Result<ProfileRow, ProfileError> {
        let mut p = Problems::default();
        let reason = rules::required_text(&mut p, "reason", &reason, REASON_MAX);
        p.finish()?;
        let access = Access::new(
            Actor {
                id: actor,
                role: ActorRole::Admin,
            },
            Some(user),
            Resource::CareProfile,
            Some(user.to_string()),
            Action::Read,
        )
        .reason(reason);
        self.db
            .write(move |conn| {
                let row = repo::find(conn, &user)?.ok_or(ProfileError::NotFound)?;
                audit::record(conn, &access)?;
                Ok(row)
            })
            .await
    }
}
