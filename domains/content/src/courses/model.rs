//! Courses as editors shape them and as members progress through them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::items::model::{ItemId, Status};
use crate::locale::Locale;

haven_platform::define_id!(
    /// A course (`crs_…`).
    CourseId,
    "crs"
);

/// Most sessions in one course.
pub const MAX_SESSIONS: usize = 60;

/// A course's text in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseText {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
}

/// The editable document of a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDocument {
    /// Categories, sorted.
    pub categories: Vec<String>,
    /// Texts per locale.
    pub texts: BTreeMap<Locale, CourseText>,
    /// The sessions' items, in course order, distinct.
    pub sessions: Vec<ItemId>,
}

/// A course as editors see it.
#[derive(Debug, Clone)]
pub struct Course {
    /// The id.
    pub id: CourseId,
    /// Its status.
    pub status: Status,
    /// Its revision (the ETag).
    pub revision: i64,
    /// The draft.
    pub draft: CourseDocument,
    /// What members see while published.
    pub published: Option<CourseDocument>,
    /// When it was first published.
    pub first_published_at: Option<DateTime<Utc>>,
    /// When it was last published.
    pub published_at: Option<DateTime<Utc>>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

/// A member's progress through a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// The course.
    pub course_id: CourseId,
    /// Each session (published items only, in order) and when it was completed.
    pub sessions: Vec<(ItemId, Option<DateTime<Utc>>)>,
    /// When the last session was completed, once every session is.
    pub completed_at: Option<DateTime<Utc>>,
    /// The last completion in the course.
    pub last_activity_at: Option<DateTime<Utc>>,
}

impl Progress {
    /// Progress from the course's sessions and the member's completions in it.
    pub fn new(
        course_id: CourseId,
        sessions: &[ItemId],
        done: &BTreeMap<ItemId, DateTime<Utc>>,
    ) -> Self {
        let sessions: Vec<_> = sessions
            .iter()
            .map(|i| (*i, done.get(i).copied()))
            .collect();
        let all = !sessions.is_empty() && sessions.iter().all(|(_, d)| d.is_some());
        let last = sessions.iter().filter_map(|(_, d)| *d).max();
        Self {
            course_id,
            completed_at: if all { last } else { None },
            last_activity_at: done.values().copied().max(),
            sessions,
        }
    }

    /// Completed sessions.
    pub fn completed_sessions(&self) -> usize {
        self.sessions.iter().filter(|(_, d)| d.is_some()).count()
    }

    /// The first session not completed yet (0-based position and item).
    pub fn next(&self) -> Option<(usize, ItemId)> {
        self.sessions
            .iter()
            .enumerate()
            .find(|(_, (_, d))| d.is_none())
            .map(|(i, (item, _))| (i, *item))
    }
}

/// Whether the sessions are distinct.
pub fn distinct(sessions: &[ItemId]) -> bool {
    sessions.iter().collect::<BTreeSet<_>>().len() == sessions.len()
}
