//! Course publishing and members' progress. Publishing follows the items' rules (one
//! transaction on the write-locked row, `If-Match` against the stored revision, a
//! revision row per change, the catalog version bumped when members' view changes);
//! a course publishes whole (all its locales) and only when every session's item is
//! published. Progress is read from the member's completed sessions, against the
//! published course in the snapshot.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use haven_platform::ids::UserId;
use haven_platform::time::now_utc;
use haven_platform::{AnyConnection, Unexpected};

use super::error::{CourseError, CourseReadError};
use super::model::{
    Course, CourseDocument, CourseId, CourseText, MAX_SESSIONS, Progress, distinct,
};
use super::repo::{self, CourseRevisionRow, CourseRow};
use crate::catalog::repo as catalog_repo;
use crate::error::Problems;
use crate::items::model::{Action, ItemId, Status};
use crate::items::service::{parse_json, to_json};
use crate::locale::Locale;
use crate::playback::repo as playback_repo;
use crate::preconditions::check_revision;
use crate::rules::{DESCRIPTION_MAX, TITLE_MAX};
use crate::service::{ContentService, utc};

/// A course's text in one locale, as sent.
#[derive(Debug, Clone)]
pub struct CourseTextInput {
    /// The locale tag as sent.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
}

/// A course's whole draft, as sent.
#[derive(Debug, Clone)]
pub struct CourseInput {
    /// Category slugs.
    pub categories: Vec<String>,
    /// Texts.
    pub texts: Vec<CourseTextInput>,
    /// Session items, in order.
    pub sessions: Vec<ItemId>,
}

/// One entry of a course's history.
#[derive(Debug, Clone)]
pub struct CourseRevision {
    /// The revision it produced.
    pub revision: i64,
    /// What happened.
    pub action: String,
    /// The draft after it.
    pub document: CourseDocument,
    /// Who did it.
    pub actor_id: Option<UserId>,
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
}

