//! The composition root: builds the modules from the platform context, adapts one
//! domain's ports to another's services, and composes the HTTP app.

use std::sync::Arc;

use futures_util::future::BoxFuture;
use haven_platform::auth::{AccountStates, LiveAccount};
use haven_platform::http::app::{self, HttpApp};
use haven_platform::ids::{SessionId, UserId};
use haven_platform::jobs::Registry;
use haven_platform::observability::BuildInfo;
use haven_platform::{DbError, PlatformContext};
use poem_openapi::OpenApi;

use crate::meta::MetaApi;
use crate::modules::Modules;

/// Version and commit of this binary.
pub const BUILD: BuildInfo = BuildInfo {
    version: env!("CARGO_PKG_VERSION"),
    commit: env!("HAVEN_GIT_COMMIT"),
};

/// Every module of this context, constructed on the first call and shared by every later
/// one (the HTTP app, the workers, `haven seed`): one instance per module. The first call
/// also lists them in the context's module directory (identity runs every module's export
/// and erasure through it) and adapts ports (docs/architecture.md rule 2), among them the role
/// guard's account-state port.
pub fn modules(ctx: &PlatformContext) -> Arc<Modules> {
    let build = || {
        let billing = Arc::new(haven_billing::BillingModule::new(ctx));
        let identity = Arc::new(haven_identity::IdentityModule::new(ctx));
        let modules = Modules {
            content: Arc::new(haven_content::ContentModule::new(
                ctx,
                Some(Arc::new(BillingEntitlements(billing.service().clone()))),
                Arc::new(IdentityProfileZones(identity.service().clone())),
            )),
            care: Arc::new(haven_care::CareModule::new(
                ctx,
                Arc::new(IdentityCareAccounts(identity.service().clone())),
                Arc::new(BillingCareBenefits(billing.service().clone())),
            )),
            identity,
            billing,
        };
        ctx.guard.install(Arc::new(IdentityAccountStates(
            modules.identity.service().clone(),
        )));
        modules
            .identity
            .service()
            .install_seat_admission(Arc::new(BillingSeats(modules.billing.service().clone())));
        modules
            .billing
            .service()
            .install_member_contacts(Arc::new(IdentityContacts(
                modules.identity.service().clone(),
            )));
        let shared = modules.shared();
        (Arc::new(modules), shared)
    };
    // `None` only if something else was mounted in this context first; then this
    // context gets its own, unshared modules rather than none.
    ctx.modules.mount_once(build).unwrap_or_else(|| build().0)
}

/// The role guard's port answered by identity: one primary-key query per guarded request.
struct IdentityAccountStates(haven_identity::IdentityService);

impl AccountStates for IdentityAccountStates {
    fn live_account<'a>(
        &'a self,
        user_id: &'a UserId,
        session_id: &'a SessionId,
    ) -> BoxFuture<'a, Result<Option<LiveAccount>, DbError>> {
        Box::pin(self.0.live_account(user_id, session_id))
    }
}

/// Identity's seat port answered by billing's employer contracts, inside the join's
/// transaction (docs/adr/0006). The two domains' membership ids are the same TypeID.
struct BillingSeats(haven_billing::BillingService);

impl haven_identity::ports::SeatAdmission for BillingSeats {
    fn admit(
        &self,
        conn: &mut haven_platform::AnyConnection,
        r: &haven_identity::ports::SeatRequest,
    ) -> diesel::QueryResult<haven_identity::ports::Admission> {
        use haven_billing::employers::model::{MembershipId, OrganizationId, SeatState};
        use haven_identity::ports::Admission;
        let state = self.0.admit_member(
            conn,
            OrganizationId::from_uuid(r.organization_id.uuid()),
            MembershipId::from_uuid(r.membership_id.uuid()),
            r.user_id,
            r.at,
        )?;
        Ok(match state {
            SeatState::Seated => Admission::Seated,
            SeatState::Waitlisted | SeatState::Ended => Admission::Full,
        })
    }
}

/// Billing's member-contacts port answered by identity's accounts.
struct IdentityContacts(haven_identity::IdentityService);

impl haven_billing::ports::MemberContacts for IdentityContacts {
    fn email_of<'a>(&'a self, user: &'a UserId) -> BoxFuture<'a, anyhow::Result<Option<String>>> {
        Box::pin(async move {
            match self.0.me(*user).await {
                Ok(u) => Ok(Some(u.email)),
                Err(haven_identity::AccountError::NotFound) => Ok(None),
                Err(e) => Err(anyhow::anyhow!("reading the member's account: {e}")),
            }
        })
    }
}

/// Content's entitlement port answered by billing's ledger (its per-node cache, checked
/// against the ledger's version row). A feature name billing does not know is refused.
struct BillingEntitlements(haven_billing::BillingService);

impl haven_content::Entitlements for BillingEntitlements {
    fn may_use<'a>(
        &'a self,
        user: &'a UserId,
        feature: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<bool>> {
        Box::pin(async move {
            let Some(feature) = haven_billing::Feature::parse(feature) else {
                return Ok(false);
            };
            let entitlement = self.0.check(user, feature, chrono::Utc::now()).await?;
            Ok(entitlement.allowed)
        })
    }
}

/// Content's profile-zone port answered by identity's profile (one primary-key read).
struct IdentityProfileZones(haven_identity::IdentityService);

impl haven_content::ProfileZones for IdentityProfileZones {
    fn time_zone<'a>(&'a self, user: &'a UserId) -> BoxFuture<'a, anyhow::Result<Option<String>>> {
        Box::pin(async move { Ok(self.0.time_zone(*user).await?) })
    }
}

