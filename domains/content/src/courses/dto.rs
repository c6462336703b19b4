//! Wire types of courses: the editors' drafts, the published catalog's courses and a
//! member's progress.

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use haven_platform::ids::UserId;
use poem_openapi::Object;

use super::model::{Course, CourseDocument, CourseId, Progress};
use super::service::{CourseInput, CourseRevision, CourseTextInput};
use crate::catalog::dto::CatalogItemDto;
use crate::catalog::snapshot::{CatalogCourse, Snapshot};
use crate::items::dto::StatusDto;
use crate::items::model::ItemId;
use crate::locale::Locale;
use crate::rules;

/// A course's text in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCourseTextInput", deny_unknown_fields)]
pub struct CourseTextInputDto {
    /// BCP 47 tag `language[-Script][-REGION]`, one text per locale.
    pub locale: Text<rules::LocaleTag>,
    /// Title, 1–120 characters.
    pub title: Text<rules::Title>,
    /// Description, at most 4000 characters.
    pub description: Text<rules::Description>,
}

/// A course's whole draft (`POST` creates it, `PUT` replaces it).
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCourseDraftInput", deny_unknown_fields)]
pub struct CourseDraftInput {
    /// Categories (`sleep`, `stress`, …): distinct lower-case slugs, at most 20.
    #[oai(default = "no_labels")]
    pub categories: List<Text<rules::Slug>, rules::Labels>,
    /// Texts, one per locale, 1–20. Publishing needs the catalog's default locale.
    pub texts: List<CourseTextInputDto, rules::Texts>,
    /// The sessions' items in course order, 1–60, distinct. Publishing needs each one
    /// published.
    pub sessions: List<ItemId, rules::Sessions>,
}

fn no_labels() -> List<Text<rules::Slug>, rules::Labels> {
    List::new(Vec::new())
}

impl From<CourseDraftInput> for CourseInput {
    fn from(b: CourseDraftInput) -> Self {
        Self {
            categories: b.categories.into_strings(),
            texts: b
                .texts
                .into_inner()
                .into_iter()
                .map(|t| CourseTextInput {
                    locale: t.locale.into_inner(),
                    title: t.title.into_inner(),
                    description: t.description.into_inner(),
                })
                .collect(),
            sessions: b.sessions.into_inner(),
        }
    }
}

/// A course's text in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCourseText")]
pub struct CourseTextDto {
    /// The locale.
    pub locale: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
}

/// A course's document (draft or published).
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCourseDocument")]
pub struct CourseDocumentDto {
    /// Categories.
    pub categories: Vec<String>,
    /// Texts per locale.
    pub texts: Vec<CourseTextDto>,
    /// The sessions' items, in order.
    pub sessions: Vec<ItemId>,
}

impl From<&CourseDocument> for CourseDocumentDto {
    fn from(d: &CourseDocument) -> Self {
        Self {
            categories: d.categories.clone(),
            texts: d
                .texts
                .iter()
                .map(|(l, t)| CourseTextDto {
                    locale: l.to_string(),
                    title: t.title.clone(),
                    description: t.description.clone(),
                })
                .collect(),
            sessions: d.sessions.clone(),
        }
    }
}

