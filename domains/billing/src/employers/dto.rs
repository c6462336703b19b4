//! Wire types of employer contracts.

use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::Object;

use super::model::{MembershipId, OrganizationId, WaitlistId};
use super::repo::{ContractRow, WaitlistRow};
use crate::catalog::model::ProductId;

/// Body of `PUT /v1/billing/admin/employers/{organization_id}/contract`.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingSetEmployerContract", deny_unknown_fields)]
pub struct SetContractRequest {
    /// The product whose features the organization's members get.
    pub product_id: ProductId,
    /// How many members it sponsors at once, 1–1,000,000; `null`: the configured default
    /// (`billing.employer_default_seats`). A join beyond them is refused and waitlisted.
    #[oai(validator(minimum(value = "1"), maximum(value = "1000000")))]
    pub seats: Option<i64>,
}

/// An organization's billing contract.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingEmployerContract")]
pub struct ContractDto {
    /// The organization (identity's id).
    pub organization_id: OrganizationId,
    /// The product its members get.
    pub product_id: ProductId,
    /// Seats in the contract.
    pub seats: i64,
    /// Seats taken now.
    pub seated: i64,
    /// When the contract last changed.
    pub updated_at: Timestamp,
}

impl From<(ContractRow, i64)> for ContractDto {
    fn from((c, seated): (ContractRow, i64)) -> Self {
        Self {
            organization_id: c.organization_id,
            product_id: c.product_id,
            seats: c.seats,
            seated,
            updated_at: c.updated_at.into(),
        }
    }
}

/// A member waiting for a seat.
#[derive(Debug, Clone, Object)]
#[oai(rename = "BillingWaitlistEntry")]
pub struct WaitlistEntryDto {
    /// The place on the list (`bwl_…`); earlier places come first.
    pub id: WaitlistId,
    /// The member.
    pub user_id: UserId,
    /// Their membership (identity's id) when they are a member already, waiting for a seat
    /// to free up; `null` when their join was refused (`409 seats_full`).
    pub membership_id: Option<MembershipId>,
    /// When they asked to join.
    pub requested_at: Timestamp,
}

impl From<WaitlistRow> for WaitlistEntryDto {
    fn from(w: WaitlistRow) -> Self {
        Self {
            id: w.id,
            user_id: w.user_id,
            membership_id: w.membership_id,
            requested_at: w.requested_at.into(),
        }
    }
}
