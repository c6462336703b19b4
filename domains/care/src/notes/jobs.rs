//! Master key rotation: a recurring job re-wraps the data key of every note still
//! wrapped by another key than the active one (the first of `care.notes.master_keys`),
//! in batches, each note in a conditional update so nodes running it at once never
//! clash. Bodies are never re-encrypted. When the gauge `care_notes_on_retired_keys`
//! reaches 0 (and the log says so), the old key can be removed from the configuration.

use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use haven_platform::DbError;
use haven_platform::jobs::{Job, JobHandler, Recurring};

use super::crypto::CryptoError;
use super::repo;
use crate::service::CareService;

/// Re-wraps notes onto the active master key.
pub const REWRAP_NOTE_KEYS: &str = "care.rewrap_note_keys";

/// Notes re-wrapped per transaction.
const BATCH: i64 = 200;

/// The job's handler.
pub fn handlers(service: &CareService) -> Vec<Arc<dyn JobHandler>> {
    vec![Arc::new(Handler(service.clone()))]
}

/// Every five minutes: a rotation completes within minutes of the new key's roll-out.
pub fn recurring() -> Vec<Recurring> {
    vec![Recurring {
        name: REWRAP_NOTE_KEYS,
        every: Duration::from_secs(300),
        kind: REWRAP_NOTE_KEYS,
    }]
}

struct Handler(CareService);

impl JobHandler for Handler {
    fn kind(&self) -> &'static str {
        REWRAP_NOTE_KEYS
    }

    fn run<'a>(&'a self, _job: &'a Job) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            self.0.rewrap_note_keys().await?;
            Ok(())
        })
    }
}

/// What one run of the rotation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rewrapped {
    /// Notes moved to the active key.
    pub moved: usize,
    /// Notes left on other keys (their key is not configured: unreadable until it is).
    pub left: usize,
}

impl CareService {
    /// Moves every note onto the active master key; notes whose key is not configured
    /// are left (and counted), never lost.
    pub async fn rewrap_note_keys(&self) -> anyhow::Result<Rewrapped> {
        let keys = self.note_keys.clone();
        let Some(active) = keys.active_id().map(str::to_owned) else {
            return Ok(Rewrapped::default());
        };
        let mut done = Rewrapped::default();
        let mut skip: Vec<super::model::NoteId> = Vec::new();
        loop {
            let (active, keys, skipped) = (active.clone(), keys.clone(), skip.clone());
            let (moved, unknown) = self
                .db
                .write(move |conn| {
                    let batch = repo::wrapped_by_others(conn, &active, BATCH + skipped.len() as i64)?;
                    let mut moved = 0;
                    let mut unknown = Vec::new();
                    for (id, key_id, wrapped) in batch {
                        if skipped.contains(&id) {
                            continue;
                        }
                        match keys.rewrap(&id, &key_id, &wrapped) {
                            Ok(Some((to, wrapped))) => {
                                moved += usize::from(repo::rewrap(conn, &id, &key_id, &to, &wrapped)?);
                            }
                            Ok(None) => {}
                            Err(CryptoError::UnknownKey(k)) => {
                                tracing::error!(note_id = %id, key_id = %k, "a clinical note's master key is not configured");
                                unknown.push(id);
                            }
                            Err(e) => {
                                tracing::error!(note_id = %id, error = %e, "a clinical note's data key does not unwrap");
                                unknown.push(id);
                            }
                        }
                    }
                    Ok::<_, DbError>((moved, unknown))
                })
                .await?;
            done.moved += moved;
            let stuck = unknown.len();
            skip.extend(unknown);
            if moved == 0 && stuck == 0 {
                break;
            }
        }
        done.left = skip.len();
        metrics::gauge!("care_notes_on_retired_keys").set(done.left as f64);
        if done.moved > 0 || done.left > 0 {
            tracing::info!(moved = done.moved, left = done.left, active_key = %active, "clinical note keys re-wrapped");
        }
        Ok(done)
    }
}
