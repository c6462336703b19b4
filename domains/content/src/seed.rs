//! `haven seed`: a demo catalog of 154 published items of every kind, 4 narrators and
//! three locales (`en` always, `es` and `fr` for some items only, to show fallback),
//! each variant with a short generated tone stored through the media storage so
//! playback really plays. Items are found again by their English title: a second run
//! creates nothing, and a run cut short is completed by the next.

use std::collections::{HashMap, HashSet};

use bytes::Bytes;
use futures_util::StreamExt;
use haven_platform::ids::UserId;
use haven_platform::module::Seeded;

use crate::items::model::{Kind, Status, Variant};
use crate::items::service::{ItemInput, PublishInput, TextInput};
use crate::media::model::Slot;
use crate::media::service::Upload;
use crate::media::sniff::MediaType;
use crate::media::wav;
use crate::narrators::model::{NarratorId, NarratorInput};
use crate::service::ContentService;

/// Items per kind (7 kinds: 154 items).
const PER_KIND: usize = 22;

const NARRATORS: [(&str, &str, &str, Option<&str>); 4] = [
    (
        "Ava Lindqvist",
        "Ava teaches mindfulness for sleep and stress.",
        "Ava enseña atención plena para dormir.",
        Some("Ava enseigne la pleine conscience."),
    ),
    (
        "Mateo Ruiz",
        "Mateo guides breathing and movement.",
        "Mateo guía la respiración y el movimiento.",
        None,
    ),
    (
        "Noor Haddad",
        "Noor tells slow stories for the evening.",
        "Noor cuenta historias lentas para la noche.",
        Some("Noor raconte des histoires lentes."),
    ),
    (
        "Jonah Park",
        "Jonah leads focus and energy sessions.",
        "Jonah dirige sesiones de concentración.",
        None,
    ),
];

/// `(english, spanish, french)` words per kind, combined into titles.
/// `(english, spanish, french)` title words.
type Titles = &'static [(&'static str, &'static str, &'static str)];

