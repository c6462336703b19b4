//! Queries of `care_clinical_notes`. The database refuses to change or delete a signed
//! note (triggers), except re-wrapping its data key and pseudonymizing its member.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use super::crypto::Sealed;
use super::model::{NoteId, NoteStatus};
use crate::appointments::model::AppointmentId;
use crate::schema::care_clinical_notes as t;

/// A row of `care_clinical_notes`.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = t)]
pub struct NoteRow {
    /// The note.
    pub id: NoteId,
    /// The appointment it is about.
    pub appointment_id: AppointmentId,
    /// The member.
    pub member_id: UserId,
    /// The clinician who wrote it.
    pub author_user_id: UserId,
    /// The signed note this amends (`None`: a note of its own).
    pub amends_id: Option<NoteId>,
    /// `draft` or `signed`.
    pub status: String,
    /// Bumped by each change of a draft (its ETag).
    pub revision: i64,
    /// The master key wrapping the data key.
    pub key_id: String,
    /// The wrapped data key.
    pub wrapped_key: String,
    /// The encrypted body.
    pub body_ciphertext: String,
    /// Created.
    pub created_at: NaiveDateTime,
    /// Changed.
    pub updated_at: NaiveDateTime,
    /// When signed.
    pub signed_at: Option<NaiveDateTime>,
}

impl NoteRow {
    /// The stored body.
    pub fn sealed(&self) -> Sealed {
        Sealed {
            key_id: self.key_id.clone(),
            wrapped_key: self.wrapped_key.clone(),
            body_ciphertext: self.body_ciphertext.clone(),
        }
    }

    /// Whether it is signed.
    pub fn is_signed(&self) -> bool {
        self.status == NoteStatus::Signed.as_str()
    }
}

/// Stores a new note or amendment.
pub fn insert(conn: &mut AnyConnection, row: &NoteRow) -> QueryResult<()> {
    diesel::insert_into(t::table)
        .values(row)
        .execute(conn)
        .map(drop)
}

/// The note `id`.
pub fn find(conn: &mut AnyConnection, id: &NoteId) -> QueryResult<Option<NoteRow>> {
    t::table
        .find(id)
        .select(NoteRow::as_select())
        .first(conn)
        .optional()
}

/// Replaces a draft's body at `revision` (bumping it); `false` when the note is signed
/// or at another revision.
pub fn update_draft(
    conn: &mut AnyConnection,
    id: &NoteId,
    revision: i64,
    sealed: &Sealed,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        t::table
            .find(id)
            .filter(t::status.eq(NoteStatus::Draft.as_str()))
            .filter(t::revision.eq(revision)),
    )
    .set((
        t::key_id.eq(&sealed.key_id),
        t::wrapped_key.eq(&sealed.wrapped_key),
        t::body_ciphertext.eq(&sealed.body_ciphertext),
        t::revision.eq(revision + 1),
        t::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Signs a draft at `revision`; `false` when it is signed or at another revision.
pub fn sign(
    conn: &mut AnyConnection,
    id: &NoteId,
    revision: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        t::table
            .find(id)
            .filter(t::status.eq(NoteStatus::Draft.as_str()))
            .filter(t::revision.eq(revision)),
    )
    .set((
        t::status.eq(NoteStatus::Signed.as_str()),
        t::revision.eq(revision + 1),
        t::signed_at.eq(now),
        t::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

/// Which notes a list shows.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// The notes of an appointment.
    Appointment(&'a AppointmentId),
    /// The notes of a member.
    Member(&'a UserId),
}

/// Notes (not amendments) in `scope`, in id order after `after`, at most `limit`;
/// drafts only when `drafts_of` wrote them.
pub fn list(
    conn: &mut AnyConnection,
    scope: Scope<'_>,
    drafts_of: Option<&UserId>,
    after: Option<NoteId>,
    limit: i64,
) -> QueryResult<Vec<NoteRow>> {
    let mut q = t::table
        .select(NoteRow::as_select())
        .filter(t::amends_id.is_null())
        .into_boxed();
    q = match scope {
        Scope::Appointment(a) => q.filter(t::appointment_id.eq(a)),
        Scope::Member(m) => q.filter(t::member_id.eq(m)),
    };
    q = match drafts_of {
        Some(author) => q.filter(
            t::status
                .eq(NoteStatus::Signed.as_str())
                .or(t::author_user_id.eq(author)),
        ),
        None => q.filter(t::status.eq(NoteStatus::Signed.as_str())),
    };
    if let Some(after) = after {
        q = q.filter(t::id.gt(after));
    }
    q.order(t::id.asc()).limit(limit).load(conn)
}

/// The amendments of `notes`, oldest first.
pub fn amendments_of(conn: &mut AnyConnection, notes: &[NoteId]) -> QueryResult<Vec<NoteRow>> {
    if notes.is_empty() {
        return Ok(Vec::new());
    }
    t::table
        .select(NoteRow::as_select())
        .filter(t::amends_id.eq_any(notes))
        .order((t::signed_at.asc(), t::id.asc()))
        .load(conn)
}

/// Up to `limit` notes whose data key is wrapped by another key than `active`:
/// `(id, key_id, wrapped_key)`.
pub fn wrapped_by_others(
    conn: &mut AnyConnection,
    active: &str,
    limit: i64,
) -> QueryResult<Vec<(NoteId, String, String)>> {
    t::table
        .filter(t::key_id.ne(active))
        .select((t::id, t::key_id, t::wrapped_key))
        .order(t::id.asc())
        .limit(limit)
        .load(conn)
}

/// Stores a re-wrapped data key, unless another node re-wrapped it first (`false`).
pub fn rewrap(
    conn: &mut AnyConnection,
    id: &NoteId,
    from_key: &str,
    to_key: &str,
    wrapped_key: &str,
) -> QueryResult<bool> {
    let n = diesel::update(t::table.find(id).filter(t::key_id.eq(from_key)))
        .set((t::key_id.eq(to_key), t::wrapped_key.eq(wrapped_key)))
        .execute(conn)?;
    Ok(n == 1)
}

/// How many notes each master key wraps: `(key_id, count)`.
pub fn per_key(conn: &mut AnyConnection) -> QueryResult<Vec<(String, i64)>> {
    t::table
        .group_by(t::key_id)
        .select((t::key_id, diesel::dsl::count_star()))
        .order(t::key_id.asc())
        .load(conn)
}

/// Every note of the member that `signed_only` lets through, with amendments, id order.
pub fn all_of_member(
    conn: &mut AnyConnection,
    member: &UserId,
    signed_only: bool,
) -> QueryResult<Vec<NoteRow>> {
    let mut q = t::table
        .select(NoteRow::as_select())
        .filter(t::member_id.eq(member))
        .into_boxed();
    if signed_only {
        q = q.filter(t::status.eq(NoteStatus::Signed.as_str()));
    }
    q.order(t::id.asc()).load(conn)
}

/// Replaces the member's id by `pseudonym` on every note (erasure keeps clinical
/// records; the triggers allow exactly this change to signed notes).
pub fn pseudonymize(
    conn: &mut AnyConnection,
    member: &UserId,
    pseudonym: &UserId,
) -> QueryResult<usize> {
    diesel::update(t::table.filter(t::member_id.eq(member)))
        .set(t::member_id.eq(pseudonym))
        .execute(conn)
}