/// Care's account port answered by identity: the account's roles, state and email.
struct IdentityCareAccounts(haven_identity::IdentityService);

impl haven_care::Accounts for IdentityCareAccounts {
    fn account<'a>(
        &'a self,
        user: &'a UserId,
    ) -> BoxFuture<'a, anyhow::Result<Option<haven_care::Account>>> {
        Box::pin(async move {
            match self.0.me(*user).await {
                Ok(u) => Ok(Some(haven_care::Account {
                    roles: u.roles,
                    disabled: u.disabled_at.is_some(),
                    email: u.email,
                })),
                Err(haven_identity::AccountError::NotFound) => Ok(None),
                Err(e) => Err(anyhow::Error::new(e)),
            }
        })
    }
}

/// Care's benefit port answered by billing's ledger: coaching is the `care.coaching`
/// feature (checked without the cache: a booking decides on it); therapy and psychiatry
/// sessions consume and release one unit of `care.therapy`/`care.psychiatry` by the
/// appointment's reference.
struct BillingCareBenefits(haven_billing::BillingService);

fn care_feature(benefit: haven_care::Benefit) -> haven_billing::Feature {
    match benefit {
        haven_care::Benefit::Coaching => haven_billing::Feature::CareCoaching,
        haven_care::Benefit::Therapy => haven_billing::Feature::CareTherapy,
        haven_care::Benefit::Psychiatry => haven_billing::Feature::CarePsychiatry,
    }
}

impl haven_care::Benefits for BillingCareBenefits {
    fn may_use<'a>(
        &'a self,
        user: &'a UserId,
        benefit: haven_care::Benefit,
    ) -> BoxFuture<'a, anyhow::Result<bool>> {
        Box::pin(async move {
            let e = self
                .0
                .check_uncached(user, care_feature(benefit), chrono::Utc::now())
                .await?;
            Ok(e.allowed)
        })
    }

    fn consume<'a>(
        &'a self,
        user: &'a UserId,
        benefit: haven_care::Benefit,
        reference: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<haven_care::Consumption>> {
        Box::pin(async move {
            use haven_billing::ConsumeError as E;
            match self
                .0
                .consume(user, care_feature(benefit), reference, chrono::Utc::now())
                .await
            {
                Ok(_) => Ok(haven_care::Consumption::Consumed),
                Err(E::NotEntitled) => Ok(haven_care::Consumption::NotEntitled),
                Err(E::QuotaExhausted) => Ok(haven_care::Consumption::Exhausted),
                Err(e) => Err(anyhow::Error::new(e)),
            }
        })
    }

    fn release<'a>(
        &'a self,
        user: &'a UserId,
        benefit: haven_care::Benefit,
        reference: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            self.0
                .release(user, care_feature(benefit), reference)
                .await
                .map(drop)
                .map_err(anyhow::Error::new)
        })
    }
}

/// The fully wired public app.
pub fn build_app(ctx: &PlatformContext) -> HttpApp {
    build_app_with(ctx, ())
}

/// The job and event handlers and schedules of every mounted module, for the workers.
pub fn job_registry(ctx: &PlatformContext) -> Registry {
    let modules = modules(ctx);
    let mut registry = Registry::new();
    for module in modules.all() {
        registry.add_module(module);
    }
    registry
}

/// The fully wired app plus `extra` operations (tests mount probe endpoints this way).
pub fn build_app_with<A: OpenApi + 'static>(ctx: &PlatformContext, extra: A) -> HttpApp {
    let modules = modules(ctx);
    let api = (MetaApi::new(ctx, modules.names()), modules.api(), extra);
    let app = app::build(ctx, api, modules.routes(poem::Route::new()));
    with_bench_baseline(app)
}

/// The OpenAPI document of the fully wired app.
pub fn openapi_json(ctx: &PlatformContext) -> String {
    build_app(ctx).spec_json
}

#[cfg(not(feature = "bench-baseline"))]
fn with_bench_baseline(app: HttpApp) -> HttpApp {
    app
}

/// Mounts `GET /__bench/baseline`, a bare poem handler outside every middleware, so
/// `bench/run` can compare the full stack against the framework alone.
#[cfg(feature = "bench-baseline")]
fn with_bench_baseline(app: HttpApp) -> HttpApp {
    use poem::EndpointExt;

    HttpApp {
        endpoint: BenchFront {
            baseline: poem::Route::new().at("/__bench/baseline", poem::get(baseline)),
            app: app.endpoint,
        }
        .boxed(),
        spec_json: app.spec_json,
    }
}

#[cfg(feature = "bench-baseline")]
#[poem::handler]
fn baseline() -> poem::web::Json<serde_json::Value> {
    poem::web::Json(serde_json::json!({"name": "haven", "baseline": true}))
}

/// The baseline's path to its own poem `Route` (what a bare poem app pays), every other
/// path to the app as the server would hand it over: a `Route` nesting the app would add
/// a lookup and a rebuilt URI to the app's side of the comparison.
#[cfg(feature = "bench-baseline")]
struct BenchFront {
    baseline: poem::Route,
    app: poem::endpoint::BoxEndpoint<'static>,
}

#[cfg(feature = "bench-baseline")]
impl poem::Endpoint for BenchFront {
    type Output = poem::Response;

    fn call(
        &self,
        req: poem::Request,
    ) -> impl Future<Output = poem::Result<poem::Response>> + Send {
        use futures_util::future::Either;
        if req.uri().path() == "/__bench/baseline" {
            Either::Left(self.baseline.call(req))
        } else {
            Either::Right(poem::endpoint::DynEndpoint::call(&*self.app, req))
        }
    }
}
