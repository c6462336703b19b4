//! Publishing (issue 13 point 3): create and edit drafts, publish all or some locales now
//! or at a UTC instant, unpublish, archive, and the revision history. Every change is one
//! transaction on the write-locked item row that checks `If-Match` against the stored
//! revision (`412` when stale), records a revision row, and, when members' view changes,
//! bumps the catalog version in the same transaction, so every node rebuilds.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDateTime, Utc};
use haven_platform::ids::UserId;
use haven_platform::jobs::{self, NewJob};
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Unexpected};

use super::error::{CreateItemError, ItemError, ItemReadError};
use super::jobs::{PUBLISH_SCHEDULED_JOB, ScheduledPublish};
use super::model::{
    Action, Item, ItemDocument, ItemId, ItemText, Kind, RevisionEntry, Schedule, Status, Variant,
    merge_published,
};
use super::repo::{self, ItemRow, RevisionRow};
use crate::catalog::repo as catalog_repo;
use crate::error::Problems;
use crate::locale::Locale;
use crate::narrators::model::NarratorId;
use crate::narrators::repo as narrators_repo;
use crate::preconditions::check_revision;
use crate::rules::{DESCRIPTION_MAX, SUBTITLE_MAX, TITLE_MAX};
use crate::service::{ContentService, utc};

/// Shortest and longest variant, in seconds (also the documented schema bounds).
pub const MIN_DURATION_S: u32 = 30;
/// Longest variant.
pub const MAX_DURATION_S: u32 = 4 * 3600;

/// An item's text in one locale, as sent.
#[derive(Debug, Clone)]
pub struct TextInput {
    /// The locale tag as sent.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Description.
    pub description: String,
}

/// An item's whole draft, as sent (creation or replacement).
#[derive(Debug, Clone)]
pub struct ItemInput {
    /// Kind.
    pub kind: Kind,
    /// Category slugs.
    pub categories: Vec<String>,
    /// Tag slugs.
    pub tags: Vec<String>,
    /// Texts.
    pub texts: Vec<TextInput>,
    /// Variants.
    pub variants: Vec<Variant>,
}

/// A publish request.
#[derive(Debug, Clone)]
pub struct PublishInput {
    /// The locales to publish (tags as sent); `None`: every locale of the draft.
    pub locales: Option<Vec<String>>,
    /// When; `None` or a past instant: now.
    pub at: Option<DateTime<Utc>>,
}

fn slugs(field: &str, raw: Vec<String>, p: &mut Problems) -> Vec<String> {
    let mut seen = BTreeSet::new();
    for (i, s) in raw.into_iter().enumerate() {
        let ok = (1..=40).contains(&s.len())
            && s.as_bytes()[0].is_ascii_lowercase()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !ok {
            p.push(
                format!("{field}[{i}]"),
                "invalid",
                "A lower-case slug: a letter, then letters, digits or `_`, at most 40.",
            );
        } else if !seen.insert(s) {
            p.push(format!("{field}[{i}]"), "duplicate", "Listed twice.");
        }
    }
    seen.into_iter().collect()
}

