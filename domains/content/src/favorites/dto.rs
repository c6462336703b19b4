//! Wire type of a favorite.

use haven_platform::http::timestamp::Timestamp;
use poem_openapi::{Enum, Object};

use super::repo::FavoriteRow;
use super::service::Target;
use crate::courses::model::CourseId;
use crate::items::model::ItemId;

/// What a favorite points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentFavoriteKind", rename_all = "snake_case")]
pub enum FavoriteKindDto {
    /// A catalog item.
    Item,
    /// A course.
    Course,
}

/// One favorite.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentFavorite")]
pub struct FavoriteDto {
    /// Item or course.
    pub kind: FavoriteKindDto,
    /// The item (with `item`).
    pub item_id: Option<ItemId>,
    /// The course (with `course`).
    pub course_id: Option<CourseId>,
    /// When it became a favorite.
    pub created_at: Timestamp,
}

impl FavoriteDto {
    /// From a stored row; `None` for a malformed one.
    pub fn from_row(row: &FavoriteRow) -> Option<Self> {
        let (kind, item_id, course_id) = match Target::from_row(row)? {
            Target::Item(id) => (FavoriteKindDto::Item, Some(id), None),
            Target::Course(id) => (FavoriteKindDto::Course, None, Some(id)),
        };
        Some(Self {
            kind,
            item_id,
            course_id,
            created_at: row.created_at.into(),
        })
    }
}
