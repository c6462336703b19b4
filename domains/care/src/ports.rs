//! What care needs from other domains (docs/architecture.md rule 2): narrow questions
//! with typed ids, adapted in `app/src/wiring.rs` (identity answers [`Accounts`],
//! billing's entitlement ledger answers [`Benefits`]).

use futures_util::future::BoxFuture;
use haven_platform::auth::Role;
use haven_platform::ids::UserId;

/// An account as care needs to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Roles held now.
    pub roles: Vec<Role>,
    /// Whether an admin disabled it.
    pub disabled: bool,
    /// Where appointment emails go.
    pub email: String,
}

/// The identity accounts behind providers and members.
pub trait Accounts: Send + Sync + 'static {
    /// The account of `user`, `None` when there is none (any more).
    fn account<'a>(&'a self, user: &'a UserId) -> BoxFuture<'a, anyhow::Result<Option<Account>>>;
}

/// A care benefit in the entitlement ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Benefit {
    /// Coaching: a feature, not counted (`care.coaching`).
    Coaching,
    /// Therapy sessions, counted per benefit year (`care.therapy`).
    Therapy,
    /// Psychiatry sessions, counted per benefit year (`care.psychiatry`).
    Psychiatry,
}

impl Benefit {
    /// The ledger's feature name.
    pub const fn feature(self) -> &'static str {
        match self {
            Self::Coaching => "care.coaching",
            Self::Therapy => "care.therapy",
            Self::Psychiatry => "care.psychiatry",
        }
    }

    /// Whether each session consumes a unit.
    pub const fn counted(self) -> bool {
        !matches!(self, Self::Coaching)
    }

    /// The benefit of a stored feature name.
    pub fn parse(feature: &str) -> Option<Self> {
        [Self::Coaching, Self::Therapy, Self::Psychiatry]
            .into_iter()
            .find(|b| b.feature() == feature)
    }
}

/// What consuming a unit did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consumption {
    /// One unit is consumed for the reference (or already was: consuming is idempotent
    /// per reference).
    Consumed,
    /// The member's plan does not include the benefit.
    NotEntitled,
    /// Every unit of the benefit year is used.
    Exhausted,
}

/// The member's care benefits. Never answered by a placeholder: without billing there is
/// no eligibility.
pub trait Benefits: Send + Sync + 'static {
    /// Whether `user` may use the (uncounted) `benefit` now.
    fn may_use<'a>(
        &'a self,
        user: &'a UserId,
        benefit: Benefit,
    ) -> BoxFuture<'a, anyhow::Result<bool>>;

    /// Consumes one unit of a counted `benefit` for `reference` (an appointment id);
    /// idempotent per reference.
    fn consume<'a>(
        &'a self,
        user: &'a UserId,
        benefit: Benefit,
        reference: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<Consumption>>;

    /// Gives back the unit consumed for `reference`; idempotent (nothing consumed or
    /// already released: nothing happens).
    fn release<'a>(
        &'a self,
        user: &'a UserId,
        benefit: Benefit,
        reference: &'a str,
    ) -> BoxFuture<'a, anyhow::Result<()>>;
}
