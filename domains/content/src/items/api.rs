//! `/v1/content/admin/items/…`: publishing, for editors (role `admin` with a second
//! factor; see docs/adr for why no separate editor role yet). Every change takes
//! `If-Match` with the item's `ETag`.

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Header, Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AdminItemDto, ItemDraftInput, PublishRequest, RevisionDto};
use super::error::{ChangeItemErrors, CreateItemErrors, ItemError, ReadItemErrors};
use super::model::{Item, ItemId};
use crate::api::ContentTag;
use crate::preconditions::{expected_revision, revision_etag};
use crate::service::ContentService;

/// Publishing operations of editors.
pub struct ItemsApi {
    service: ContentService,
    guard: Guard,
}

impl ItemsApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer of a creation.
#[derive(ApiResponse)]
pub enum ItemCreated {
    /// The draft was created.
    #[oai(status = 201)]
    Created(
        Json<AdminItemDto>,
        /// `"r{revision}"`: send it as `If-Match` with the next change.
        #[oai(header = "ETag")]
        String,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with one item.
#[derive(ApiResponse)]
pub enum ItemOne {
    /// The item as it is now.
    #[oai(status = 200)]
    Ok(
        Json<AdminItemDto>,
        /// `"r{revision}"`: send it as `If-Match` with the next change.
        #[oai(header = "ETag")]
        String,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

impl ItemOne {
    fn of(item: Item) -> Self {
        let etag = revision_etag(item.revision);
        Self::Ok(Json(item.into()), etag, Private)
    }
}

/// Answer with a page of items.
#[derive(ApiResponse)]
pub enum ItemList {
    /// One page of items, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<AdminItemDto>>,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of revisions.
#[derive(ApiResponse)]
pub enum RevisionList {
    /// One page of the item's history, newest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<RevisionDto>>,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

fn precondition(if_match: &Header<Option<String>>) -> Result<i64, ItemError> {
    expected_revision(if_match.0.as_deref()).map_err(ItemError::Precondition)
}

#[OpenApi(tag = "ContentTag::Publishing")]
impl ItemsApi {
    /// Create a draft item
    ///
    /// Editors only (role `admin`, signed in with a second factor). Members see nothing
    /// of it until it is published.
    #[oai(
        path = "/v1/content/admin/items",
        method = "post",
        operation_id = "contentCreateItem"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<ItemDraftInput>,
    ) -> ApiResult<ItemCreated, CreateItemErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let item = self.service.create_item(&p.user_id, body.0.into()).await?;
        let etag = revision_etag(item.revision);
        Ok(ItemCreated::Created(Json(item.into()), etag, Private))
    }

    /// List items
    ///
    /// Editors only. Every item whatever its status, oldest first, paginated.
    #[oai(
        path = "/v1/content/admin/items",
        method = "get",
        operation_id = "contentListItems"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ItemList, ReadItemErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params =
            PageParams::<ItemId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .items(params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |i| i.id.to_string(), Into::into);
        Ok(ItemList::Ok(Json(page), Private))
    }

    /// Read an item
    ///
    /// Editors only: the draft, what is published, the schedule, and the `ETag` to send
    /// as `If-Match` with a change.
    #[oai(
        path = "/v1/content/admin/items/:item_id",
        method = "get",
        operation_id = "contentGetItem"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
    ) -> ApiResult<ItemOne, ReadItemErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        Ok(ItemOne::of(self.service.item(&item_id.0).await?))
    }

    /// Replace an item's draft
    ///
    /// Editors only. Needs `If-Match` with the item's current `ETag`: `428` without it,
    /// `412` when someone saved since (read it again). Published texts stay as they are
    /// until the next publish. An archived item is `409 item_archived`.
    #[oai(
        path = "/v1/content/admin/items/:item_id",
        method = "put",
        operation_id = "contentReplaceItemDraft"
    )]
    async fn replace(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
        body: Json<ItemDraftInput>,
    ) -> ApiResult<ItemOne, ChangeItemErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let expected = precondition(&if_match)?;
        let item = self
            .service
            .replace_draft(&p.user_id, &item_id.0, expected, body.0.into())
            .await?;
        Ok(ItemOne::of(item))
    }

    /// Publish an item
    ///
    /// Editors only, with `If-Match`. Publishes the draft's structure and the texts of
    /// `locales` (all of the draft's when absent), so a translation can go live after the
    /// original; members then see it on every node within 2 s. The published document
    /// must have the catalog's default locale (`409 default_locale_missing`). With a
    /// future `at`, the publish is scheduled instead (`scheduled_at` in the answer).
    #[oai(
        path = "/v1/content/admin/items/:item_id/publish",
        method = "post",
        operation_id = "contentPublishItem"
    )]
    async fn publish(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The item.
        item_id: Path<ItemId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
        body: Json<PublishRequest>,
    ) -> ApiResult<ItemOne, ChangeItemErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let expected = precondition(&if_match)?;
        let item = self
            .service
            .publish(&p.user_id, &item_id.0, expected, body.0.into())
            .await?;
        Ok(ItemOne::of(item))
    }

    /// Unpublish an item
    ///
    /// Editors only, with `If-Match`. Members stop seeing it (within 2 s on every node);
    /// it returns to draft and a pending schedule is cancelled. Not published:
    /// `409 not_published`.
    #[oai(
        path = "/v1/content/admin/items/:item_id/unpublish",
        method = "post",
        operation_id = "contentUnpublishItem"
    )]
    async fn unpublish(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The item.
        item_id: Path<ItemId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
    ) -> ApiResult<ItemOne, ChangeItemErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let expected = precondition(&if_match)?;
        let item = self
            .service
            .unpublish(&p.user_id, &item_id.0, expected)
            .await?;
        Ok(ItemOne::of(item))
    }

    /// Archive an item
    ///
    /// Editors only, with `If-Match`. Retires it: hidden from members, no longer
    /// editable; a pending schedule is cancelled.
    #[oai(
        path = "/v1/content/admin/items/:item_id/archive",
        method = "post",
        operation_id = "contentArchiveItem"
    )]
    async fn archive(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The item.
        item_id: Path<ItemId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
    ) -> ApiResult<ItemOne, ChangeItemErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Admin).await?;
        let expected = precondition(&if_match)?;
        let item = self
            .service
            .archive(&p.user_id, &item_id.0, expected)
            .await?;
        Ok(ItemOne::of(item))
    }

    /// An item's revision history
    ///
    /// Editors only. Every change, newest first, with the draft after it and who made
    /// it, paginated.
    #[oai(
        path = "/v1/content/admin/items/:item_id/revisions",
        method = "get",
        operation_id = "contentListItemRevisions"
    )]
    async fn revisions(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<RevisionList, ReadItemErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        let params = PageParams::<i64>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .revisions(&item_id.0, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |r| r.revision, Into::into);
        Ok(RevisionList::Ok(Json(page), Private))
    }
}
