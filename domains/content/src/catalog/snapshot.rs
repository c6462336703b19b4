//! The published catalog as one immutable value: every published item (all its locales)
//! and every narrator, in id order, with the version it was built at. Browse, item and
//! narrator reads are answered from it without the database.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use bytes::Bytes;

use chrono::NaiveDateTime;

use crate::courses::model::{CourseDocument, CourseId, CourseText};
use crate::items::model::{ItemDocument, ItemId, ItemText, Kind, Variant};
use crate::locale::Locale;
use crate::narrators::model::NarratorId;
use crate::search::index::SearchIndex;

/// A published item as members see it.
#[derive(Debug, Clone)]
pub struct CatalogItem {
    /// The id.
    pub id: ItemId,
    /// The published document (only its live locales' texts).
    pub doc: ItemDocument,
    /// First published (new releases).
    pub first_published_at: NaiveDateTime,
}

impl CatalogItem {
    /// The text in the first locale of `locale`'s chain the item has.
    pub fn text<'a>(
        &'a self,
        locale: &Locale,
        default: &Locale,
    ) -> Option<(&'a Locale, &'a ItemText)> {
        locale
            .pick(default, &self.doc.texts)
            // An item always has the default locale, so this is only for a corrupt row.
            .or_else(|| self.doc.texts.iter().next())
    }

    fn has_duration_in(&self, min: Option<u32>, max: Option<u32>) -> bool {
        self.doc
            .variants
            .iter()
            .any(|v| min.is_none_or(|m| v.duration_s >= m) && max.is_none_or(|m| v.duration_s <= m))
    }

    /// Whether a variant is narrated by `narrator`.
    pub fn narrated_by(&self, narrator: &NarratorId) -> bool {
        self.doc
            .variants
            .iter()
            .any(|v| v.narrator_id.as_ref() == Some(narrator))
    }

    /// The variant of that length.
    pub fn variant(&self, duration_s: u32) -> Option<&Variant> {
        self.doc
            .variants
            .iter()
            .find(|v| v.duration_s == duration_s)
    }
}

/// A narrator as members see it.
#[derive(Debug, Clone)]
pub struct CatalogNarrator {
    /// The id.
    pub id: NarratorId,
    /// Name.
    pub name: String,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// Biography per locale.
    pub bios: BTreeMap<Locale, String>,
}

/// A published course as members see it.
#[derive(Debug, Clone)]
pub struct CatalogCourse {
    /// The id.
    pub id: CourseId,
    /// The published document.
    pub doc: CourseDocument,
    /// First published.
    pub first_published_at: NaiveDateTime,
}

impl CatalogCourse {
    /// Whether `item` is one of its sessions.
    pub fn has_item(&self, item: &ItemId) -> bool {
        self.doc.sessions.contains(item)
    }

    /// Its sessions members can play now (published items), in order.
    pub fn sessions(&self, snap: &Snapshot) -> Vec<ItemId> {
        self.doc
            .sessions
            .iter()
            .filter(|i| snap.item(i).is_some())
            .copied()
            .collect()
    }

    /// The text in the first locale of `locale`'s chain the course has.
    pub fn text<'a>(
        &'a self,
        locale: &Locale,
        default: &Locale,
    ) -> Option<(&'a Locale, &'a CourseText)> {
        locale
            .pick(default, &self.doc.texts)
            .or_else(|| self.doc.texts.iter().next())
    }
}

/// Browse filters; every one given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Browse {
    /// Of this kind.
    pub kind: Option<Kind>,
    /// In this category.
    pub category: Option<String>,
    /// With this tag.
    pub tag: Option<String>,
    /// With a variant by this narrator.
    pub narrator: Option<NarratorId>,
    /// With a variant at least this long.
    pub min_duration_s: Option<u32>,
    /// With a variant at most this long.
    pub max_duration_s: Option<u32>,
}

