//! `/v1/content/me/today`: the member's feed.

use chrono::{DateTime, Utc};
use haven_platform::ApiResult;
use haven_platform::auth::{BearerAuth, Guard, Role};
use haven_platform::http::cache::Private;
use haven_platform::http::text::Text;
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::TodayDto;
use crate::api::ContentTag;
use crate::days::requested_zone;
use crate::error::Problems;
use crate::playback::error::{PlaybackError, PlaybackErrors};
use crate::rules;
use crate::service::ContentService;

/// The member's Today.
pub struct TodayApi {
    service: ContentService,
    guard: Guard,
}

impl TodayApi {
    /// Around the service.
    pub fn new(service: ContentService, guard: Guard) -> Self {
        Self { service, guard }
    }
}

/// Answer with the feed.
#[derive(ApiResponse)]
pub enum TodayAnswer {
    /// The feed.
    #[oai(status = 200)]
    Ok(
        Json<TodayDto>,
        /// `private`: the member's own.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

#[OpenApi(tag = "ContentTag::Member")]
impl TodayApi {
    /// My Today
    ///
    /// Members. What to play now: the course to continue, suggestions for the time of
    /// day in the member's zone (morning → meditation, night → sleep), new releases,
    /// favorites and recent history, each entry with its `reason`. The same member,
    /// instant and catalog version give the same feed.
    #[oai(
        path = "/v1/content/me/today",
        method = "get",
        operation_id = "contentMyToday"
    )]
    async fn today(
        &self,
        auth: BearerAuth,
        /// BCP 47 tag `language[-Script][-REGION]`; absent: the catalog's default.
        locale: Query<Option<Text<rules::LocaleTag>>>,
        /// The IANA zone the device is in now (it must exist); absent: the profile's,
        /// else UTC.
        time_zone: Query<Option<Text<rules::TimeZone>>>,
        /// The instant to build the feed for (RFC 3339); absent: now. Only data recorded
        /// up to it is used.
        at: Query<Option<DateTime<Utc>>>,
    ) -> ApiResult<TodayAnswer, PlaybackErrors> {
        let p = auth.0;
        self.guard.require_role(&p, Role::Member).await?;
        let mut problems = Problems::default();
        let loc = self
            .service
            .requested_locale(locale.0.as_ref().map(Text::as_str), &mut problems);
        let zone = requested_zone(
            "time_zone",
            time_zone.0.as_ref().map(Text::as_str),
            &mut problems,
        );
        problems.finish().map_err(PlaybackError::from)?;
        let feed = self.service.today(&p.user_id, zone, at.0).await?;
        let dto = TodayDto::new(&feed, &loc, self.service.default_locale());
        Ok(TodayAnswer::Ok(Json(dto), Private))
    }
}
