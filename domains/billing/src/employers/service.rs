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
use super::model::{MembershipId, OrganizationId, SeatState, WaitlistId};
use super::paid_twice;
use super::repo::{self, ContractRow, SeatRow, WaitlistRow};
use crate::catalog::model::{Feature, ProductId};
use crate::catalog::repo as catalog;
use crate::error::Problems;
use crate::ledger::model::Source;
use crate::ledger::service::{Audit, GrantSpec, end_source_grants, set_source_grants};
use crate::service::BillingService;
use haven_platform::Fault;

/// Largest number of seats of a contract.
pub const MAX_SEATS: i64 = 1_000_000;

/// Seats the member: their row `seated`, off the waitlist, and the contract's features
/// granted (an organization without a contract sponsors no features yet). A member who
/// also pays us personally gets a paid-twice job, enqueued in this transaction.
fn take_seat(
    conn: &mut AnyConnection,
    contract: Option<&ContractRow>,
    seat: &SeatRow,
    now: NaiveDateTime,
) -> QueryResult<()> {
    repo::set_state(conn, &seat.membership_id, SeatState::Seated.as_str(), None)?;
    repo::remove_from_waitlist(conn, &seat.organization_id, &seat.user_id)?;
    if let Some(contract) = contract {
        grant_contract(conn, contract, seat, now)?;
    }
    Ok(())
}

/// Grants the contract's features to a seated member (again after a contract change).
fn grant_contract(
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
    if !specs.is_empty() {
        paid_twice::check_later(conn, seat)?;
    }
    Ok(())
}

/// How many members the organization sponsors at once: its contract's seats, or the
/// configured default without one.
fn seat_limit(contract: Option<&ContractRow>, default_seats: i64) -> i64 {
    contract.map_or(default_seats, |c| c.seats)
}

/// Gives free seats to members who joined while the seats were full, first come first.
fn fill_seats(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    default_seats: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    // Without a contract there is no row to lock: leave the seats to the joins, which
    // identity serializes under the organization's lock.
    let Some(contract) = repo::lock_contract(conn, org)? else {
        return Ok(0);
    };
    let free = (seat_limit(Some(&contract), default_seats) - repo::seated(conn, org)?).max(0);
    let waiting = repo::waiting_seats(conn, org, free)?;
    for seat in &waiting {
        take_seat(conn, Some(&contract), seat, now)?;
    }
    Ok(waiting.len())
}

fn state_of(seat: &SeatRow) -> SeatState {
    match seat.state.as_str() {
        "seated" => SeatState::Seated,
        "waitlisted" => SeatState::Waitlisted,
        _ => SeatState::Ended,
    }
}

/// A join asking for a seat inside identity's join transaction (identity's seat port):
/// seated when one is free, otherwise `Waitlisted` with the member on the waitlist and no
/// seat row (identity refuses the join). The contract's row, locked, orders this with
/// seat changes made here; identity's lock on the organization orders joins.
pub(crate) fn admit(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    membership: &MembershipId,
    user: &UserId,
    at: NaiveDateTime,
    default_seats: i64,
    now: NaiveDateTime,
) -> QueryResult<SeatState> {
    if let Some(seat) = repo::find_seat(conn, membership)? {
        return Ok(state_of(&seat));
    }
    let contract = repo::lock_contract(conn, org)?;
    if repo::seated(conn, org)? >= seat_limit(contract.as_ref(), default_seats) {
        repo::add_to_waitlist(
            conn,
            &WaitlistRow {
                id: WaitlistId::new(),
                organization_id: *org,
                user_id: *user,
                membership_id: None,
                requested_at: at,
            },
        )?;
        tracing::info!(organization_id = %org, "employer seats full: join refused, waitlisted");
        return Ok(SeatState::Waitlisted);
    }
    let seat = SeatRow {
        membership_id: *membership,
        organization_id: *org,
        user_id: *user,
        state: SeatState::Seated.as_str().to_owned(),
        joined_at: at,
        ended_at: None,
    };
    repo::insert_seat(conn, &seat)?;
    take_seat(conn, contract.as_ref(), &seat, now)?;
    Ok(SeatState::Seated)
}

