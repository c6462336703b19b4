//! Queries of `care_member_profiles`.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::ids::UserId;
use haven_platform::{AnyConnection, each_backend};

use crate::schema::care_member_profiles;

/// A row of `care_member_profiles`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = care_member_profiles, treat_none_as_null = true)]
pub struct ProfileRow {
    /// The member.
    pub user_id: UserId,
    /// ISO country.
    pub country: String,
    /// USPS state (US members).
    pub us_state: Option<String>,
    /// JSON list of BCP 47 tags.
    pub languages: String,
    /// IANA zone.
    pub time_zone: String,
    /// Emergency contact's name.
    pub emergency_name: Option<String>,
    /// Emergency contact's phone.
    pub emergency_phone: Option<String>,
    /// Emergency contact's relationship.
    pub emergency_relationship: Option<String>,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
}

impl ProfileRow {
    /// Where the member lives, as a license jurisdiction (`US-CA`, `DE`).
    pub fn jurisdiction(&self) -> String {
        match (&*self.country, &self.us_state) {
            ("US", Some(state)) => format!("US-{state}"),
            (country, _) => country.to_owned(),
        }
    }

    /// The member's languages.
    pub fn language_list(&self) -> Vec<String> {
        serde_json::from_str(&self.languages).unwrap_or_default()
    }
}

/// Inserts or replaces the member's profile (creation time kept).
pub fn upsert(conn: &mut AnyConnection, row: &ProfileRow) -> QueryResult<()> {
    use care_member_profiles as p;
    each_backend!(conn, |c| {
        diesel::insert_into(p::table)
            .values(row)
            .on_conflict(p::user_id)
            .do_update()
            .set((
                p::country.eq(&row.country),
                p::us_state.eq(&row.us_state),
                p::languages.eq(&row.languages),
                p::time_zone.eq(&row.time_zone),
                p::emergency_name.eq(&row.emergency_name),
                p::emergency_phone.eq(&row.emergency_phone),
                p::emergency_relationship.eq(&row.emergency_relationship),
                p::updated_at.eq(row.updated_at),
            ))
            .execute(c)
            .map(drop)
    })
}

/// The member's profile.
pub fn find(conn: &mut AnyConnection, user: &UserId) -> QueryResult<Option<ProfileRow>> {
    care_member_profiles::table
        .find(user)
        .select(ProfileRow::as_select())
        .first(conn)
        .optional()
}

/// Deletes the member's profile.
pub fn delete(conn: &mut AnyConnection, user: &UserId) -> QueryResult<usize> {
    diesel::delete(care_member_profiles::table.find(user)).execute(conn)
}
