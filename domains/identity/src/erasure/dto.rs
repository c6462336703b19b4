//! Wire types of account erasure.

use haven_platform::http::timestamp::Timestamp;
use poem_openapi::Object;

use super::model::ErasureStatus;

/// Body of `POST /v1/identity/me/delete`. Unknown fields are rejected.
#[derive(Clone, Object)]
#[oai(rename = "IdentityDeleteAccount", deny_unknown_fields)]
pub struct DeleteAccountRequest {
    /// The account's current password: erasure requires a fresh proof of identity, not
    /// only an access token.
    #[oai(validator(max_length = 1024))]
    pub password: String,
}

/// One module's part of an erasure.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityErasureStep")]
pub struct ErasureStepDto {
    /// The module (`identity`, `content`, …).
    pub module: String,
    /// Runs of the module's erasure so far (a failed run is retried).
    pub attempts: u32,
    /// When the module finished; absent while pending.
    pub completed_at: Option<Timestamp>,
    /// What the module reported: `erased` or `nothing_stored`; absent while pending.
    pub outcome: Option<String>,
}

/// The erasure of the caller's account, one step per module.
#[derive(Debug, Clone, Object)]
#[oai(rename = "IdentityErasure")]
pub struct ErasureDto {
    /// When it was requested.
    pub requested_at: Timestamp,
    /// When every module had finished; absent while any is pending.
    pub completed_at: Option<Timestamp>,
    /// Whether every module has finished.
    pub complete: bool,
    /// One per module, by name.
    pub steps: Vec<ErasureStepDto>,
}

impl From<ErasureStatus> for ErasureDto {
    fn from(s: ErasureStatus) -> Self {
        Self {
            requested_at: s.requested_at.into(),
            complete: s.completed_at.is_some(),
            completed_at: s.completed_at.map(Into::into),
            steps: s
                .steps
                .into_iter()
                .map(|step| ErasureStepDto {
                    module: step.module,
                    attempts: step.attempts,
                    completed_at: step.completed_at.map(Into::into),
                    outcome: step.outcome,
                })
                .collect(),
        }
    }
}
