//! Media use-cases: an editor's upload streamed to storage after its first bytes prove
//! its type, and a member's signed URL for a variant they may play.

use std::sync::Arc;

use bytes::Bytes;
use chrono::Utc;
use futures_util::stream::{self, BoxStream};
use futures_util::{StreamExt, TryStreamExt};
use haven_platform::Unexpected;
use haven_platform::ids::UserId;

use super::error::{MediaUrlError, UploadError};
use super::model::{Media, MediaId, Slot, storage_key};
use super::repo::{self, MediaRow};
use super::signing::UrlSigner;
use super::sniff::{MediaType, SNIFF_LEN, sniff};
use super::storage::{MediaStorage, PutError};
use crate::items::model::{ItemDocument, ItemId, Status};
use crate::items::repo as items_repo;
use crate::ports::PREMIUM_FEATURE;
use crate::service::ContentService;

/// Where members fetch media: `{MEDIA_PATH}/{storage key}?exp=…&kid=…&sig=…`.
pub const MEDIA_PATH: &str = "/v1/content/media";

/// The media half of the service: storage, URL signer and limits.
pub struct MediaParts {
    /// The storage; `None` when it could not be opened at start (uploads answer 503).
    pub storage: Option<Arc<dyn MediaStorage>>,
    /// Signs and verifies URLs.
    pub signer: UrlSigner,
    /// `content.media.max_upload_bytes`.
    pub max_upload_bytes: u64,
    /// `content.media.url_ttl_s`.
    pub url_ttl_s: i64,
}

impl std::fmt::Debug for MediaParts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MediaParts")
            .field("storage", &self.storage.is_some())
            .field("signer", &self.signer)
            .field("max_upload_bytes", &self.max_upload_bytes)
            .finish()
    }
}

/// A signed URL handed to a member.
#[derive(Debug, Clone)]
pub struct SignedUrl {
    /// Path and query, relative to the API's base URL.
    pub url: String,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
    /// MIME type.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
}

/// The body of an upload and what its `Content-Type` said.
pub struct Upload {
    /// The declared type.
    pub declared: MediaType,
    /// The bytes as they arrive.
    pub body: BoxStream<'static, std::io::Result<Bytes>>,
}

impl ContentService {
    fn storage(&self) -> Result<&Arc<dyn MediaStorage>, UploadError> {
        self.media.storage.as_ref().ok_or(UploadError::Storage)
    }

    /// Stores an upload as the item's `slot` object, replacing the previous one.
    #[tracing::instrument(skip_all, fields(item_id = %item_id))]
    pub async fn upload_media(
        &self,
        actor: &UserId,
        item_id: &ItemId,
        slot: Slot,
        upload: Upload,
    ) -> Result<Media, UploadError> {
        let storage = self.storage()?.clone();
        let id = *item_id;
        self.db
            .read_primary(move |conn| {
                let row = items_repo::find_item(conn, &id)?.ok_or(UploadError::NotFound)?;
                check_slot(&row.status, &row.draft, slot)
            })
            .await?;

        let Upload { declared, mut body } = upload;
        let mut head = Vec::with_capacity(SNIFF_LEN);
        while head.len() < SNIFF_LEN {
            match body.next().await {
                Some(chunk) => head.extend_from_slice(&chunk.map_err(UploadError::Body)?),
                None => break,
            }
        }
        let sniffed = sniff(&head).ok_or(UploadError::Unsupported)?;
        if sniffed.is_audio() != matches!(slot, Slot::Audio(_)) {
            return Err(UploadError::Unsupported);
        }
        if sniffed != declared {
            return Err(UploadError::Mismatch {
                declared: declared.mime(),
                sniffed: sniffed.mime(),
            });
        }
        let max = self.media.max_upload_bytes;
        let mut seen = 0u64;
        let limited = stream::once(async move { Ok::<_, std::io::Error>(Bytes::from(head)) })
            .chain(body)
            .map_err(PutError::Body)
            .and_then(move |chunk| {
                seen += chunk.len() as u64;
                let over = seen > max;
                async move {
                    if over {
                        Err(PutError::TooLarge)
                    } else {
                        Ok(chunk)
                    }
                }
            })
            .boxed();

        let media_id = MediaId::new();
        let key = storage_key(item_id, &media_id, sniffed.ext());
        let size = storage.put(&key, limited).await.map_err(|e| match e {
            PutError::TooLarge => UploadError::TooLarge(max),
            PutError::Body(e) => UploadError::Body(e),
            PutError::Storage(e) => {
                tracing::error!(error = %e, "media upload failed in storage");
                UploadError::Storage
            }
        })?;

        let row = MediaRow {
            id: media_id,
            item_id: *item_id,
            slot: slot.as_string(),
            storage_key: key.clone(),
            content_type: sniffed.mime().to_owned(),
            size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
            uploaded_by: *actor,
            created_at: Utc::now().naive_utc(),
        };
        let saved = row.clone();
        let written = self
            .db
            .write(move |conn| {
                // Checked again under the write: the item may have been archived or its
                // variant removed while the bytes streamed.
                let item =
                    items_repo::lock_item(conn, &saved.item_id)?.ok_or(UploadError::NotFound)?;
                check_slot(&item.status, &item.draft, slot)?;
                Ok::<_, UploadError>(repo::replace(conn, &saved)?)
            })
            .await;
        let old = match written {
            Ok(old) => old,
            Err(e) => {
                self.remove_object(&storage, &key).await;
                return Err(e);
            }
        };
        if let Some(old) = old {
            self.remove_object(&storage, &old).await;
        }
        row.into_media()
            .ok_or_else(|| Unexpected::invariant("a slot this build wrote does not parse").into())
    }

