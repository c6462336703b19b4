//! Errors of media uploads and member media URLs.

use haven_platform::http::domain_error::db_problem;
use haven_platform::http::problem::{Code, NOT_FOUND, ProblemError, VALIDATION_FAILED};
use haven_platform::{
    DbError, DomainError, Invalid, Unexpected, db_errors, error_set, fault_errors,
};
use poem::http::StatusCode;

use crate::error::{not_found, problem};

/// Uploading an item's image or a variant's audio.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// No such item.
    #[error("item not found")]
    NotFound,
    /// The item is archived.
    #[error("item archived")]
    Archived,
    /// The item's draft has no variant of this length.
    #[error("variant missing")]
    VariantMissing,
    /// The body is over `content.media.max_upload_bytes`.
    #[error("too large")]
    TooLarge(u64),
    /// The bytes are not a type the slot accepts.
    #[error("unsupported media")]
    Unsupported,
    /// The bytes are another type than `Content-Type` says.
    #[error("media type mismatch")]
    Mismatch {
        /// What the header said.
        declared: &'static str,
        /// What the bytes are.
        sniffed: &'static str,
    },
    /// The client's body broke off.
    #[error("body: {0}")]
    Body(std::io::Error),
    /// The media storage failed or is not configured.
    #[error("storage")]
    Storage,
    /// Invalid path parameters.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected.
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for UploadError {
    const CODES: &'static [Code] = &[
        (400, "bad_request"),
        NOT_FOUND,
        (409, "item_archived"),
        (409, "variant_missing"),
        (413, "payload_too_large"),
        (415, "unsupported_media_type"),
        (415, "media_type_mismatch"),
        VALIDATION_FAILED,
        (503, "storage_unavailable"),
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound => not_found("The item does not exist."),
            Self::Archived => problem(
                StatusCode::CONFLICT,
                "item_archived",
                "The item is archived; it can no longer change.",
            ),
            Self::VariantMissing => problem(
                StatusCode::CONFLICT,
                "variant_missing",
                "The item's draft has no variant of this duration: add the variant first.",
            ),
            Self::TooLarge(max) => problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                format!("A media file may have at most {max} bytes."),
            ),
            Self::Unsupported => problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "The file is not one this slot accepts (audio: MP3, WAV, Ogg, FLAC, M4A; \
                 image: JPEG, PNG, WebP), judged by its first bytes.",
            ),
            Self::Mismatch { declared, sniffed } => problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "media_type_mismatch",
                format!("Content-Type says {declared} but the file is {sniffed}."),
            ),
            Self::Body(_) => problem(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "The request body broke off before its end.",
            ),
            Self::Storage => {
                ProblemError::new(StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable")
                    .with_detail("The media storage is unavailable; retry later.")
                    .with_retry_after(5)
            }
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

/// A member asking for a variant's media URL.
#[derive(Debug, thiserror::Error)]
pub enum MediaUrlError {
    /// The item is not published or has no variant of this length.
    #[error("not found")]
    NotFound(&'static str),
    /// The variant has no audio uploaded yet.
    #[error("media missing")]
    MediaMissing,
    /// A premium variant and the member has no `content.premium` entitlement.
    #[error("premium required")]
    PremiumRequired,
    /// Invalid path parameters.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Anything unexpected (the entitlement port failing included).
    #[error(transparent)]
    Unexpected(#[from] Unexpected),
}

impl DomainError for MediaUrlError {
    const CODES: &'static [Code] = &[
        (403, "premium_required"),
        NOT_FOUND,
        (409, "media_missing"),
        VALIDATION_FAILED,
    ];

    fn into_problem(self) -> ProblemError {
        match self {
            Self::NotFound(what) => not_found(what),
            Self::MediaMissing => problem(
                StatusCode::CONFLICT,
                "media_missing",
                "This variant has no audio yet.",
            ),
            Self::PremiumRequired => problem(
                StatusCode::FORBIDDEN,
                "premium_required",
                "This variant is premium: it needs a subscription or a grant of content.premium.",
            ),
            Self::Invalid(e) => e.into_problem(),
            Self::Db(e) => db_problem(e),
            Self::Unexpected(e) => e.into_problem(),
        }
    }
}

error_set!(
    /// Uploads: 400, 401, 403, 404, 409, 413, 415, 422, 503.
    pub UploadErrors: UploadError; guarded
);

error_set!(
    /// Media URLs: 401, 403 (`premium_required` among them), 404, 409 `media_missing`, 422.
    pub MediaUrlErrors: MediaUrlError; guarded
);

db_errors!(UploadError, MediaUrlError);
fault_errors!(UploadError, MediaUrlError);
