//! Traits billing needs from other domains.

use std::sync::{Arc, OnceLock};

use futures_util::future::BoxFuture;
use haven_platform::ids::UserId;

/// Where billing writes to a member (answered by identity's accounts).
pub trait MemberContacts: Send + Sync {
    /// The member's email address; `None` when the account is gone.
    fn email_of<'a>(&'a self, user: &'a UserId) -> BoxFuture<'a, anyhow::Result<Option<String>>>;
}

/// Where the app installs the [`MemberContacts`] adapter. Cheap to clone.
#[derive(Clone, Default)]
pub struct Contacts(Arc<OnceLock<Arc<dyn MemberContacts>>>);

impl std::fmt::Debug for Contacts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Contacts")
            .field("installed", &self.0.get().is_some())
            .finish()
    }
}

impl Contacts {
    /// Installs the adapter; only the first call counts (the app wires once).
    pub fn install(&self, contacts: Arc<dyn MemberContacts>) {
        let _ = self.0.set(contacts);
    }

    /// The member's email address. Without an adapter (a wiring bug) an error, so the
    /// job that asks is retried rather than its email silently dropped.
    pub(crate) async fn email_of(&self, user: &UserId) -> anyhow::Result<Option<String>> {
        match self.0.get() {
            Some(c) => c.email_of(user).await,
            None => anyhow::bail!("billing's member-contacts port is not installed"),
        }
    }
}
