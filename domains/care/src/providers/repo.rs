//! Queries of `care_providers`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::model::{Provider, ProviderId, ProviderType};
use crate::schema::care_providers;

/// A row of `care_providers`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = care_providers)]
pub struct ProviderRow {
    /// `prv_…`.
    pub id: ProviderId,
    /// The account.
    pub user_id: UserId,
    /// Type name.
    pub provider_type: String,
    /// Display name.
    pub display_name: String,
    /// Bio.
    pub bio: String,
    /// IANA zone.
    pub time_zone: String,
    /// Accepting new members.
    pub accepting_new: bool,
    /// JSON list.
    pub specialties: String,
    /// JSON list.
    pub languages: String,
    /// JSON list.
    pub licenses: String,
    /// JSON schedule.
    pub schedule: String,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

impl ProviderRow {
    /// The row of a provider.
    pub fn of(p: &Provider) -> serde_json::Result<Self> {
        Ok(Self {
            id: p.id,
            user_id: p.user_id,
            provider_type: p.provider_type.as_str().to_owned(),
            display_name: p.display_name.clone(),
            bio: p.bio.clone(),
            time_zone: p.time_zone.name().to_owned(),
            accepting_new: p.accepting_new,
            specialties: serde_json::to_string(&p.specialties)?,
            languages: serde_json::to_string(&p.languages)?,
            licenses: serde_json::to_string(&p.licenses)?,
            schedule: serde_json::to_string(&p.schedule)?,
            created_at: p.created_at,
            updated_at: p.updated_at,
        })
    }

    /// The provider of a row; `None` when a stored value does not parse (a bug).
    pub fn into_provider(self) -> Option<Provider> {
        Some(Provider {
            id: self.id,
            user_id: self.user_id,
            provider_type: ProviderType::parse(&self.provider_type)?,
            display_name: self.display_name,
            bio: self.bio,
            time_zone: self.time_zone.parse().ok()?,
            accepting_new: self.accepting_new,
            specialties: serde_json::from_str(&self.specialties).ok()?,
            languages: serde_json::from_str(&self.languages).ok()?,
            licenses: serde_json::from_str(&self.licenses).ok()?,
            schedule: serde_json::from_str(&self.schedule).ok()?,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// Inserts a provider.
pub fn insert(conn: &mut AnyConnection, row: &ProviderRow) -> QueryResult<()> {
    diesel::insert_into(care_providers::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// Replaces a provider's row.
pub fn update(conn: &mut AnyConnection, row: &ProviderRow) -> QueryResult<usize> {
    diesel::update(care_providers::table.find(row.id))
        .set(row)
        .execute(conn)
}

/// Replaces a provider's schedule.
pub fn set_schedule(
    conn: &mut AnyConnection,
    id: &ProviderId,
    schedule: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(care_providers::table.find(id))
        .set((
            care_providers::schedule.eq(schedule),
            care_providers::updated_at.eq(now),
        ))
        .execute(conn)
}

/// The provider with the id.
pub fn find(conn: &mut AnyConnection, id: &ProviderId) -> QueryResult<Option<ProviderRow>> {
    care_providers::table
        .find(id)
        .select(ProviderRow::as_select())
        .first(conn)
        .optional()
}

/// The provider profile of an account.
pub fn find_by_user(conn: &mut AnyConnection, user: &UserId) -> QueryResult<Option<ProviderRow>> {
    care_providers::table
        .filter(care_providers::user_id.eq(user))
        .select(ProviderRow::as_select())
        .first(conn)
        .optional()
}

/// Providers in id order after `after`.
pub fn list(
    conn: &mut AnyConnection,
    after: Option<ProviderId>,
    limit: i64,
) -> QueryResult<Vec<ProviderRow>> {
    let mut q = care_providers::table
        .select(ProviderRow::as_select())
        .order(care_providers::id.asc())
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(care_providers::id.gt(after));
    }
    q.load(conn)
}

/// Every provider of `types`.
pub fn all_of(conn: &mut AnyConnection, types: &[&str]) -> QueryResult<Vec<ProviderRow>> {
    care_providers::table
        .filter(care_providers::provider_type.eq_any(types))
        .select(ProviderRow::as_select())
        .order(care_providers::id.asc())
        .load(conn)
}

/// Locks the provider's row until the transaction ends (`FOR UPDATE` on PostgreSQL; on
/// SQLite the write lock is held already): bookings of one provider then check and
/// insert one after the other, and concurrent conflicting inserts never meet inside the
/// exclusion constraint (where PostgreSQL would resolve them by a deadlock error).
pub fn lock(conn: &mut AnyConnection, id: &ProviderId) -> QueryResult<bool> {
    let query = care_providers::table.find(*id).select(care_providers::id);
    let found = haven_platform::select_for_update!(conn, query, |q, c| q
        .first::<ProviderId>(c)
        .optional())?;
    Ok(found.is_some())
}
