//! Pre-rendered JSON answers: the bytes `T`'s `ToJSON` produces, made once and answered
//! as they are. For immutable data read far more often than it changes (content's catalog
//! snapshot), so a request does not build a JSON tree and serialize it again (issue 13: a
//! browse page spent most of its CPU there). The document shows `T`'s schema, exactly as
//! for [`Json<T>`](poem_openapi::payload::Json).

use std::marker::PhantomData;

use bytes::Bytes;
use poem::http::{HeaderValue, header};
use poem::{IntoResponse, Response};
use poem_openapi::payload::{Json, Payload};
use poem_openapi::registry::{MetaSchemaRef, Registry};
use poem_openapi::types::{ToJSON, Type};

/// A JSON answer of type `T` whose bytes were rendered beforehand.
pub struct JsonBytes<T> {
    bytes: Bytes,
    _of: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for JsonBytes<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonBytes")
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl<T: ToJSON> JsonBytes<T> {
    /// `value`, rendered now: what `Json(value)` answers, for a response type that
    /// carries [`JsonBytes`].
    pub fn render_from(value: &T) -> Self {
        Self::from_rendered(Self::render(value))
    }

    /// `value` as `Json<T>` would answer it, byte for byte.
    pub fn render(value: &T) -> Bytes {
        // A `serde_json::Value` always serializes (its keys are strings); an empty body
        // here would be a bug the contract tests see at once.
        serde_json::to_vec(&value.to_json())
            .map(Bytes::from)
            .unwrap_or_default()
    }
}

impl<T> JsonBytes<T> {
    /// Answers `bytes`, which must be `T`'s JSON (from [`JsonBytes::render`], or assembled
    /// from such pieces, as [`Page`](crate::http::pagination::Page) does).
    pub fn from_rendered(bytes: Bytes) -> Self {
        Self {
            bytes,
            _of: PhantomData,
        }
    }

    /// The body.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }
}

/// The JSON object `{"<list>": [items…], "<field>": value}` from its items' rendered JSON:
/// a page of pre-rendered items. `list` and `field` are plain keys (no escaping), `list`
/// sorting before `field` as in the objects `ToJSON` renders.
pub fn list_object(
    list: &str,
    items: impl IntoIterator<Item = Bytes>,
    field: &str,
    value: &impl serde::Serialize,
) -> Bytes {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(b"{\"");
    out.extend_from_slice(list.as_bytes());
    out.extend_from_slice(b"\":[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&item);
    }
    out.extend_from_slice(b"],\"");
    out.extend_from_slice(field.as_bytes());
    out.extend_from_slice(b"\":");
    // Serializing into a Vec fails only for a map with non-string keys; the values
    // here are cursors and offsets. `null` keeps the body valid JSON all the same.
    if serde_json::to_writer(&mut out, value).is_err() {
        out.extend_from_slice(b"null");
    }
    out.push(b'}');
    Bytes::from(out)
}

impl<T: Type> Payload for JsonBytes<T> {
    const CONTENT_TYPE: &'static str = Json::<T>::CONTENT_TYPE;

    fn check_content_type(content_type: &str) -> bool {
        Json::<T>::check_content_type(content_type)
    }

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
    }
}

impl<T: Send> IntoResponse for JsonBytes<T> {
    fn into_response(self) -> Response {
        Response::builder()
            // Static: parsing the value again on every answer costs an allocation.
            .header(
                header::CONTENT_TYPE,
                HeaderValue::from_static(Json::<bool>::CONTENT_TYPE),
            )
            .body(self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use poem_openapi::Object;

    #[derive(Object)]
    struct Sample {
        name: String,
        note: Option<String>,
        count: u32,
    }

    #[tokio::test]
    async fn answers_what_json_answers() {
        let sample = || Sample {
            name: "a \"quoted\" ünïcode name".to_owned(),
            note: None,
            count: 7,
        };
        let direct = Json(sample()).into_response();
        let rendered =
            JsonBytes::<Sample>::from_rendered(JsonBytes::render(&sample())).into_response();
        assert_eq!(
            direct.headers().get(header::CONTENT_TYPE),
            rendered.headers().get(header::CONTENT_TYPE)
        );
        let direct = direct.into_body().into_bytes().await.unwrap();
        let rendered = rendered.into_body().into_bytes().await.unwrap();
        assert_eq!(direct, rendered);
        assert_eq!(
            &rendered[..],
            r#"{"count":7,"name":"a \"quoted\" ünïcode name","note":null}"#.as_bytes()
        );
    }
}
