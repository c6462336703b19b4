//! Export and erasure of what care keeps about a member.
//!
//! Erasure deletes the care profile (location, languages, emergency contact) and the
//! care team, cancels future appointments (their units go back to the ledger), deletes
//! cancelled and pending ones, and keeps the sessions that were held or missed, the
//! assessments and their escalation tasks (clinical records a clinician may have acted
//! on) with the member's id replaced by a fresh pseudonym. The PHI audit log is
//! append-only and keeps its rows unchanged: they hold ids only, and the account id is
//! itself a pseudonym once identity erased the account. See the README ("Care: what
//! erasure keeps") for why.
//!
//! Chat: a thread with a clinician is part of the clinical record and is kept whole, the
//! member's id replaced by the pseudonym (as assessments are). Coaching is not clinical
//! care, so in a thread with a coach the member's own messages are deleted; the coach's
//! messages are kept under the pseudonym, because they are the coach's professional
//! record of the advice Haven's staff gave (complaints, quality review) and no longer
//! lead back to the person.
//!
//! Clinical notes are clinical records (a practice must keep them for years), so erasure
//! keeps them, signed and draft, encrypted as they are, with the member's id replaced by
//! the pseudonym; the database lets exactly this change through to a signed note. The
//! export includes the notes the member may read: signed notes with their amendments,
//! where `care.notes.member_access` allows.

use diesel::prelude::*;
use haven_platform::DbError;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use serde_json::json;

use crate::appointments::repo as appointments;
use crate::assessments::repo as assessments;
use crate::audit::model::{Access, Action, Actor, Resource};
use crate::audit::repo as audit;
use crate::escalations::repo as escalations;
use crate::profiles::repo as profiles;
use crate::schema::{
    care_appointments, care_assessments, care_clinical_notes, care_escalations, care_team_members,
};
use crate::service::CareService;

/// The health data an export or erasure touches, one audit row per kind (written by
/// Haven on the member's behalf, in the same transaction).
const KINDS: [Resource; 7] = [
    Resource::CareProfile,
    Resource::Appointment,
    Resource::Assessment,
    Resource::Escalation,
    Resource::ChatThread,
    Resource::ChatMessage,
    Resource::ClinicalNote,
];

fn audit_rows(member: UserId, action: Action) -> Vec<Access> {
    KINDS
        .iter()
        .map(|r| Access::new(Actor::system(member), Some(member), *r, None, action))
        .collect()
}

impl CareService {
    /// Everything care keeps about the member, as JSON.
    pub async fn export_member(&self, member: &UserId) -> anyhow::Result<serde_json::Value> {
        let member = *member;
        let exported = audit_rows(member, Action::Export);
        let (keys, with_notes) = (self.note_keys.clone(), self.settings.notes.member_access);
        let (profile, appts, team, taken, tasks, chat, notes) = self
            .db
            .write(move |conn| {
                audit::record_all(conn, &exported)?;
                let notes = if with_notes {
                    crate::notes::repo::all_of_member(conn, &member, true)?
                } else {
                    Vec::new()
                };
                Ok::<_, DbError>((
                    profiles::find(conn, &member)?,
                    appointments::all_of_member(conn, &member)?,
                    appointments::team(conn, &member)?,
                    assessments::all_of_member(conn, &member)?,
                    escalations::all_of_member(conn, &member)?,
                    crate::chat::repo::export(conn, &member)?,
                    notes,
                ))
            })
            .await?;
        let notes = notes
            .into_iter()
            .map(|n| {
                let body = keys.open(&n.id, &n.sealed())?;
                Ok(json!({
                    "id": n.id.to_string(),
                    "appointment_id": n.appointment_id.to_string(),
                    "author_id": n.author_user_id.to_string(),
                    "amends_id": n.amends_id.map(|a| a.to_string()),
                    "body": body,
                    "signed_at": n.signed_at.map(|t| t.and_utc().to_rfc3339()),
                }))
            })
            .collect::<Result<Vec<_>, crate::notes::crypto::CryptoError>>()?;
        let taken: Vec<_> = taken
            .into_iter()
            .map(|a| {
                json!({
                    "id": a.id.to_string(),
                    "instrument": a.instrument,
                    "instrument_version": a.instrument_version,
                    "answers": a.answer_list(),
                    "total": a.total,
                    "severity": a.severity,
                    "escalated": a.escalated,
                    "created_at": a.created_at.and_utc().to_rfc3339(),
                })
            })
            .collect();
        let tasks: Vec<_> = tasks
            .into_iter()
            .map(|e| {
                json!({
                    "id": e.id.to_string(),
                    "assessment_id": e.assessment_id.to_string(),
                    "reasons": e.reason_list(),
                    "status": e.status,
                    "created_at": e.created_at.and_utc().to_rfc3339(),
                    "resolved_at": e.resolved_at.map(|t| t.and_utc().to_rfc3339()),
                })
            })
            .collect();
        let appts: Vec<_> = appts
            .into_iter()
            .map(|a| {
                json!({
                    "id": a.id.to_string(),
                    "provider_id": a.provider_id.to_string(),
                    "appointment_type": a.appointment_type,
                    "status": a.status,
                    "starts_at": a.starts_at.and_utc().to_rfc3339(),
                    "ends_at": a.ends_at.and_utc().to_rfc3339(),
                    "cancelled_by": a.cancelled_by,
                    "strike": a.strike_at.is_some(),
                    "rescheduled_from": a.rescheduled_from.map(|x| x.to_string()),
                })
            })
            .collect();
        let team: Vec<_> = team
            .into_iter()
            .map(|(p, since)| json!({"provider_id": p.to_string(), "since": since.and_utc().to_rfc3339()}))
            .collect();
        Ok(json!({
            "care_profile": profile.map(|p| json!({
                "country": p.country,
                "us_state": p.us_state,
                "languages": p.language_list(),
                "time_zone": p.time_zone,
                "emergency_contact": p.emergency_name.as_ref().map(|_| json!({
                    "name": p.emergency_name,
                    "phone": p.emergency_phone,
                    "relationship": p.emergency_relationship,
                })),
            })),
            "appointments": appts,
            "care_team": team,
            "assessments": taken,
            "escalations": tasks,
            "chat_threads": chat,
            "clinical_notes": notes,
        }))
    }

