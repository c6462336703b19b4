//! Haven's billing domain (issue 12): the catalog of plans, the entitlement ledger, and
//! subscriptions fed by payment providers. Paths live under `/v1/billing/…`.
//!
//! Laid out by resource (docs/architecture.md "Inside a domain crate"): `catalog`.

pub mod catalog;
mod error;
pub mod schema;
pub mod service;

use futures_util::future::BoxFuture;
use haven_platform::auth::Guard;
use haven_platform::ids::UserId;
use haven_platform::module::Seeded;
use haven_platform::privacy::{Erasure, UserData};
use haven_platform::time::now_utc;
use haven_platform::{DbError, Module, ModuleInfo, PlatformContext};
use poem_openapi::Tags;

pub use catalog::model::{Feature, PriceId, ProductId};
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
}

/// The module's API: every resource's operations.
pub type BillingApi = (catalog::api::CatalogApi, catalog::api::PlansApi);

impl ModuleInfo for BillingModule {
    fn name(&self) -> &'static str {
        "billing"
    }

    fn export_user_data<'a>(
        &'a self,
        _user_id: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<UserData>> {
        // The catalog is not about anyone.
        Box::pin(async { Ok(UserData::NothingStored) })
    }

    fn erase_user<'a>(&'a self, _user_id: &'a UserId) -> BoxFuture<'a, anyhow::Result<Erasure>> {
        Box::pin(async { Ok(Erasure::NothingStored) })
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
        )
    }
}
