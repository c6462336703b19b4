//! Haven's billing domain (issue 12): the catalog of plans, the entitlement ledger, and
//! subscriptions fed by payment providers (Stripe, the App Store, Google Play). Paths live under `/v1/billing/…`.
//!
//! Laid out by resource (docs/architecture.md "Inside a domain crate"): `catalog`,
//! `ledger`, `subscriptions`, `stripe`, `stores`, `promo`, `employers`, `privacy`.

pub mod catalog;
pub mod employers;
mod error;
pub mod events;
pub mod ledger;
pub mod ports;
pub mod privacy;
pub mod promo;
pub mod schema;
pub mod service;
pub mod stores;
pub mod stripe;
pub mod subscriptions;

use futures_util::future::BoxFuture;
use haven_platform::auth::Guard;
use haven_platform::ids::UserId;
use haven_platform::module::Seeded;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::time::now_utc;
use haven_platform::{DbError, Module, ModuleInfo, PlatformContext};
use poem_openapi::Tags;

pub use catalog::model::{Feature, PriceId, ProductId};
pub use ledger::error::{ConsumeError, ReleaseError};
pub use ledger::model::{Entitlement, GrantId, Source};
pub use ledger::service::Consumed;
pub use service::BillingService;

/// The billing module, mounted as `billing`.
#[derive(Clone, Debug)]
pub struct BillingModule {
    service: BillingService,
    guard: Guard,
}

impl BillingModule {
    /// Builds the module from the platform context.
    pub fn new(ctx: &PlatformContext) -> Self {
        Self {
            service: BillingService::new(ctx),
            guard: ctx.guard.clone(),
        }
    }

    /// The module's use-cases (for wiring other domains' ports).
    pub fn service(&self) -> &BillingService {
        &self.service
    }
}

/// The OpenAPI tags of the billing operations, one per resource group.
#[derive(Tags)]
enum BillingTag {
    /// Products, their features and prices (admins).
    #[oai(rename = "Billing: Catalog")]
    Catalog,
    /// The plans members can buy.
    #[oai(rename = "Billing: Plans")]
    Plans,
    /// The member's own entitlements and their sources.
    #[oai(rename = "Billing: Entitlements")]
    Entitlements,
    /// Members' entitlements, grants by hand and the ledger's history (admins).
    #[oai(rename = "Billing: Ledger admin")]
    LedgerAdmin,
    /// The member's subscriptions.
    #[oai(rename = "Billing: Subscriptions")]
    Subscriptions,
    /// Paying on the web (Stripe Checkout) and the customer portal.
    #[oai(rename = "Billing: Checkout")]
    Checkout,
    /// Redeeming promo codes.
    #[oai(rename = "Billing: Promo codes")]
    Promo,
    /// Promo codes (admins).
    #[oai(rename = "Billing: Promo admin")]
    PromoAdmin,
    /// Employers' contracts and waitlists (admins).
    #[oai(rename = "Billing: Employers")]
    Employers,
    /// Buying in the App Store and on Google Play.
    #[oai(rename = "Billing: Stores")]
    Stores,
}

/// The module's API: every resource's operations.
pub type BillingApi = (
    catalog::api::CatalogApi,
    catalog::api::PlansApi,
    ledger::api::EntitlementsApi,
    ledger::api::LedgerAdminApi,
    subscriptions::api::SubscriptionsApi,
    stripe::api::CheckoutApi,
    promo::api::PromoApi,
    promo::api::PromoAdminApi,
    employers::api::EmployersApi,
    stores::api::StoreAccountApi,
);

impl ModuleInfo for BillingModule {
    fn name(&self) -> &'static str {
        "billing"
    }

    fn event_handlers(&self) -> Vec<std::sync::Arc<dyn haven_platform::outbox::EventHandler>> {
        vec![std::sync::Arc::new(events::EmployerSponsorships::new(
            self.service.clone(),
        ))]
    }

    fn job_handlers(&self) -> Vec<std::sync::Arc<dyn haven_platform::jobs::JobHandler>> {
        vec![std::sync::Arc::new(
            employers::paid_twice::PaidTwiceJob::new(self.service.clone()),
        )]
    }

    fn routes(&self, route: poem::Route) -> poem::Route {
        use poem::EndpointExt;
        route
            .at(
                stripe::webhook::PATH,
                poem::post(stripe::webhook::stripe_webhook.data(self.service.clone())),
            )
            .at(
                stores::app_store::webhook::PATH,
                poem::post(
                    stores::app_store::webhook::app_store_webhook.data(self.service.clone()),
                ),
            )
            .at(
                stores::play::webhook::PATH,
                poem::post(stores::play::webhook::play_webhook.data(self.service.clone())),
            )
    }

    fn export_user_data<'a>(
        &'a self,
        user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>> {
        Box::pin(async move {
            Ok(UserData::Exported(
                self.service.export_member(user_id).await?,
            ))
        })
    }

    fn erase_user<'a>(&'a self, user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async move {
            self.service.erase_member(user_id).await?;
            Ok(Erasure::Erased)
        })
    }

    fn seed(&self) -> BoxFuture<'_, anyhow::Result<Seeded>> {
        Box::pin(async move {
            let created = self
                .service
                .db
                .write(|conn| BillingService::seed_catalog(conn, now_utc()).map_err(DbError::from))
                .await?;
            Ok(Seeded::Done {
                created,
                notes: Vec::new(),
            })
        })
    }
}

impl Module for BillingModule {
    type Api = BillingApi;

    fn api(&self) -> Self::Api {
        (
            catalog::api::CatalogApi::new(self.service.clone(), self.guard.clone()),
            catalog::api::PlansApi::new(self.service.clone()),
            ledger::api::EntitlementsApi::new(self.service.clone()),
            ledger::api::LedgerAdminApi::new(self.service.clone(), self.guard.clone()),
            subscriptions::api::SubscriptionsApi::new(self.service.clone()),
            stripe::api::CheckoutApi::new(self.service.clone(), self.guard.clone()),
            promo::api::PromoApi::new(self.service.clone(), self.guard.clone()),
            promo::api::PromoAdminApi::new(self.service.clone(), self.guard.clone()),
            employers::api::EmployersApi::new(self.service.clone(), self.guard.clone()),
            stores::api::StoreAccountApi::new(self.service.clone()),
        )
    }
}
