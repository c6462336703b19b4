//! Clinical-note use-cases. Each decides access inside its transaction and writes its
//! PHI audit row there; a refusal is answered `404` and recorded as denied in a
//! transaction of its own (nothing else of the refused request is written). Bodies are
//! sealed and opened on the database thread, never logged.

use chrono::NaiveDateTime;
use haven_platform::http::preconditions::{revision_etag, stale};
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, DbError};

use super::crypto::{NoteKeys, Sealed};
use super::error::NoteError;
use super::model::{NoteId, NoteStatus, valid_body};
use super::repo::{self, NoteRow, Scope};
use crate::appointments::model::{AppointmentId, Status};
use crate::appointments::repo as appointments;
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::error::Problems;
use crate::providers::model::ProviderType;
use crate::providers::repo as providers;
use crate::service::CareService;

/// A note as its reader sees it: the row, its text, and its amendments in order.
#[derive(Debug, Clone)]
pub struct NoteView {
    /// The note (or amendment).
    pub note: NoteRow,
    /// Its text.
    pub body: String,
    /// Its amendments with their text, oldest first (none for an amendment).
    pub amendments: Vec<(NoteRow, String)>,
}

/// A decision taken inside a transaction: done, or refused with the denial to record.
enum Decided<T> {
    Done(T),
    // Boxed: a refusal is the rare path, and the answer moves through the transaction.
    Refused(Box<(NoteError, Option<Access>)>),
}

/// Refused with `error`, recording `denial` when given.
fn refused<T>(error: NoteError, denial: Option<Access>) -> Decided<T> {
    Decided::Refused(Box::new((error, denial)))
}

fn body_problem() -> NoteError {
    NoteError::Invalid(Problems::one(
        "body",
        "invalid",
        "Expected 1 to 20000 characters, not blank.",
    ))
}

/// Whether `user` reads the notes of `member` written by `author`: the author, and the
/// clinicians on the member's care team.
fn may_read(
    conn: &mut AnyConnection,
    user: &UserId,
    member: &UserId,
    author: &UserId,
) -> diesel::QueryResult<bool> {
    Ok(user == author || appointments::serves(conn, user, member, &ProviderType::CLINICAL)?)
}

/// Whether `user` sees `note`: readers see signed notes; a draft only its author.
fn sees(conn: &mut AnyConnection, user: &UserId, note: &NoteRow) -> diesel::QueryResult<bool> {
    if !note.is_signed() {
        return Ok(&note.author_user_id == user);
    }
    may_read(conn, user, &note.member_id, &note.author_user_id)
}

/// Opens `rows` with their amendments.
fn views(
    conn: &mut AnyConnection,
    keys: &NoteKeys,
    rows: Vec<NoteRow>,
) -> Result<Vec<NoteView>, NoteError> {
    let roots: Vec<NoteId> = rows
        .iter()
        .filter(|r| r.amends_id.is_none())
        .map(|r| r.id)
        .collect();
    let mut amendments = repo::amendments_of(conn, &roots)?;
    let mut out = Vec::with_capacity(rows.len());
    for note in rows {
        let body = keys.open(&note.id, &note.sealed())?;
        let mine: Vec<NoteRow>;
        (mine, amendments) = amendments
            .into_iter()
            .partition(|a| a.amends_id == Some(note.id));
        let amendments_opened = mine
            .into_iter()
            .map(|a| keys.open(&a.id, &a.sealed()).map(|b| (a, b)))
            .collect::<Result<Vec<_>, _>>()?;
        out.push(NoteView {
            note,
            body,
            amendments: amendments_opened,
        });
    }
    Ok(out)
}

fn one_view(
    conn: &mut AnyConnection,
    keys: &NoteKeys,
    row: NoteRow,
) -> Result<NoteView, NoteError> {
    views(conn, keys, vec![row])?
        .pop()
        .ok_or_else(|| haven_platform::Unexpected::invariant("a note opened to nothing").into())
}

fn note_access(actor: Actor, note: &NoteRow, action: Action) -> Access {
    Access::new(
        actor,
        Some(note.member_id),
        Resource::ClinicalNote,
        Some(note.id.to_string()),
        action,
    )
}

