//! Wire types of publishing (editors' side).

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::{Enum, Object};

use super::model::{Item, ItemDocument, ItemText, Kind, RevisionEntry, Status, Variant};
use super::service::{ItemInput, PublishInput, TextInput};
use crate::locale::Locale;
use crate::narrators::model::NarratorId;
use crate::rules;

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentKind", rename_all = "snake_case")]
pub enum KindDto {
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

impl From<KindDto> for Kind {
    fn from(k: KindDto) -> Self {
        match k {
            KindDto::Meditation => Kind::Meditation,
            KindDto::Sleepcast => Kind::Sleepcast,
            KindDto::Soundscape => Kind::Soundscape,
            KindDto::Music => Kind::Music,
            KindDto::Movement => Kind::Movement,
            KindDto::Exercise => Kind::Exercise,
            KindDto::WindDown => Kind::WindDown,
        }
    }
}

impl From<Kind> for KindDto {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Meditation => KindDto::Meditation,
            Kind::Sleepcast => KindDto::Sleepcast,
            Kind::Soundscape => KindDto::Soundscape,
            Kind::Music => KindDto::Music,
            Kind::Movement => KindDto::Movement,
            Kind::Exercise => KindDto::Exercise,
            Kind::WindDown => KindDto::WindDown,
        }
    }
}

/// An item's text in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentItemTextInput", deny_unknown_fields)]
pub struct ItemTextInput {
    /// BCP 47 tag `language[-Script][-REGION]`, one text per locale (tags compare
    /// case-insensitively).
    pub locale: Text<rules::LocaleTag>,
    /// Title, 1–120 characters.
    pub title: Text<rules::Title>,
    /// Subtitle, at most 200 characters.
    pub subtitle: Option<Text<rules::Subtitle>>,
    /// Description, at most 4000 characters.
    pub description: Text<rules::Description>,
}

/// A duration variant.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentVariantInput", deny_unknown_fields)]
pub struct VariantInput {
    /// Length in whole seconds, 30–14400; one variant per duration.
    #[oai(validator(minimum(value = "30"), maximum(value = "14400")))]
    pub duration_s: u32,
    /// The narrator; absent for music and soundscapes. Must exist.
    pub narrator_id: Option<NarratorId>,
    /// Playable only by members entitled to premium content.
    #[oai(default)]
    pub premium: bool,
}

/// An item's whole draft (`POST` creates it, `PUT` replaces it).
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentItemDraftInput", deny_unknown_fields)]
pub struct ItemDraftInput {
    /// What it is.
    pub kind: KindDto,
    /// Categories (`sleep`, `stress`, `focus`, …): distinct lower-case slugs, at most 20.
    #[oai(default = "no_labels")]
    pub categories: List<Text<rules::Slug>, rules::Labels>,
    /// Free tags: distinct lower-case slugs, at most 20.
    #[oai(default = "no_labels")]
    pub tags: List<Text<rules::Slug>, rules::Labels>,
    /// Texts, one per locale, 1–20. Publishing needs the catalog's default locale.
    pub texts: List<ItemTextInput, rules::Texts>,
    /// Duration variants, 1–10, distinct durations.
    pub variants: List<VariantInput, rules::Variants>,
}

fn no_labels() -> List<Text<rules::Slug>, rules::Labels> {
    List::new(Vec::new())
}

impl From<ItemDraftInput> for ItemInput {
    fn from(b: ItemDraftInput) -> Self {
        Self {
            kind: b.kind.into(),
            categories: b.categories.into_strings(),
            tags: b.tags.into_strings(),
            texts: b
                .texts
                .into_inner()
                .into_iter()
                .map(|t| TextInput {
                    locale: t.locale.into_inner(),
                    title: t.title.into_inner(),
                    subtitle: t.subtitle.map(Text::into_inner),
                    description: t.description.into_inner(),
                })
                .collect(),
            variants: b
                .variants
                .into_inner()
                .into_iter()
                .map(|v| Variant {
                    duration_s: v.duration_s,
                    narrator_id: v.narrator_id,
                    premium: v.premium,
                })
                .collect(),
        }
    }
}

/// Body of a publish.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentPublishRequest", deny_unknown_fields)]
pub struct PublishRequest {
    /// The locales whose texts go live (each must be in the draft); absent: every
    /// locale of the draft. Other locales keep what was published before.
    pub locales: Option<List<Text<rules::LocaleTag>, rules::LocaleList>>,
    /// Publish at this UTC instant instead of now (a scheduled publish, run once by
    /// whichever node claims it); absent or past: now.
    pub at: Option<Timestamp>,
}

impl From<PublishRequest> for PublishInput {
    fn from(b: PublishRequest) -> Self {
        Self {
            locales: b.locales.map(List::into_strings),
            at: b.at.map(Into::into),
        }
    }
}

