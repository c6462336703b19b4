//! Media objects: which uploaded object is an item's image or a variant's audio.

use chrono::NaiveDateTime;

use crate::items::model::ItemId;

haven_platform::define_id!(
    /// An uploaded media object (`med_…`).
    MediaId,
    "med"
);

/// What an object is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The item's image.
    Image,
    /// The audio of the variant of this length.
    Audio(u32),
}

impl Slot {
    /// The stored name: `image` or `audio:<duration_s>`.
    pub fn as_string(self) -> String {
        match self {
            Slot::Image => "image".to_owned(),
            Slot::Audio(d) => format!("audio:{d}"),
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "image" => Some(Slot::Image),
            _ => s.strip_prefix("audio:")?.parse().ok().map(Slot::Audio),
        }
    }
}

/// A stored media object.
#[derive(Debug, Clone)]
pub struct Media {
    /// The id.
    pub id: MediaId,
    /// The item it belongs to.
    pub item_id: ItemId,
    /// What it is for.
    pub slot: Slot,
    /// Its key in the media storage.
    pub storage_key: String,
    /// The sniffed MIME type.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// When it was uploaded.
    pub created_at: NaiveDateTime,
}

/// The key of a new object: per item, named by its id (a replacement never overwrites
/// the object a signed URL names).
pub fn storage_key(item: &ItemId, id: &MediaId, ext: &str) -> String {
    format!("items/{item}/{id}.{ext}")
}