impl Browse {
    /// Whether `item` passes every filter.
    pub fn matches(&self, item: &CatalogItem) -> bool {
        self.kind.is_none_or(|k| item.doc.kind == k)
            && self
                .category
                .as_ref()
                .is_none_or(|c| item.doc.categories.contains(c))
            && self.tag.as_ref().is_none_or(|t| item.doc.tags.contains(t))
            && self.narrator.as_ref().is_none_or(|n| item.narrated_by(n))
            && (self.min_duration_s.is_none() && self.max_duration_s.is_none()
                || item.has_duration_in(self.min_duration_s, self.max_duration_s))
    }
}

/// The published catalog at one version.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// The catalog version it was built at (`-1`: not loaded yet).
    pub version: i64,
    items: Vec<CatalogItem>,
    index: HashMap<ItemId, usize>,
    narrators: BTreeMap<NarratorId, CatalogNarrator>,
    /// The full-text index of these items (`None` before the first load, or if it
    /// failed to build: search then answers 503 while browse keeps working).
    search: Option<Arc<SearchIndex>>,
    courses: BTreeMap<CourseId, CatalogCourse>,
    /// Per item (same order as `items`), its JSON per slot (see
    /// [`Snapshot::rendered`]), rendered on first use: the snapshot never changes, so
    /// neither do they, and a read answers bytes instead of building and serializing a
    /// DTO (issue 13).
    rendered: Vec<Box<[OnceLock<Bytes>]>>,
    /// Browse pages rendered from this snapshot, by request (see [`Snapshot::page`]).
    pages: PageMemo,
}

/// A browse request, as far as its answer depends on it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// The requested locale.
    pub locale: String,
    /// The filters.
    pub filter: Browse,
    /// The cursor's item.
    pub after: Option<ItemId>,
    /// The page size.
    pub limit: u32,
}

/// Bytes of rendered pages a snapshot keeps: clients and CDNs ask for the same few
/// pages (the first of each kind or category) over and over; an unusual page past the
/// bound is rendered for each request as before.
const PAGES_MAX_BYTES: usize = 16 << 20;

#[derive(Debug, Default)]
struct PageMemo {
    pages: RwLock<HashMap<PageKey, Bytes>>,
    bytes: AtomicUsize,
}

impl Snapshot {
    /// The snapshot before the first load.
    pub fn unloaded() -> Self {
        Self {
            version: -1,
            ..Self::default()
        }
    }

    /// From the published items (in id order) and the narrators.
    pub fn new(version: i64, items: Vec<CatalogItem>, narrators: Vec<CatalogNarrator>) -> Self {
        let index = items.iter().enumerate().map(|(i, it)| (it.id, i)).collect();
        let rendered = items
            .iter()
            .map(|it| (0..=it.doc.texts.len()).map(|_| OnceLock::new()).collect())
            .collect();
        Self {
            version,
            items,
            index,
            rendered,
            narrators: narrators.into_iter().map(|n| (n.id, n)).collect(),
            search: None,
            courses: BTreeMap::new(),
            pages: PageMemo::default(),
        }
    }

    /// With its full-text index built (once per snapshot, off the request path).
    pub fn with_search(mut self) -> Self {
        match SearchIndex::build(&self.items, &self.narrators) {
            Ok(index) => self.search = Some(Arc::new(index)),
            Err(e) => tracing::error!(error = %e, "building the catalog search index failed"),
        }
        self
    }

    /// The cell holding `item`'s JSON in slot `slot`: the position in `doc.texts` of the
    /// locale answered in, or `doc.texts.len()` for an item without texts. `None` for an
    /// item not of this snapshot (or a slot past the last).
    pub fn rendered(&self, item: &CatalogItem, slot: usize) -> Option<&OnceLock<Bytes>> {
        let i = *self.index.get(&item.id)?;
        self.rendered.get(i)?.get(slot)
    }

