//! The content API: every resource's operations combined, and the OpenAPI tags that
//! group them.

use haven_platform::auth::Guard;
use poem_openapi::Tags;

use crate::catalog::api::CatalogApi;
use crate::courses::api::{CourseCatalogApi, CoursesApi};
use crate::courses::member_api::MyCoursesApi;
use crate::favorites::api::FavoritesApi;
use crate::items::api::ItemsApi;
use crate::media::api::MediaApi;
use crate::narrators::api::NarratorsApi;
use crate::playback::api::PlaybackApi;
use crate::search::api::SearchApi;
use crate::service::ContentService;
use crate::today::api::TodayApi;

/// The module's API: every resource's operations.
pub type ContentApi = (
    (CatalogApi, ItemsApi, NarratorsApi),
    (CoursesApi, CourseCatalogApi, MyCoursesApi),
    (PlaybackApi, FavoritesApi, TodayApi),
    (MediaApi, SearchApi),
);

/// Builds [`ContentApi`] around the service.
pub fn new(service: ContentService, guard: Guard) -> ContentApi {
    (
        (
            CatalogApi::new(service.clone()),
            ItemsApi::new(service.clone(), guard.clone()),
            NarratorsApi::new(service.clone(), guard.clone()),
        ),
        (
            CoursesApi::new(service.clone(), guard.clone()),
            CourseCatalogApi::new(service.clone()),
            MyCoursesApi::new(service.clone(), guard.clone()),
        ),
        (
            PlaybackApi::new(service.clone(), guard.clone()),
            FavoritesApi::new(service.clone(), guard.clone()),
            TodayApi::new(service.clone(), guard.clone()),
        ),
        (
            MediaApi::new(service.clone(), guard),
            SearchApi::new(service),
        ),
    )
}

/// The OpenAPI tags of the content operations, one per resource group.
#[derive(Tags)]
pub(crate) enum ContentTag {
    /// The published catalog: browse, items, courses and narrators, public and cacheable.
    #[oai(rename = "Content: Catalog")]
    Catalog,
    /// Drafts, publishing, schedules, revision history, courses and narrators (editors).
    #[oai(rename = "Content: Publishing")]
    Publishing,
    /// The member's own: playback sync, stats, streak, favorites, course progress and
    /// Today (authenticated, never cached by shared caches).
    #[oai(rename = "Content: Me")]
    Member,
}
