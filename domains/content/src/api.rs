//! The content API: every resource's operations combined, and the OpenAPI tags that
//! group them.

use haven_platform::auth::Guard;
use poem_openapi::Tags;

use crate::catalog::api::CatalogApi;
use crate::items::api::ItemsApi;
use crate::media::api::MediaApi;
use crate::narrators::api::NarratorsApi;
use crate::search::api::SearchApi;
use crate::service::ContentService;

/// The module's API: every resource's operations.
pub type ContentApi = (CatalogApi, ItemsApi, NarratorsApi, MediaApi, SearchApi);

/// Builds [`ContentApi`] around the service.
pub fn new(service: ContentService, guard: Guard) -> ContentApi {
    (
        CatalogApi::new(service.clone()),
        ItemsApi::new(service.clone(), guard.clone()),
        NarratorsApi::new(service.clone(), guard.clone()),
        MediaApi::new(service.clone(), guard),
        SearchApi::new(service),
    )
}

/// The OpenAPI tags of the content operations, one per resource group.
#[derive(Tags)]
pub(crate) enum ContentTag {
    /// The published catalog: browse, items and narrators, public and cacheable.
    #[oai(rename = "Content: Catalog")]
    Catalog,
    /// Drafts, publishing, schedules, revision history and narrators (editors).
    #[oai(rename = "Content: Publishing")]
    Publishing,
}
