//! Organizations (issue 4 point 7), the admins' side: create, read, update domains,
//! replace the eligibility list, list and remove members (members join and leave in
//! `memberships`, the list is replaced in `eligibility`). Every use-case is one transaction; joins, uploads and domain changes
//! of one organization first write-lock its row, so an upload never misses a concurrent
//! join. Membership changes publish `organization.member_joined/left` in the same
//! transaction.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDateTime;
use haven_platform::db::unique_violation;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{Fault, Unexpected, outbox};

use super::error::{
    CreateOrganizationError, OrganizationReadError, RemoveMemberError, UpdateOrganizationError,
};
use super::model::{
    EmailDomain, MAX_ALLOWED_DOMAINS, ORGANIZATION_NAME_MAX_CHARS, Organization, OrganizationId,
};
use super::repo;
use super::repo::OrganizationRow;
use crate::error::{FieldProblem, invalid};
use crate::events::MemberLeft;
use crate::memberships::model::{EndReason, JoinedVia, Membership, MembershipId};
use crate::memberships::repo::MembershipRow;
use crate::organizations::model::{NewOrganization, OrganizationPatch};
use crate::security_events::model::SecurityEventKind;
use crate::security_events::repo::SecurityEventRow;
use crate::security_events::service::{count, security_event};
use crate::service::{IdentityService, utc};
use crate::{memberships, security_events};

/// The primary key of `identity_organization_domains` (PostgreSQL's default name; the
/// platform reports SQLite's under the same name): a domain belongs to one organization.
const DOMAIN_TAKEN_CONSTRAINT: &str = "identity_organization_domains_pkey";

/// The trimmed name, with a problem recorded when it is empty or too long.
fn clean_name(raw: &str, problems: &mut Vec<FieldProblem>) -> String {
    let name = raw.trim().to_owned();
    // The length as sent, as the document's `maxLength` counts it.
    if name.is_empty() || raw.chars().count() > ORGANIZATION_NAME_MAX_CHARS {
        problems.push(FieldProblem {
            field: "name",
            code: "invalid",
            message: format!("The name must be 1 to {ORGANIZATION_NAME_MAX_CHARS} characters."),
        });
    }
    name
}

/// Lower-cased, shape-checked, without repeats, sorted.
fn clean_domains(raw: &[String], problems: &mut Vec<FieldProblem>) -> Vec<String> {
    if raw.len() > MAX_ALLOWED_DOMAINS {
        problems.push(FieldProblem {
            field: "allowed_domains",
            code: "too_many",
            message: format!("An organization allows at most {MAX_ALLOWED_DOMAINS} domains."),
        });
        return Vec::new();
    }
    let mut seen = BTreeSet::new();
    for d in raw {
        match EmailDomain::parse(d) {
            None => problems.push(FieldProblem {
                field: "allowed_domains",
                code: "invalid",
                message: format!(
                    "`{}` is not a domain name such as `acme.com` (internationalized \
                     domains in their `xn--` form).",
                    d.chars().take(100).collect::<String>()
                ),
            }),
            Some(domain) => {
                if !seen.insert(domain.as_str().to_owned()) {
                    problems.push(FieldProblem {
                        field: "allowed_domains",
                        code: "duplicate",
                        message: format!("`{}` is listed twice.", domain.as_str()),
                    });
                }
            }
        }
    }
    seen.into_iter().collect()
}

/// Allows `domains` for the organization; `DomainTaken` names one another organization
/// already allows.
fn insert_domains<E: From<diesel::result::Error>>(
    conn: &mut haven_platform::AnyConnection,
    organization_id: &OrganizationId,
    domains: &[String],
    taken: fn(String) -> E,
) -> Result<(), E> {
    for domain in domains {
        if let Err(e) = repo::insert_domain(conn, organization_id, domain) {
            return Err(match unique_violation(conn, &e) {
                Some(v) if v.constraint == DOMAIN_TAKEN_CONSTRAINT => taken(domain.clone()),
                _ => E::from(e),
            });
        }
    }
    Ok(())
}

