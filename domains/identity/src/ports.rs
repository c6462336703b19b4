//! Traits the identity domain needs from other domains.
//!
//! Account export and erasure reach every module through the platform's module directory
//! (`haven_platform::privacy`, the `export_user_data`/`erase_user` hooks of
//! `ModuleInfo`), so identity declares no port of its own for them.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDateTime;
use diesel::QueryResult;
use haven_platform::AnyConnection;
use haven_platform::ids::UserId;

use crate::memberships::model::MembershipId;
use crate::organizations::model::OrganizationId;

/// A join asking for one of the organization's sponsored seats.
#[derive(Debug, Clone, Copy)]
pub struct SeatRequest {
    /// The organization joined.
    pub organization_id: OrganizationId,
    /// The membership the join is about to create.
    pub membership_id: MembershipId,
    /// The member.
    pub user_id: UserId,
    /// When they join.
    pub at: NaiveDateTime,
}

/// What the seat owner answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// A seat is the membership's: the join goes ahead.
    Seated,
    /// Every seat is taken: the join is refused and the member waits on the
    /// organization's waitlist (written in the join's transaction, which commits).
    Full,
}

/// The organization's sponsored seats (answered by billing's employer contracts).
///
/// Unlike the other ports it is synchronous and takes the join's connection
/// (docs/adr/0006): the seat is taken in the transaction that creates the membership,
/// after the organization's row is locked, so two joins for the last seat are decided
/// one after the other and a rolled-back join never keeps a seat.
pub trait SeatAdmission: Send + Sync {
    /// Takes a seat for `request`, or waitlists the member when all are taken.
    fn admit(&self, conn: &mut AnyConnection, request: &SeatRequest) -> QueryResult<Admission>;
}

/// Where the app installs the [`SeatAdmission`] adapter; without one (identity mounted
/// without billing) every join is admitted. Cheap to clone.
#[derive(Clone, Default)]
pub struct Seats(Arc<OnceLock<Arc<dyn SeatAdmission>>>);

impl std::fmt::Debug for Seats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Seats")
            .field("installed", &self.0.get().is_some())
            .finish()
    }
}

impl Seats {
    /// Installs the adapter; only the first call counts (the app wires once).
    pub fn install(&self, admission: Arc<dyn SeatAdmission>) {
        let _ = self.0.set(admission);
    }

    /// The adapter's answer, `Seated` when none is installed.
    pub(crate) fn admit(
        &self,
        conn: &mut AnyConnection,
        request: &SeatRequest,
    ) -> QueryResult<Admission> {
        match self.0.get() {
            Some(a) => a.admit(conn, request),
            None => Ok(Admission::Seated),
        }
    }
}
