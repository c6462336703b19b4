//! `/v1/content/admin/courses…` (editors: drafts, publishing, history, each change with
//! `If-Match`) and `/v1/content/courses…` (public, from memory, cacheable).

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::{Private, Public};
use haven_platform::http::rendered::JsonBytes;
use haven_platform::http::text::Text;
use haven_platform::idempotency::IdempotencyKey;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Header, Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::{AdminCourseDto, CatalogCourseDto, CourseDraftInput, CourseRevisionDto};
use super::error::{CourseError, CourseErrors, CourseReadError, CourseReadErrors};
use super::model::{Course, CourseId};
use crate::api::ContentTag;
use crate::catalog::api::Cached;
use crate::catalog::service::slug_filter;
use crate::error::Problems;
use crate::preconditions::{catalog_etag, expected_revision, none_match, revision_etag};
use crate::rules;
use crate::service::ContentService;

/// Course operations of editors and the public course catalog.
pub struct CoursesApi {
    service: ContentService,
    guard: Guard,
}

impl CoursesApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }

    /// Editors only: the guard, then the `If-Match` revision when `if_match` is given.
    async fn editor(
        &self,
        auth: &BearerAuth,
        if_match: Option<&Header<Option<String>>>,
    ) -> ApiResult<i64, CourseErrors> {
        self.guard.require_role(&auth.0, Role::Admin).await?;
        match if_match {
            Some(h) => Ok(expected_revision(h.0.as_deref()).map_err(CourseError::Precondition)?),
            None => Ok(0),
        }
    }
}

/// Answer with one course (editors).
#[derive(ApiResponse)]
pub enum CourseOne {
    /// The course as it is now.
    #[oai(status = 200)]
    Ok(
        Json<AdminCourseDto>,
        /// `"r{revision}"`: send it as `If-Match` with the next change.
        #[oai(header = "ETag")]
        String,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
    /// The draft was created.
    #[oai(status = 201)]
    Created(
        Json<AdminCourseDto>,
        /// `"r{revision}"`: send it as `If-Match` with the next change.
        #[oai(header = "ETag")]
        String,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

impl CourseOne {
    fn ok(c: Course) -> Self {
        let etag = revision_etag(c.revision);
        Self::Ok(Json(c.into()), etag, Private)
    }
}

/// Answer with a page of courses (editors).
#[derive(ApiResponse)]
pub enum CourseList {
    /// One page of courses, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<AdminCourseDto>>,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of a course's history.
#[derive(ApiResponse)]
pub enum CourseRevisionList {
    /// One page of the history, newest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<CourseRevisionDto>>,
        /// `private`: editors only.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

fn cached<T: poem_openapi::types::ToJSON + Send + Sync>(
    cache: Public,
    etag: String,
    if_none_match: &Header<Option<String>>,
    body: impl FnOnce() -> T,
) -> Cached<T> {
    if none_match(if_none_match.0.as_deref(), &etag) {
        Cached::NotModified(etag, cache)
    } else {
        Cached::Ok(JsonBytes::render_from(&body()), etag, cache)
    }
}

#[OpenApi(tag = "ContentTag::Publishing")]
impl CoursesApi {
    /// Create a draft course
    ///
    /// Editors only (role `admin` with a second factor). Sessions are catalog items in
    /// order; members see nothing until it is published.
    #[oai(
        path = "/v1/content/admin/courses",
        method = "post",
        operation_id = "contentCreateCourse"
    )]
    async fn create(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        body: Json<CourseDraftInput>,
    ) -> ApiResult<CourseOne, CourseErrors> {
        self.editor(&auth, None).await?;
        let c = self
            .service
            .create_course(&auth.0.user_id, body.0.into())
            .await?;
        let etag = revision_etag(c.revision);
        Ok(CourseOne::Created(Json(c.into()), etag, Private))
    }

    /// List courses
    ///
    /// Editors only. Every course whatever its status, oldest first, paginated.
    #[oai(
        path = "/v1/content/admin/courses",
        method = "get",
        operation_id = "contentListCourses"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<CourseList, CourseErrors> {
        self.editor(&auth, None).await?;
        let params =
            PageParams::<CourseId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .courses(params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |c| c.id.to_string(), Into::into);
        Ok(CourseList::Ok(Json(page), Private))
    }

    /// Read a course
    ///
    /// Editors only: the draft, what is published, and the `ETag` for `If-Match`.
    #[oai(
        path = "/v1/content/admin/courses/:course_id",
        method = "get",
        operation_id = "contentGetCourse"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The course.
        course_id: Path<CourseId>,
    ) -> ApiResult<CourseOne, CourseErrors> {
        self.editor(&auth, None).await?;
        Ok(CourseOne::ok(self.service.course(&course_id.0).await?))
    }

    /// Replace a course's draft
    ///
    /// Editors only, with `If-Match` (`428` without, `412` when stale). What members see
    /// changes only with the next publish. Archived: `409 course_archived`.
    #[oai(
        path = "/v1/content/admin/courses/:course_id",
        method = "put",
        operation_id = "contentReplaceCourseDraft"
    )]
    async fn replace(
        &self,
        auth: BearerAuth,
        /// The course.
        course_id: Path<CourseId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
        body: Json<CourseDraftInput>,
    ) -> ApiResult<CourseOne, CourseErrors> {
        let expected = self.editor(&auth, Some(&if_match)).await?;
        let c = self
            .service
            .replace_course(&auth.0.user_id, &course_id.0, expected, body.0.into())
            .await?;
        Ok(CourseOne::ok(c))
    }