fn words(kind: Kind) -> (Titles, &'static str, &'static [&'static str]) {
    match kind {
        Kind::Meditation => (
            &[
                ("Calm", "Calma", "Calme"),
                ("Body Scan", "Escaneo corporal", "Scan corporel"),
                ("Loving Kindness", "Bondad amorosa", "Bienveillance"),
                ("Gratitude", "Gratitud", "Gratitude"),
                ("Letting Go", "Soltar", "Lâcher prise"),
                ("Clarity", "Claridad", "Clarté"),
            ],
            "meditation",
            &["stress", "anxiety"],
        ),
        Kind::Sleepcast => (
            &[
                ("Rainy Harbor", "Puerto lluvioso", "Port pluvieux"),
                ("Night Train", "Tren nocturno", "Train de nuit"),
                (
                    "Mountain Cabin",
                    "Cabaña en la montaña",
                    "Chalet de montagne",
                ),
                (
                    "Desert Stars",
                    "Estrellas del desierto",
                    "Étoiles du désert",
                ),
                ("Lighthouse", "Faro", "Phare"),
                ("Old Library", "Biblioteca antigua", "Vieille bibliothèque"),
            ],
            "sleep",
            &["sleep", "story"],
        ),
        Kind::Soundscape => (
            &[
                ("Forest Rain", "Lluvia en el bosque", "Pluie en forêt"),
                ("Ocean Waves", "Olas del océano", "Vagues de l'océan"),
                ("Crackling Fire", "Fuego crepitante", "Feu crépitant"),
                ("Summer Night", "Noche de verano", "Nuit d'été"),
                (
                    "Mountain Stream",
                    "Arroyo de montaña",
                    "Ruisseau de montagne",
                ),
                ("Soft Wind", "Viento suave", "Vent doux"),
            ],
            "sleep",
            &["nature", "ambient"],
        ),
        Kind::Music => (
            &[
                ("Piano Drift", "Piano a la deriva", "Piano flottant"),
                ("Ambient Glow", "Brillo ambiental", "Lueur ambiante"),
                ("Lo-fi Focus", "Concentración lo-fi", "Concentration lo-fi"),
                (
                    "Cello Dreams",
                    "Sueños de violonchelo",
                    "Rêves de violoncelle",
                ),
                ("Deep Drone", "Zumbido profundo", "Bourdon profond"),
                ("Harp Morning", "Mañana de arpa", "Matin de harpe"),
            ],
            "focus",
            &["music", "instrumental"],
        ),
        Kind::Movement => (
            &[
                ("Gentle Stretch", "Estiramiento suave", "Étirement doux"),
                ("Desk Yoga", "Yoga de escritorio", "Yoga de bureau"),
                ("Morning Flow", "Flujo matutino", "Flux du matin"),
                ("Mindful Walk", "Caminata consciente", "Marche consciente"),
                ("Neck Release", "Alivio del cuello", "Détente de la nuque"),
                ("Balance", "Equilibrio", "Équilibre"),
            ],
            "movement",
            &["yoga", "body"],
        ),
        Kind::Exercise => (
            &[
                (
                    "Box Breathing",
                    "Respiración cuadrada",
                    "Respiration carrée",
                ),
                ("Grounding", "Enraizamiento", "Ancrage"),
                ("Panic Reset", "Reinicio del pánico", "Apaiser la panique"),
                ("Energy Boost", "Impulso de energía", "Regain d'énergie"),
                ("Quick Reset", "Reinicio rápido", "Pause rapide"),
                ("Five Senses", "Cinco sentidos", "Cinq sens"),
            ],
            "stress",
            &["breathing", "quick"],
        ),
        Kind::WindDown => (
            &[
                (
                    "Evening Reflection",
                    "Reflexión nocturna",
                    "Réflexion du soir",
                ),
                ("Unwind", "Desconectar", "Décompresser"),
                ("Day Review", "Repaso del día", "Bilan de la journée"),
                ("Slow Down", "Bajar el ritmo", "Ralentir"),
                ("Warm Bath", "Baño tibio", "Bain chaud"),
                ("Quiet Mind", "Mente tranquila", "Esprit tranquille"),
            ],
            "sleep",
            &["evening", "relax"],
        ),
    }
}

fn durations(kind: Kind) -> &'static [u32] {
    match kind {
        Kind::Exercise => &[60, 180],
        Kind::Movement => &[300, 600],
        Kind::Sleepcast | Kind::Soundscape | Kind::Music => &[900, 1800, 2700],
        Kind::Meditation | Kind::WindDown => &[300, 600, 1200],
    }
}

const NUMERALS: [&str; 4] = ["", " II", " III", " IV"];

