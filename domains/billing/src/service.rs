//! [`BillingService`]: the billing use-cases, one `impl` block per resource in its own
//! `service.rs`. Spans carry ids only, never card data, secrets or provider payloads.

use haven_platform::{AnyConnection, Db, DbError, PlatformContext};

use std::sync::Arc;
use std::time::Duration;

use haven_platform::config::BillingSettings;

use haven_platform::mail::Mailer;

use crate::ledger::cache::EntitlementCache;
use crate::ports::{Contacts, MemberContacts};
use crate::stores::app_store::jws::Roots;
use crate::stores::play::client::{HttpPlayApi, PlayApi};
use crate::stores::play::oidc::PushAuth;
use crate::stripe::client::StripeClient;

/// The billing use-cases. Cheap to clone.
#[derive(Clone, Debug)]
pub struct BillingService {
    pub(crate) db: Db,
    pub(crate) cache: EntitlementCache,
    pub(crate) settings: Arc<BillingSettings>,
    pub(crate) stripe: StripeClient,
    /// Trust anchors of App Store notifications; `None`: refused (misconfigured root).
    pub(crate) app_store_roots: Option<Arc<Roots>>,
    /// How Play pushes are authenticated; `None`: not configured.
    pub(crate) play_push: Option<Arc<PushAuth>>,
    /// The Play Developer API.
    pub(crate) play_api: Arc<dyn PlayApi>,
    /// Outgoing email (the paid-twice notice).
    pub(crate) mail: Mailer,
    /// Members' email addresses (installed by the app's wiring).
    pub(crate) contacts: Contacts,
}

impl BillingService {
    /// Builds the service from the platform context; starts this node's watcher of its
    /// entitlement cache (see [`EntitlementCache`]).
    pub fn new(ctx: &PlatformContext) -> Self {
        let bound = Duration::from_millis(ctx.settings.billing.entitlement_staleness_ms);
        let cache = EntitlementCache::new(bound);
        let db = ctx.db.clone();
        cache.spawn_watcher(bound / 4, move |cache| {
            let db = db.clone();
            async move { BillingService::watch_entitlements(&cache, &db).await }
        });
        Self {
            db: ctx.db.clone(),
            cache,
            settings: Arc::new(ctx.settings.billing.clone()),
            stripe: StripeClient::new(&ctx.settings.billing),
            app_store_roots: crate::stores::app_store::service::roots(&ctx.settings.billing)
                .map(Arc::new),
            play_push: crate::stores::play::service::push_auth(&ctx.settings.billing).map(Arc::new),
            play_api: Arc::new(HttpPlayApi::new(&ctx.settings.billing)),
            mail: ctx.mail.clone(),
            contacts: Contacts::default(),
        }
    }

    /// The same service reading Google Play through `api` (another client than HTTP).
    pub fn with_play_api(mut self, api: Arc<dyn PlayApi>) -> Self {
        self.play_api = api;
        self
    }

    /// [`Db::write`] whose ledger changes this node's entitlement cache expects before
    /// they commit, so this node's next check reads them (read-your-writes).
    pub(crate) async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let cache = self.cache.clone();
        self.db.write(move |conn| cache.tracking(|| f(conn))).await
    }

    /// Installs the member-contacts port's adapter (once, at wiring).
    pub fn install_member_contacts(&self, contacts: Arc<dyn MemberContacts>) {
        self.contacts.install(contacts);
    }
}

pub(crate) use haven_platform::time::utc;
