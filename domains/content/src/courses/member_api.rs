//! `/v1/content/me/courses…`: the member's progress through courses ("continue where I
//! left off").

use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams};
use poem_openapi::param::{Path, Query};
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::CourseProgressDto;
use super::error::MemberCourseErrors;
use super::model::CourseId;
use crate::api::ContentTag;
use crate::service::ContentService;

/// The member's course progress.
pub struct MyCoursesApi {
    service: ContentService,
    guard: Guard,
}

impl MyCoursesApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer with one course's progress.
#[derive(ApiResponse)]
pub enum ProgressAnswer {
    /// The member's progress.
    #[oai(status = 200)]
    Ok(
        Json<CourseProgressDto>,
        /// `private`: the member's own.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// Answer with a page of course progress.
#[derive(ApiResponse)]
pub enum ProgressList {
    /// One page, in course id order.
    #[oai(status = 200)]
    Ok(
        Json<Page<CourseProgressDto>>,
        /// `private`: the member's own.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "ContentTag::Member")]
impl MyCoursesApi {
    /// My courses
    ///
    /// Members. Every published course the member completed a session of, each with
    /// its progress and next session, in course id order, paginated (Today names the
    /// one to continue).
    #[oai(
        path = "/v1/content/me/courses",
        method = "get",
        operation_id = "contentMyCourses"
    )]
    async fn list(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<ProgressList, MemberCourseErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let params =
            PageParams::<CourseId>::parse(limit.0, cursor.0.as_ref().map(PageCursor::as_str))?;
        let mut all = self.service.my_courses(&auth.0.user_id).await?;
        all.sort_by_key(|p| p.course_id);
        let rows: Vec<_> = all
            .into_iter()
            .filter(|p| params.after.is_none_or(|a| p.course_id > a))
            .take(params.limit as usize + 1)
            .collect();
        let page = Page::from_rows(rows, params.limit, |p| p.course_id.to_string(), Into::into);
        Ok(ProgressList::Ok(Json(page), Private))
    }

    /// My progress in a course
    ///
    /// Members. Which sessions are completed, whether the course is, and the session to
    /// continue with. `404` when the course is not published.
    #[oai(
        path = "/v1/content/me/courses/:course_id",
        method = "get",
        operation_id = "contentMyCourseProgress"
    )]
    async fn get(
        &self,
        auth: BearerAuth,
        /// The course.
        course_id: Path<CourseId>,
    ) -> ApiResult<ProgressAnswer, MemberCourseErrors> {
        self.guard.require_role(&auth.0, Role::Member).await?;
        let p = self
            .service
            .my_course(&auth.0.user_id, &course_id.0)
            .await?;
        Ok(ProgressAnswer::Ok(Json(p.into()), Private))
    }
}