impl ContentService {
    /// Loads the demo catalog (see the module's doc).
    pub async fn seed_demo(&self) -> anyhow::Result<Seeded> {
        let actor = UserId::new();
        let mut created = 0u32;

        let mut narrators: Vec<NarratorId> = Vec::new();
        let existing: HashMap<String, NarratorId> = self
            .db
            .read_primary(|conn| {
                crate::narrators::repo::all(conn).map_err(haven_platform::DbError::from)
            })
            .await?
            .into_iter()
            .map(|n| (n.name, n.id))
            .collect();
        for (name, en, es, fr) in NARRATORS {
            if let Some(id) = existing.get(name) {
                narrators.push(*id);
                continue;
            }
            let mut bios = vec![
                ("en".to_owned(), en.to_owned()),
                ("es".to_owned(), es.to_owned()),
            ];
            if let Some(fr) = fr {
                bios.push(("fr".to_owned(), fr.to_owned()));
            }
            let n = self
                .create_narrator(NarratorInput {
                    name: name.to_owned(),
                    photo_url: None,
                    bios,
                })
                .await
                .map_err(|e| anyhow::anyhow!("demo narrator {name}: {e}"))?;
            narrators.push(n.id);
            created += 1;
        }

        let known = self.demo_items().await?;
        let mut n = 0usize;
        for kind in Kind::ALL {
            let (titles, category, tags) = words(kind);
            for i in 0..PER_KIND {
                n += 1;
                let (en, es, fr) = titles[i % titles.len()];
                let suffix = NUMERALS[(i / titles.len()) % NUMERALS.len()];
                let title = format!("{en}{suffix}");
                let mut texts = vec![TextInput {
                    locale: "en".into(),
                    title: title.clone(),
                    subtitle: None,
                    description: format!(
                        "A {} session: {}.",
                        kind.as_str().replace('_', " "),
                        en.to_lowercase()
                    ),
                }];
                if !n.is_multiple_of(3) {
                    texts.push(TextInput {
                        locale: "es".into(),
                        title: format!("{es}{suffix}"),
                        subtitle: None,
                        description: format!("Una sesión: {}.", es.to_lowercase()),
                    });
                }
                if n.is_multiple_of(2) {
                    texts.push(TextInput {
                        locale: "fr".into(),
                        title: format!("{fr}{suffix}"),
                        subtitle: None,
                        description: format!("Une séance : {}.", fr.to_lowercase()),
                    });
                }
                let narrated = !matches!(kind, Kind::Music | Kind::Soundscape);
                let ds = durations(kind);
                let variants: Vec<Variant> = ds
                    .iter()
                    .enumerate()
                    .map(|(j, &d)| Variant {
                        duration_s: d,
                        narrator_id: narrated.then(|| narrators[(n + j) % narrators.len()]),
                        // The longest variant of every other item is premium.
                        premium: j + 1 == ds.len() && n % 2 == 1,
                    })
                    .collect();
                let key = (kind, title.clone());
                let (id, status) = match known.get(&key) {
                    Some(found) => *found,
                    None => {
                        let item = self
                            .create_item(
                                &actor,
                                ItemInput {
                                    kind,
                                    categories: vec![category.to_owned()],
                                    tags: std::iter::once("demo")
                                        .chain(tags.iter().copied())
                                        .map(str::to_owned)
                                        .collect(),
                                    texts,
                                    variants: variants.clone(),
                                },
                            )
                            .await
                            .map_err(|e| anyhow::anyhow!("demo item {title}: {e}"))?;
                        created += 1;
                        (item.id, item.status)
                    }
                };
                for (j, v) in variants.iter().enumerate() {
                    if self.media_exists(&id, Slot::Audio(v.duration_s)).await? {
                        continue;
                    }
                    // Short tones: 3 s whatever the variant's length, so the demo
                    // stays small; each variant its own pitch.
                    let audio = Bytes::from(wav::tone(
                        3,
                        220.0 + 55.0 * (j as f32) + (n % 12) as f32 * 10.0,
                        8_000,
                    ));
                    let upload = Upload {
                        declared: MediaType::Wav,
                        body: futures_util::stream::once(async move { Ok(audio) }).boxed(),
                    };
                    self.upload_media(&actor, &id, Slot::Audio(v.duration_s), upload)
                        .await
                        .map_err(|e| anyhow::anyhow!("demo audio of {title}: {e}"))?;
                }
                if status != Status::Published {
                    let item = self.item(&id).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                    self.publish(
                        &actor,
                        &id,
                        item.revision,
                        PublishInput {
                            locales: None,
                            at: None,
                        },
                    )
                    .await
                    .map_err(|e| anyhow::anyhow!("publishing demo item {title}: {e}"))?;
                }
            }
        }
        self.catalog.refresh().await?;
        Ok(Seeded::Done {
            created,
            notes: vec![format!(
                "content: {n} demo items (en, some es and fr), {} narrators, audio in the media storage",
                NARRATORS.len()
            )],
        })
    }

    /// Demo items by `(kind, English title)`: their id and status.
    async fn demo_items(
        &self,
    ) -> anyhow::Result<HashMap<(Kind, String), (crate::items::model::ItemId, Status)>> {
        let mut out = HashMap::new();
        let mut after = None;
        let mut seen = HashSet::new();
        loop {
            let page = self
                .items(after, 100)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            for item in page {
                if !seen.insert(item.id) || !item.draft.tags.iter().any(|t| t == "demo") {
                    continue;
                }
                if let Some(en) = item.draft.texts.iter().find(|(l, _)| l.as_str() == "en") {
                    out.insert(
                        (item.draft.kind, en.1.title.clone()),
                        (item.id, item.status),
                    );
                }
            }
        }
        Ok(out)
    }
}