/// A new row for `body` sealed under `id`.
#[allow(clippy::too_many_arguments)]
fn new_row(
    id: NoteId,
    appointment: AppointmentId,
    member: UserId,
    author: UserId,
    amends: Option<NoteId>,
    sealed: Sealed,
    now: NaiveDateTime,
    signed: bool,
) -> NoteRow {
    NoteRow {
        id,
        appointment_id: appointment,
        member_id: member,
        author_user_id: author,
        amends_id: amends,
        status: if signed {
            NoteStatus::Signed
        } else {
            NoteStatus::Draft
        }
        .as_str()
        .to_owned(),
        revision: 1,
        key_id: sealed.key_id,
        wrapped_key: sealed.wrapped_key,
        body_ciphertext: sealed.body_ciphertext,
        created_at: now,
        updated_at: now,
        signed_at: signed.then_some(now),
    }
}

impl CareService {
    /// Records the denial of a refused request, then answers its error.
    async fn refuse<T>(&self, decided: Decided<T>) -> Result<T, NoteError> {
        match decided {
            Decided::Done(t) => Ok(t),
            Decided::Refused(refusal) => {
                let (e, denial) = *refusal;
                if let Some(denial) = denial {
                    self.audit_denied(denial).await?;
                }
                Err(e)
            }
        }
    }

    /// Seals `body` for a new note id, refusing a blank or long body and a missing key.
    fn seal_new(&self, body: &str) -> Result<(NoteId, Sealed), NoteError> {
        if !valid_body(body) {
            return Err(body_problem());
        }
        let id = NoteId::new();
        let sealed = self.note_keys.seal(&id, body)?;
        Ok((id, sealed))
    }

    /// The clinician who held `appointment` writes a draft note on it (it must have
    /// started and not have been cancelled or moved). Anyone else: `404`, audited.
    #[tracing::instrument(skip_all, fields(appointment_id = %appointment))]
    pub async fn write_note(
        &self,
        actor: Actor,
        appointment: AppointmentId,
        body: String,
    ) -> Result<NoteView, NoteError> {
        let (id, sealed) = self.seal_new(&body)?;
        let now = now_utc();
        let decided = self
            .db
            .write(move |conn| {
                let apt = appointments::find(conn, &appointment)?;
                let provider = match &apt {
                    Some(a) => providers::find(conn, &a.provider_id)?,
                    None => None,
                };
                let (Some(apt), Some(provider)) = (apt, provider) else {
                    let denial =
                        Access::new(actor, None, Resource::ClinicalNote, None, Action::Create);
                    return Ok(refused(NoteError::AppointmentNotFound, Some(denial)));
                };
                let clinical = ProviderType::CLINICAL.contains(&provider.provider_type.as_str());
                if provider.user_id != actor.id || !clinical {
                    let denial = Access::new(
                        actor,
                        Some(apt.member_id),
                        Resource::ClinicalNote,
                        None,
                        Action::Create,
                    );
                    return Ok(refused(NoteError::AppointmentNotFound, Some(denial)));
                }
                let held = matches!(
                    Status::parse(&apt.status),
                    Some(Status::Booked | Status::NoShow)
                ) && apt.starts_at <= now;
                if !held {
                    return Ok(refused(NoteError::AppointmentNotHeld, None));
                }
                let row = new_row(
                    id,
                    apt.id,
                    apt.member_id,
                    actor.id,
                    None,
                    sealed,
                    now,
                    false,
                );
                repo::insert(conn, &row)?;
                audit::record(conn, &note_access(actor, &row, Action::Create))?;
                Ok::<_, NoteError>(Decided::Done(NoteView {
                    note: row,
                    body,
                    amendments: Vec::new(),
                }))
            })
            .await?;
        self.refuse(decided).await
    }

    /// A note the caller reads, with its amendments (a draft: its author only).
    #[tracing::instrument(skip_all, fields(note_id = %id))]
    pub async fn read_note(&self, actor: Actor, id: NoteId) -> Result<NoteView, NoteError> {
        let keys = self.note_keys.clone();
        let decided = self
            .db
            .write(move |conn| {
                let Some(note) = repo::find(conn, &id)? else {
                    return Ok(refused(NoteError::NotFound, Some(unknown(actor, id))));
                };
                if !sees(conn, &actor.id, &note)? {
                    let denial = note_access(actor, &note, Action::Read);
                    return Ok(refused(NoteError::NotFound, Some(denial)));
                }
                audit::record(conn, &note_access(actor, &note, Action::Read))?;
                Ok::<_, NoteError>(Decided::Done(one_view(conn, &keys, note)?))
            })
            .await?;
        self.refuse(decided).await
    }