/// The draft document from the input, or every problem found.
fn document(input: CourseInput) -> Result<CourseDocument, haven_platform::Invalid> {
    let mut p = Problems::default();
    let mut categories = BTreeSet::new();
    for (i, c) in input.categories.into_iter().enumerate() {
        let ok = (1..=40).contains(&c.len())
            && c.as_bytes()[0].is_ascii_lowercase()
            && c.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !ok {
            p.push(
                format!("categories[{i}]"),
                "invalid",
                "A lower-case slug: a letter, then letters, digits or `_`, at most 40.",
            );
        } else if !categories.insert(c) {
            p.push(format!("categories[{i}]"), "duplicate", "Listed twice.");
        }
    }
    if categories.len() > crate::rules::MAX_LABELS {
        p.push("categories", "too_many", "At most 20 categories.");
    }
    if input.texts.is_empty() || input.texts.len() > crate::rules::MAX_LOCALES {
        p.push("texts", "invalid_count", "1 to 20 locales.");
    }
    let mut texts = BTreeMap::new();
    for (i, t) in input.texts.into_iter().enumerate() {
        p.length(format!("texts[{i}].title"), &t.title, 1, TITLE_MAX);
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
                let text = CourseText {
                    title: t.title.trim().to_owned(),
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
    if input.sessions.is_empty() || input.sessions.len() > MAX_SESSIONS {
        p.push("sessions", "invalid_count", "1 to 60 sessions.");
    } else if !distinct(&input.sessions) {
        p.push(
            "sessions",
            "duplicate",
            "An item is a session at most once.",
        );
    }
    p.finish()?;
    Ok(CourseDocument {
        categories: categories.into_iter().collect(),
        texts,
        sessions: input.sessions,
    })
}

/// The domain course from its row.
pub(crate) fn course_from(row: CourseRow) -> Result<Course, Unexpected> {
    Ok(Course {
        id: row.id,
        status: Status::parse(&row.status)
            .ok_or_else(|| Unexpected::invariant("content_courses.status"))?,
        revision: row.revision,
        draft: parse_json(&row.draft, "content_courses.draft")?,
        published: row
            .published
            .as_deref()
            .map(|p| parse_json(p, "content_courses.published"))
            .transpose()?,
        first_published_at: row.first_published_at.map(utc),
        published_at: row.published_at.map(utc),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

/// Bumps the revision, saves the row and records the change.
fn save(
    conn: &mut AnyConnection,
    row: &mut CourseRow,
    action: Action,
    actor: Option<UserId>,
    now: NaiveDateTime,
) -> Result<(), CourseError> {
    row.revision += 1;
    row.updated_at = now;
    repo::update(conn, row)?;
    record(conn, row, action, actor, now)
}

fn record(
    conn: &mut AnyConnection,
    row: &CourseRow,
    action: Action,
    actor: Option<UserId>,
    now: NaiveDateTime,
) -> Result<(), CourseError> {
    let published_locales = match (action, &row.published) {
        (Action::Published, Some(p)) => {
            let doc: CourseDocument = parse_json(p, "content_courses.published")?;
            Some(to_json(
                &doc.texts.keys().collect::<Vec<_>>(),
                "published locales",
            )?)
        }
        _ => None,
    };
    repo::insert_revision(
        conn,
        &CourseRevisionRow {
            course_id: row.id,
            revision: row.revision,
            action: action.as_str().to_owned(),
            document: row.draft.clone(),
            published_locales,
            actor_id: actor,
            created_at: now,
        },
    )?;
    Ok(())
}

/// The locked row: `404`, `412` when `expected` is stale, `409` when archived.
fn lock_for_change(
    conn: &mut AnyConnection,
    id: &CourseId,
    expected: i64,
) -> Result<CourseRow, CourseError> {
    let row = repo::lock(conn, id)?.ok_or(CourseError::NotFound)?;
    check_revision(expected, row.revision).map_err(CourseError::Precondition)?;
    if row.status == Status::Archived.as_str() {
        return Err(CourseError::Archived);
    }
    Ok(row)
}

/// What a change of a course does, inside its transaction.
enum Change {
    Replace(CourseDocument),
    Publish,
    Withdraw(Status),
}

impl ContentService {
    /// Creates a draft course.
    pub async fn create_course(
        &self,
        actor: &UserId,
        input: CourseInput,
    ) -> Result<Course, CourseError> {
        self.insert_course(Some(*actor), input).await
    }

    /// Creates and publishes a course with no editor (the demo seed).
    pub(crate) async fn create_and_publish_course(
        &self,
        input: CourseInput,
    ) -> Result<Course, CourseError> {
        let draft = self.insert_course(None, input).await?;
        self.change_course(None, &draft.id, draft.revision, Change::Publish)
            .await
    }

    /// Every course's title in `locale` (the seed's idempotency key).
    pub(crate) async fn courses_titled(&self, locale: &Locale) -> Result<Vec<String>, CourseError> {
        let locale = locale.clone();
        self.db
            .read_primary(move |conn| {
                let mut titles = Vec::new();
                for row in repo::list(conn, None, i64::MAX)? {
                    let doc: CourseDocument = parse_json(&row.draft, "content_courses.draft")?;
                    titles.extend(doc.texts.get(&locale).map(|t| t.title.clone()));
                }
                Ok(titles)
            })
            .await
    }

    async fn insert_course(
        &self,
        actor: Option<UserId>,
        input: CourseInput,
    ) -> Result<Course, CourseError> {
        let doc = document(input)?;
        let now = now_utc();
        let row = CourseRow {
            id: CourseId::new(),
            status: Status::Draft.as_str().to_owned(),
            revision: 1,
            draft: to_json(&doc, "course draft")?,
            published: None,
            first_published_at: None,
            published_at: None,
            scheduled_at: None,
            scheduled_locales: None,
            scheduled_revision: None,
            created_at: now,
            updated_at: now,
        };
        self.db
            .write(move |conn| {
                repo::insert(conn, &row)?;
                record(conn, &row, Action::Created, actor, now)?;
                Ok(course_from(row)?)
            })
            .await
    }

    /// The course as editors see it.
    pub async fn course(&self, id: &CourseId) -> Result<Course, CourseError> {
        let id = *id;
        self.db
            .read_primary(move |conn| {
                let row = repo::find(conn, &id)?.ok_or(CourseError::NotFound)?;
                Ok(course_from(row)?)
            })
            .await
    }

    /// Courses in creation order after `after`, at most `limit`.
    pub async fn courses(
        &self,
        after: Option<CourseId>,
        limit: i64,
    ) -> Result<Vec<Course>, CourseError> {
        self.db
            .read(move |conn| {
                repo::list(conn, after, limit)?
                    .into_iter()
                    .map(|r| course_from(r).map_err(CourseError::from))
                    .collect()
            })
            .await
    }

    /// Replaces the draft.
    pub async fn replace_course(
        &self,
        actor: &UserId,
        id: &CourseId,
        expected: i64,
        input: CourseInput,
    ) -> Result<Course, CourseError> {
        let doc = document(input)?;
        self.change_course(Some(*actor), id, expected, Change::Replace(doc))
            .await
    }

    /// Publishes the draft now (every locale).
    pub async fn publish_course(
        &self,
        actor: &UserId,
        id: &CourseId,
        expected: i64,
    ) -> Result<Course, CourseError> {
        self.change_course(Some(*actor), id, expected, Change::Publish)
            .await
    }

    /// Takes the course off the catalog (back to draft).
    pub async fn unpublish_course(
        &self,
        actor: &UserId,
        id: &CourseId,
        expected: i64,
    ) -> Result<Course, CourseError> {
        self.change_course(Some(*actor), id, expected, Change::Withdraw(Status::Draft))
            .await
    }

    /// Retires the course.
    pub async fn archive_course(
        &self,
        actor: &UserId,
        id: &CourseId,
        expected: i64,
    ) -> Result<Course, CourseError> {
        self.change_course(
            Some(*actor),
            id,
            expected,
            Change::Withdraw(Status::Archived),
        )
        .await
    }

    async fn change_course(
        &self,
        actor: Option<UserId>,
        id: &CourseId,
        expected: i64,
        change: Change,
    ) -> Result<Course, CourseError> {
        let id = *id;
        let default_locale = self.config.default_locale.clone();
        let (course, version) = self
            .db
            .write(move |conn| {
                let mut row = lock_for_change(conn, &id, expected)?;
                let now = now_utc();
                let was_live = row.status == Status::Published.as_str();
                let action = match change {
                    Change::Replace(doc) => {
                        row.draft = to_json(&doc, "course draft")?;
                        Action::Edited
                    }
                    Change::Publish => {
                        let draft: CourseDocument =
                            parse_json(&row.draft, "content_courses.draft")?;
                        if !draft.texts.contains_key(&default_locale) {
                            return Err(CourseError::DefaultLocaleMissing(
                                default_locale.to_string(),
                            ));
                        }
                        let live: BTreeSet<ItemId> = repo::published_items(conn, &draft.sessions)?
                            .into_iter()
                            .collect();
                        let missing: Vec<usize> = draft
                            .sessions
                            .iter()
                            .enumerate()
                            .filter(|(_, i)| !live.contains(i))
                            .map(|(n, _)| n)
                            .collect();
                        if !missing.is_empty() {
                            return Err(CourseError::SessionsNotPublished(missing));
                        }
                        row.published = Some(row.draft.clone());
                        row.status = Status::Published.as_str().to_owned();
                        row.published_at = Some(now);
                        row.first_published_at.get_or_insert(now);
                        Action::Published
                    }
                    Change::Withdraw(to) => {
                        if to == Status::Draft && !was_live {
                            return Err(CourseError::NotPublished);
                        }
                        row.status = to.as_str().to_owned();
                        if to == Status::Draft {
                            Action::Unpublished
                        } else {
                            Action::Archived
                        }
                    }
                };
                save(conn, &mut row, action, actor, now)?;
                let members_see_change = was_live || action == Action::Published;
                let version = if members_see_change && action != Action::Edited {
                    Some(catalog_repo::bump(conn, now)?)
                } else {
                    None
                };
                Ok((course_from(row)?, version))
            })
            .await?;
        if let Some(v) = version {
            self.catalog.expect(v);
        }
        Ok(course)
    }

    /// The course's history, newest first, before revision `before`, at most `limit`.
    pub async fn course_revisions(
        &self,
        id: &CourseId,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<CourseRevision>, CourseError> {
        let id = *id;
        self.db
            .read(move |conn| {
                if repo::find(conn, &id)?.is_none() {
                    return Err(CourseError::NotFound);
                }
                repo::revisions(conn, &id, before, limit)?
                    .into_iter()
                    .map(|r| {
                        Ok(CourseRevision {
                            revision: r.revision,
                            action: r.action,
                            document: parse_json(&r.document, "content_course_revisions.document")?,
                            actor_id: r.actor_id,
                            at: utc(r.created_at),
                        })
                    })
                    .collect()
            })
            .await
    }

    /// The member's progress in every published course they completed a session of,
    /// most recent activity first.
    pub async fn my_courses(&self, user: &UserId) -> Result<Vec<Progress>, CourseReadError> {
        let snap = self.snapshot::<CourseReadError>().await?;
        let user = *user;
        let rows = self
            .db
            .read_primary(move |conn| {
                Ok::<_, CourseReadError>(playback_repo::course_progress(conn, &user, None)?)
            })
            .await?;
        let mut done: BTreeMap<CourseId, BTreeMap<ItemId, chrono::DateTime<chrono::Utc>>> =
            BTreeMap::new();
        for r in rows {
            done.entry(r.course_id)
                .or_default()
                .insert(r.item_id, utc(r.completed_at));
        }
        let mut out: Vec<Progress> = done
            .into_iter()
            .filter_map(|(course_id, done)| {
                let course = snap.course(&course_id)?;
                Some(Progress::new(course_id, &course.sessions(&snap), &done))
            })
            .collect();
        out.sort_by(|a, b| {
            b.last_activity_at
                .cmp(&a.last_activity_at)
                .then(a.course_id.cmp(&b.course_id))
        });
        Ok(out)
    }

    /// The member's progress in one published course (`404` when not published).
    pub async fn my_course(
        &self,
        user: &UserId,
        id: &CourseId,
    ) -> Result<Progress, CourseReadError> {
        let snap = self.snapshot::<CourseReadError>().await?;
        let course = snap.course(id).ok_or(CourseReadError::NotFound)?;
        let sessions = course.sessions(&snap);
        let (user, id) = (*user, *id);
        let rows = self
            .db
            .read_primary(move |conn| {
                Ok::<_, CourseReadError>(playback_repo::course_progress(conn, &user, Some(&id))?)
            })
            .await?;
        let done = rows
            .into_iter()
            .map(|r| (r.item_id, utc(r.completed_at)))
            .collect();
        Ok(Progress::new(id, &sessions, &done))
    }
}
