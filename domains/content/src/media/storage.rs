//! Where media objects live: behind [`MediaStorage`], a directory (the embedded default)
//! or an S3-compatible bucket, both through `object_store` so uploads stream in parts and
//! reads take byte ranges on either.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use bytes::Bytes;
use futures_util::future::BoxFuture;
use futures_util::stream::BoxStream;
use futures_util::{StreamExt, TryStreamExt};
use haven_platform::config::{MediaBackend, MediaSettings};
use object_store::buffered::BufWriter;
use object_store::path::Path;
use object_store::{GetOptions, GetRange, ObjectStore};
use tokio::io::AsyncWriteExt;

/// Why an upload stopped.
#[derive(Debug, thiserror::Error)]
pub enum PutError {
    /// The body grew past `content.media.max_upload_bytes`.
    #[error("too large")]
    TooLarge,
    /// The client's body failed (disconnect).
    #[error("request body: {0}")]
    Body(std::io::Error),
    /// The storage failed.
    #[error("storage: {0}")]
    Storage(#[from] object_store::Error),
}

/// A chunk of an upload, or why the body stopped.
pub type Chunk = Result<Bytes, PutError>;

/// Stores media objects by key (`items/itm_…/med_….wav`).
pub trait MediaStorage: Send + Sync + 'static {
    /// Streams `body` into `key`; on any error nothing is left at `key`. Returns the size.
    fn put(
        &self,
        key: &str,
        body: BoxStream<'static, Chunk>,
    ) -> BoxFuture<'_, Result<u64, PutError>>;

    /// The object's size, `None` when absent.
    fn size<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<Option<u64>>>;

    /// The bytes `range` of the object, streamed.
    fn read<'a>(
        &'a self,
        key: &'a str,
        range: Range<u64>,
    ) -> BoxFuture<'a, anyhow::Result<BoxStream<'static, std::io::Result<Bytes>>>>;

    /// Removes the object (absent is fine).
    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>>;
}

/// [`MediaStorage`] over any `object_store` backend.
#[derive(Debug)]
pub struct ObjectStorage {
    /// Opened at start, or on first use for a directory that does not exist yet: commands
    /// that never touch media (`haven openapi`, `config check`) create nothing, and a
    /// node on a read-only disk starts.
    store: tokio::sync::OnceCell<Arc<dyn ObjectStore>>,
    /// The directory to create on first use, when it was missing at start.
    missing_dir: Option<PathBuf>,
}

impl ObjectStorage {
    /// The backend `content.media` names.
    pub fn from_settings(s: &MediaSettings) -> anyhow::Result<Self> {
        let store: Arc<dyn ObjectStore> = match s.backend {
            MediaBackend::Directory if !s.dir.is_dir() => {
                return Ok(Self {
                    store: tokio::sync::OnceCell::new(),
                    missing_dir: Some(s.dir.clone()),
                });
            }
            MediaBackend::Directory => Arc::new(
                object_store::local::LocalFileSystem::new_with_prefix(&s.dir)?,
            ),
            MediaBackend::S3 => {
                let mut b = object_store::aws::AmazonS3Builder::from_env()
                    .with_bucket_name(s.s3_bucket.clone().unwrap_or_default())
                    .with_region(&s.s3_region)
                    .with_allow_http(s.s3_allow_http);
                if let Some(endpoint) = &s.s3_endpoint {
                    b = b.with_endpoint(endpoint);
                }
                if let (Some(id), Some(secret)) = (&s.s3_access_key_id, &s.s3_secret_access_key) {
                    b = b
                        .with_access_key_id(id)
                        .with_secret_access_key(secret.expose());
                }
                Arc::new(b.build()?)
            }
        };
        Ok(Self {
            store: tokio::sync::OnceCell::new_with(Some(store)),
            missing_dir: None,
        })
    }

    /// The backend, creating the directory on first use if it was missing at start.
    async fn store(&self) -> Result<&Arc<dyn ObjectStore>, object_store::Error> {
        self.store
            .get_or_try_init(|| async {
                let dir = self.missing_dir.as_ref().ok_or_else(|| {
                    io_to_store(std::io::Error::other("media storage not initialised"))
                })?;
                tokio::fs::create_dir_all(dir).await.map_err(|e| {
                    io_to_store(std::io::Error::other(format!(
                        "content.media.dir {}: {e}",
                        dir.display()
                    )))
                })?;
                let local = object_store::local::LocalFileSystem::new_with_prefix(dir)?;
                Ok(Arc::new(local) as Arc<dyn ObjectStore>)
            })
            .await
    }

    fn path(key: &str) -> anyhow::Result<Path> {
        Ok(Path::parse(key)?)
    }
}

impl MediaStorage for ObjectStorage {
    fn put(
        &self,
        key: &str,
        mut body: BoxStream<'static, Chunk>,
    ) -> BoxFuture<'_, Result<u64, PutError>> {
        let path = Path::from(key);
        Box::pin(async move {
            // Small bodies are one PUT, larger ones a multipart upload of 10 MiB parts:
            // memory stays bounded by the part size whatever the upload's size.
            let mut w = BufWriter::new(self.store().await?.clone(), path);
            let mut size = 0u64;
            let outcome: Result<(), PutError> = async {
                while let Some(chunk) = body.next().await {
                    let chunk = chunk?;
                    size += chunk.len() as u64;
                    w.write_all(&chunk)
                        .await
                        .map_err(|e| PutError::Storage(io_to_store(e)))?;
                }
                w.shutdown()
                    .await
                    .map_err(|e| PutError::Storage(io_to_store(e)))
            }
            .await;
            match outcome {
                Ok(()) => Ok(size),
                Err(e) => {
                    if let Err(abort) = w.abort().await {
                        tracing::warn!(error = %abort, "aborting a media upload failed");
                    }
                    Err(e)
                }
            }
        })
    }

    fn size<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<Option<u64>>> {
        Box::pin(async move {
            match self.store().await?.head(&Self::path(key)?).await {
                Ok(meta) => Ok(Some(meta.size)),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(e.into()),
            }
        })
    }

    fn read<'a>(
        &'a self,
        key: &'a str,
        range: Range<u64>,
    ) -> BoxFuture<'a, anyhow::Result<BoxStream<'static, std::io::Result<Bytes>>>> {
        Box::pin(async move {
            let opts = GetOptions {
                range: Some(GetRange::Bounded(range)),
                ..GetOptions::default()
            };
            let got = self
                .store()
                .await?
                .get_opts(&Self::path(key)?, opts)
                .await?;
            Ok(got.into_stream().map_err(std::io::Error::other).boxed())
        })
    }

    fn delete<'a>(&'a self, key: &'a str) -> BoxFuture<'a, anyhow::Result<()>> {
        Box::pin(async move {
            match self.store().await?.delete(&Self::path(key)?).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
                Err(e) => Err(e.into()),
            }
        })
    }
}

fn io_to_store(e: std::io::Error) -> object_store::Error {
    object_store::Error::Generic {
        store: "media",
        source: Box::new(e),
    }
}