    /// Publish a course
    ///
    /// Editors only, with `If-Match`. Publishes the draft in every locale; needs the
    /// catalog's default locale (`409 default_locale_missing`) and every session's item
    /// published (`409 sessions_not_published`). Every node serves it within 2 s.
    #[oai(
        path = "/v1/content/admin/courses/:course_id/publish",
        method = "post",
        operation_id = "contentPublishCourse"
    )]
    async fn publish(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The course.
        course_id: Path<CourseId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
    ) -> ApiResult<CourseOne, CourseErrors> {
        let expected = self.editor(&auth, Some(&if_match)).await?;
        let c = self
            .service
            .publish_course(&auth.0.user_id, &course_id.0, expected)
            .await?;
        Ok(CourseOne::ok(c))
    }

    /// Unpublish a course
    ///
    /// Editors only, with `If-Match`. Members stop seeing it; it returns to draft. Not
    /// published: `409 not_published`.
    #[oai(
        path = "/v1/content/admin/courses/:course_id/unpublish",
        method = "post",
        operation_id = "contentUnpublishCourse"
    )]
    async fn unpublish(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The course.
        course_id: Path<CourseId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
    ) -> ApiResult<CourseOne, CourseErrors> {
        let expected = self.editor(&auth, Some(&if_match)).await?;
        let c = self
            .service
            .unpublish_course(&auth.0.user_id, &course_id.0, expected)
            .await?;
        Ok(CourseOne::ok(c))
    }

    /// Archive a course
    ///
    /// Editors only, with `If-Match`. Retires it: hidden from members, no longer
    /// editable.
    #[oai(
        path = "/v1/content/admin/courses/:course_id/archive",
        method = "post",
        operation_id = "contentArchiveCourse"
    )]
    async fn archive(
        &self,
        auth: BearerAuth,
        /// Makes the request safe to retry: a retry with the same key within 24 h gets the
        /// first response again (`Idempotent-Replayed: true`). 1–255 printable ASCII
        /// characters, e.g. a UUID.
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: IdempotencyKey,
        /// The course.
        course_id: Path<CourseId>,
        /// The `ETag` of the version this change is based on.
        #[oai(name = "If-Match")]
        if_match: Header<Option<String>>,
    ) -> ApiResult<CourseOne, CourseErrors> {
        let expected = self.editor(&auth, Some(&if_match)).await?;
        let c = self
            .service
            .archive_course(&auth.0.user_id, &course_id.0, expected)
            .await?;
        Ok(CourseOne::ok(c))
    }

    /// A course's revision history
    ///
    /// Editors only. Every change, newest first, with the draft after it and who made
    /// it, paginated.
    #[oai(
        path = "/v1/content/admin/courses/:course_id/revisions",
        method = "get",
        operation_id = "contentListCourseRevisions"
    )]
    async fn revisions(
        &self,
        auth: BearerAuth,
        /// The course.
        course_id: Path<CourseId>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<CourseRevisionList, CourseErrors> {
        self.editor(&auth, None).await?;
        let params = PageParams::<i64>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let rows = self
            .service
            .course_revisions(&course_id.0, params.after, params.fetch_limit())
            .await?;
        let page = Page::from_rows(rows, params.limit, |r| r.revision, Into::into);
        Ok(CourseRevisionList::Ok(Json(page), Private))
    }
}

