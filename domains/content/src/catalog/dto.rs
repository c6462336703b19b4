//! Wire types of the published catalog (members' side): one locale per answer, chosen
//! along the fallback chain, and named in `locale`.

use bytes::Bytes;
use haven_platform::http::rendered::JsonBytes;
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::Object;

use super::snapshot::{CatalogItem, CatalogNarrator, Snapshot};
use crate::items::dto::KindDto;
use crate::items::model::ItemId;
use crate::locale::Locale;
use crate::narrators::model::NarratorId;

/// A narrator as a variant names it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentNarratorRef")]
pub struct NarratorRefDto {
    /// The narrator.
    pub id: NarratorId,
    /// Name.
    pub name: String,
}

/// A playable duration variant.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCatalogVariant")]
pub struct CatalogVariantDto {
    /// Length in whole seconds (names the variant).
    pub duration_s: u32,
    /// Playable only by members entitled to premium content.
    pub premium: bool,
    /// The narrator (absent for music and soundscapes).
    pub narrator: Option<NarratorRefDto>,
}

/// A published item in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCatalogItem")]
pub struct CatalogItemDto {
    /// The id.
    pub id: ItemId,
    /// What it is.
    pub kind: KindDto,
    /// The locale the texts are in: the first of the requested locale's fallback chain
    /// (`es-MX` → `es` → the catalog's default) that the item has.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Description.
    pub description: String,
    /// Categories.
    pub categories: Vec<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Duration variants, shortest first.
    pub variants: Vec<CatalogVariantDto>,
    /// Every locale the item is published in.
    pub available_locales: Vec<String>,
    /// When it was first published.
    pub released_at: Timestamp,
}

impl CatalogItemDto {
    /// The JSON of [`CatalogItemDto::new`], rendered once per snapshot and answer locale
    /// (the DTO depends on nothing else) and shared by every later read.
    pub fn json(item: &CatalogItem, locale: &Locale, default: &Locale, snap: &Snapshot) -> Bytes {
        let slot = match item.text(locale, default) {
            Some((used, _)) => item
                .doc
                .texts
                .keys()
                .position(|l| std::ptr::eq(l, used))
                .unwrap_or(item.doc.texts.len()),
            None => item.doc.texts.len(),
        };
        let render = || JsonBytes::render(&Self::new(item, locale, default, snap));
        match snap.rendered(item, slot) {
            Some(cell) => cell.get_or_init(render).clone(),
            None => render(),
        }
    }

    /// The item in `locale` (with fallback), narrators resolved from the snapshot.
    pub fn new(item: &CatalogItem, locale: &Locale, default: &Locale, snap: &Snapshot) -> Self {
        let (used, text) = match item.text(locale, default) {
            Some((l, t)) => (l.to_string(), Some(t)),
            None => (default.to_string(), None),
        };
        Self {
            id: item.id,
            kind: item.doc.kind.into(),
            locale: used,
            title: text.map(|t| t.title.clone()).unwrap_or_default(),
            subtitle: text.and_then(|t| t.subtitle.clone()),
            description: text.map(|t| t.description.clone()).unwrap_or_default(),
            categories: item.doc.categories.clone(),
            tags: item.doc.tags.clone(),
            variants: item
                .doc
                .variants
                .iter()
                .map(|v| CatalogVariantDto {
                    duration_s: v.duration_s,
                    premium: v.premium,
                    narrator: v.narrator_id.and_then(|id| snap.narrator(&id)).map(|n| {
                        NarratorRefDto {
                            id: n.id,
                            name: n.name.clone(),
                        }
                    }),
                })
                .collect(),
            available_locales: item.doc.texts.keys().map(ToString::to_string).collect(),
            released_at: item.first_published_at.into(),
        }
    }
}

/// A narrator in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCatalogNarrator")]
pub struct CatalogNarratorDto {
    /// The id.
    pub id: NarratorId,
    /// Name.
    pub name: String,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// The locale of `bio` (fallback chain as for items); absent with no bio.
    pub locale: Option<String>,
    /// Biography.
    pub bio: Option<String>,
}

impl CatalogNarratorDto {
    /// The narrator in `locale` (with fallback).
    pub fn new(n: &CatalogNarrator, locale: &Locale, default: &Locale) -> Self {
        let bio = locale.pick(default, &n.bios);
        Self {
            id: n.id,
            name: n.name.clone(),
            photo_url: n.photo_url.clone(),
            locale: bio.map(|(l, _)| l.to_string()),
            bio: bio.map(|(_, b)| b.clone()),
        }
    }
}
