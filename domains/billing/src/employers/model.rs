//! Billing's view of identity's organization ids (billing does not depend on identity;
//! the prefixes are the wire contract of identity's events).

use haven_platform::define_id;

define_id!(
    /// An identity organization (`org_…`), a sponsoring employer.
    OrganizationId,
    "org"
);
define_id!(
    /// An identity organization membership (`mbr_…`): one sponsorship.
    MembershipId,
    "mbr"
);

define_id!(
    /// A place on an employer's waitlist (`bwl_…`).
    WaitlistId,
    "bwl"
);

/// Where a sponsored membership stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatState {
    /// Holding a seat: the contract's features are granted.
    Seated,
    /// The seats were full when the member joined.
    Waitlisted,
    /// The membership ended.
    Ended,
}

impl SeatState {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Seated => "seated",
            Self::Waitlisted => "waitlisted",
            Self::Ended => "ended",
        }
    }
}
