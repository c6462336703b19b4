//! Joining and leaving an organization (issue 4 point 7): the member's side. A join
//! write-locks the organization's row first, so it serializes with uploads and domain
//! changes of that organization and with the member's other joins to it.

use chrono::NaiveDateTime;
use haven_platform::db::unique_violation;
use haven_platform::ids::UserId;
use haven_platform::outbox;
use haven_platform::time::now_utc;

use super::error::{JoinError, MyMembershipError};
use super::model::{EndReason, JoinedVia, Membership, MembershipId};
use super::repo;
use super::repo::MembershipRow;
use crate::error::{FieldProblem, invalid};
use crate::events::MemberJoined;
use crate::memberships::model::Joined;
use crate::organizations::model::{EMPLOYEE_ID_MAX_CHARS, EmailDomain, OrganizationId};
use crate::organizations::service::{end_and_announce, membership_from, rfc3339};
use crate::ports::{Admission, SeatRequest, Seats};
use crate::security_events::model::SecurityEventKind;
use crate::security_events::repo::SecurityEventRow;
use crate::security_events::service::{count, security_event};
use crate::service::IdentityService;
use crate::{accounts, eligibility, organizations, security_events};

/// The partial unique index that lets an employee id back one active membership per
/// organization (see the organizations migration).
const EMPLOYEE_ID_CONSTRAINT: &str = "identity_organization_memberships_employee";

/// The partial unique index that gives a member at most one active membership.
const ONE_ACTIVE_CONSTRAINT: &str = "identity_organization_memberships_one_active";

impl IdentityService {
    /// Joins the organization. The member's email must be verified; they qualify by its
    /// domain, by the email on the eligibility list, or by `employee_id` on the list (an
    /// entry that also has an email must have theirs). Already a member of this
    /// organization: the existing membership, `created = false`.
    #[tracing::instrument(skip_all, fields(user_id = %user_id, organization_id = %id))]
    pub async fn join_organization(
        &self,
        user_id: &UserId,
        id: &OrganizationId,
        employee_id: Option<String>,
    ) -> Result<Joined, JoinError> {
        let employee_id = employee_id
            .map(|e| e.trim().to_owned())
            .filter(|e| !e.is_empty());
        if employee_id.as_ref().is_some_and(|e| {
            e.chars().count() > EMPLOYEE_ID_MAX_CHARS || e.chars().any(char::is_control)
        }) {
            return Err(JoinError::from(invalid(vec![FieldProblem {
                field: "employee_id",
                code: "invalid",
                message: format!(
                    "The employee id must be at most {EMPLOYEE_ID_MAX_CHARS} characters, \
                     without control characters."
                ),
            }])));
        }
        let (id, user) = (*id, *user_id);
        let now = now_utc();
        let seats = self.seats.clone();
        let joined = self
            .db
            .write(move |conn| join(conn, &seats, &id, &user, employee_id, now))
            .await?
            // Committed: the member is on the waitlist, and the join is refused.
            .ok_or(JoinError::SeatsFull)?;
        if joined.created {
            count(SecurityEventKind::OrganizationJoined);
            tracing::info!(via = joined.membership.via.as_str(), "organization joined");
        }
        Ok(joined)
    }

    /// The member's active membership.
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn my_membership(&self, user_id: &UserId) -> Result<Membership, MyMembershipError> {
        let user = *user_id;
        // On the primary: the member reads their membership right after joining.
        self.db
            .read_primary(move |conn| {
                let m = repo::active_membership_of_user(conn, &user)?
                    .ok_or(MyMembershipError::NotAMember)?;
                let org = organizations::repo::find_organization(conn, &m.organization_id)?
                    .ok_or(MyMembershipError::NotAMember)?;
                let email = accounts::repo::find_user(conn, user)?
                    .ok_or(MyMembershipError::AccountNotFound)?
                    .email;
                Ok(membership_from(m, org.name, email)?)
            })
            .await
    }

    /// Ends the member's active membership (`left`).
    #[tracing::instrument(skip_all, fields(user_id = %user_id))]
    pub async fn leave_organization(&self, user_id: &UserId) -> Result<(), MyMembershipError> {
        let user = *user_id;
        let now = now_utc();
        self.db
            .write(move |conn| {
                let m = repo::active_membership_of_user(conn, &user)?
                    .ok_or(MyMembershipError::NotAMember)?;
                // Serialize with uploads and domain changes of the organization, then
                // end it only if it is still active.
                organizations::repo::lock_organization(conn, &m.organization_id)?;
                let m = repo::active_membership_of_user(conn, &user)?
                    .ok_or(MyMembershipError::NotAMember)?;
                end_and_announce(conn, &[m], EndReason::Left, None, now)?;
                Ok::<_, MyMembershipError>(())
            })
            .await?;
        count(SecurityEventKind::OrganizationLeft);
        tracing::info!("organization left");
        Ok(())
    }
}

