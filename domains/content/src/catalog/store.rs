//! The node's copy of the published catalog: an [`ArcSwap`] of an immutable
//! [`Snapshot`], replaced whole when the catalog version in the database moves. Readers
//! take the current `Arc` without a lock or a query; a rebuild happens off the read path
//! (the refresher every `content.catalog_refresh_ms`) or, right after this node's own
//! publish, on the next read.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use arc_swap::ArcSwap;
use haven_platform::{AnyConnection, Db, Unexpected};

use super::repo;
use super::snapshot::{CatalogCourse, CatalogItem, CatalogNarrator, Snapshot};
use crate::courses::repo as courses_repo;
use crate::items::model::ItemDocument;
use crate::items::repo as items_repo;
use crate::narrators::repo as narrators_repo;
use haven_platform::Fault;

/// The current snapshot and how to refresh it.
#[derive(Debug)]
pub struct CatalogStore {
    db: Db,
    current: ArcSwap<Snapshot>,
    /// The newest version this node knows exists (its own publishes set it before their
    /// commit): a snapshot older than this is refreshed on the next read.
    wanted: AtomicI64,
    /// One rebuild at a time; concurrent readers wait for it instead of repeating it.
    rebuilding: tokio::sync::Mutex<()>,
}

impl CatalogStore {
    /// An empty store; the first read loads the snapshot.
    pub fn new(db: Db) -> Arc<Self> {
        Arc::new(Self {
            db,
            current: ArcSwap::from_pointee(Snapshot::unloaded()),
            wanted: AtomicI64::new(0),
            rebuilding: tokio::sync::Mutex::new(()),
        })
    }

    /// The current snapshot, loading it first if this node has none yet or knows of a
    /// newer version (its own publish).
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>, Fault> {
        let snap = self.current.load_full();
        if snap.version >= self.wanted.load(Ordering::Acquire) {
            return Ok(snap);
        }
        self.refresh().await?;
        Ok(self.current.load_full())
    }

    /// Notes that version `v` exists (this node's publish): the next read refreshes.
    pub fn expect(&self, v: i64) {
        self.wanted.fetch_max(v, Ordering::AcqRel);
    }

    /// Rebuilds the snapshot when the database's version differs from it. Returns the
    /// version now served.
    pub async fn refresh(&self) -> Result<i64, Fault> {
        let _one = self.rebuilding.lock().await;
        let have = self.current.load().version;
        let built = self
            .db
            .read_primary(move |conn| -> Result<Option<Snapshot>, Fault> {
                let version = repo::version(conn)?;
                if version == have {
                    return Ok(None);
                }
                Ok(Some(build(conn, version)?))
            })
            .await?;
        let served = match built {
            Some(snap) => {
                let v = snap.version;
                self.current.store(Arc::new(snap));
                metrics::counter!("haven_content_snapshot_builds_total").increment(1);
                tracing::debug!(version = v, "content catalog snapshot rebuilt");
                v
            }
            None => have,
        };
        // A wanted version that never committed (a rolled-back publish) must not make
        // every read query the database.
        let _ = self
            .wanted
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |w| {
                (w > served).then_some(served)
            });
        Ok(served)
    }

    /// Checks the version every `every` until the store is dropped (the platform's
    /// per-node refresher).
    pub fn spawn_refresher(self: &Arc<Self>, every: Duration) {
        haven_platform::refresher::spawn_refresher(
            self,
            every,
            "content catalog",
            |store| async move { store.refresh().await.map(drop) },
        );
    }
}

/// Reads the whole published catalog at `version` (inside the caller's read
/// transaction, so the rows are those of that version).
fn build(conn: &mut AnyConnection, version: i64) -> Result<Snapshot, Fault> {
    let mut items = Vec::new();
    for row in items_repo::published_items(conn)? {
        let Some(json) = row.published.as_deref() else {
            continue;
        };
        let doc: ItemDocument =
            serde_json::from_str(json).map_err(Unexpected::with("content_items.published"))?;
        items.push(CatalogItem {
            id: row.id,
            doc,
            first_published_at: row.first_published_at.unwrap_or(row.created_at),
        });
    }
    let mut narrators = Vec::new();
    for row in narrators_repo::all(conn)? {
        narrators.push(CatalogNarrator {
            id: row.id,
            name: row.name,
            photo_url: row.photo_url,
            bios: serde_json::from_str(&row.bios)
                .map_err(Unexpected::with("content_narrators.bios"))?,
        });
    }
    let mut courses = Vec::new();
    for row in courses_repo::published(conn)? {
        let Some(json) = row.published.as_deref() else {
            continue;
        };
        courses.push(CatalogCourse {
            id: row.id,
            doc: serde_json::from_str(json)
                .map_err(Unexpected::with("content_courses.published"))?,
            first_published_at: row.first_published_at.unwrap_or(row.created_at),
        });
    }
    Ok(Snapshot::new(version, items, narrators)
        .with_courses(courses)
        .with_search())
}