    async fn remove_object(&self, storage: &Arc<dyn MediaStorage>, key: &str) {
        if let Err(e) = storage.delete(key).await {
            // An orphan object costs storage, never correctness: no row names it.
            tracing::warn!(error = %e, "removing a media object failed");
        }
    }

    /// Whether `(item, slot)` has an object.
    pub async fn media_exists(
        &self,
        item: &ItemId,
        slot: Slot,
    ) -> Result<bool, haven_platform::DbError> {
        let id = *item;
        self.db
            .read_primary(move |conn| Ok(repo::find(conn, &id, slot)?.is_some()))
            .await
    }

    /// A signed URL of the audio of `item`'s `duration_s` variant, when `user` may play it.
    pub async fn variant_media_url(
        &self,
        user: &UserId,
        item_id: &ItemId,
        duration_s: u32,
    ) -> Result<SignedUrl, MediaUrlError> {
        let snap = self.snapshot::<MediaUrlError>().await?;
        let item = snap
            .item(item_id)
            .ok_or(MediaUrlError::NotFound("No published item has this id."))?;
        let variant = item.variant(duration_s).ok_or(MediaUrlError::NotFound(
            "The item has no variant of this duration.",
        ))?;
        if variant.premium && !self.may_play_premium(user).await? {
            return Err(MediaUrlError::PremiumRequired);
        }
        let id = *item_id;
        let media = self
            .db
            .read(move |conn| {
                Ok::<_, MediaUrlError>(repo::find(conn, &id, Slot::Audio(duration_s))?)
            })
            .await?
            .ok_or(MediaUrlError::MediaMissing)?;
        Ok(self.sign(&media.storage_key, media.content_type, media.size_bytes))
    }

    /// Whether `user` holds `content.premium` now (billing's ledger, through the port).
    async fn may_play_premium(&self, user: &UserId) -> Result<bool, MediaUrlError> {
        let Some(port) = &self.entitlements else {
            return Ok(false);
        };
        port.may_use(user, PREMIUM_FEATURE)
            .await
            .map_err(|e| Unexpected::new("the content.premium entitlement check", e).into())
    }

    /// A URL for `key` valid for `content.media.url_ttl_s`.
    pub(crate) fn sign(&self, key: &str, content_type: String, size_bytes: i64) -> SignedUrl {
        let expires_at = Utc::now().timestamp() + self.media.url_ttl_s;
        let path = format!("{MEDIA_PATH}/{key}");
        let query = self.media.signer.sign(&path, expires_at);
        SignedUrl {
            url: format!("{path}?{query}"),
            expires_at,
            content_type,
            size_bytes,
        }
    }
}

/// Whether an item in `status` with `draft` can take an object in `slot`.
fn check_slot(status: &str, draft: &str, slot: Slot) -> Result<(), UploadError> {
    if Status::parse(status) == Some(Status::Archived) {
        return Err(UploadError::Archived);
    }
    if let Slot::Audio(d) = slot {
        let doc: ItemDocument =
            serde_json::from_str(draft).map_err(Unexpected::with("content_items.draft"))?;
        if !doc.variants.iter().any(|v| v.duration_s == d) {
            return Err(UploadError::VariantMissing);
        }
    }
    Ok(())
}
