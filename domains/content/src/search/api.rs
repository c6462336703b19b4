//! `GET /v1/content/search`: the published catalog searched in every locale, answered
//! in one, filtered like browse, public and cacheable.

use std::sync::Arc;

use haven_platform::http::pagination::{DEFAULT_LIMIT, MAX_LIMIT};
use haven_platform::http::rendered::{JsonBytes, list_object};
use haven_platform::http::text::Text;
use haven_platform::{PageLimit, Unexpected};
use poem_openapi::param::{Header, Query};
use poem_openapi::{Object, OpenApi};

use crate::api::ContentTag;
use crate::catalog::api::{Cached, CatalogApi};
use crate::catalog::dto::CatalogItemDto;
use crate::catalog::error::{BrowseError, BrowseErrors};
use crate::catalog::service::slug_filter;
use crate::catalog::snapshot::Browse;
use crate::error::Problems;
use crate::items::dto::KindDto;
use crate::narrators::model::NarratorId;
use crate::preconditions::catalog_etag;
use crate::rules;
use crate::service::ContentService;
use haven_platform::ApiResult;

/// Search.
pub struct SearchApi {
    service: ContentService,
    answer: CatalogApi,
}

impl SearchApi {
    /// Around the service.
    pub fn new(service: ContentService) -> Self {
        Self {
            answer: CatalogApi::new(service.clone()),
            service,
        }
    }
}

/// One page of search results, best first.
#[derive(Debug, Object)]
#[oai(rename = "ContentSearchPage")]
pub struct SearchPage {
    /// The matches, best first.
    pub items: Vec<CatalogItemDto>,
    /// The `offset` of the next page; absent on the last one.
    pub next_offset: Option<u32>,
}

/// The most results a search pages through.
const MAX_OFFSET: u32 = 1_000;

#[OpenApi(tag = "ContentTag::Catalog")]
impl SearchApi {
    /// Search the catalog
    ///
    /// Public. Titles, subtitles, descriptions, tags, categories and narrator names in
    /// every locale, without regard to case or accents (`meditacion` finds
    /// `Meditación`), tolerant of typos (one per word of 4–7 letters, two beyond), the
    /// last word matched as a prefix; every word must match. Ranked by relevance (title
    /// first, then tags and narrators, then descriptions). Filters as in browse; texts in
    /// one locale with the same fallback. Served from memory; `If-None-Match` answers
    /// `304`.
    #[oai(
        path = "/v1/content/search",
        method = "get",
        operation_id = "contentSearch"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn search(
        &self,
        /// What to look for: 1–100 characters, not blank.
        q: Query<Text<rules::SearchQuery>>,
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
        /// Results to skip: the previous page's `next_offset` (at most 1000).
        #[oai(validator(minimum(value = "0"), maximum(value = "1000")))]
        offset: Query<Option<u32>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<SearchPage>, BrowseErrors> {
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        let q = q.0.into_inner();
        p.length("q", &q, 1, rules::QUERY_MAX);
        let filter = Browse {
            kind: kind.0.map(Into::into),
            category: slug_filter("category", category.0.map(Text::into_inner), &mut p),
            tag: slug_filter("tag", tag.0.map(Text::into_inner), &mut p),
            narrator: narrator_id.0,
            min_duration_s: min_duration_s.0,
            max_duration_s: max_duration_s.0,
        };
        let limit = limit.0.map_or(i64::from(DEFAULT_LIMIT), i64::from);
        if !(1..=i64::from(MAX_LIMIT)).contains(&limit) {
            p.push(
                "limit",
                "out_of_range",
                format!("must be between 1 and {MAX_LIMIT}"),
            );
        }
        p.finish().map_err(BrowseError::from)?;
        // In 1..=MAX_LIMIT after the check above.
        let limit = u32::try_from(limit).unwrap_or(DEFAULT_LIMIT);
        let offset = offset.0.unwrap_or(0).min(MAX_OFFSET);
        let snap = self.service.snapshot::<BrowseError>().await?;
        // The URL (query and filters) names the resource; the version and the locale are
        // what can change its answer.
        let etag = catalog_etag(snap.version, loc.as_str());
        let index = snap
            .search_index()
            .ok_or_else(|| Unexpected::invariant("the catalog search index is missing"))
            .map_err(BrowseError::from)?;
        let unfiltered = filter.kind.is_none()
            && filter.category.is_none()
            && filter.tag.is_none()
            && filter.narrator.is_none()
            && filter.min_duration_s.is_none()
            && filter.max_duration_s.is_none();
        let allowed = (!unfiltered)
            .then(|| Arc::new(snap.items().iter().map(|i| filter.matches(i)).collect()));
        // One more than asked tells whether there is a next page.
        let found = index
            .search(&q, allowed, offset as usize, limit as usize + 1)
            .map_err(Unexpected::with("searching the catalog"))
            .map_err(BrowseError::from)?;
        let default = self.service.default_locale();
        Ok(self.answer.answer_rendered(etag, &if_none_match, || {
            let more = found.len() > limit as usize;
            let items = found
                .iter()
                .take(limit as usize)
                .filter_map(|&ord| snap.items().get(ord))
                .map(|i| CatalogItemDto::json(i, &loc, default, &snap));
            let next_offset = (more && offset + limit <= MAX_OFFSET).then_some(offset + limit);
            // SearchPage's JSON, from the snapshot's rendered items.
            JsonBytes::<SearchPage>::from_rendered(list_object(
                "items",
                items,
                "next_offset",
                &next_offset,
            ))
        }))
    }
}