/// The join use-case on one transaction.
/// `None`: every sponsored seat is taken (the member is waitlisted; commit that).
fn join(
    conn: &mut haven_platform::AnyConnection,
    seats: &Seats,
    org_id: &OrganizationId,
    user_id: &UserId,
    employee_id: Option<String>,
    now: NaiveDateTime,
) -> Result<Option<Joined>, JoinError> {
    if !organizations::repo::lock_organization(conn, org_id)? {
        return Err(JoinError::OrganizationNotFound);
    }
    let org = organizations::repo::find_organization(conn, org_id)?
        .ok_or(JoinError::OrganizationNotFound)?;
    let user = accounts::repo::find_user(conn, *user_id)?
        .filter(|u| u.disabled_at.is_none())
        .ok_or(JoinError::AccountNotFound)?;
    if user.email_verified_at.is_none() {
        return Err(JoinError::EmailNotVerified);
    }
    if let Some(existing) = repo::active_membership_of_user(conn, user_id)? {
        if existing.organization_id == *org_id {
            let membership = membership_from(existing, org.name, user.email)?;
            return Ok(Some(Joined {
                membership,
                created: false,
            }));
        }
        return Err(JoinError::AlreadyMember);
    }
    let email = user.email_normalized.as_str();
    let via = match &employee_id {
        Some(eid) => {
            let on_list = eligibility::repo::eligibility_by_employee_id(conn, org_id, eid)?
                .is_some_and(|e| e.email_normalized.as_deref().is_none_or(|e| e == email));
            if !on_list {
                return Err(JoinError::NotEligible);
            }
            if repo::employee_id_in_use(conn, org_id, eid)? {
                return Err(JoinError::EmployeeIdClaimed);
            }
            JoinedVia::EmployeeId
        }
        None => {
            let domain_ok = match EmailDomain::of_email(email) {
                Some(d) => organizations::repo::domain_allowed(conn, org_id, d.as_str())?,
                None => false,
            };
            if domain_ok {
                JoinedVia::EmailDomain
            } else if eligibility::repo::eligibility_has_email(conn, org_id, email)? {
                JoinedVia::EligibilityEmail
            } else {
                return Err(JoinError::NotEligible);
            }
        }
    };
    let row = MembershipRow {
        id: MembershipId::new(),
        organization_id: *org_id,
        user_id: *user_id,
        via: via.as_str().to_owned(),
        employee_id: employee_id.filter(|_| via == JoinedVia::EmployeeId),
        joined_at: now,
        ended_at: None,
        end_reason: None,
    };
    // Last, under the organization's lock: joins of one organization take its seats one
    // after the other.
    let request = SeatRequest {
        organization_id: *org_id,
        membership_id: row.id,
        user_id: *user_id,
        at: now,
    };
    if seats.admit(conn, &request)? == Admission::Full {
        tracing::info!(organization_id = %org_id, "sponsored seats full: join refused");
        return Ok(None);
    }
    if let Err(e) = repo::insert_membership(conn, &row) {
        // Both rules were checked above under the organization's lock; a violation means
        // a concurrent join to another organization (or with the same employee id) won.
        return Err(match unique_violation(conn, &e).map(|v| v.constraint) {
            Some(c) if c == EMPLOYEE_ID_CONSTRAINT => JoinError::EmployeeIdClaimed,
            Some(c) if c == ONE_ACTIVE_CONSTRAINT => JoinError::AlreadyMember,
            _ => JoinError::from(e),
        });
    }
    outbox::publish(
        conn,
        &MemberJoined {
            organization_id: *org_id,
            user_id: *user_id,
            membership_id: row.id,
            via: via.as_str(),
            at: rfc3339(now),
        },
    )?;
    security_events::repo::insert_security_event(
        conn,
        &SecurityEventRow {
            detail: Some(format!("{org_id}: {}", via.as_str())),
            ..security_event(
                SecurityEventKind::OrganizationJoined,
                Some(*user_id),
                None,
                now,
            )
        },
    )?;
    Ok(Some(Joined {
        membership: membership_from(row, org.name, user.email)?,
        created: true,
    }))
}