/// The draft document from the input, or every problem found.
pub(crate) fn document(input: ItemInput) -> Result<ItemDocument, haven_platform::Invalid> {
    let mut p = Problems::default();
    let categories = slugs("categories", input.categories, &mut p);
    let tags = slugs("tags", input.tags, &mut p);
    if categories.len() > crate::rules::MAX_LABELS || tags.len() > crate::rules::MAX_LABELS {
        p.push("tags", "too_many", "At most 20 categories and 20 tags.");
    }
    let mut texts = BTreeMap::new();
    if input.texts.is_empty() || input.texts.len() > crate::rules::MAX_LOCALES {
        p.push("texts", "invalid_count", "1 to 20 locales.");
    }
    for (i, t) in input.texts.into_iter().enumerate() {
        p.length(format!("texts[{i}].title"), &t.title, 1, TITLE_MAX);
        if let Some(s) = &t.subtitle {
            p.length(format!("texts[{i}].subtitle"), s, 0, SUBTITLE_MAX);
        }
        p.length(
            format!("texts[{i}].description"),
            &t.description,
            0,
            DESCRIPTION_MAX,
        );
        match Locale::parse(&t.locale) {
            None => p.push(
                format!("texts[{i}].locale"),
                "invalid",
                "A BCP 47 tag of the form language[-Script][-REGION], e.g. `es-MX`.",
            ),
            Some(l) => {
                let text = ItemText {
                    title: t.title.trim().to_owned(),
                    subtitle: t
                        .subtitle
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty()),
                    description: t.description.trim().to_owned(),
                };
                if texts.insert(l, text).is_some() {
                    p.push(
                        format!("texts[{i}].locale"),
                        "duplicate",
                        "Another text has this locale.",
                    );
                }
            }
        }
    }
    let mut variants = input.variants;
    if variants.is_empty() || variants.len() > crate::rules::MAX_VARIANTS {
        p.push("variants", "invalid_count", "1 to 10 variants.");
    }
    let mut durations = BTreeSet::new();
    for (i, v) in variants.iter().enumerate() {
        if !(MIN_DURATION_S..=MAX_DURATION_S).contains(&v.duration_s) {
            p.push(
                format!("variants[{i}].duration_s"),
                "out_of_range",
                format!("{MIN_DURATION_S} to {MAX_DURATION_S} seconds."),
            );
        } else if !durations.insert(v.duration_s) {
            p.push(
                format!("variants[{i}].duration_s"),
                "duplicate",
                "Another variant has this duration (it names the variant).",
            );
        }
    }
    p.finish()?;
    variants.sort_by_key(|v| v.duration_s);
    Ok(ItemDocument {
        kind: input.kind,
        categories,
        tags,
        texts,
        variants,
    })
}

/// `422 unknown_narrator` for each variant naming a narrator that does not exist.
fn check_narrators<E>(conn: &mut AnyConnection, doc: &ItemDocument) -> Result<(), E>
where
    E: From<haven_platform::Invalid> + From<diesel::result::Error>,
{
    let wanted: Vec<NarratorId> = doc.variants.iter().filter_map(|v| v.narrator_id).collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let existing: BTreeSet<NarratorId> = narrators_repo::existing(conn, &wanted)?
        .into_iter()
        .collect();
    let mut p = Problems::default();
    for (i, v) in doc.variants.iter().enumerate() {
        if v.narrator_id.is_some_and(|n| !existing.contains(&n)) {
            p.push(
                format!("variants[{i}].narrator_id"),
                "unknown_narrator",
                "No narrator has this id.",
            );
        }
    }
    Ok(p.finish()?)
}

/// `value` as stored JSON text (`what` names it in the error).
pub(crate) fn to_json<T: serde::Serialize>(
    value: &T,
    what: &'static str,
) -> Result<String, Unexpected> {
    serde_json::to_string(value).map_err(Unexpected::with(what))
}

/// Stored JSON text as a `T` (`what` names it in the error).
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(
    json: &str,
    what: &'static str,
) -> Result<T, Unexpected> {
    serde_json::from_str(json).map_err(Unexpected::with(what))
}

