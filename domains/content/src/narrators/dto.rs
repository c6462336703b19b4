//! Wire types of narrators.

use haven_platform::http::text::{List, Text};
use haven_platform::http::timestamp::Timestamp;
use poem_openapi::Object;

use super::model::{Narrator, NarratorId, NarratorInput};
use crate::rules;

/// A biography in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentBioInput", deny_unknown_fields)]
pub struct BioInput {
    /// BCP 47 tag `language[-Script][-REGION]`, one bio per locale.
    pub locale: Text<rules::LocaleTag>,
    /// The biography, at most 4000 characters.
    pub text: Text<rules::Description>,
}

/// A narrator as editors set it (`POST` creates, `PUT` replaces).
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentNarratorInput", deny_unknown_fields)]
pub struct NarratorBody {
    /// Display name, 1–100 characters.
    pub name: Text<rules::Name>,
    /// Photo, an `https://` URL of at most 500 characters.
    pub photo_url: Option<Text<rules::HttpsUrl>>,
    /// Biographies, one per locale, at most 20.
    #[oai(default = "no_bios")]
    pub bios: List<BioInput, rules::Bios>,
}

fn no_bios() -> List<BioInput, rules::Bios> {
    List::new(Vec::new())
}

impl From<NarratorBody> for NarratorInput {
    fn from(b: NarratorBody) -> Self {
        Self {
            name: b.name.into_inner(),
            photo_url: b.photo_url.map(Text::into_inner),
            bios: b
                .bios
                .into_inner()
                .into_iter()
                .map(|x| (x.locale.into_inner(), x.text.into_inner()))
                .collect(),
        }
    }
}

/// A biography in one locale.
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentBio")]
pub struct BioDto {
    /// The locale.
    pub locale: String,
    /// The biography.
    pub text: String,
}

/// A narrator as editors see it (every locale).
#[derive(Debug, Clone, Object)]
#[oai(rename = "ContentAdminNarrator")]
pub struct AdminNarratorDto {
    /// The id.
    pub id: NarratorId,
    /// Name.
    pub name: String,
    /// Photo URL.
    pub photo_url: Option<String>,
    /// Biographies by locale.
    pub bios: Vec<BioDto>,
    /// Revision; the `ETag` is `"r{revision}"`.
    pub revision: i64,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

impl From<Narrator> for AdminNarratorDto {
    fn from(n: Narrator) -> Self {
        Self {
            id: n.id,
            name: n.name,
            photo_url: n.photo_url,
            bios: n
                .bios
                .into_iter()
                .map(|(l, text)| BioDto {
                    locale: l.to_string(),
                    text,
                })
                .collect(),
            revision: n.revision,
            created_at: n.created_at.into(),
            updated_at: n.updated_at.into(),
        }
    }
}
