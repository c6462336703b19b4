//! `/v1/content/items…`, `/v1/content/narrators…`: the published catalog, public and
//! answered from memory. Each answer carries a strong `ETag` (catalog version + locale),
//! answers a matching `If-None-Match` with `304`, and may be kept by any cache
//! (`Cache-Control: public, max-age=…`); member-specific fields live elsewhere.

use haven_platform::http::cache::Public;
use haven_platform::http::rendered::JsonBytes;
use haven_platform::http::text::Text;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Header, Path, Query};
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{CatalogItemDto, CatalogNarratorDto};
use super::error::{BrowseError, BrowseErrors, CatalogEntryErrors, CatalogError};
use super::service::slug_filter;
use super::snapshot::{Browse, PageKey};
use crate::api::ContentTag;
use crate::error::Problems;
use crate::items::dto::KindDto;
use crate::items::model::ItemId;
use crate::narrators::model::NarratorId;
use crate::preconditions::{catalog_etag, none_match};
use crate::rules;
use crate::service::ContentService;

/// Public catalog reads.
pub struct CatalogApi {
    service: ContentService,
}

impl CatalogApi {
    /// Around the service.
    pub fn new(service: ContentService) -> Self {
        Self { service }
    }
}

/// A cacheable catalog answer.
#[derive(ApiResponse)]
pub enum Cached<T: poem_openapi::types::ToJSON + Send + Sync> {
    /// The answer.
    #[oai(status = 200)]
    Ok(
        JsonBytes<T>,
        /// Strong: the catalog version and the requested locale.
        #[oai(header = "ETag")]
        String,
        /// `public, max-age=N`: any cache may keep it.
        #[oai(header = "Cache-Control")]
        Public,
    ),
    /// `If-None-Match` matched: the cached copy is current.
    #[oai(status = 304)]
    NotModified(
        /// The current `ETag`.
        #[oai(header = "ETag")]
        String,
        /// `public, max-age=N`.
        #[oai(header = "Cache-Control")]
        Public,
    ),
}

impl CatalogApi {
    /// `304` when `If-None-Match` matches `etag`, else the body `body` builds.
    pub(crate) fn answer<T: poem_openapi::types::ToJSON + Send + Sync>(
        &self,
        etag: String,
        if_none_match: &Header<Option<String>>,
        body: impl FnOnce() -> T,
    ) -> Cached<T> {
        self.answer_rendered(etag, if_none_match, || JsonBytes::render_from(&body()))
    }

    /// [`CatalogApi::answer`] with a body rendered from the snapshot's cached JSON.
    pub(crate) fn answer_rendered<T: poem_openapi::types::ToJSON + Send + Sync>(
        &self,
        etag: String,
        if_none_match: &Header<Option<String>>,
        body: impl FnOnce() -> JsonBytes<T>,
    ) -> Cached<T> {
        let cache = self.service.public_cache();
        if none_match(if_none_match.0.as_deref(), &etag) {
            Cached::NotModified(etag, cache)
        } else {
            Cached::Ok(body(), etag, cache)
        }
    }
}