    /// The author replaces a draft's text at `revision` (`412` when stale).
    #[tracing::instrument(skip_all, fields(note_id = %id))]
    pub async fn update_note(
        &self,
        actor: Actor,
        id: NoteId,
        revision: i64,
        body: String,
    ) -> Result<NoteView, NoteError> {
        if !valid_body(&body) {
            return Err(body_problem());
        }
        let sealed = self.note_keys.seal(&id, &body)?;
        let now = now_utc();
        let decided = self
            .db
            .write(move |conn| {
                let note = match authored_draft(conn, actor, id, revision, Action::Update)? {
                    Ok(note) => note,
                    Err(refused) => return Ok(refused),
                };
                if !repo::update_draft(conn, &id, revision, &sealed, now)? {
                    return Ok(refused(stale_at(note.revision + 1), None));
                }
                let row = repo::find(conn, &id)?.ok_or(NoteError::NotFound)?;
                audit::record(conn, &note_access(actor, &row, Action::Update))?;
                Ok::<_, NoteError>(Decided::Done(NoteView {
                    note: row,
                    body,
                    amendments: Vec::new(),
                }))
            })
            .await?;
        self.refuse(decided).await
    }

    /// The author signs a draft at `revision`: from then on it is immutable.
    #[tracing::instrument(skip_all, fields(note_id = %id))]
    pub async fn sign_note(
        &self,
        actor: Actor,
        id: NoteId,
        revision: i64,
    ) -> Result<NoteView, NoteError> {
        let keys = self.note_keys.clone();
        let now = now_utc();
        let decided = self
            .db
            .write(move |conn| {
                let note = match authored_draft(conn, actor, id, revision, Action::Sign)? {
                    Ok(note) => note,
                    Err(refused) => return Ok(refused),
                };
                if !repo::sign(conn, &id, revision, now)? {
                    return Ok(refused(stale_at(note.revision + 1), None));
                }
                let row = repo::find(conn, &id)?.ok_or(NoteError::NotFound)?;
                audit::record(conn, &note_access(actor, &row, Action::Sign))?;
                Ok::<_, NoteError>(Decided::Done(one_view(conn, &keys, row)?))
            })
            .await?;
        self.refuse(decided).await
    }

    /// A reader of a signed note adds an amendment to it, signed as it is created (an
    /// amendment of an amendment amends the same note).
    #[tracing::instrument(skip_all, fields(note_id = %target))]
    pub async fn amend_note(
        &self,
        actor: Actor,
        target: NoteId,
        body: String,
    ) -> Result<NoteView, NoteError> {
        let (id, sealed) = self.seal_new(&body)?;
        let now = now_utc();
        let decided = self
            .db
            .write(move |conn| {
                let Some(note) = repo::find(conn, &target)? else {
                    let denial = unknown(actor, target);
                    return Ok(refused(NoteError::NotFound, Some(denial)));
                };
                if !sees(conn, &actor.id, &note)? {
                    let denial = note_access(actor, &note, Action::Create);
                    return Ok(refused(NoteError::NotFound, Some(denial)));
                }
                if !note.is_signed() {
                    return Ok(refused(NoteError::NotSigned, None));
                }
                let root = note.amends_id.unwrap_or(note.id);
                let row = new_row(
                    id,
                    note.appointment_id,
                    note.member_id,
                    actor.id,
                    Some(root),
                    sealed,
                    now,
                    true,
                );
                repo::insert(conn, &row)?;
                audit::record(conn, &note_access(actor, &row, Action::Create))?;
                Ok::<_, NoteError>(Decided::Done(NoteView {
                    note: row,
                    body,
                    amendments: Vec::new(),
                }))
            })
            .await?;
        self.refuse(decided).await
    }

    /// The notes of an appointment, for its clinician and the member's care-team
    /// clinicians (signed notes, and the caller's own drafts); one audit row per note.
    #[tracing::instrument(skip_all, fields(appointment_id = %appointment))]
    pub async fn appointment_notes(
        &self,
        actor: Actor,
        appointment: AppointmentId,
        after: Option<NoteId>,
        limit: i64,
    ) -> Result<Vec<NoteView>, NoteError> {
        let keys = self.note_keys.clone();
        let decided = self
            .db
            .write(move |conn| {
                let apt = appointments::find(conn, &appointment)?;
                let provider = match &apt {
                    Some(a) => providers::find(conn, &a.provider_id)?,
                    None => None,
                };
                let allowed = match (&apt, &provider) {
                    (Some(a), Some(p)) => {
                        p.user_id == actor.id
                            || appointments::serves(
                                conn,
                                &actor.id,
                                &a.member_id,
                                &ProviderType::CLINICAL,
                            )?
                    }
                    _ => false,
                };
                let subject = apt.as_ref().map(|a| a.member_id);
                let Some(apt) = apt.filter(|_| allowed) else {
                    let denial =
                        Access::new(actor, subject, Resource::ClinicalNote, None, Action::List);
                    return Ok(refused(NoteError::AppointmentNotFound, Some(denial)));
                };
                let rows = repo::list(
                    conn,
                    Scope::Appointment(&apt.id),
                    Some(&actor.id),
                    after,
                    limit,
                )?;
                record_list(conn, actor, apt.member_id, &rows)?;
                Ok::<_, NoteError>(Decided::Done(views(conn, &keys, rows)?))
            })
            .await?;
        self.refuse(decided).await
    }

