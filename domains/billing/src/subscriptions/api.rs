//! `/v1/billing/me/subscriptions`: the member's own subscriptions.

use haven_platform::auth::BearerAuth;
use haven_platform::http::cache::Private;
use haven_platform::{ApiResult, Page, PageCursor, PageLimit, PageParams, Unexpected};
use poem_openapi::param::Query;
use poem_openapi::payload::Json;
use poem_openapi::{ApiResponse, OpenApi};

use super::dto::SubscriptionDto;
use super::error::MySubscriptionsErrors;
use super::model::SubscriptionId;
use crate::BillingTag;
use crate::service::BillingService;
use haven_platform::Fault;

/// Answer with a page of subscriptions.
#[derive(ApiResponse)]
pub enum SubscriptionPage {
    /// One page, oldest first.
    #[oai(status = 200)]
    Ok(
        Json<Page<SubscriptionDto>>,
        /// `private`: member-specific.
        #[oai(header = "Cache-Control")]
        Private,
    ),
}

/// The member's subscriptions.
pub struct SubscriptionsApi {
    service: BillingService,
}

impl SubscriptionsApi {
    /// Around the service.
    pub fn new(service: BillingService) -> Self {
        Self { service }
    }
}

#[OpenApi(tag = "BillingTag::Subscriptions")]
impl SubscriptionsApi {
    /// My subscriptions
    ///
    /// The caller's subscriptions with every store, oldest first, in their current state
    /// (as the stores last reported it).
    #[oai(
        path = "/v1/billing/me/subscriptions",
        method = "get",
        operation_id = "billingMySubscriptions"
    )]
    async fn mine(
        &self,
        auth: BearerAuth,
        /// Page size, 1–100 (default 20).
        limit: Query<Option<PageLimit>>,
        /// The `next_cursor` of the previous page.
        cursor: Query<Option<PageCursor>>,
    ) -> ApiResult<SubscriptionPage, MySubscriptionsErrors> {
        let params = PageParams::<SubscriptionId>::parse(
            limit.0,
            cursor.0.as_ref().map(PageCursor::as_str),
        )?;
        let rows = self
            .service
            .my_subscriptions(&auth.0.user_id, params.after, params.fetch_limit())
            .await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let id = row.id;
            let dto = SubscriptionDto::of(row).ok_or_else(|| {
                Fault::from(Unexpected::invariant(
                    "billing_subscriptions row unreadable",
                ))
            })?;
            items.push((id, dto));
        }
        let page = Page::from_rows(items, params.limit, |(id, _)| id.to_string(), |(_, d)| d);
        Ok(SubscriptionPage::Ok(Json(page), Private))
    }
}
