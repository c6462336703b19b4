//! Replacing an organization's eligibility list (issue 4 point 7): the CSV is validated
//! in full first, then one transaction swaps the list and ends the memberships it no
//! longer covers.

use std::collections::{HashMap, HashSet};

use haven_platform::Unexpected;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;

use super::error::EligibilityError;
use super::model::parse_eligibility_csv;
use super::repo;
use super::repo::EligibilityRow;
use crate::eligibility::model::EligibilityReplaced;
use crate::memberships::model::{EndReason, JoinedVia};
use crate::memberships::repo::MembershipRow;
use crate::organizations::model::OrganizationId;
use crate::organizations::service::{admin_event, count_n, end_and_announce};
use crate::security_events::model::SecurityEventKind;
use crate::security_events::service::count;
use crate::service::IdentityService;
use crate::{memberships, organizations, security_events};

impl IdentityService {
    /// Validates an uploaded CSV eligibility list and, if every row is valid, replaces the
    /// organization's list with it; members who joined through the list and are no longer
    /// on it lose their membership (`eligibility_removed`). All in one transaction: an
    /// invalid upload changes nothing.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, organization_id = %id))]
    pub async fn replace_eligibility(
        &self,
        admin_id: &UserId,
        id: &OrganizationId,
        csv_text: String,
    ) -> Result<EligibilityReplaced, EligibilityError> {
        let entries = tokio::task::spawn_blocking(move || parse_eligibility_csv(&csv_text))
            .await
            .map_err(Unexpected::with("eligibility parse task"))?
            .map_err(EligibilityError::Invalid)?;
        let (id, admin) = (*id, *admin_id);
        let now = now_utc();
        let replaced = self
            .db
            .write(move |conn| {
                if !organizations::repo::lock_organization(conn, &id)? {
                    return Err(EligibilityError::OrganizationNotFound);
                }
                let rows: Vec<EligibilityRow> = entries
                    .iter()
                    .map(|e| EligibilityRow {
                        organization_id: id,
                        row_number: e.row,
                        email_normalized: e.email_normalized.clone(),
                        employee_id: e.employee_id.clone(),
                    })
                    .collect();
                repo::delete_eligibility(conn, &id)?;
                repo::insert_eligibility(conn, &rows)?;
                let total = i64::try_from(rows.len()).unwrap_or(i64::MAX);
                organizations::repo::set_eligibility_stats(conn, &id, total, now)?;
                let emails: HashSet<&str> = rows
                    .iter()
                    .filter_map(|r| r.email_normalized.as_deref())
                    .collect();
                let by_employee: HashMap<&str, Option<&str>> = rows
                    .iter()
                    .filter_map(|r| {
                        r.employee_id
                            .as_deref()
                            .map(|e| (e, r.email_normalized.as_deref()))
                    })
                    .collect();
                let via = [
                    JoinedVia::EligibilityEmail.as_str(),
                    JoinedVia::EmployeeId.as_str(),
                ];
                let gone: Vec<MembershipRow> =
                    memberships::repo::active_memberships_via(conn, &id, &via)?
                        .into_iter()
                        .filter(|(m, email)| !still_eligible(m, email, &emails, &by_employee))
                        .map(|(m, _)| m)
                        .collect();
                let ended = end_and_announce(
                    conn,
                    &gone,
                    EndReason::EligibilityRemoved,
                    Some(&admin),
                    now,
                )?;
                security_events::repo::insert_security_event(
                    conn,
                    &admin_event(
                        SecurityEventKind::EligibilityListReplaced,
                        &admin,
                        format!("{id}: {} entries, {} memberships ended", rows.len(), ended),
                        now,
                    ),
                )?;
                Ok(EligibilityReplaced {
                    entries: rows.len(),
                    memberships_ended: ended,
                })
            })
            .await?;
        count(SecurityEventKind::EligibilityListReplaced);
        count_n(
            SecurityEventKind::OrganizationMemberRemoved,
            replaced.memberships_ended,
        );
        tracing::info!(
            entries = replaced.entries,
            memberships_ended = replaced.memberships_ended,
            "eligibility list replaced"
        );
        Ok(replaced)
    }
}

/// Whether a list-joined membership is still covered by the new list.
fn still_eligible(
    m: &MembershipRow,
    email: &str,
    emails: &HashSet<&str>,
    by_employee: &HashMap<&str, Option<&str>>,
) -> bool {
    match JoinedVia::parse(&m.via) {
        Some(JoinedVia::EligibilityEmail) => emails.contains(email),
        Some(JoinedVia::EmployeeId) => m
            .employee_id
            .as_deref()
            .and_then(|e| by_employee.get(e))
            .is_some_and(|row_email| row_email.is_none_or(|r| r == email)),
        _ => true,
    }
}