/// The domain organization from its row and its domains.
fn organization_from(row: OrganizationRow, domains: Vec<String>) -> Organization {
    Organization {
        id: row.id,
        name: row.name,
        allowed_domains: domains,
        eligibility_entries: row.eligibility_entries,
        eligibility_uploaded_at: row.eligibility_uploaded_at.map(utc),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    }
}

/// The organization with its domains, read on `conn`; `None` if there is none.
fn load_organization(
    conn: &mut haven_platform::AnyConnection,
    id: &OrganizationId,
) -> diesel::QueryResult<Option<Organization>> {
    let Some(row) = repo::find_organization(conn, id)? else {
        return Ok(None);
    };
    let domains = repo::domains_of(conn, &[*id])?
        .into_iter()
        .map(|(_, d)| d)
        .collect();
    Ok(Some(organization_from(row, domains)))
}

/// The domain membership from its row, the organization's name and the member's email.
pub(crate) fn membership_from(
    row: MembershipRow,
    organization_name: String,
    email: String,
) -> Result<Membership, Unexpected> {
    Ok(Membership {
        id: row.id,
        organization_id: row.organization_id,
        organization_name,
        user_id: row.user_id,
        email,
        via: JoinedVia::parse(&row.via).ok_or_else(|| {
            Unexpected::new(
                "identity_organization_memberships.via",
                format!("unknown value {}", row.via),
            )
        })?,
        employee_id: row.employee_id,
        joined_at: utc(row.joined_at),
    })
}

/// A stored time as the API writes every timestamp (event payloads): RFC 3339 UTC with
/// `Z`, as responses and exports.
pub(crate) fn rfc3339(t: NaiveDateTime) -> String {
    haven_platform::http::timestamp::format_utc(&utc(t))
}

/// An admin's audit row about an organization (no member concerned).
pub(crate) fn admin_event(
    kind: SecurityEventKind,
    admin_id: &UserId,
    detail: String,
    now: NaiveDateTime,
) -> SecurityEventRow {
    SecurityEventRow {
        actor_id: Some(*admin_id),
        detail: Some(detail),
        ..security_event(kind, None, None, now)
    }
}

/// Ends the memberships that are still active, publishing `organization.member_left` and
/// auditing each one this call ended, on the caller's transaction (the caller counts the
/// metric after the commit). Each row is ended by a conditional update, so a membership
/// that a concurrent transaction ended first is announced once, by that one. Returns how
/// many it ended.
pub(crate) fn end_and_announce(
    conn: &mut haven_platform::AnyConnection,
    rows: &[MembershipRow],
    reason: EndReason,
    actor_id: Option<&UserId>,
    now: NaiveDateTime,
) -> diesel::QueryResult<usize> {
    let kind = if matches!(reason, EndReason::Left | EndReason::AccountErased) {
        SecurityEventKind::OrganizationLeft
    } else {
        SecurityEventKind::OrganizationMemberRemoved
    };
    let mut ended = 0;
    for row in rows {
        if memberships::repo::end_memberships(
            conn,
            std::slice::from_ref(&row.id),
            reason.as_str(),
            now,
        )? == 0
        {
            continue;
        }
        ended += 1;
        outbox::publish(
            conn,
            &MemberLeft {
                organization_id: row.organization_id,
                user_id: row.user_id,
                membership_id: row.id,
                reason: reason.as_str(),
                at: rfc3339(now),
            },
        )?;
        security_events::repo::insert_security_event(
            conn,
            &SecurityEventRow {
                actor_id: actor_id.copied(),
                detail: Some(format!("{}: {}", row.organization_id, reason.as_str())),
                ..security_event(kind, Some(row.user_id), None, now)
            },
        )?;
    }
    Ok(ended)
}

