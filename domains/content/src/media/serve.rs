//! `GET /v1/content/media/{key}?exp=…&kid=…&sig=…`: the media route of the embedded
//! default. The signature is the credential (no `Authorization`), checked before the
//! storage is touched; a single `Range` is answered `206`, past the end `416`. Not an
//! OpenAPI operation: its answer is raw bytes streamed from storage.

use chrono::Utc;
use poem::http::{StatusCode, header};
use poem::web::Data;
use poem::{Body, Request, Response, handler};

use super::service::MEDIA_PATH;
use super::signing::Refusal;
use super::sniff::MediaType;
use crate::error::problem;
use crate::service::ContentService;

/// The route's pattern.
pub const ROUTE: &str = "/v1/content/media/*key";

/// A byte range to send: `start..end` (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// No usable `Range`: the whole object.
    Whole,
    /// One satisfiable range.
    Part(u64, u64),
    /// A range that starts past the end.
    Unsatisfiable,
}

/// The range `Range` asks of an object of `size` bytes. Anything other than one
/// `bytes=` range (several ranges, another unit, bad syntax) is ignored, as RFC 9110
/// allows: the whole object is sent.
pub fn wanted(range: Option<&str>, size: u64) -> Wanted {
    let Some(spec) = range.and_then(|r| r.trim().strip_prefix("bytes=")) else {
        return Wanted::Whole;
    };
    if spec.contains(',') {
        return Wanted::Whole;
    }
    let Some((a, b)) = spec.trim().split_once('-') else {
        return Wanted::Whole;
    };
    let (a, b) = (a.trim(), b.trim());
    match (a.parse::<u64>().ok(), b.parse::<u64>().ok()) {
        // `bytes=-N`: the last N bytes.
        (None, Some(n)) if a.is_empty() => {
            if n == 0 || size == 0 {
                Wanted::Unsatisfiable
            } else {
                Wanted::Part(size.saturating_sub(n), size)
            }
        }
        (Some(start), None) if b.is_empty() => {
            if start >= size {
                Wanted::Unsatisfiable
            } else {
                Wanted::Part(start, size)
            }
        }
        (Some(start), Some(last)) if start <= last => {
            if start >= size {
                Wanted::Unsatisfiable
            } else {
                Wanted::Part(start, last.min(size - 1) + 1)
            }
        }
        _ => Wanted::Whole,
    }
}

fn refused(r: Refusal) -> Response {
    let p = match r {
        Refusal::Invalid => problem(
            StatusCode::FORBIDDEN,
            "media_url_invalid",
            "The media URL's signature is missing or wrong: ask for a new URL.",
        ),
        Refusal::Expired => problem(
            StatusCode::FORBIDDEN,
            "media_url_expired",
            "The media URL has expired: ask for a new URL.",
        ),
    };
    p.to_response()
}

/// Serves one media object.
#[handler]
pub async fn serve(req: &Request, service: Data<&ContentService>) -> Response {
    let path = req.uri().path();
    let query = req.uri().query().unwrap_or("");
    if let Err(r) = service
        .media
        .signer
        .verify(path, query, Utc::now().timestamp())
    {
        return refused(r);
    }
    let Some(key) = path
        .strip_prefix(MEDIA_PATH)
        .and_then(|k| k.strip_prefix('/'))
    else {
        return refused(Refusal::Invalid);
    };
    let Some(storage) = service.media.storage.as_ref() else {
        return unavailable();
    };
    let size = match storage.size(key).await {
        Ok(Some(size)) => size,
        // Signed but gone (replaced and removed since): the URL is of no use any more.
        Ok(None) => {
            return problem(
                StatusCode::NOT_FOUND,
                "not_found",
                "The media object no longer exists: ask for a new URL.",
            )
            .to_response();
        }
        Err(e) => {
            tracing::error!(error = %e, "media storage failed");
            return unavailable();
        }
    };
    let content_type = key
        .rsplit_once('.')
        .and_then(|(_, ext)| MediaType::from_ext(ext))
        .map_or("application/octet-stream", MediaType::mime);
    let range = req
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok());
    let (status, start, end) = match wanted(range, size) {
        Wanted::Whole => (StatusCode::OK, 0, size),
        Wanted::Part(s, e) => (StatusCode::PARTIAL_CONTENT, s, e),
        Wanted::Unsatisfiable => {
            let mut resp = problem(
                StatusCode::RANGE_NOT_SATISFIABLE,
                "range_not_satisfiable",
                format!("The range starts past the end of the {size}-byte object."),
            )
            .to_response();
            if let Ok(v) = format!("bytes */{size}").parse() {
                resp.headers_mut().insert(header::CONTENT_RANGE, v);
            }
            return resp;
        }
    };
    let body = if start == end {
        Body::empty()
    } else {
        match storage.read(key, start..end).await {
            Ok(stream) => Body::from_bytes_stream(stream),
            Err(e) => {
                tracing::error!(error = %e, "media storage failed");
                return unavailable();
            }
        }
    };
    let mut resp = Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::CONTENT_LENGTH, end - start)
        .header(header::ACCEPT_RANGES, "bytes")
        // The URL is a capability: keep it out of shared caches.
        .header(header::CACHE_CONTROL, "private, max-age=300")
        .body(body);
    if status == StatusCode::PARTIAL_CONTENT
        && let Ok(v) = format!("bytes {start}-{}/{size}", end - 1).parse()
    {
        resp.headers_mut().insert(header::CONTENT_RANGE, v);
    }
    resp
}

fn unavailable() -> Response {
    problem(
        StatusCode::SERVICE_UNAVAILABLE,
        "storage_unavailable",
        "The media storage is unavailable; retry later.",
    )
    .with_retry_after(5)
    .to_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_of_a_100_byte_object() {
        assert_eq!(wanted(None, 100), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=0-9"), 100), Wanted::Part(0, 10));
        assert_eq!(wanted(Some("bytes=90-"), 100), Wanted::Part(90, 100));
        assert_eq!(wanted(Some("bytes=-10"), 100), Wanted::Part(90, 100));
        assert_eq!(wanted(Some("bytes=-500"), 100), Wanted::Part(0, 100));
        assert_eq!(wanted(Some("bytes=50-500"), 100), Wanted::Part(50, 100));
        assert_eq!(wanted(Some("bytes=100-"), 100), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=200-300"), 100), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=-0"), 100), Wanted::Unsatisfiable);
        assert_eq!(wanted(Some("bytes=0-1,5-6"), 100), Wanted::Whole);
        assert_eq!(wanted(Some("items=0-1"), 100), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=9-2"), 100), Wanted::Whole);
        assert_eq!(wanted(Some("bytes=x-2"), 100), Wanted::Whole);
    }
}
