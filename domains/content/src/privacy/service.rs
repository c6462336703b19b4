//! Export and erasure of what content keeps about a person. Today: the revisions they
//! made as an editor (the item history names its editor). Erasure cuts their id from
//! those revisions (the history itself stays: it is the catalog's, not theirs).

use haven_platform::ids::UserId;
use haven_platform::privacy::{Erasure, UserData};
use serde_json::json;

use crate::items::repo as items_repo;
use crate::service::{ContentService, utc};
use haven_platform::Fault;

impl ContentService {
    /// Everything content keeps about `user`, as JSON.
    pub async fn export_user(&self, user: &UserId) -> Result<UserData, Fault> {
        let user = *user;
        let revisions = self
            .db
            .read_primary(move |conn| Ok::<_, Fault>(items_repo::revisions_by(conn, &user)?))
            .await?;
        let edits: Vec<_> = revisions
            .into_iter()
            .map(|r| {
                json!({
                    "item_id": r.item_id,
                    "revision": r.revision,
                    "action": r.action,
                    "at": haven_platform::http::timestamp::format_utc(&utc(r.created_at)),
                })
            })
            .collect();
        Ok(UserData::Exported(json!({ "editorial_revisions": edits })))
    }

    /// Deletes or pseudonymizes everything content keeps about `user`. Idempotent.
    pub async fn erase_user(&self, user: &UserId) -> Result<Erasure, Fault> {
        let user = *user;
        self.db
            .write(move |conn| {
                items_repo::forget_actor(conn, &user)?;
                Ok::<_, Fault>(())
            })
            .await?;
        Ok(Erasure::Erased)
    }
}