    /// Erases the member from care (idempotent: a rerun finds nothing under their id).
    pub async fn erase_member(&self, member: &UserId) -> anyhow::Result<()> {
        let member = *member;
        let now = now_utc();
        let erased = audit_rows(member, Action::Erase);
        let releases = self
            .db
            .write(move |conn| {
                use care_appointments as a;
                audit::record_all(conn, &erased)?;
                profiles::delete(conn, &member)?;
                diesel::delete(
                    care_team_members::table.filter(care_team_members::member_id.eq(member)),
                )
                .execute(conn)?;
                // Future sessions are cancelled; their units go back (a job guarantees it).
                let future: Vec<(String, Option<String>, Option<String>)> = a::table
                    .filter(a::member_id.eq(member))
                    .filter(a::status.eq_any(["booked", "pending"]))
                    .filter(a::starts_at.gt(now))
                    .select((a::id, a::unit_feature, a::unit_reference))
                    .load(conn)?;
                let mut releases = Vec::new();
                for (_, feature, reference) in future {
                    if let (Some(f), Some(r)) = (feature, reference)
                        && let Some(b) = crate::ports::Benefit::parse(&f)
                    {
                        crate::appointments::jobs::enqueue_release(conn, &member, b, &r)?;
                        releases.push((b, r));
                    }
                }
                // An appointment with clinical notes stays (pseudonymized below) whatever
                // its status: the notes are kept and name it.
                let noted = care_clinical_notes::table
                    .filter(care_clinical_notes::appointment_id.eq(a::id));
                diesel::delete(
                    a::table
                        .filter(a::member_id.eq(member))
                        .filter(
                            a::status
                                .eq_any(["cancelled", "rescheduled", "pending"])
                                .or(a::status.eq("booked").and(a::starts_at.gt(now))),
                        )
                        .filter(diesel::dsl::not(diesel::dsl::exists(noted))),
                )
                .execute(conn)?;
                // What remains was held or missed: kept, cut from the person.
                let pseudonym = UserId::new();
                diesel::update(a::table.filter(a::member_id.eq(member)))
                    .set((a::member_id.eq(pseudonym), a::updated_at.eq(now)))
                    .execute(conn)?;
                diesel::update(
                    care_escalations::table.filter(care_escalations::member_id.eq(member)),
                )
                .set((
                    care_escalations::member_id.eq(pseudonym),
                    care_escalations::updated_at.eq(now),
                ))
                .execute(conn)?;
                diesel::update(
                    care_assessments::table.filter(care_assessments::member_id.eq(member)),
                )
                .set(care_assessments::member_id.eq(pseudonym))
                .execute(conn)?;
                crate::chat::repo::erase(conn, &member, &pseudonym)?;
                crate::notes::repo::pseudonymize(conn, &member, &pseudonym)?;
                Ok::<_, DbError>(releases)
            })
            .await?;
        for (benefit, reference) in releases {
            self.release_unit(&member, benefit, &reference).await;
        }
        Ok(())
    }
}