/// The domain item from its row.
pub(crate) fn item_from(row: ItemRow) -> Result<Item, Unexpected> {
    let schedule = match row.scheduled_at {
        Some(at) => Some(Schedule {
            at: utc(at),
            locales: row
                .scheduled_locales
                .as_deref()
                .map(|l| parse_json(l, "content_items.scheduled_locales"))
                .transpose()?,
        }),
        None => None,
    };
    Ok(Item {
        id: row.id,
        status: Status::parse(&row.status)
            .ok_or_else(|| Unexpected::invariant("content_items.status"))?,
        revision: row.revision,
        draft: parse_json(&row.draft, "content_items.draft")?,
        published: row
            .published
            .as_deref()
            .map(|p| parse_json(p, "content_items.published"))
            .transpose()?,
        first_published_at: row.first_published_at.map(utc),
        published_at: row.published_at.map(utc),
        schedule,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

fn revision_row(
    row: &ItemRow,
    action: Action,
    published_locales: Option<Vec<Locale>>,
    actor: Option<UserId>,
    now: NaiveDateTime,
) -> Result<RevisionRow, Unexpected> {
    Ok(RevisionRow {
        item_id: row.id,
        revision: row.revision,
        action: action.as_str().to_owned(),
        document: row.draft.clone(),
        published_locales: published_locales
            .map(|l| to_json(&l, "published locales"))
            .transpose()?,
        actor_id: actor,
        created_at: now,
    })
}

/// The locked row, `404` when absent, `412` when `expected` is stale, `409` if archived.
fn lock_for_change(
    conn: &mut AnyConnection,
    id: &ItemId,
    expected: i64,
) -> Result<ItemRow, ItemError> {
    let row = repo::lock_item(conn, id)?.ok_or(ItemError::NotFound)?;
    check_revision(expected, row.revision).map_err(ItemError::Precondition)?;
    if row.status == Status::Archived.as_str() {
        return Err(ItemError::Archived);
    }
    Ok(row)
}

/// Publishes `locales` of the row's draft now, on the caller's transaction; the new
/// catalog version. Shared by the editor's publish and the scheduler.
pub(crate) fn publish_now(
    conn: &mut AnyConnection,
    row: &mut ItemRow,
    locales: Option<&[Locale]>,
    actor: Option<UserId>,
    now: NaiveDateTime,
    default_locale: &Locale,
) -> Result<i64, ItemError> {
    let draft: ItemDocument = parse_json(&row.draft, "content_items.draft")?;
    let before: Option<ItemDocument> = row
        .published
        .as_deref()
        .map(|p| parse_json(p, "content_items.published"))
        .transpose()?;
    let merged = merge_published(&draft, before.as_ref(), locales);
    if !merged.texts.contains_key(default_locale) {
        return Err(ItemError::DefaultLocaleMissing(default_locale.to_string()));
    }
    check_narrators::<ItemError>(conn, &merged)?;
    let live: Vec<Locale> = merged.texts.keys().cloned().collect();
    row.published = Some(to_json(&merged, "published document")?);
    row.status = Status::Published.as_str().to_owned();
    row.published_at = Some(now);
    row.first_published_at.get_or_insert(now);
    row.scheduled_at = None;
    row.scheduled_locales = None;
    row.scheduled_revision = None;
    row.revision += 1;
    row.updated_at = now;
    repo::update_item(conn, row)?;
    repo::insert_revision(
        conn,
        &revision_row(row, Action::Published, Some(live), actor, now)?,
    )?;
    Ok(catalog_repo::bump(conn, now)?)
}

impl ContentService {
    /// Parses and checks publish locales against the draft.
    fn publish_locales(
        raw: Option<Vec<String>>,
        draft: &ItemDocument,
    ) -> Result<Option<Vec<Locale>>, ItemError> {
        let Some(raw) = raw else { return Ok(None) };
        let mut p = Problems::default();
        let mut out = Vec::new();
        for (i, tag) in raw.iter().enumerate() {
            match Locale::parse(tag) {
                None => p.push(
                    format!("locales[{i}]"),
                    "invalid",
                    "Not a locale tag of the catalog's shape.",
                ),
                Some(l) if !draft.texts.contains_key(&l) => p.push(
                    format!("locales[{i}]"),
                    "not_in_draft",
                    "The draft has no text in this locale.",
                ),
                Some(l) => {
                    if !out.contains(&l) {
                        out.push(l);
                    }
                }
            }
        }
        if raw.is_empty() {
            p.push(
                "locales",
                "empty",
                "List at least one locale, or omit the field.",
            );
        }
        p.finish()?;
        Ok(Some(out))
    }

    /// Creates a draft item.
    #[tracing::instrument(skip_all, fields(item_id))]
    pub async fn create_item(
        &self,
        actor: &UserId,
        input: ItemInput,
    ) -> Result<Item, CreateItemError> {
        let doc = document(input)?;
        let now = now_utc();
        let row = ItemRow {
            id: ItemId::new(),
            kind: doc.kind.as_str().to_owned(),
            status: Status::Draft.as_str().to_owned(),
            revision: 1,
            draft: to_json(&doc, "draft document")?,
            published: None,
            first_published_at: None,
            published_at: None,
            scheduled_at: None,
            scheduled_locales: None,
            scheduled_revision: None,
            created_at: now,
            updated_at: now,
        };
        tracing::Span::current().record("item_id", tracing::field::display(&row.id));
        let actor = *actor;
        self.db
            .write(move |conn| {
                check_narrators::<CreateItemError>(conn, &doc)?;
                repo::insert_item(conn, &row)?;
                repo::insert_revision(
                    conn,
                    &revision_row(&row, Action::Created, None, Some(actor), now)?,
                )?;
                Ok(item_from(row)?)
            })
            .await
    }

    /// The item as editors see it.
    pub async fn item(&self, id: &ItemId) -> Result<Item, ItemReadError> {
        let id = *id;
        self.db
            .read_primary(move |conn| {
                let row = repo::find_item(conn, &id)?.ok_or(ItemReadError::NotFound)?;
                Ok(item_from(row)?)
            })
            .await
    }

    /// Items in creation order after `after`, at most `limit`.
    pub async fn items(
        &self,
        after: Option<ItemId>,
        limit: i64,
    ) -> Result<Vec<Item>, ItemReadError> {
        self.db
            .read(move |conn| {
                repo::list_items(conn, after, limit)?
                    .into_iter()
                    .map(|r| item_from(r).map_err(ItemReadError::from))
                    .collect()
            })
            .await
    }

    /// Replaces the draft (members see nothing of it until it is published).
    #[tracing::instrument(skip_all, fields(item_id = %id))]
    pub async fn replace_draft(
        &self,
        actor: &UserId,
        id: &ItemId,
        expected: i64,
        input: ItemInput,
    ) -> Result<Item, ItemError> {
        let doc = document(input)?;
        let (id, actor) = (*id, *actor);
        self.db
            .write(move |conn| {
                let mut row = lock_for_change(conn, &id, expected)?;
                check_narrators::<ItemError>(conn, &doc)?;
                let now = now_utc();
                row.kind = doc.kind.as_str().to_owned();
                row.draft = to_json(&doc, "draft document")?;
                row.revision += 1;
                row.updated_at = now;
                repo::update_item(conn, &row)?;
                repo::insert_revision(
                    conn,
                    &revision_row(&row, Action::Edited, None, Some(actor), now)?,
                )?;
                Ok(item_from(row)?)
            })
            .await
    }

    /// Publishes now, or schedules the publish at a future instant.
    #[tracing::instrument(skip_all, fields(item_id = %id))]
    pub async fn publish(
        &self,
        actor: &UserId,
        id: &ItemId,
        expected: i64,
        input: PublishInput,
    ) -> Result<Item, ItemError> {
        let (id, actor) = (*id, *actor);
        let default_locale = self.config.default_locale.clone();
        let (item, version) = self
            .db
            .write(move |conn| {
                let mut row = lock_for_change(conn, &id, expected)?;
                let draft: ItemDocument = parse_json(&row.draft, "content_items.draft")?;
                let locales = Self::publish_locales(input.locales, &draft)?;
                let now = now_utc();
                match input.at.map(|t| t.naive_utc()).filter(|t| *t > now) {
                    Some(at) => {
                        row.scheduled_at = Some(at);
                        row.scheduled_locales = locales
                            .as_ref()
                            .map(|l| to_json(l, "scheduled locales"))
                            .transpose()?;
                        row.revision += 1;
                        row.scheduled_revision = Some(row.revision);
                        row.updated_at = now;
                        repo::update_item(conn, &row)?;
                        repo::insert_revision(
                            conn,
                            &revision_row(&row, Action::Scheduled, None, Some(actor), now)?,
                        )?;
                        let job = NewJob::new(
                            PUBLISH_SCHEDULED_JOB,
                            &ScheduledPublish {
                                item_id: row.id,
                                revision: row.revision,
                            },
                        )
                        .map_err(Unexpected::with("scheduled publish payload"))?
                        .run_at(at);
                        jobs::enqueue(conn, job)?;
                        Ok::<_, ItemError>((item_from(row)?, None))
                    }
                    None => {
                        let version = publish_now(
                            conn,
                            &mut row,
                            locales.as_deref(),
                            Some(actor),
                            now,
                            &default_locale,
                        )?;
                        Ok((item_from(row)?, Some(version)))
                    }
                }
            })
            .await?;
        if let Some(v) = version {
            self.catalog.expect(v);
        }
        Ok(item)
    }

    /// Takes a published item off the catalog (back to draft; its published document is
    /// kept for a later per-locale publish). Cancels a pending schedule.
    pub async fn unpublish(
        &self,
        actor: &UserId,
        id: &ItemId,
        expected: i64,
    ) -> Result<Item, ItemError> {
        self.withdraw(actor, id, expected, Status::Draft).await
    }

    /// Retires an item: hidden from members, no longer editable or publishable.
    pub async fn archive(
        &self,
        actor: &UserId,
        id: &ItemId,
        expected: i64,
    ) -> Result<Item, ItemError> {
        self.withdraw(actor, id, expected, Status::Archived).await
    }

    #[tracing::instrument(skip_all, fields(item_id = %id, to = to.as_str()))]
    async fn withdraw(
        &self,
        actor: &UserId,
        id: &ItemId,
        expected: i64,
        to: Status,
    ) -> Result<Item, ItemError> {
        let (id, actor) = (*id, *actor);
        let (item, version) = self
            .db
            .write(move |conn| {
                let mut row = lock_for_change(conn, &id, expected)?;
                let was_live = row.status == Status::Published.as_str();
                if to == Status::Draft && !was_live {
                    return Err(ItemError::NotPublished);
                }
                let now = now_utc();
                row.status = to.as_str().to_owned();
                row.scheduled_at = None;
                row.scheduled_locales = None;
                row.scheduled_revision = None;
                row.revision += 1;
                row.updated_at = now;
                repo::update_item(conn, &row)?;
                let action = if to == Status::Draft {
                    Action::Unpublished
                } else {
                    Action::Archived
                };
                repo::insert_revision(conn, &revision_row(&row, action, None, Some(actor), now)?)?;
                let version = if was_live {
                    Some(catalog_repo::bump(conn, now)?)
                } else {
                    None
                };
                Ok::<_, ItemError>((item_from(row)?, version))
            })
            .await?;
        if let Some(v) = version {
            self.catalog.expect(v);
        }
        Ok(item)
    }

    /// The item's history, newest first, before revision `before`, at most `limit`.
    pub async fn revisions(
        &self,
        id: &ItemId,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<RevisionEntry>, ItemReadError> {
        let id = *id;
        self.db
            .read(move |conn| {
                if repo::find_item(conn, &id)?.is_none() {
                    return Err(ItemReadError::NotFound);
                }
                repo::revisions(conn, &id, before, limit)?
                    .into_iter()
                    .map(|r| {
                        Ok(RevisionEntry {
                            revision: r.revision,
                            action: r.action,
                            document: parse_json(&r.document, "content_item_revisions.document")?,
                            published_locales: r
                                .published_locales
                                .as_deref()
                                .map(|l| parse_json(l, "content_item_revisions.published_locales"))
                                .transpose()?,
                            actor_id: r.actor_id,
                            at: utc(r.created_at),
                        })
                    })
                    .collect()
            })
            .await
    }

    /// Runs a scheduled publish: only while the schedule it was enqueued for is still the
    /// item's (an unpublish, archive or newer schedule cancels it), so a job run twice
    /// (at least once delivery, two nodes) publishes once.
    pub async fn run_scheduled_publish(&self, job: ScheduledPublish) -> Result<bool, ItemError> {
        let default_locale = self.config.default_locale.clone();
        let version = self
            .db
            .write(move |conn| {
                let Some(mut row) = repo::lock_item(conn, &job.item_id)? else {
                    return Ok(None);
                };
                if row.scheduled_revision != Some(job.revision) || row.status == Status::Archived.as_str() {
                    return Ok(None);
                }
                let locales: Option<Vec<Locale>> = row
                    .scheduled_locales
                    .as_deref()
                    .map(|l| parse_json(l, "content_items.scheduled_locales"))
                    .transpose()?;
                let now = now_utc();
                match publish_now(conn, &mut row, locales.as_deref(), None, now, &default_locale) {
                    Ok(v) => Ok(Some(v)),
                    // The draft lost its default locale (or a narrator) since it was
                    // scheduled: the schedule is dropped, visible in the item.
                    Err(ItemError::DefaultLocaleMissing(_) | ItemError::Invalid(_)) => {
                        tracing::warn!(item_id = %row.id, "scheduled publish dropped: the draft cannot be published");
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            })
            .await?;
        if let Some(v) = version {
            self.catalog.expect(v);
        }
        Ok(version.is_some())
    }
}
