//! Wire shapes of media.

use chrono::{DateTime, Utc};
use poem_openapi::payload::Binary;
use poem_openapi::{ApiRequest, Object};

use super::model::{Media, MediaId, Slot};
use super::service::{SignedUrl, Upload};
use super::sniff::MediaType;
use crate::items::model::ItemId;
use crate::service::utc;

/// An uploaded media object.
#[derive(Debug, Object)]
#[oai(rename = "ContentMedia")]
pub struct MediaDto {
    /// `med_…`.
    pub id: MediaId,
    /// The item.
    pub item_id: ItemId,
    /// `image`, or `audio` with `duration_s`.
    pub slot: String,
    /// The variant's length, for audio.
    pub duration_s: Option<u32>,
    /// The type its first bytes show.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// When it was uploaded.
    pub created_at: DateTime<Utc>,
}

impl From<Media> for MediaDto {
    fn from(m: Media) -> Self {
        let (slot, duration_s) = match m.slot {
            Slot::Image => ("image", None),
            Slot::Audio(d) => ("audio", Some(d)),
        };
        Self {
            id: m.id,
            item_id: m.item_id,
            slot: slot.to_owned(),
            duration_s,
            content_type: m.content_type,
            size_bytes: m.size_bytes,
            created_at: utc(m.created_at),
        }
    }
}

/// A signed URL of a variant's audio.
#[derive(Debug, Object)]
#[oai(rename = "ContentMediaUrl")]
pub struct MediaUrlDto {
    /// Path and query relative to the API's base URL; `GET` it (with `Range` if you
    /// like) without an `Authorization` header until `expires_at`.
    pub url: String,
    /// When the URL stops working.
    pub expires_at: DateTime<Utc>,
    /// MIME type of the audio.
    pub content_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
}

impl From<SignedUrl> for MediaUrlDto {
    fn from(s: SignedUrl) -> Self {
        Self {
            url: s.url,
            expires_at: DateTime::from_timestamp(s.expires_at, 0).unwrap_or_default(),
            content_type: s.content_type,
            size_bytes: s.size_bytes,
        }
    }
}

/// An audio file, streamed: its type is checked against its first bytes.
#[derive(ApiRequest)]
pub enum AudioUpload {
    /// MP3.
    #[oai(content_type = "audio/mpeg")]
    Mpeg(Binary<poem::Body>),
    /// WAV.
    #[oai(content_type = "audio/wav")]
    Wav(Binary<poem::Body>),
    /// Ogg (Vorbis, Opus).
    #[oai(content_type = "audio/ogg")]
    Ogg(Binary<poem::Body>),
    /// FLAC.
    #[oai(content_type = "audio/flac")]
    Flac(Binary<poem::Body>),
    /// M4A (AAC in MP4).
    #[oai(content_type = "audio/mp4")]
    Mp4(Binary<poem::Body>),
}

/// An image, streamed: its type is checked against its first bytes.
#[derive(ApiRequest)]
pub enum ImageUpload {
    /// JPEG.
    #[oai(content_type = "image/jpeg")]
    Jpeg(Binary<poem::Body>),
    /// PNG.
    #[oai(content_type = "image/png")]
    Png(Binary<poem::Body>),
    /// WebP.
    #[oai(content_type = "image/webp")]
    Webp(Binary<poem::Body>),
}

fn upload(declared: MediaType, body: poem::Body) -> Upload {
    use futures_util::StreamExt;
    Upload {
        declared,
        body: body.into_bytes_stream().boxed(),
    }
}

impl From<AudioUpload> for Upload {
    fn from(a: AudioUpload) -> Self {
        match a {
            AudioUpload::Mpeg(b) => upload(MediaType::Mp3, b.0),
            AudioUpload::Wav(b) => upload(MediaType::Wav, b.0),
            AudioUpload::Ogg(b) => upload(MediaType::Ogg, b.0),
            AudioUpload::Flac(b) => upload(MediaType::Flac, b.0),
            AudioUpload::Mp4(b) => upload(MediaType::Mp4, b.0),
        }
    }
}

impl From<ImageUpload> for Upload {
    fn from(i: ImageUpload) -> Self {
        match i {
            ImageUpload::Jpeg(b) => upload(MediaType::Jpeg, b.0),
            ImageUpload::Png(b) => upload(MediaType::Png, b.0),
            ImageUpload::Webp(b) => upload(MediaType::Webp, b.0),
        }
    }
}