/// A course as editors see it.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentAdminCourse")]
pub struct AdminCourseDto {
    /// The id.
    pub id: CourseId,
    /// Where it is in its life.
    pub status: StatusDto,
    /// The revision (the `ETag` is `"r{revision}"`).
    pub revision: i64,
    /// The draft.
    pub draft: CourseDocumentDto,
    /// What members see while it is published.
    pub published: Option<CourseDocumentDto>,
    /// First publish.
    pub first_published_at: Option<Timestamp>,
    /// Last publish.
    pub published_at: Option<Timestamp>,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

impl From<Course> for AdminCourseDto {
    fn from(c: Course) -> Self {
        Self {
            id: c.id,
            status: c.status.into(),
            revision: c.revision,
            draft: (&c.draft).into(),
            published: c.published.as_ref().map(Into::into),
            first_published_at: c.first_published_at.map(Into::into),
            published_at: c.published_at.map(Into::into),
            created_at: c.created_at.into(),
            updated_at: c.updated_at.into(),
        }
    }
}

/// One entry of a course's history.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCourseRevision")]
pub struct CourseRevisionDto {
    /// The revision this change produced.
    pub revision: i64,
    /// What happened: `created`, `edited`, `published`, `unpublished` or `archived`.
    pub action: String,
    /// The draft after it.
    pub document: CourseDocumentDto,
    /// The editor (absent once erased).
    pub actor_id: Option<UserId>,
    /// When.
    pub at: Timestamp,
}

impl From<CourseRevision> for CourseRevisionDto {
    fn from(r: CourseRevision) -> Self {
        Self {
            revision: r.revision,
            action: r.action,
            document: (&r.document).into(),
            actor_id: r.actor_id,
            at: r.at.into(),
        }
    }
}

/// A published course in one locale, with its sessions.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCatalogCourse")]
pub struct CatalogCourseDto {
    /// The id.
    pub id: CourseId,
    /// The locale the texts are in (fallback chain as for items).
    pub locale: String,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Categories.
    pub categories: Vec<String>,
    /// The sessions members can play, in order, each in the requested locale.
    pub sessions: Vec<CatalogItemDto>,
    /// Sum of each session's shortest variant, in seconds.
    pub min_total_duration_s: u32,
    /// Every locale the course is published in.
    pub available_locales: Vec<String>,
    /// When it was first published.
    pub released_at: Timestamp,
}

impl CatalogCourseDto {
    /// The course in `locale` (with fallback), sessions resolved from the snapshot.
    pub fn new(c: &CatalogCourse, locale: &Locale, default: &Locale, snap: &Snapshot) -> Self {
        let (used, text) = match c.text(locale, default) {
            Some((l, t)) => (l.to_string(), Some(t)),
            None => (default.to_string(), None),
        };
        let sessions: Vec<CatalogItemDto> = c
            .doc
            .sessions
            .iter()
            .filter_map(|id| snap.item(id))
            .map(|i| CatalogItemDto::new(i, locale, default, snap))
            .collect();
        Self {
            id: c.id,
            locale: used,
            title: text.map(|t| t.title.clone()).unwrap_or_default(),
            description: text.map(|t| t.description.clone()).unwrap_or_default(),
            categories: c.doc.categories.clone(),
            min_total_duration_s: sessions
                .iter()
                .filter_map(|s| s.variants.first().map(|v| v.duration_s))
                .sum(),
            sessions,
            available_locales: c.doc.texts.keys().map(ToString::to_string).collect(),
            released_at: c.first_published_at.into(),
        }
    }
}

/// One session of a member's course progress.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentSessionProgress")]
pub struct SessionProgressDto {
    /// 0-based position in the course.
    pub position: u32,
    /// The session's item.
    pub item_id: ItemId,
    /// When the member completed it; absent: not yet.
    pub completed_at: Option<Timestamp>,
}

/// The session to continue with.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentNextSession")]
pub struct NextSessionDto {
    /// 0-based position in the course.
    pub position: u32,
    /// The session's item.
    pub item_id: ItemId,
}

/// A member's progress in a course.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentCourseProgress")]
pub struct CourseProgressDto {
    /// The course.
    pub course_id: CourseId,
    /// Sessions members can play now.
    pub total_sessions: u32,
    /// Of those, completed by the member.
    pub completed_sessions: u32,
    /// Whether every session is completed.
    pub completed: bool,
    /// When the last session was completed, once all are.
    pub completed_at: Option<Timestamp>,
    /// Where to continue: the first session not completed (absent when complete).
    pub next_session: Option<NextSessionDto>,
    /// The member's last completion in this course.
    pub last_activity_at: Option<Timestamp>,
    /// Each session in order.
    pub sessions: Vec<SessionProgressDto>,
}

fn position(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl From<Progress> for CourseProgressDto {
    fn from(p: Progress) -> Self {
        Self {
            course_id: p.course_id,
            total_sessions: position(p.sessions.len()),
            completed_sessions: position(p.completed_sessions()),
            completed: p.completed_at.is_some(),
            completed_at: p.completed_at.map(Into::into),
            next_session: p.next().map(|(i, item_id)| NextSessionDto {
                position: position(i),
                item_id,
            }),
            last_activity_at: p.last_activity_at.map(Into::into),
            sessions: p
                .sessions
                .iter()
                .enumerate()
                .map(|(i, (item_id, at))| SessionProgressDto {
                    position: position(i),
                    item_id: *item_id,
                    completed_at: at.map(Into::into),
                })
                .collect(),
        }
    }
}
