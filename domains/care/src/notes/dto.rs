//! Wire types of clinical notes.

use haven_platform::http::text::Text;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::repo::NoteRow;
use super::service::NoteView;
use crate::rules::NoteText;

/// Body of writing, changing or amending a note.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareNoteBody", deny_unknown_fields)]
pub struct NoteBodyDto {
    /// The text, 1–20000 characters, not blank. Stored encrypted; never logged.
    pub body: Text<NoteText>,
}

/// Where a note stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "CareNoteStatus", rename_all = "snake_case")]
pub enum NoteStatusDto {
    /// Being written: its author alone reads and changes it.
    Draft,
    /// Signed: immutable; changes are amendments.
    Signed,
}

/// An amendment of a signed note.
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareNoteAmendment")]
pub struct AmendmentDto {
    /// The amendment (`cno_…`).
    pub id: String,
    /// Its author (`usr_…`).
    pub author_id: String,
    /// The text.
    pub body: String,
    /// When it was written (and signed).
    pub signed_at: Timestamp,
}

/// A clinical note (or, answered by the amend operation, an amendment).
#[derive(Debug, Clone, Object)]
#[oai(rename = "CareClinicalNote")]
pub struct NoteDto {
    /// The note (`cno_…`).
    pub id: String,
    /// The appointment it is about (`apt_…`).
    pub appointment_id: String,
    /// The member (`usr_…`).
    pub member_id: String,
    /// The clinician who wrote it (`usr_…`).
    pub author_id: String,
    /// The note an amendment amends; `null` for a note.
    pub amends_id: Option<String>,
    /// `draft` or `signed`.
    pub status: NoteStatusDto,
    /// Bumped by each change; the `ETag` is `"r{revision}"`.
    pub revision: i64,
    /// The text.
    pub body: String,
    /// Its amendments, oldest first (always empty for a draft or an amendment).
    pub amendments: Vec<AmendmentDto>,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// When it was signed; `null` for a draft.
    pub signed_at: Option<Timestamp>,
}

fn amendment(row: NoteRow, body: String) -> AmendmentDto {
    AmendmentDto {
        id: row.id.to_string(),
        author_id: row.author_user_id.to_string(),
        body,
        signed_at: row.signed_at.unwrap_or(row.created_at).into(),
    }
}

impl From<NoteView> for NoteDto {
    fn from(v: NoteView) -> Self {
        let n = v.note;
        Self {
            id: n.id.to_string(),
            appointment_id: n.appointment_id.to_string(),
            member_id: n.member_id.to_string(),
            author_id: n.author_user_id.to_string(),
            amends_id: n.amends_id.map(|a| a.to_string()),
            status: if n.is_signed() {
                NoteStatusDto::Signed
            } else {
                NoteStatusDto::Draft
            },
            revision: n.revision,
            body: v.body,
            amendments: v
                .amendments
                .into_iter()
                .map(|(r, b)| amendment(r, b))
                .collect(),
            created_at: n.created_at.into(),
            updated_at: n.updated_at.into(),
            signed_at: n.signed_at.map(Into::into),
        }
    }
}
