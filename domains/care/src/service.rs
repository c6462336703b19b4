//! [`CareService`]: the care use-cases, one `impl` block per resource in its own
//! `service.rs`. Spans carry ids only, never health data.

use std::sync::Arc;

use haven_platform::config::CareSettings;
use haven_platform::mail::Mailer;
use haven_platform::{Db, PlatformContext};

use crate::chat::bus::ChatHub;
use crate::notes::crypto::NoteKeys;
use crate::ports::{Accounts, Benefits};

/// The care use-cases. Cheap to clone.
#[derive(Clone)]
pub struct CareService {
    pub(crate) db: Db,
    pub(crate) settings: Arc<CareSettings>,
    pub(crate) accounts: Arc<dyn Accounts>,
    pub(crate) benefits: Arc<dyn Benefits>,
    pub(crate) mail: Mailer,
    pub(crate) chat: ChatHub,
    pub(crate) note_keys: NoteKeys,
}

impl std::fmt::Debug for CareService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CareService").finish_non_exhaustive()
    }
}

impl CareService {
    /// Builds the service from the platform context and the ports other domains answer.
    pub fn new(
        ctx: &PlatformContext,
        accounts: Arc<dyn Accounts>,
        benefits: Arc<dyn Benefits>,
    ) -> Self {
        Self {
            db: ctx.db.clone(),
            settings: Arc::new(ctx.settings.care.clone()),
            accounts,
            benefits,
            mail: ctx.mail.clone(),
            chat: ChatHub::new(&ctx.settings, ctx.health.clone()),
            note_keys: NoteKeys::from_settings(&ctx.settings).unwrap_or_else(|e| {
                // Settings were validated at load, keys included; refuse notes rather
                // than start without the module.
                tracing::error!(error = %e, "care.notes.master_keys invalid; clinical notes are refused");
                NoteKeys::from_keys(&[])
            }),
        }
    }

    /// The node's chat fan-out.
    pub fn chat_hub(&self) -> &ChatHub {
        &self.chat
    }

    /// The settings (`care.*`).
    pub fn settings(&self) -> &CareSettings {
        &self.settings
    }
}