/// An item's text in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentItemText")]
pub struct ItemTextDto {
    /// The locale.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Description.
    pub description: String,
}

impl ItemTextDto {
    /// From a locale and its text.
    pub fn new(locale: &Locale, t: &ItemText) -> Self {
        Self {
            locale: locale.to_string(),
            title: t.title.clone(),
            subtitle: t.subtitle.clone(),
            description: t.description.clone(),
        }
    }
}

/// A duration variant.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentVariant")]
pub struct VariantDto {
    /// Length in whole seconds (names the variant).
    pub duration_s: u32,
    /// The narrator.
    pub narrator_id: Option<NarratorId>,
    /// Premium tier.
    pub premium: bool,
}

impl From<&Variant> for VariantDto {
    fn from(v: &Variant) -> Self {
        Self {
            duration_s: v.duration_s,
            narrator_id: v.narrator_id,
            premium: v.premium,
        }
    }
}

/// An item document (draft or published), every locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentItemDocument")]
pub struct ItemDocumentDto {
    /// Kind.
    pub kind: KindDto,
    /// Categories, sorted.
    pub categories: Vec<String>,
    /// Tags, sorted.
    pub tags: Vec<String>,
    /// Texts per locale, by locale.
    pub texts: Vec<ItemTextDto>,
    /// Variants, shortest first.
    pub variants: Vec<VariantDto>,
}

impl From<&ItemDocument> for ItemDocumentDto {
    fn from(d: &ItemDocument) -> Self {
        Self {
            kind: d.kind.into(),
            categories: d.categories.clone(),
            tags: d.tags.clone(),
            texts: d
                .texts
                .iter()
                .map(|(l, t)| ItemTextDto::new(l, t))
                .collect(),
            variants: d.variants.iter().map(Into::into).collect(),
        }
    }
}

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[oai(rename = "ContentItemStatus", rename_all = "snake_case")]
pub enum StatusDto {
    /// Not visible to members.
    Draft,
    /// Visible to members in its published locales.
    Published,
    /// Retired.
    Archived,
}

impl From<Status> for StatusDto {
    fn from(s: Status) -> Self {
        match s {
            Status::Draft => StatusDto::Draft,
            Status::Published => StatusDto::Published,
            Status::Archived => StatusDto::Archived,
        }
    }
}

/// An item as editors see it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentAdminItem")]
pub struct AdminItemDto {
    /// The id.
    pub id: super::model::ItemId,
    /// Status.
    pub status: StatusDto,
    /// Revision; the `ETag` is `"r{revision}"`.
    pub revision: i64,
    /// The draft.
    pub draft: ItemDocumentDto,
    /// What members see (or saw, when unpublished).
    pub published: Option<ItemDocumentDto>,
    /// Locales of the published document.
    pub published_locales: Vec<String>,
    /// First publish.
    pub first_published_at: Option<Timestamp>,
    /// Last publish.
    pub published_at: Option<Timestamp>,
    /// When a scheduled publish will run.
    pub scheduled_at: Option<Timestamp>,
    /// The locales it will publish (absent: all of the draft's).
    pub scheduled_locales: Option<Vec<String>>,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

impl From<Item> for AdminItemDto {
    fn from(i: Item) -> Self {
        Self {
            id: i.id,
            status: i.status.into(),
            revision: i.revision,
            draft: (&i.draft).into(),
            published_locales: i
                .published
                .as_ref()
                .map(|p| p.texts.keys().map(ToString::to_string).collect())
                .unwrap_or_default(),
            published: i.published.as_ref().map(Into::into),
            first_published_at: i.first_published_at.map(Into::into),
            published_at: i.published_at.map(Into::into),
            scheduled_at: i.schedule.as_ref().map(|s| s.at.into()),
            scheduled_locales: i
                .schedule
                .and_then(|s| s.locales)
                .map(|l| l.iter().map(ToString::to_string).collect()),
            created_at: i.created_at.into(),
            updated_at: i.updated_at.into(),
        }
    }
}

/// One entry of an item's history.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentItemRevision")]
pub struct RevisionDto {
    /// The revision it produced.
    pub revision: i64,
    /// `created`, `edited`, `published`, `unpublished`, `archived` or `scheduled`.
    pub action: String,
    /// The draft after it.
    pub document: ItemDocumentDto,
    /// After a publish: the locales live.
    pub published_locales: Option<Vec<String>>,
    /// The editor (absent: the scheduler, or an erased account).
    pub actor_id: Option<UserId>,
    /// When.
    pub at: Timestamp,
}

impl From<RevisionEntry> for RevisionDto {
    fn from(r: RevisionEntry) -> Self {
        Self {
            revision: r.revision,
            action: r.action,
            document: (&r.document).into(),
            published_locales: r
                .published_locales
                .map(|l| l.iter().map(ToString::to_string).collect()),
            actor_id: r.actor_id,
            at: r.at.into(),
        }
    }
}
