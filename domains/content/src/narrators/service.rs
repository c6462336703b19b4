//! Narrator use-cases: create and replace (with `If-Match`). A change is visible to
//! members at once (narrators have no draft), so each bumps the catalog version.

use std::collections::BTreeMap;

use haven_platform::Unexpected;
use haven_platform::time::now_utc;

use super::error::{CreateNarratorError, NarratorError, NarratorReadError};
use super::model::{Narrator, NarratorId, NarratorInput};
use super::repo::{self, NarratorRow};
use crate::catalog::repo as catalog_repo;
use crate::error::Problems;
use crate::locale::Locale;
use crate::preconditions::check_revision;
use crate::rules::{DESCRIPTION_MAX, NAME_MAX, URL_MAX};
use crate::service::{ContentService, utc};

struct Clean {
    name: String,
    photo_url: Option<String>,
    bios: BTreeMap<Locale, String>,
}

fn clean(input: NarratorInput) -> Result<Clean, haven_platform::Invalid> {
    let mut p = Problems::default();
    p.length("name", &input.name, 1, NAME_MAX);
    if let Some(url) = &input.photo_url {
        let ok = url.len() <= URL_MAX
            && url.strip_prefix("https://").is_some_and(|rest| {
                !rest.is_empty() && rest.bytes().all(|b| (b'!'..=b'~').contains(&b))
            });
        if !ok {
            p.push(
                "photo_url",
                "invalid",
                "An https:// URL of at most 500 characters.",
            );
        }
    }
    let mut bios = BTreeMap::new();
    for (i, (locale, bio)) in input.bios.into_iter().enumerate() {
        p.length(format!("bios[{i}].text"), &bio, 0, DESCRIPTION_MAX);
        match Locale::parse(&locale) {
            None => p.push(
                format!("bios[{i}].locale"),
                "invalid",
                "A locale tag such as `es-MX`.",
            ),
            Some(l) => {
                if bios.insert(l, bio.trim().to_owned()).is_some() {
                    p.push(
                        format!("bios[{i}].locale"),
                        "duplicate",
                        "Another bio has this locale.",
                    );
                }
            }
        }
    }
    p.finish()?;
    Ok(Clean {
        name: input.name.trim().to_owned(),
        photo_url: input.photo_url,
        bios,
    })
}

fn narrator_from(row: NarratorRow) -> Result<Narrator, Unexpected> {
    Ok(Narrator {
        id: row.id,
        name: row.name,
        photo_url: row.photo_url,
        bios: serde_json::from_str(&row.bios)
            .map_err(Unexpected::with("content_narrators.bios"))?,
        revision: row.revision,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    })
}

impl ContentService {
    /// Creates a narrator (visible to members at once).
    pub async fn create_narrator(
        &self,
        input: NarratorInput,
    ) -> Result<Narrator, CreateNarratorError> {
        let c = clean(input)?;
        let now = now_utc();
        let row = NarratorRow {
            id: NarratorId::new(),
            name: c.name,
            photo_url: c.photo_url,
            bios: serde_json::to_string(&c.bios).map_err(Unexpected::with("bios"))?,
            revision: 1,
            created_at: now,
            updated_at: now,
        };
        let (narrator, version) = self
            .db
            .write(move |conn| {
                repo::insert(conn, &row)?;
                let v = catalog_repo::bump(conn, now)?;
                Ok::<_, CreateNarratorError>((narrator_from(row)?, v))
            })
            .await?;
        self.catalog.expect(version);
        Ok(narrator)
    }

    /// The narrator as editors see it.
    pub async fn narrator(&self, id: &NarratorId) -> Result<Narrator, NarratorReadError> {
        let id = *id;
        self.db
            .read_primary(move |conn| {
                let row = repo::find(conn, &id)?.ok_or(NarratorReadError::NotFound)?;
                Ok(narrator_from(row)?)
            })
            .await
    }

    /// Replaces a narrator if `expected` is its current revision.
    pub async fn replace_narrator(
        &self,
        id: &NarratorId,
        expected: i64,
        input: NarratorInput,
    ) -> Result<Narrator, NarratorError> {
        let c = clean(input)?;
        let id = *id;
        let bios = serde_json::to_string(&c.bios).map_err(Unexpected::with("bios"))?;
        let (narrator, version) = self
            .db
            .write(move |conn| {
                let mut row = repo::lock(conn, &id)?.ok_or(NarratorError::NotFound)?;
                check_revision(expected, row.revision).map_err(NarratorError::Precondition)?;
                let now = now_utc();
                row.name = c.name;
                row.photo_url = c.photo_url;
                row.bios = bios;
                row.revision += 1;
                row.updated_at = now;
                repo::update(conn, &row)?;
                let v = catalog_repo::bump(conn, now)?;
                Ok::<_, NarratorError>((narrator_from(row)?, v))
            })
            .await?;
        self.catalog.expect(version);
        Ok(narrator)
    }
}
