//! `/v1/content/admin/media/…` (editors upload an item's image and its variants' audio)
//! and `/v1/content/items/{id}/variants/{duration_s}/media-url` (a member's signed URL).

use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use poem_openapi::param::Path;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AudioUpload, ImageUpload, MediaDto, MediaUrlDto};
use super::error::{MediaUrlErrors, UploadErrors};
use super::model::Slot;
use crate::api::ContentTag;
use crate::items::model::ItemId;
use crate::service::ContentService;

/// Media operations.
pub struct MediaApi {
    service: ContentService,
    guard: Guard,
}

impl MediaApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer of an upload.
#[derive(ApiResponse)]
pub enum MediaStored {
    /// Stored; it replaced the slot's previous object, if any.
    #[oai(status = 200)]
    Ok(
        Json<MediaDto>,
        /// `private`.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a signed URL.
#[derive(ApiResponse)]
pub enum MediaUrl {
    /// The URL, for this member only.
    #[oai(status = 200)]
    Ok(
        Json<MediaUrlDto>,
        /// `private`: signed for whoever asked.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "ContentTag::Publishing")]
impl MediaApi {
    /// Upload a variant's audio
    ///
    /// Editors only. The body streams to the media storage (never held whole in
    /// memory) up to `content.media.max_upload_bytes` (`413` past it). Its type is judged
    /// by its first bytes: `415 unsupported_media_type` when it is no audio the catalog
    /// takes, `415 media_type_mismatch` when it is another than `Content-Type` says. The
    /// item's draft must have a variant of `duration_s` (`409 variant_missing`). A new
    /// upload replaces the previous one.
    #[oai(
        path = "/v1/content/admin/media/items/:item_id/audio/:duration_s",
        method = "put",
        operation_id = "contentUploadVariantAudio"
    )]
    async fn upload_audio(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
        /// The variant's length in seconds.
        #[oai(validator(minimum(value = "1"), maximum(value = "86400")))]
        duration_s: Path<u32>,
        body: AudioUpload,
    ) -> ApiResult<MediaStored, UploadErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let media = self
            .service
            .upload_media(
                &p.user_id,
                &item_id.0,
                Slot::Audio(duration_s.0),
                body.into(),
            )
            .await?;
        Ok(MediaStored::Ok(Json(media.into()), Private))
    }

    /// Upload an item's image
    ///
    /// Editors only. Streams like audio uploads; JPEG, PNG or WebP, judged by the first
    /// bytes. Replaces the previous image.
    #[oai(
        path = "/v1/content/admin/media/items/:item_id/image",
        method = "put",
        operation_id = "contentUploadItemImage"
    )]
    async fn upload_image(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
        body: ImageUpload,
    ) -> ApiResult<MediaStored, UploadErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let media = self
            .service
            .upload_media(&p.user_id, &item_id.0, Slot::Image, body.into())
            .await?;
        Ok(MediaStored::Ok(Json(media.into()), Private))
    }

    /// Get a signed URL of a variant's audio
    ///
    /// Members. A URL of the audio of a published item's variant, valid for
    /// `content.media.url_ttl_s` and signed (HMAC-SHA256) for its path and expiry: fetch
    /// it without credentials, with a single `Range` if you like (`206`, or `416` when
    /// the range is past the end). A premium variant needs the `content.premium`
    /// entitlement (a subscription or a grant): `403 premium_required` without it.
    /// `409 media_missing` when no audio was uploaded yet.
    #[oai(
        path = "/v1/content/items/:item_id/variants/:duration_s/media-url",
        method = "get",
        operation_id = "contentGetVariantMediaUrl",
        tag = "ContentTag::Catalog"
    )]
    async fn media_url(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
        /// The variant's length in seconds.
        #[oai(validator(minimum(value = "1"), maximum(value = "86400")))]
        duration_s: Path<u32>,
    ) -> ApiResult<MediaUrl, MediaUrlErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Member).await?;
        let url = self
            .service
            .variant_media_url(&p.user_id, &item_id.0, duration_s.0)
            .await?;
        Ok(MediaUrl::Ok(Json(url.into()), Private))
    }
}
