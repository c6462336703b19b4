//! Clinical-note domain types.

use haven_platform::define_id;

define_id!(
    /// A clinical note or an amendment (`cno_…`).
    NoteId,
    "cno"
);

/// Longest note body, in characters.
pub const BODY_MAX: usize = 20_000;

/// Where a note stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteStatus {
    /// Being written: only its author reads and changes it.
    Draft,
    /// Signed: immutable; changes are amendments.
    Signed,
}

impl NoteStatus {
    /// The stored and wire name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Signed => "signed",
        }
    }
}

/// Whether `body` is a note's text: not blank, at most [`BODY_MAX`] characters, no NUL.
pub fn valid_body(body: &str) -> bool {
    !body.trim().is_empty() && body.chars().count() <= BODY_MAX && !body.contains('\0')
}
