//! Cursor pagination (docs/architecture.md "Lists"): `?limit=` 1..=100 (default 20) and an opaque
//! `?cursor=`; responses are [`Page<T>`]. Queries page by keyset on a unique key, so
//! pages never repeat or skip rows under concurrent inserts.

use std::borrow::Cow;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;
use poem_openapi::Object;
use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::types::{
    ParseError, ParseFromJSON, ParseFromParameter, ParseResult, ToJSON, Type,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::http::error_set::documents_code;
use crate::http::problem::{ApiError, ErrorSet, VALIDATION_FAILED};
use crate::http::rendered::{JsonBytes, list_object};

/// Page size when the client sends none.
pub const DEFAULT_LIMIT: u32 = 20;
/// Largest page size; larger is `422`.
pub const MAX_LIMIT: u32 = 100;

/// One page of a list.
#[derive(Debug, Clone, Object)]
pub struct Page<T: ParseFromJSON + ToJSON + Send + Sync> {
    /// The items of this page, in the list's stable order.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

/// The `limit` query parameter as sent: any integer, so a value outside 1..=100 (a
/// negative one too) is answered `422` by [`PageParams::parse`] like any invalid value,
/// while the document declares the bounds and the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimit(pub i64);

impl From<PageLimit> for i64 {
    fn from(l: PageLimit) -> Self {
        l.0
    }
}

impl Type for PageLimit {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed("PageLimit")
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            minimum: Some(1.0),
            maximum: Some(f64::from(MAX_LIMIT)),
            default: Some(DEFAULT_LIMIT.into()),
            ..MetaSchema::new_with_format("integer", "int32")
        }))
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        Box::new(self.as_raw_value().into_iter())
    }
}

impl ParseFromParameter for PageLimit {
    fn parse_from_parameter(value: &str) -> ParseResult<Self> {
        value.trim().parse().map(Self).map_err(ParseError::custom)
    }
}

/// The `cursor` query parameter's schema: an opaque token from a previous page's
/// `next_cursor` (only cursors this server issued are valid).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCursor(pub String);

impl Type for PageCursor {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed("PageCursor")
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            description: Some(
                "The `next_cursor` of the previous page; only cursors this server issued \
                 are valid (`400` otherwise).",
            ),
            pattern: Some("^[A-Za-z0-9_-]+$".to_owned()),
            max_length: Some(MAX_CURSOR_LEN),
            ..MetaSchema::new("string")
        }))
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        Box::new(self.as_raw_value().into_iter())
    }
}

impl ParseFromParameter for PageCursor {
    fn parse_from_parameter(value: &str) -> ParseResult<Self> {
        Ok(Self(value.to_owned()))
    }
}

impl PageCursor {
    /// The cursor text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Longest cursor accepted; the ones issued are far shorter.
pub const MAX_CURSOR_LEN: usize = 512;

/// Validated `limit` and decoded `cursor` of a list request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageParams<K> {
    /// Items to return.
    pub limit: u32,
    /// The keyset position after which the page starts; `None` for the first page.
    pub after: Option<K>,
}

