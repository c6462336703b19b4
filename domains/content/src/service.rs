//! The content service value shared by every resource's use-cases: the database, the
//! node's catalog snapshot, the settings, and the ports to other domains.

use std::sync::Arc;
use std::time::Duration;

use haven_platform::http::cache::Public;
use haven_platform::{Db, PlatformContext};

use crate::catalog::store::CatalogStore;
use crate::locale::Locale;
use crate::media::service::MediaParts;
use crate::media::signing::UrlSigner;
use crate::media::storage::{MediaStorage, ObjectStorage};
use crate::ports::{Entitlements, ProfileZones};

/// `content.*` settings, parsed once.
#[derive(Debug, Clone)]
pub struct ContentConfig {
    /// The catalog's default locale.
    pub default_locale: Locale,
    /// `Cache-Control` of anonymous catalog reads (`public, max-age=…`).
    pub public_cache: Public,
    /// The local hour a member's day ends.
    pub day_end_hour: u32,
    /// How far ahead of the server's clock an event may be.
    pub max_event_skew_s: i64,
    /// Streak freezes: one earned every this many consecutive days, at most `max` banked.
    pub freezes: crate::streaks::model::FreezeRule,
}

/// The content use-cases. Cheap to clone.
#[derive(Clone)]
pub struct ContentService {
    pub(crate) db: Db,
    pub(crate) catalog: Arc<CatalogStore>,
    pub(crate) config: Arc<ContentConfig>,
    /// `None` until billing's ledger is wired: premium variants are then refused.
    pub(crate) entitlements: Option<Arc<dyn Entitlements>>,
    /// Media storage, URL signing and limits.
    pub(crate) media: Arc<MediaParts>,
    /// Members' profile zones (identity).
    pub(crate) zones: Arc<dyn ProfileZones>,
}

impl std::fmt::Debug for ContentService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContentService")
            .field("config", &self.config)
            .field("entitlements_wired", &self.entitlements.is_some())
            .finish_non_exhaustive()
    }
}

impl ContentService {
    /// From the platform context and the ports; starts this node's catalog refresher.
    pub fn new(
        ctx: &PlatformContext,
        entitlements: Option<Arc<dyn Entitlements>>,
        zones: Arc<dyn ProfileZones>,
    ) -> Self {
        let s = &ctx.settings.content;
        // Validated at load (`ContentSettings::validate`); the fallback is for settings
        // built without validation.
        let default_locale = Locale::parse(&s.default_locale).unwrap_or_else(|| {
            tracing::error!("content.default_locale is invalid; using `en`");
            Locale::parse("en").unwrap_or_else(|| unreachable!("`en` is a locale"))
        });
        let catalog = CatalogStore::new(ctx.db.clone());
        catalog.spawn_refresher(Duration::from_millis(s.catalog_refresh_ms));
        Self {
            db: ctx.db.clone(),
            catalog,
            config: Arc::new(ContentConfig {
                default_locale,
                public_cache: Public::max_age(s.public_max_age_s),
                day_end_hour: s.day_end_hour,
                max_event_skew_s: i64::try_from(s.max_event_skew_s).unwrap_or(86_400),
                freezes: crate::streaks::model::FreezeRule {
                    every_days: s.streak_freeze_every_days.max(1),
                    max: s.streak_max_freezes,
                },
            }),
            entitlements,
            media: Arc::new(media_parts(&s.media)),
            zones,
        }
    }

    /// The node's catalog store (tests and benchmarks refresh it explicitly).
    pub fn catalog(&self) -> &Arc<CatalogStore> {
        &self.catalog
    }
}

/// Opens the media storage and the URL signer. A storage that cannot be opened is
/// logged and leaves uploads and the media route answering 503 rather than stopping the
/// node: the rest of the catalog still works.
fn media_parts(s: &haven_platform::config::MediaSettings) -> MediaParts {
    let storage = match ObjectStorage::from_settings(s) {
        Ok(st) => Some(Arc::new(st) as Arc<dyn MediaStorage>),
        Err(e) => {
            tracing::error!(error = %e, "content media storage unavailable");
            None
        }
    };
    // Validated at load; an invalid list here means settings built without validation.
    let keys = s.decoded_signing_keys().unwrap_or_else(|e| {
        tracing::error!(error = %e, "content.media.signing_keys invalid; using a throwaway key");
        Vec::new()
    });
    MediaParts {
        storage,
        signer: UrlSigner::new(keys),
        max_upload_bytes: s.max_upload_bytes,
        url_ttl_s: i64::try_from(s.url_ttl_s).unwrap_or(3_600),
    }
}

pub(crate) use haven_platform::time::utc;

impl ContentService {
    /// The member's profile zone (identity, through the port); `None` when unset or not
    /// a zone this server knows.
    pub(crate) async fn profile_zone(
        &self,
        user: &haven_platform::ids::UserId,
    ) -> Result<Option<chrono_tz::Tz>, haven_platform::Unexpected> {
        let name = self
            .zones
            .time_zone(user)
            .await
            .map_err(haven_platform::Unexpected::with("profile time zone"))?;
        Ok(name.as_deref().and_then(crate::days::parse_zone))
    }

    /// The zone of the member's "now": the one the app names (where the device is),
    /// else the profile's, else UTC.
    pub(crate) async fn zone_now(
        &self,
        user: &haven_platform::ids::UserId,
        requested: Option<chrono_tz::Tz>,
    ) -> Result<chrono_tz::Tz, haven_platform::Unexpected> {
        if let Some(zone) = requested {
            return Ok(zone);
        }
        Ok(self.profile_zone(user).await?.unwrap_or(chrono_tz::Tz::UTC))
    }
}
