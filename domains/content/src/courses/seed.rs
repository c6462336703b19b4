//! Ten demo courses for `haven seed`, built from whatever items are published (the
//! catalog seed runs first). Idempotent: a course whose English title exists is left
//! alone, so running it again, or after more items were seeded, creates nothing twice.

use std::collections::BTreeSet;

use haven_platform::module::Seeded;

use super::service::{CourseInput, CourseTextInput};
use crate::items::model::{ItemId, Kind};
use crate::service::ContentService;

/// `(title en, title es, description, category, kinds, sessions)`.
type Spec = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [Kind],
    usize,
);

const COURSES: [Spec; 10] = [
    (
        "Basics of Mindfulness",
        "Fundamentos de la atención plena",
        "Ten short sessions to start a daily practice.",
        "focus",
        &[Kind::Meditation],
        10,
    ),
    (
        "Sleep Better in 7 Nights",
        "Dormir mejor en 7 noches",
        "A week of evenings that end in sleep.",
        "sleep",
        &[Kind::Sleepcast, Kind::WindDown],
        7,
    ),
    (
        "Stress Less at Work",
        "Menos estrés en el trabajo",
        "Short resets for a busy day.",
        "stress",
        &[Kind::Exercise, Kind::Meditation],
        6,
    ),
    (
        "Calm Mornings",
        "Mañanas tranquilas",
        "Begin the day grounded.",
        "focus",
        &[Kind::Meditation, Kind::Movement],
        5,
    ),
    (
        "Wind Down Week",
        "Semana para desconectar",
        "Seven evenings of letting go.",
        "sleep",
        &[Kind::WindDown],
        7,
    ),
    (
        "Move and Breathe",
        "Muévete y respira",
        "Gentle movement with the breath.",
        "energy",
        &[Kind::Movement, Kind::Exercise],
        5,
    ),
    (
        "Soundscapes for Focus",
        "Paisajes sonoros para concentrarse",
        "Background sound for deep work.",
        "focus",
        &[Kind::Soundscape, Kind::Music],
        5,
    ),
    (
        "Managing Anxiety",
        "Manejar la ansiedad",
        "Tools for anxious moments.",
        "anxiety",
        &[Kind::Exercise, Kind::Meditation],
        8,
    ),
    (
        "Self-Compassion",
        "Autocompasión",
        "Kindness toward yourself, one session a day.",
        "self_care",
        &[Kind::Meditation],
        6,
    ),
    (
        "Deep Sleep Stories",
        "Historias para dormir profundo",
        "Stories to drift off to.",
        "sleep",
        &[Kind::Sleepcast],
        6,
    ),
];

impl ContentService {
    /// Creates and publishes the demo courses that do not exist yet.
    pub async fn seed_courses(&self) -> anyhow::Result<Seeded> {
        self.catalog.refresh().await?;
        let snap = self.catalog.snapshot().await?;
        if snap.items().is_empty() {
            return Ok(Seeded::Done {
                created: 0,
                notes: vec!["content: no published items yet, so no demo courses".to_owned()],
            });
        }
        let existing: BTreeSet<String> = self
            .courses_titled(&self.config.default_locale)
            .await?
            .into_iter()
            .collect();
        let mut created = 0;
        for (i, (en, es, description, category, kinds, n)) in COURSES.iter().enumerate() {
            if existing.contains(*en) {
                continue;
            }
            let mut pool: Vec<ItemId> = snap
                .items()
                .iter()
                .filter(|it| kinds.contains(&it.doc.kind))
                .map(|it| it.id)
                .collect();
            if pool.len() < 2 {
                pool = snap.items().iter().map(|it| it.id).collect();
            }
            // Different courses start at different items of the same pool.
            let start = (i * 3) % pool.len();
            let sessions: Vec<ItemId> = (0..(*n).min(pool.len()))
                .map(|k| pool[(start + k) % pool.len()])
                .collect();
            let input = CourseInput {
                categories: vec![(*category).to_owned()],
                texts: vec![
                    CourseTextInput {
                        locale: self.config.default_locale.to_string(),
                        title: (*en).to_owned(),
                        description: (*description).to_owned(),
                    },
                    CourseTextInput {
                        locale: "es".to_owned(),
                        title: (*es).to_owned(),
                        description: (*description).to_owned(),
                    },
                ],
                sessions,
            };
            self.create_and_publish_course(input).await?;
            created += 1;
        }
        Ok(Seeded::Done {
            created,
            notes: Vec::new(),
        })
    }
}