    /// The page `key` asks for: rendered by `render` on first use, then kept with the
    /// snapshot (which never changes) while the memo has room.
    pub fn page(&self, key: PageKey, render: impl FnOnce(&PageKey) -> Bytes) -> Bytes {
        let memo = &self.pages;
        if let Some(page) = memo
            .pages
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return page.clone();
        }
        let page = render(&key);
        if memo.bytes.load(Ordering::Relaxed) + page.len() <= PAGES_MAX_BYTES {
            let mut pages = memo.pages.write().unwrap_or_else(PoisonError::into_inner);
            if pages.insert(key, page.clone()).is_none() {
                memo.bytes.fetch_add(page.len(), Ordering::Relaxed);
            }
        }
        page
    }

    /// The full-text index.
    pub fn search_index(&self) -> Option<&SearchIndex> {
        self.search.as_deref()
    }

    /// The published item.
    pub fn item(&self, id: &ItemId) -> Option<&CatalogItem> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    /// Every published item, in id order.
    pub fn items(&self) -> &[CatalogItem] {
        &self.items
    }

    /// Up to `limit` items passing `filter`, in id order after `after`.
    pub fn browse(
        &self,
        filter: &Browse,
        after: Option<&ItemId>,
        limit: usize,
    ) -> Vec<&CatalogItem> {
        let start = after.map_or(0, |a| self.items.partition_point(|it| it.id <= *a));
        self.items[start..]
            .iter()
            .filter(|it| filter.matches(it))
            .take(limit)
            .collect()
    }

    /// With the published courses.
    pub fn with_courses(mut self, courses: Vec<CatalogCourse>) -> Self {
        self.courses = courses.into_iter().map(|c| (c.id, c)).collect();
        self
    }

    /// The published course.
    pub fn course(&self, id: &CourseId) -> Option<&CatalogCourse> {
        self.courses.get(id)
    }

    /// Up to `limit` courses in id order after `after`, in `category` when given.
    pub fn courses(
        &self,
        after: Option<&CourseId>,
        category: Option<&str>,
        limit: usize,
    ) -> Vec<&CatalogCourse> {
        let start = after.map_or(std::ops::Bound::Unbounded, |a| {
            std::ops::Bound::Excluded(*a)
        });
        self.courses
            .range((start, std::ops::Bound::Unbounded))
            .map(|(_, c)| c)
            .filter(|c| category.is_none_or(|cat| c.doc.categories.iter().any(|x| x == cat)))
            .take(limit)
            .collect()
    }

    /// The narrator.
    pub fn narrator(&self, id: &NarratorId) -> Option<&CatalogNarrator> {
        self.narrators.get(id)
    }

    /// Up to `limit` narrators in id order after `after`.
    pub fn narrators(&self, after: Option<&NarratorId>, limit: usize) -> Vec<&CatalogNarrator> {
        match after {
            Some(a) => self
                .narrators
                .range((std::ops::Bound::Excluded(*a), std::ops::Bound::Unbounded))
                .map(|(_, n)| n)
                .take(limit)
                .collect(),
            None => self.narrators.values().take(limit).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(locale: &str, limit: u32) -> PageKey {
        PageKey {
            locale: locale.to_owned(),
            filter: Browse::default(),
            after: None,
            limit,
        }
    }

    #[test]
    fn a_page_is_rendered_once_per_request_and_kept_only_within_the_bound() {
        let snap = Snapshot::unloaded();
        let first = snap.page(key("en", 20), |_| Bytes::from_static(b"en-20"));
        assert_eq!(&first[..], b"en-20");
        let again = snap.page(key("en", 20), |_| panic!("rendered twice"));
        assert_eq!(again, first);
        // Any field of the request makes another page.
        let other = snap.page(key("es", 20), |k| {
            Bytes::from(format!("{}-{}", k.locale, k.limit))
        });
        assert_eq!(&other[..], b"es-20");
        assert_eq!(
            &snap.page(key("en", 21), |_| Bytes::from_static(b"en-21"))[..],
            b"en-21"
        );
        // A page past the bound is answered, not kept.
        let big = Bytes::from(vec![b'x'; PAGES_MAX_BYTES]);
        assert_eq!(snap.page(key("fr", 1), |_| big.clone()), big);
        let rendered = std::cell::Cell::new(false);
        snap.page(key("fr", 1), |_| {
            rendered.set(true);
            Bytes::new()
        });
        assert!(rendered.get());
    }
}
