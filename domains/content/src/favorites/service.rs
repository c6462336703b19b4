//! Favorites: put only what members can see (published), delete anything.

use haven_platform::ids::UserId;
use haven_platform::time::now_utc;

use super::error::FavoriteError;
use super::repo::{self, FavoriteRow};
use crate::courses::model::CourseId;
use crate::items::model::ItemId;
use crate::service::ContentService;

/// What a favorite points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An item.
    Item(ItemId),
    /// A course.
    Course(CourseId),
}

impl Target {
    /// The stored `(target_id, target_kind)`.
    fn stored(self) -> (String, &'static str) {
        match self {
            Self::Item(id) => (id.to_string(), "item"),
            Self::Course(id) => (id.to_string(), "course"),
        }
    }

    /// From a stored row, `None` for a malformed one.
    pub fn from_row(row: &FavoriteRow) -> Option<Self> {
        match row.target_kind.as_str() {
            "item" => row.target_id.parse().ok().map(Self::Item),
            "course" => row.target_id.parse().ok().map(Self::Course),
            _ => None,
        }
    }
}

impl ContentService {
    /// Adds a favorite (idempotent); `404` unless it is published now.
    pub async fn put_favorite(&self, user: &UserId, target: Target) -> Result<(), FavoriteError> {
        let snap = self.snapshot::<FavoriteError>().await?;
        let visible = match target {
            Target::Item(id) => snap.item(&id).is_some(),
            Target::Course(id) => snap.course(&id).is_some(),
        };
        if !visible {
            return Err(FavoriteError::NotFound);
        }
        let (target_id, kind) = target.stored();
        let row = FavoriteRow {
            user_id: *user,
            target_id,
            target_kind: kind.to_owned(),
            created_at: now_utc(),
        };
        self.db
            .write(move |conn| Ok::<_, FavoriteError>(repo::put(conn, &row)?))
            .await
    }

    /// Removes a favorite (idempotent: absent is fine).
    pub async fn delete_favorite(
        &self,
        user: &UserId,
        target: Target,
    ) -> Result<(), FavoriteError> {
        let user = *user;
        let (target_id, _) = target.stored();
        self.db
            .write(move |conn| Ok::<_, FavoriteError>(repo::delete(conn, &user, &target_id)?))
            .await
    }

    /// A page of favorites in id order.
    pub async fn favorites(
        &self,
        user: &UserId,
        after: Option<String>,
        limit: i64,
    ) -> Result<Vec<FavoriteRow>, FavoriteError> {
        let user = *user;
        self.db
            .read_primary(move |conn| {
                Ok::<_, FavoriteError>(repo::page(conn, &user, after, limit)?)
            })
            .await
    }
}
