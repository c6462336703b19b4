//! `/v1/content/me/favorites…`: the member's favorite items and courses.

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::FavoriteDto;
use super::error::FavoriteErrors;
use super::service::Target;
use crate::api::ContentTag;
use crate::courses::model::CourseId;
use crate::items::model::ItemId;
use crate::service::ContentService;

/// The member's favorites.
pub struct FavoritesApi {
    service: ContentService,
    guard: Guard,
}

impl FavoritesApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }

    async fn put(&self, auth: BearerAuth, target: Target) -> ApiResult<Done, FavoriteErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        self.service.put_favorite(&auth.0.user_id, target).await?;
        Ok(Done::NoContent)
    }

    async fn delete(&self, auth: BearerAuth, target: Target) -> ApiResult<Done, FavoriteErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        self.service
            .delete_favorite(&auth.0.user_id, target)
            .await?;
        Ok(Done::NoContent)
    }
}

/// Answer of a put or delete.
#[derive(ApiResponse)]
pub enum Done {
    /// Done (also when it already was).
    #[oai(status = 204)]
    NoContent,
}

/// Answer with a page of favorites.
#[derive(ApiResponse)]
pub enum FavoriteList {
    /// One page of favorites, in id order.
    #[oai(status = 200)]
    Ok(
        Json<Page<FavoriteDto>>,
        /// `private`: the member's own.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "ContentTag::Member")]
impl FavoritesApi {
    /// Favorite an item
    ///
    /// Members. Idempotent: putting it again changes nothing. `404` unless published.
    #[oai(
        path = "/v1/content/me/favorites/items/:item_id",
        method = "put",
        operation_id = "contentPutFavoriteItem"
    )]
    async fn put_item(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
    ) -> ApiResult<Done, FavoriteErrors> {
        self.put(auth, Target::Item(item_id.0)).await
    }

    /// Unfavorite an item
    ///
    /// Members. Idempotent: deleting an absent favorite is fine.
    #[oai(
        path = "/v1/content/me/favorites/items/:item_id",
        method = "delete",
        operation_id = "contentDeleteFavoriteItem"
    )]
    async fn delete_item(
        &self,
        auth: BearerAuth,
        /// The item.
        item_id: Path<ItemId>,
    ) -> ApiResult<Done, FavoriteErrors> {
        self.delete(auth, Target::Item(item_id.0)).await
    }

    /// Favorite a course
    ///
    /// Members. Idempotent: putting it again changes nothing. `404` unless published.
    #[oai(
        path = "/v1/content/me/favorites/courses/:course_id",
        method = "put",
        operation_id = "contentPutFavoriteCourse"
    )]
    async fn put_course(
        &self,
        auth: BearerAuth,
        /// The course.
        course_id: Path<CourseId>,
    ) -> ApiResult<Done, FavoriteErrors> {
        self.put(auth, Target::Course(course_id.0)).await
    }

    /// Unfavorite a course
    ///
    /// Members. Idempotent: deleting an absent favorite is fine.
    #[oai(
        path = "/v1/content/me/favorites/courses/:course_id",
        method = "delete",
        operation_id = "contentDeleteFavoriteCourse"
    )]
    async fn delete_course(
        &self,
        auth: BearerAuth,
        /// The course.
        course_id: Path<CourseId>,
    ) -> ApiResult<Done, FavoriteErrors> {
        self.delete(auth, Target::Course(course_id.0)).await
    }

    /// My favorites
    ///
    /// Members. Favorite items and courses, in id order, paginated.
    #[oai(
        path = "/v1/content/me/favorites",
        method = "get",
        operation_id = "contentMyFavorites"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<FavoriteList, FavoriteErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let params =
            PageParams::<String>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let fetch = params.fetch_limit();
        let rows = self
            .service
            .favorites(&auth.0.user_id, params.after, fetch)
            .await?;
        let rows: Vec<_> = rows
            .iter()
            .filter_map(|r| FavoriteDto::from_row(r).map(|d| (r.target_id.clone(), d)))
            .collect();
        let page = Page::from_rows(rows, params.limit, |(id, _)| id.clone(), |(_, d)| d);
        Ok(FavoriteList::Ok(Json(page), Private))
    }
}