/// `organization.member_joined`: the member's state after it. A join identity admitted
/// through the seat port has its row already (a no-op); one it did not ask about (made
/// before the port existed) is seated when a seat is free, else waits for one.
pub(crate) fn member_joined(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    membership: &MembershipId,
    user: &UserId,
    at: NaiveDateTime,
    default_seats: i64,
    now: NaiveDateTime,
) -> QueryResult<SeatState> {
    if let Some(seat) = repo::find_seat(conn, membership)? {
        return Ok(state_of(&seat));
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
    if repo::seated(conn, org)? < seat_limit(contract.as_ref(), default_seats) {
        take_seat(conn, contract.as_ref(), &seat, now)?;
        return Ok(SeatState::Seated);
    }
    repo::add_to_waitlist(
        conn,
        &WaitlistRow {
            id: WaitlistId::new(),
            organization_id: *org,
            user_id: *user,
            membership_id: Some(*membership),
            requested_at: at,
        },
    )?;
    tracing::info!(organization_id = %org, "employer seats full: member waitlisted");
    Ok(SeatState::Waitlisted)
}

/// `organization.member_left`.
pub(crate) fn member_left(
    conn: &mut AnyConnection,
    org: &OrganizationId,
    membership: &MembershipId,
    user: &UserId,
    at: NaiveDateTime,
    default_seats: i64,
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
            repo::remove_from_waitlist(conn, org, user)?;
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
                fill_seats(conn, org, default_seats, now)?;
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
        let (now, default_seats) = (now_utc(), self.settings.employer_default_seats);
        self.write(move |conn| {
            Ok(member_joined(
                conn,
                &org,
                &membership,
                &user,
                at,
                default_seats,
                now,
            )?)
        })
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
        let (now, default_seats) = (now_utc(), self.settings.employer_default_seats);
        self.write(move |conn| {
            Ok(member_left(
                conn,
                &org,
                &membership,
                &user,
                at,
                default_seats,
                now,
            )?)
        })
        .await
    }

    /// Identity's seat port: a join asks for a seat in its own transaction (`conn`).
    pub fn admit_member(
        &self,
        conn: &mut AnyConnection,
        org: OrganizationId,
        membership: MembershipId,
        user: UserId,
        at: NaiveDateTime,
    ) -> QueryResult<SeatState> {
        let default_seats = self.settings.employer_default_seats;
        self.cache
            .tracking(|| admit(conn, &org, &membership, &user, at, default_seats, now_utc()))
    }

    /// Sets the organization's contract (`seats` unset: the configured default), grants
    /// its features to the members seated now and seats waiting members while seats are
    /// free.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, organization_id = %org))]
    pub async fn set_contract(
        &self,
        admin_id: &UserId,
        org: &OrganizationId,
        product_id: &ProductId,
        seats: Option<i64>,
    ) -> Result<(ContractRow, i64), ContractError> {
        let default_seats = self.settings.employer_default_seats;
        let seats = seats.unwrap_or(default_seats);
        if !(1..=MAX_SEATS).contains(&seats) {
            return Err(Problems::one("seats", "out_of_range", "1 to 1,000,000 seats.").into());
        }
        let (org, product, now) = (*org, *product_id, now_utc());
        self.write(move |conn| {
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
            // The product may have changed: every seated member gets its features.
            for seat in repo::seated_members(conn, &org)? {
                grant_contract(conn, &row, &seat, now)?;
            }
            fill_seats(conn, &org, default_seats, now)?;
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
        after: Option<WaitlistId>,
        fetch: i64,
    ) -> Result<Vec<WaitlistRow>, Fault> {
        let org = *org;
        self.db
            .read(move |conn| Ok(repo::waitlist(conn, &org, after, fetch)?))
            .await
    }
}
