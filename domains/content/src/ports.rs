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

/// A member's profile time zone (identity answers): the fallback for playback events
/// recorded without one, and the zone of "today" for streaks and the Today feed.
pub trait ProfileZones: Send + Sync + 'static {
    /// The member's IANA zone name, `None` when their profile has none.
    fn time_zone<'a>(&'a self, user: &'a UserId) -> BoxFuture<'a, anyhow::Result<Option<String>>>;
}