    /// Every note about `member`, for the clinicians on their care team (signed notes,
    /// and the caller's own drafts); one audit row per note.
    #[tracing::instrument(skip_all, fields(member_id = %member))]
    pub async fn member_notes(
        &self,
        actor: Actor,
        member: UserId,
        after: Option<NoteId>,
        limit: i64,
    ) -> Result<Vec<NoteView>, NoteError> {
        let keys = self.note_keys.clone();
        let decided = self
            .db
            .write(move |conn| {
                if !appointments::serves(conn, &actor.id, &member, &ProviderType::CLINICAL)? {
                    let denial = Access::new(
                        actor,
                        Some(member),
                        Resource::ClinicalNote,
                        None,
                        Action::List,
                    );
                    return Ok(refused(NoteError::MemberNotFound, Some(denial)));
                }
                let rows = repo::list(conn, Scope::Member(&member), Some(&actor.id), after, limit)?;
                record_list(conn, actor, member, &rows)?;
                Ok::<_, NoteError>(Decided::Done(views(conn, &keys, rows)?))
            })
            .await?;
        self.refuse(decided).await
    }

    /// The member's own signed notes, where `care.notes.member_access` allows it.
    #[tracing::instrument(skip_all, fields(user_id = %member))]
    pub async fn my_notes(
        &self,
        member: UserId,
        after: Option<NoteId>,
        limit: i64,
    ) -> Result<Vec<NoteView>, NoteError> {
        if !self.settings.notes.member_access {
            return Err(NoteError::AccessDisabled);
        }
        let keys = self.note_keys.clone();
        self.db
            .write(move |conn| {
                let rows = repo::list(conn, Scope::Member(&member), None, after, limit)?;
                record_list(conn, Actor::member(member), member, &rows)?;
                views(conn, &keys, rows)
            })
            .await
    }
}

/// The caller's draft `id` at `revision`, or the refusal: unknown or unseen `404`
/// (audited), another author's `403` (audited), signed `409`, stale `412`.
fn authored_draft(
    conn: &mut AnyConnection,
    actor: Actor,
    id: NoteId,
    revision: i64,
    action: Action,
) -> Result<Result<NoteRow, Decided<NoteView>>, NoteError> {
    let Some(note) = repo::find(conn, &id)? else {
        return Ok(Err(refused(NoteError::NotFound, Some(unknown(actor, id)))));
    };
    if !sees(conn, &actor.id, &note)? {
        let denial = note_access(actor, &note, action);
        return Ok(Err(refused(NoteError::NotFound, Some(denial))));
    }
    if note.author_user_id != actor.id {
        let denial = note_access(actor, &note, action);
        return Ok(Err(refused(NoteError::NotAuthor, Some(denial))));
    }
    if note.is_signed() {
        return Ok(Err(refused(NoteError::Signed, None)));
    }
    if note.revision != revision {
        return Ok(Err(refused(stale_at(note.revision), None)));
    }
    Ok(Ok(note))
}

fn stale_at(revision: i64) -> NoteError {
    NoteError::Precondition(stale(&revision_etag(revision)))
}

/// The denial of an unknown note id (no subject to name).
fn unknown(actor: Actor, id: NoteId) -> Access {
    Access::new(
        actor,
        None,
        Resource::ClinicalNote,
        Some(id.to_string()),
        Action::Read,
    )
}

/// One read row per note shown (each member learns who saw which note), or one list row
/// for an empty page.
fn record_list(
    conn: &mut AnyConnection,
    actor: Actor,
    member: UserId,
    rows: &[NoteRow],
) -> Result<(), DbError> {
    if rows.is_empty() {
        let listed = Access::new(
            actor,
            Some(member),
            Resource::ClinicalNote,
            None,
            Action::List,
        );
        return audit::record(conn, &listed).map_err(DbError::from);
    }
    let reads: Vec<Access> = rows
        .iter()
        .map(|r| note_access(actor, r, Action::Read))
        .collect();
    audit::record_all(conn, &reads).map_err(DbError::from)
}
