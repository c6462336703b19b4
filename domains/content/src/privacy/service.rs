//! Export and erasure of what content keeps about a person: as a member, their playback
//! history, active days and the streak they add up to, course progress and favorites
//! (erasure deletes them); as an editor, the revisions they made (erasure cuts their id
//! from those: the history is the catalog's, not theirs).

use haven_platform::ids::UserId;
use haven_platform::privacy::{Erasure, UserData};
use serde_json::json;

use crate::courses::repo as courses_repo;
use crate::favorites::repo as favorites_repo;
use crate::items::repo as items_repo;
use crate::playback::repo as playback_repo;
use crate::service::{ContentService, utc};
use haven_platform::Fault;
use haven_platform::http::timestamp::format_utc;

impl ContentService {
    /// Everything content keeps about `user`, as JSON.
    pub async fn export_user(&self, user: &UserId) -> Result<UserData, Fault> {
        let uid = *user;
        let (revisions, course_revisions, events, days, progress, favorites) = self
            .db
            .read_primary(move |conn| {
                Ok::<_, Fault>((
                    items_repo::revisions_by(conn, &uid)?,
                    courses_repo::revisions_by(conn, &uid)?,
                    playback_repo::all_events(conn, &uid)?,
                    playback_repo::active_days(conn, &uid)?,
                    playback_repo::course_progress(conn, &uid, None)?,
                    favorites_repo::all(conn, &uid)?,
                ))
            })
            .await?;
        let at = |t| format_utc(&utc(t));
        let mut edits: Vec<_> = revisions
            .into_iter()
            .map(|r| {
                json!({
                    "item_id": r.item_id,
                    "revision": r.revision,
                    "action": r.action,
                    "at": at(r.created_at),
                })
            })
            .collect();
        edits.extend(course_revisions.into_iter().map(|r| {
            json!({
                "course_id": r.course_id,
                "revision": r.revision,
                "action": r.action,
                "at": at(r.created_at),
            })
        }));
        let streak = if days.is_empty() {
            serde_json::Value::Null
        } else {
            let s = self
                .streak(user, None)
                .await
                .map_err(|e| haven_platform::Unexpected::new("streak for export", e.to_string()))?;
            json!({
                "current": s.streak.current,
                "longest": s.streak.longest,
                "freezes_banked": s.streak.freezes_banked,
                "frozen_days": s.streak.frozen_days.iter().map(|d| crate::days::format_day(*d)).collect::<Vec<_>>(),
            })
        };
        Ok(UserData::Exported(json!({
            "editorial_revisions": edits,
            "playback_events": events.into_iter().map(|e| json!({
                "event_id": e.event_id,
                "type": e.kind,
                "item_id": e.item_id,
                "course_id": e.course_id,
                "duration_s": e.duration_s,
                "position_s": e.position_s,
                "occurred_at": at(e.occurred_at),
                "time_zone": e.time_zone,
                "local_day": e.local_day,
            })).collect::<Vec<_>>(),
            "active_days": days.into_iter().map(|d| json!({"day": d.day, "time_zone": d.time_zone})).collect::<Vec<_>>(),
            "streak": streak,
            "course_progress": progress.into_iter().map(|p| json!({
                "course_id": p.course_id,
                "item_id": p.item_id,
                "completed_at": at(p.completed_at),
            })).collect::<Vec<_>>(),
            "favorites": favorites.into_iter().map(|f| json!({
                "kind": f.target_kind,
                "id": f.target_id,
                "created_at": at(f.created_at),
            })).collect::<Vec<_>>(),
        })))
    }

    /// Deletes or pseudonymizes everything content keeps about `user`. Idempotent.
    pub async fn erase_user(&self, user: &UserId) -> Result<Erasure, Fault> {
        let user = *user;
        self.db
            .write(move |conn| {
                items_repo::forget_actor(conn, &user)?;
                courses_repo::forget_actor(conn, &user)?;
                playback_repo::erase(conn, &user)?;
                favorites_repo::erase(conn, &user)?;
                Ok::<_, Fault>(())
            })
            .await?;
        Ok(Erasure::Erased)
    }
}