impl<K: DeserializeOwned> PageParams<K> {
    /// Validates the raw query values: `422` for a limit outside 1..=100, `400` for a
    /// cursor this server did not issue. `S` must document `422 validation_failed`
    /// (name [`Invalid`](crate::Invalid) in its `error_set!`).
    pub fn parse<S: ErrorSet>(
        limit: Option<impl Into<i64>>,
        cursor: Option<&str>,
    ) -> Result<Self, ApiError<S>> {
        const {
            assert!(
                documents_code(S::CODES, VALIDATION_FAILED),
                "a paginated operation's error set documents 422 validation_failed (name Invalid)"
            );
        }
        let limit = limit.map_or(i64::from(DEFAULT_LIMIT), Into::into);
        let Some(limit) = u32::try_from(limit)
            .ok()
            .filter(|l| (1..=MAX_LIMIT).contains(l))
        else {
            return Err(ApiError::invalid_field(
                "limit",
                "out_of_range",
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        };
        if cursor.is_some_and(|c| c.len() > MAX_CURSOR_LEN) {
            return Err(decode_error());
        }
        let after = cursor.map(decode_cursor).transpose()?;
        Ok(Self { limit, after })
    }

    /// Rows to fetch: one more than the limit, to learn whether another page exists.
    pub fn fetch_limit(&self) -> i64 {
        i64::from(self.limit) + 1
    }
}

impl<T: ParseFromJSON + ToJSON + Send + Sync> Page<T> {
    /// [`Page::from_rows`] for items whose JSON is rendered already (`item_json`: each
    /// row's `T` as [`JsonBytes::render`] makes it): the page's body without a JSON tree.
    pub fn rendered<K: Serialize, R>(
        mut rows: Vec<R>,
        limit: u32,
        key: impl Fn(&R) -> K,
        item_json: impl FnMut(R) -> Bytes,
    ) -> JsonBytes<Self> {
        let has_more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next_cursor = if has_more {
            rows.last().map(|r| encode_cursor(&key(r)))
        } else {
            None
        };
        JsonBytes::from_rendered(list_object(
            "items",
            rows.into_iter().map(item_json),
            "next_cursor",
            &next_cursor,
        ))
    }

    /// Builds a page from up to `limit + 1` rows fetched in order; `key` gives the keyset
    /// position of a row.
    pub fn from_rows<K: Serialize, R>(
        mut rows: Vec<R>,
        limit: u32,
        key: impl Fn(&R) -> K,
        into_item: impl FnMut(R) -> T,
    ) -> Self {
        let has_more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        let next_cursor = if has_more {
            rows.last().map(|r| encode_cursor(&key(r)))
        } else {
            None
        };
        Self {
            items: rows.into_iter().map(into_item).collect(),
            next_cursor,
        }
    }
}

/// Encodes a keyset position as an opaque cursor.
pub fn encode_cursor<K: Serialize>(key: &K) -> String {
    // Serializing a plain key (ids, timestamps) cannot fail; an empty cursor would only
    // restart the list, never leak or skip rows.
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).unwrap_or_default())
}

fn decode_cursor<K: DeserializeOwned, S: ErrorSet>(cursor: &str) -> Result<K, ApiError<S>> {
    URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(decode_error)
}

fn decode_error<S: ErrorSet>() -> ApiError<S> {
    ApiError::bad_request("cursor: not a cursor returned by this list").field(
        "cursor",
        "invalid",
        "not a cursor returned by this list",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Invalid;

    crate::error_set!(ListErrors: Invalid);

    type P = PageParams<(i64, String)>;

    #[test]
    fn limit_defaults_and_bounds() {
        assert_eq!(P::parse::<ListErrors>(None::<u32>, None).unwrap().limit, 20);
        assert_eq!(
            P::parse::<ListErrors>(Some(100_u32), None).unwrap().limit,
            100
        );
        for bad in [0, 101, -1, i64::MIN] {
            let err = P::parse::<ListErrors>(Some(bad), None).unwrap_err();
            assert_eq!(err.status().as_u16(), 422);
        }
        assert_eq!(
            P::parse::<ListErrors>(Some(PageLimit(7)), None)
                .unwrap()
                .limit,
            7
        );
    }

    #[test]
    fn cursors_round_trip_and_garbage_is_400() {
        let rows: Vec<(i64, String)> = (0..5).map(|i| (i, format!("k{i}"))).collect();
        let page = Page::<i64>::from_rows(rows, 3, Clone::clone, |r| r.0);
        assert_eq!(page.items, vec![0, 1, 2]);
        let cursor = page.next_cursor.unwrap();
        let params = P::parse::<ListErrors>(Some(3_u32), Some(&cursor)).unwrap();
        assert_eq!(params.after, Some((2, "k2".to_owned())));
        let err = P::parse::<ListErrors>(None::<u32>, Some("%%%")).unwrap_err();
        assert_eq!(err.status().as_u16(), 400);
    }

    #[test]
    fn the_last_page_has_no_cursor() {
        let page = Page::<i64>::from_rows(vec![1_i64, 2], 2, |r| *r, |r| r);
        assert_eq!(page.next_cursor, None);
    }

    #[test]
    fn a_rendered_page_is_the_page_json_renders() {
        for (rows, limit) in [(vec![1_i64, 2, 3], 2), (vec![4_i64], 5), (vec![], 3)] {
            let built = Page::<i64>::from_rows(rows.clone(), limit, |r| *r, |r| r);
            let rendered =
                Page::<i64>::rendered(rows, limit, |r| *r, |r| JsonBytes::<i64>::render(&r));
            let expected = serde_json::to_vec(&built.to_json()).unwrap();
            assert_eq!(&rendered.bytes()[..], &expected[..]);
        }
    }
}