#[OpenApi(tag = "ContentTag::Catalog")]
impl CatalogApi {
    /// Browse the catalog
    ///
    /// Public. Published items in one locale (each says which one it used, along the
    /// fallback chain `es-MX` → `es` → the catalog's default), filtered by kind,
    /// category, tag, narrator and duration (an item matches when one of its variants
    /// is within `min_duration_s`..`max_duration_s`), in id order, paginated. Served
    /// from memory; `If-None-Match` with the `ETag` answers `304`.
    #[oai(
        path = "/v1/content/items",
        method = "get",
        operation_id = "contentBrowseItems"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn browse(
        &self,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// Only this kind.
        kind: Query<Option<KindDto>>,
        /// Only this category (a lower-case slug).
        category: Query<Option<Text<rules::Slug>>>,
        /// Only this tag (a lower-case slug).
        tag: Query<Option<Text<rules::Slug>>>,
        /// Only items with a variant by this narrator.
        narrator_id: Query<Option<NarratorId>>,
        /// Only items with a variant at least this long (seconds).
        #[oai(validator(minimum(value = "0"), maximum(value = "86400")))]
        min_duration_s: Query<Option<u32>>,
        /// Only items with a variant at most this long (seconds).
        #[oai(validator(minimum(value = "0"), maximum(value = "86400")))]
        max_duration_s: Query<Option<u32>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<Page<CatalogItemDto>>, BrowseErrors> {
        let params =
            PageParams::<ItemId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        let filter = Browse {
            kind: kind.0.map(Into::into),
            category: slug_filter("category", category.0.map(Text::into_inner), &mut p),
            tag: slug_filter("tag", tag.0.map(Text::into_inner), &mut p),
            narrator: narrator_id.0,
            min_duration_s: min_duration_s.0,
            max_duration_s: max_duration_s.0,
        };
        p.finish().map_err(BrowseError::from)?;
        let snap = self.service.snapshot::<BrowseError>().await?;
        let etag = catalog_etag(snap.version, loc.as_str());
        let default = self.service.default_locale();
        let key = PageKey {
            locale: loc.to_string(),
            filter,
            after: params.after,
            limit: params.limit,
        };
        Ok(self.answer_rendered(etag, &if_none_match, || {
            JsonBytes::from_rendered(snap.page(key, |key| {
                let rows = snap.browse(&key.filter, key.after.as_ref(), key.limit as usize + 1);
                Page::<CatalogItemDto>::rendered(
                    rows,
                    key.limit,
                    |i| i.id.to_string(),
                    |i| CatalogItemDto::json(i, &loc, default, &snap),
                )
                .bytes()
                .clone()
            }))
        }))
    }

    /// Read a published item
    ///
    /// Public. One item in one locale (fallback as in browse; `locale` says which was
    /// used). `404` when it is not published. Served from memory.
    #[oai(
        path = "/v1/content/items/:item_id",
        method = "get",
        operation_id = "contentGetCatalogItem"
    )]
    async fn item(
        &self,
        /// The item.
        item_id: Path<ItemId>,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<CatalogItemDto>, CatalogEntryErrors> {
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        p.finish().map_err(CatalogError::from)?;
        let snap = self.service.snapshot::<CatalogError>().await?;
        let item = snap
            .item(&item_id.0)
            .ok_or(CatalogError::NotFound("No published item has this id."))?;
        let etag = catalog_etag(snap.version, loc.as_str());
        let default = self.service.default_locale();
        Ok(self.answer_rendered(etag, &if_none_match, || {
            JsonBytes::from_rendered(CatalogItemDto::json(item, &loc, default, &snap))
        }))
    }

    /// List narrators
    ///
    /// Public. Narrators with their biography in one locale (fallback as for items), in
    /// id order, paginated. Served from memory.
    #[oai(
        path = "/v1/content/narrators",
        method = "get",
        operation_id = "contentListNarrators"
    )]
    async fn narrators(
        &self,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<Page<CatalogNarratorDto>>, BrowseErrors> {
        let params =
            PageParams::<NarratorId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        p.finish().map_err(BrowseError::from)?;
        let snap = self.service.snapshot::<BrowseError>().await?;
        let etag = catalog_etag(snap.version, loc.as_str());
        let default = self.service.default_locale();
        Ok(self.answer(etag, &if_none_match, || {
            let rows = snap.narrators(params.after.as_ref(), params.limit as usize + 1);
            Page::from_rows(
                rows,
                params.limit,
                |n| n.id.to_string(),
                |n| CatalogNarratorDto::new(n, &loc, default),
            )
        }))
    }

    /// Read a narrator
    ///
    /// Public. One narrator with their biography in one locale. Served from memory.
    #[oai(
        path = "/v1/content/narrators/:narrator_id",
        method = "get",
        operation_id = "contentGetCatalogNarrator"
    )]
    async fn narrator(
        &self,
        /// The narrator.
        narrator_id: Path<NarratorId>,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<CatalogNarratorDto>, CatalogEntryErrors> {
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        p.finish().map_err(CatalogError::from)?;
        let snap = self.service.snapshot::<CatalogError>().await?;
        let n = snap
            .narrator(&narrator_id.0)
            .ok_or(CatalogError::NotFound("No narrator has this id."))?;
        let etag = catalog_etag(snap.version, loc.as_str());
        let default = self.service.default_locale();
        Ok(self.answer(etag, &if_none_match, || {
            CatalogNarratorDto::new(n, &loc, default)
        }))
    }
}