/// Ends the member's active membership because their account is being erased
/// (`account_erased`), on the erasure's transaction; whether there was one. Idempotent.
pub(crate) fn end_membership_on_erasure(
    conn: &mut haven_platform::AnyConnection,
    user_id: &UserId,
    now: NaiveDateTime,
) -> diesel::QueryResult<bool> {
    match memberships::repo::active_membership_of_user(conn, user_id)? {
        Some(m) => Ok(end_and_announce(conn, &[m], EndReason::AccountErased, None, now)? > 0),
        None => Ok(false),
    }
}

/// Counts `n` security events of `kind` in the metric.
pub(crate) fn count_n(kind: SecurityEventKind, n: usize) {
    for _ in 0..n {
        count(kind);
    }
}

impl IdentityService {
    /// Creates an organization (an admin's action, audited with their id).
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, organization_id))]
    pub async fn create_organization(
        &self,
        admin_id: &UserId,
        input: NewOrganization,
    ) -> Result<Organization, CreateOrganizationError> {
        let mut problems = Vec::new();
        let name = clean_name(&input.name, &mut problems);
        let domains = clean_domains(&input.allowed_domains, &mut problems);
        if !problems.is_empty() {
            return Err(invalid(problems).into());
        }
        let id = OrganizationId::new();
        tracing::Span::current().record("organization_id", tracing::field::display(&id));
        let now = now_utc();
        let row = OrganizationRow {
            id,
            name,
            eligibility_entries: 0,
            eligibility_uploaded_at: None,
            created_at: now,
            updated_at: now,
        };
        let admin = *admin_id;
        let organization = self
            .db
            .write(move |conn| {
                repo::insert_organization(conn, &row)?;
                insert_domains(
                    conn,
                    &row.id,
                    &domains,
                    CreateOrganizationError::DomainTaken,
                )?;
                security_events::repo::insert_security_event(
                    conn,
                    &admin_event(
                        SecurityEventKind::OrganizationCreated,
                        &admin,
                        row.id.to_string(),
                        now,
                    ),
                )?;
                load_organization(conn, &row.id)?.ok_or(CreateOrganizationError::from(
                    Unexpected::invariant("the organization just created is missing"),
                ))
            })
            .await?;
        count(SecurityEventKind::OrganizationCreated);
        tracing::info!("organization created");
        Ok(organization)
    }

    /// Organizations in creation order: up to `fetch` after the keyset position `after`.
    #[tracing::instrument(skip_all)]
    pub async fn list_organizations(
        &self,
        after: Option<OrganizationId>,
        fetch: i64,
    ) -> Result<Vec<Organization>, Fault> {
        // A listing may lag the primary by the replica's delay.
        self.db
            .read(move |conn| {
                let rows = repo::list_organizations(conn, after, fetch)?;
                let ids: Vec<OrganizationId> = rows.iter().map(|r| r.id).collect();
                let mut domains: HashMap<OrganizationId, Vec<String>> = HashMap::new();
                for (org, domain) in repo::domains_of(conn, &ids)? {
                    domains.entry(org).or_default().push(domain);
                }
                Ok(rows
                    .into_iter()
                    .map(|r| {
                        let d = domains.remove(&r.id).unwrap_or_default();
                        organization_from(r, d)
                    })
                    .collect())
            })
            .await
    }

    /// One organization.
    #[tracing::instrument(skip_all, fields(organization_id = %id))]
    pub async fn organization(
        &self,
        id: &OrganizationId,
    ) -> Result<Organization, OrganizationReadError> {
        let id = *id;
        // On the primary: an admin reads the organization right after changing it.
        self.db
            .read_primary(move |conn| {
                load_organization(conn, &id)?.ok_or(OrganizationReadError::NotFound)
            })
            .await
    }

    /// Renames the organization and/or replaces its allowed domains. Members who joined
    /// through a domain that is no longer allowed lose their membership
    /// (`domain_removed`), in the same transaction.
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, organization_id = %id))]
    pub async fn update_organization(
        &self,
        admin_id: &UserId,
        id: &OrganizationId,
        patch: OrganizationPatch,
    ) -> Result<Organization, UpdateOrganizationError> {
        let mut problems = Vec::new();
        let name = patch.name.map(|n| clean_name(&n, &mut problems));
        let domains = patch
            .allowed_domains
            .map(|d| clean_domains(&d, &mut problems));
        if !problems.is_empty() {
            return Err(invalid(problems).into());
        }
        let (id, admin) = (*id, *admin_id);
        let now = now_utc();
        let (organization, ended) = self
            .db
            .write(move |conn| {
                if !repo::lock_organization(conn, &id)? {
                    return Err(UpdateOrganizationError::NotFound);
                }
                repo::update_organization(conn, &id, name.as_deref(), now)?;
                let mut ended = 0;
                if let Some(domains) = &domains {
                    repo::delete_domains(conn, &id)?;
                    insert_domains(conn, &id, domains, UpdateOrganizationError::DomainTaken)?;
                    let allowed: HashSet<&str> = domains.iter().map(String::as_str).collect();
                    let gone: Vec<MembershipRow> = memberships::repo::active_memberships_via(
                        conn,
                        &id,
                        &[JoinedVia::EmailDomain.as_str()],
                    )?
                    .into_iter()
                    .filter(|(_, email)| {
                        EmailDomain::of_email(email).is_none_or(|d| !allowed.contains(d.as_str()))
                    })
                    .map(|(m, _)| m)
                    .collect();
                    ended =
                        end_and_announce(conn, &gone, EndReason::DomainRemoved, Some(&admin), now)?;
                }
                security_events::repo::insert_security_event(
                    conn,
                    &admin_event(
                        SecurityEventKind::OrganizationUpdated,
                        &admin,
                        id.to_string(),
                        now,
                    ),
                )?;
                Ok((
                    load_organization(conn, &id)?.ok_or(UpdateOrganizationError::NotFound)?,
                    ended,
                ))
            })
            .await?;
        count(SecurityEventKind::OrganizationUpdated);
        count_n(SecurityEventKind::OrganizationMemberRemoved, ended);
        tracing::info!(memberships_ended = ended, "organization updated");
        Ok(organization)
    }

    /// The organization's active members in join order: up to `fetch` after `after`.
    #[tracing::instrument(skip_all, fields(organization_id = %id))]
    pub async fn list_members(
        &self,
        id: &OrganizationId,
        after: Option<MembershipId>,
        fetch: i64,
    ) -> Result<Vec<Membership>, OrganizationReadError> {
        let id = *id;
        // A listing may lag the primary by the replica's delay.
        self.db
            .read(move |conn| {
                let org =
                    repo::find_organization(conn, &id)?.ok_or(OrganizationReadError::NotFound)?;
                let members = memberships::repo::list_active_members(conn, &id, after, fetch)?
                    .into_iter()
                    .map(|(m, email)| membership_from(m, org.name.clone(), email))
                    .collect::<Result<_, _>>()?;
                Ok::<_, OrganizationReadError>(members)
            })
            .await
    }

    /// Ends the member's active membership in the organization (`removed_by_admin`).
    #[tracing::instrument(skip_all, fields(admin_id = %admin_id, organization_id = %id, user_id = %user_id))]
    pub async fn remove_member(
        &self,
        admin_id: &UserId,
        id: &OrganizationId,
        user_id: &UserId,
    ) -> Result<(), RemoveMemberError> {
        let (id, user, admin) = (*id, *user_id, *admin_id);
        let now = now_utc();
        self.db
            .write(move |conn| {
                if !repo::lock_organization(conn, &id)? {
                    return Err(RemoveMemberError::OrganizationNotFound);
                }
                let membership = memberships::repo::active_membership_of_user(conn, &user)?
                    .filter(|m| m.organization_id == id)
                    .ok_or(RemoveMemberError::NotAMember)?;
                end_and_announce(
                    conn,
                    &[membership],
                    EndReason::RemovedByAdmin,
                    Some(&admin),
                    now,
                )?;
                Ok::<_, RemoveMemberError>(())
            })
            .await?;
        count(SecurityEventKind::OrganizationMemberRemoved);
        tracing::info!("organization member removed");
        Ok(())
    }
}
