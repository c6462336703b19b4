//! Catalog items as editors shape them: the document (kind, categories, tags, texts per
//! locale, duration variants), its status and schedule, and the revision history.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use haven_platform::ids::UserId;
use serde::{Deserialize, Serialize};

use crate::locale::Locale;
use crate::narrators::model::NarratorId;

haven_platform::define_id!(
    /// A catalog item (`itm_…`).
    ItemId,
    "itm"
);

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A guided meditation.
    Meditation,
    /// A sleep story.
    Sleepcast,
    /// An ambient soundscape.
    Soundscape,
    /// Music.
    Music,
    /// Guided movement.
    Movement,
    /// A short exercise (breathing, grounding).
    Exercise,
    /// An evening wind-down.
    WindDown,
}

impl Kind {
    /// Every kind, in documentation order.
    pub const ALL: [Kind; 7] = [
        Kind::Meditation,
        Kind::Sleepcast,
        Kind::Soundscape,
        Kind::Music,
        Kind::Movement,
        Kind::Exercise,
        Kind::WindDown,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Meditation => "meditation",
            Kind::Sleepcast => "sleepcast",
            Kind::Soundscape => "soundscape",
            Kind::Music => "music",
            Kind::Movement => "movement",
            Kind::Exercise => "exercise",
            Kind::WindDown => "wind_down",
        }
    }
}

/// An item's text in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemText {
    /// Title.
    pub title: String,
    /// Optional subtitle.
    pub subtitle: Option<String>,
    /// Description.
    pub description: String,
}

/// One duration variant: its own recording, narrator and tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// Length in whole seconds; unique within the item (it names the variant).
    pub duration_s: u32,
    /// Who narrates it (none for music and soundscapes).
    pub narrator_id: Option<NarratorId>,
    /// Playable only with the `content.premium` entitlement.
    pub premium: bool,
}

/// The editable document of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDocument {
    /// What it is.
    pub kind: Kind,
    /// Categories (`sleep`, `stress`, `focus`, …), sorted.
    pub categories: Vec<String>,
    /// Free tags, sorted.
    pub tags: Vec<String>,
    /// Texts per locale.
    pub texts: BTreeMap<Locale, ItemText>,
    /// Duration variants, shortest first.
    pub variants: Vec<Variant>,
}

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Not visible to members (never published, or unpublished).
    Draft,
    /// Visible to members in its published locales.
    Published,
    /// Retired: hidden and no longer editable.
    Archived,
}

impl Status {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    /// From the stored name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Status::Draft),
            "published" => Some(Status::Published),
            "archived" => Some(Status::Archived),
            _ => None,
        }
    }
}

/// A pending scheduled publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// The locales it publishes (`None`: every locale of the draft).
    pub locales: Option<Vec<Locale>>,
}

/// An item as editors see it.
#[derive(Debug, Clone)]
pub struct Item {
    /// The id.
    pub id: ItemId,
    /// Its status.
    pub status: Status,
    /// Its revision (the ETag).
    pub revision: i64,
    /// The draft.
    pub draft: ItemDocument,
    /// What members see while published.
    pub published: Option<ItemDocument>,
    /// When it was first published.
    pub first_published_at: Option<DateTime<Utc>>,
    /// When it was last published.
    pub published_at: Option<DateTime<Utc>>,
    /// A pending scheduled publish.
    pub schedule: Option<Schedule>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// What happened in a revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The item was created.
    Created,
    /// The draft was replaced.
    Edited,
    /// Published (some or all locales).
    Published,
    /// Taken off the catalog.
    Unpublished,
    /// Retired.
    Archived,
    /// A publish was scheduled.
    Scheduled,
}

impl Action {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Created => "created",
            Action::Edited => "edited",
            Action::Published => "published",
            Action::Unpublished => "unpublished",
            Action::Archived => "archived",
            Action::Scheduled => "scheduled",
        }
    }
}

/// One entry of an item's history.
#[derive(Debug, Clone)]
pub struct RevisionEntry {
    /// The revision it produced.
    pub revision: i64,
    /// What happened (the stored name).
    pub action: String,
    /// The draft after it.
    pub document: ItemDocument,
    /// The locales live after a publish.
    pub published_locales: Option<Vec<Locale>>,
    /// Who did it (`None`: the scheduler, or an erased editor).
    pub actor_id: Option<UserId>,
    /// When.
    pub at: DateTime<Utc>,
}

/// The document members see after publishing `locales` (all of the draft's when `None`)
/// of `draft` over what was published before: the draft's structure, the listed locales'
/// texts from the draft, the other locales' texts as they were published.
pub fn merge_published(
    draft: &ItemDocument,
    before: Option<&ItemDocument>,
    locales: Option<&[Locale]>,
) -> ItemDocument {
    let mut texts = before.map(|b| b.texts.clone()).unwrap_or_default();
    for (locale, text) in &draft.texts {
        if locales.is_none_or(|ls| ls.contains(locale)) {
            texts.insert(locale.clone(), text.clone());
        }
    }
    // A locale the draft no longer has is withdrawn with the next publish.
    texts.retain(|l, _| draft.texts.contains_key(l));
    ItemDocument {
        texts,
        ..draft.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> ItemText {
        ItemText {
            title: t.to_owned(),
            subtitle: None,
            description: String::new(),
        }
    }

    fn doc(texts: &[(&str, &str)]) -> ItemDocument {
        ItemDocument {
            kind: Kind::Meditation,
            categories: vec![],
            tags: vec![],
            texts: texts
                .iter()
                .map(|(l, t)| (Locale::parse(l).unwrap(), text(t)))
                .collect(),
            variants: vec![],
        }
    }

    #[test]
    fn a_translation_goes_live_without_pending_edits_of_other_locales() {
        let live = doc(&[("en", "Calm")]);
        let draft = doc(&[("en", "Calm v2"), ("es", "Calma")]);
        let es = [Locale::parse("es").unwrap()];
        let merged = merge_published(&draft, Some(&live), Some(&es));
        assert_eq!(merged, doc(&[("en", "Calm"), ("es", "Calma")]));
        assert_eq!(merge_published(&draft, Some(&live), None), draft);
    }
}
