//! Employer sponsorships: seat a member who joins (or put them on the waitlist when the
//! seats are full), end the grant of one who leaves and give the freed seat to the first
//! on the waitlist. Each step is one transaction holding the organization's contract row,
//! so concurrent joins never take more seats than the contract has. Identity's events come
//! at least once and in any order: a membership's row makes a redelivery a no-op, and a
//! `left` seen before its `joined` is remembered as ended.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Invalid};

use super::error::{ContractError, ContractReadError};
use super::model::{MembershipId, OrganizationId, SeatState};
use super::repo::{self, ContractRow, SeatRow};
use crate::catalog::model::{Feature, ProductId};
use crate::catalog::repo as catalog;
use crate::error::Problems;
use crate::ledger::model::Source;
use crate::ledger::service::{Audit, GrantSpec, end_source_grants, set_source_grants};
use crate::service::BillingService;
use haven_platform::Fault;

/// Largest number of seats of a contract.
pub const MAX_SEATS: i64 = 1_000_000;

fn grant_seat(
    conn: &mut AnyConnection,
    contract: &ContractRow,
    seat: &SeatRow,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let specs: Vec<GrantSpec> = catalog::features_of(conn, &[contract.product_id])?
        .into_iter()
        .filter_map(|f| Feature::parse(&f.feature).map(|feature| (feature, f.quota)))
        .map(|(feature, quota)| GrantSpec {
            feature,
            quota,
            valid_from: now,
            valid_until: None,
        })
        .collect();
    repo::set_state(conn, &seat.membership_id, SeatState::Seated.as_str(), None)?;
    let audit = Audit::system(&format!("sponsored by {}", contract.organization_id));
    set_source_grants(
        conn,
        &seat.user_id,
        Source::Employer,
        &seat.membership_id.to_string(),
        &specs,
        &audit,
        now,
    )?;
    Ok(())
}

/// Gives free seats to the waitlist, first come first.
fn fill_seats(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let Some(contract) = repo::lock_contract(conn, org)? else {
        return Ok(0);
    };
    let free = (contract.seats - repo::seated(conn, org)?).max(0);
    let waiting = repo::waitlist(conn, org, None, free)?;
    for seat in &waiting {
        grant_seat(conn, &contract, seat, now)?;
    }
    Ok(waiting.len())
}

/// `organization.member_joined`: the member's state after it.
pub(crate) fn member_joined(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    membership: &MembershipId,
    user: &UserId,
    at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<SeatState> {
    if let Some(seat) = repo::find_seat(conn, membership)? {
        return Ok(match seat.state.as_str() {
            "seated" => SeatState::Seated,
            "waitlisted" => SeatState::Waitlisted,
            _ => SeatState::Ended,
        });
    }
    let contract = repo::lock_contract(conn, org)?;
    let seat = SeatRow {
        membership_id: *membership,
        organization_id: *org,
        user_id: *user,
        state: SeatState::Waitlisted.as_str().to_owned(),
        joined_at: at,
        ended_at: None,
    };
    repo::insert_seat(conn, &seat)?;
    match contract {
        Some(c) if repo::seated(conn, org)? < c.seats => {
            grant_seat(conn, &c, &seat, now)?;
            Ok(SeatState::Seated)
        }
        _ => {
            tracing::info!(organization_id = %org, "employer seats full: member waitlisted");
            Ok(SeatState::Waitlisted)
        }
    }
}

/// `organization.member_left`.
pub(crate) fn member_left(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    membership: &MembershipId,
    user: &UserId,
    at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<()> {
    match repo::find_seat(conn, membership)? {
        None => repo::insert_seat(
            conn,
            &SeatRow {
                membership_id: *membership,
                organization_id: *org,
                user_id: *user,
                state: SeatState::Ended.as_str().to_owned(),
                joined_at: at,
                ended_at: Some(at),
            },
        ),
        Some(seat) if seat.state == "ended" => Ok(()),
        Some(seat) => {
            repo::set_state(conn, membership, SeatState::Ended.as_str(), Some(at))?;
            if seat.state == "seated" {
                let audit = Audit::system(&format!("left {org}"));
                end_source_grants(
                    conn,
                    user,
                    Source::Employer,
                    &membership.to_string(),
                    at.min(now),
                    &audit,
                    now,
                )?;
                fill_seats(conn, org, now)?;
            }
            Ok(())
        }
    }
}

impl BillingService {
    /// Applies identity's `organization.member_joined`.
    pub async fn on_member_joined(
        &self,
        org: OrganizationId,
        membership: MembershipId,
        user: UserId,
        at: NaiveDateTime,
    ) -> Result<SeatState, Fault> {
        let now = now_utc();
        self.db
            .write(move |conn| Ok(member_joined(conn, &org, &membership, &user, at, now)?))
            .await
    }

    /// Applies identity's `organization.member_left`.
    pub async fn on_member_left(
        &self,
        org: OrganizationId,
        membership: MembershipId,
        user: UserId,
        at: NaiveDateTime,
    ) -> Result<(), Fault> {
        let now = now_utc();
        self.db
            .write(move |conn| Ok(member_left(conn, &org, &membership, &user, at, now)?))
            .await
    }

    /// Sets the organization's contract and seats waiting members while seats are free.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, organization_id = %org))]
    pub async fn set_contract(
        &self,
        admin_id: &UserId,
        org: &OrganizationId,
        product_id: &ProductId,
        seats: i64,
    ) -> Result<(ContractRow, i64), ContractError> {
        if !(1..=MAX_SEATS).contains(&seats) {
            return Err(Problems::one("seats", "out_of_range", "1 to 1,000,000 seats.").into());
        }
        let (org, product, now) = (*org, *product_id, now_utc());
        self.db
            .write(move |conn| {
                if catalog::find_product(conn, &product)?.is_none() {
                    return Err(ContractError::Invalid(Invalid(
                        Problems::one("product_id", "not_found", "No such product.").0,
                    )));
                }
                let existing = repo::find_contract(conn, &org)?;
                let row = ContractRow {
                    organization_id: org,
                    product_id: product,
                    seats,
                    created_at: existing.map_or(now, |c| c.created_at),
                    updated_at: now,
                };
                repo::upsert_contract(conn, &row)?;
                fill_seats(conn, &org, now)?;
                let seated = repo::seated(conn, &org)?;
                Ok((row, seated))
            })
            .await
    }

    /// The organization's contract and its seats taken.
    pub async fn contract(
        &self,
        org: &OrganizationId,
    ) -> Result<(ContractRow, i64), ContractReadError> {
        let org = *org;
        self.db
            .read_primary(move |conn| {
                let row = repo::find_contract(conn, &org)?.ok_or(ContractReadError::NotFound)?;
                Ok((row, repo::seated(conn, &org)?))
            })
            .await
    }

    /// The organization's waitlist, first come first.
    pub async fn waitlist(
        &self,
        org: &OrganizationId,
        after: Option<MembershipId>,
        fetch: i64,
    ) -> Result<Vec<SeatRow>, Fault> {
        let org = *org;
        self.db
            .read(move |conn| Ok(repo::waitlist(conn, &org, after, fetch)?))
            .await
    }
}
