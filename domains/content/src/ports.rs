//! What content needs from other domains (docs/architecture.md rule 2): narrow questions
//! with typed ids, adapted in `app/src/wiring.rs`.

use futures_util::future::BoxFuture;
use haven_platform::ids::UserId;

/// The feature of premium content in the entitlement ledger.
pub const PREMIUM_FEATURE: &str = "content.premium";

/// May a member use a paid feature now (billing's entitlement ledger answers). Until it
/// is wired (`ContentModule::new(ctx, None)`), premium is refused to everyone: never
/// granted by default, never a guess.
pub trait Entitlements: Send + Sync + 'static {
    /// Whether `user` may use `feature` (e.g. [`PREMIUM_FEATURE`]) at this moment.
    fn may_use<'a>(
        &'a self,
        user: &'a UserId,
        feature: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<bool>>;
}