/// The public course catalog.
pub struct CourseCatalogApi {
    service: ContentService,
}

impl CourseCatalogApi {
    /// Around the service.
    pub fn new(service: ContentService) -> Self {
        Self { service }
    }
}

#[OpenApi(tag = "ContentTag::Catalog")]
impl CourseCatalogApi {
    /// Browse courses
    ///
    /// Public. Published courses in one locale (fallback as for items), with their
    /// playable sessions in order, optionally in one category, in id order, paginated.
    /// Served from memory; `If-None-Match` with the `ETag` answers `304`.
    #[oai(
        path = "/v1/content/courses",
        method = "get",
        operation_id = "contentBrowseCourses"
    )]
    async fn browse(
        &self,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// Only this category (a lower-case slug).
        category: Query<Option<Text<rules::Slug>>>,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<Page<CatalogCourseDto>>, CourseReadErrors> {
        let params =
            PageParams::<CourseId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        let category = slug_filter("category", category.0.map(Text::into_inner), &mut p);
        p.finish().map_err(CourseReadError::from)?;
        let snap = self.service.snapshot::<CourseReadError>().await?;
        let etag = catalog_etag(snap.version, loc.as_str());
        let default = self.service.default_locale();
        Ok(cached(
            self.service.public_cache(),
            etag,
            &if_none_match,
            || {
                let rows = snap.courses(
                    params.after.as_ref(),
                    category.as_deref(),
                    params.limit as usize + 1,
                );
                Page::from_rows(
                    rows,
                    params.limit,
                    |c| c.id.to_string(),
                    |c| CatalogCourseDto::new(c, &loc, default, &snap),
                )
            },
        ))
    }

    /// Read a published course
    ///
    /// Public. One course in one locale with its playable sessions in order. `404`
    /// when it is not published. Served from memory.
    #[oai(
        path = "/v1/content/courses/:course_id",
        method = "get",
        operation_id = "contentGetCatalogCourse"
    )]
    async fn course(
        &self,
        /// The course.
        course_id: Path<CourseId>,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// An `ETag` of a copy you hold: `304` when it is current.
        #[oai(name = "If-None-Match")]
        if_none_match: Header<Option<String>>,
    ) -> ApiResult<Cached<CatalogCourseDto>, CourseReadErrors> {
        let mut p = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut p);
        p.finish().map_err(CourseReadError::from)?;
        let snap = self.service.snapshot::<CourseReadError>().await?;
        let course = snap.course(&course_id.0).ok_or(CourseReadError::NotFound)?;
        let etag = catalog_etag(snap.version, loc.as_str());
        let default = self.service.default_locale();
        Ok(cached(
            self.service.public_cache(),
            etag,
            &if_none_match,
            || CatalogCourseDto::new(course, &loc, default, &snap),
        ))
    }
}
