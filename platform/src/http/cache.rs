//! `Cache-Control` values of member-specific answers (docs/architecture.md "Reads and caching"), as
//! typed response headers: an operation that declares one documents the exact value in
//! the OpenAPI document and cannot forget to send it.
//!
//! ```ignore
//! #[derive(ApiResponse)]
//! enum Answer {
//!     /// The caller's profile.
//!     #[oai(status = 200)]
//!     Ok(Json<Profile>, #[oai(header = "Cache-Control")] Private),
//! }
//! ```

use std::borrow::Cow;

use poem::http::HeaderValue;
use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::types::{ToHeader, Type};

/// Name of the header, as declared on responses.
pub const CACHE_CONTROL: &str = "Cache-Control";

macro_rules! cache_directive {
    ($(#[$meta:meta])* $name:ident, $value:literal, $description:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct $name;

        impl $name {
            /// The header value.
            pub const VALUE: &'static str = $value;
        }

        impl Type for $name {
            const IS_REQUIRED: bool = true;
            type RawValueType = Self;
            type RawElementValueType = Self;

            fn name() -> Cow<'static, str> {
                Cow::Borrowed(concat!("CacheControl_", stringify!($name)))
            }

            fn schema_ref() -> MetaSchemaRef {
                MetaSchemaRef::Inline(Box::new(MetaSchema {
                    description: Some($description),
                    enum_items: vec![serde_json::Value::String($value.to_owned())],
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

        impl ToHeader for $name {
            fn to_header(&self) -> Option<HeaderValue> {
                Some(HeaderValue::from_static($value))
            }
        }
    };
}

cache_directive!(
    /// `Cache-Control: no-store`: the answer carries tokens or secrets (a login, a
    /// refresh, an authenticator secret, recovery codes) or personal data in bulk.
    NoStore,
    "no-store",
    "`no-store`: the answer holds tokens, secrets or personal data; no cache may keep it."
);

cache_directive!(
    /// `Cache-Control: private`: a member-specific read that a shared cache must not
    /// keep.
    Private,
    "private",
    "`private`: member-specific; a shared cache must not keep it."
);

/// `Cache-Control: public, max-age=N`: an anonymous read any cache (a CDN) may keep for
/// `N` seconds, revalidated with its `ETag` afterwards (public catalog reads). Built once
/// and cloned into each answer, so the value is not formatted per request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Public(HeaderValue);

impl Public {
    /// `public, max-age={seconds}`.
    pub fn max_age(seconds: u32) -> Self {
        let value = format!("public, max-age={seconds}");
        // Letters, digits, a comma, a space and `=`: always a valid header value.
        Self(HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("no-cache")))
    }
}

impl Type for Public {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed("CacheControl_Public")
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            description: Some(
                "`public, max-age=N`: the same for every caller; any cache may keep it for N \
                 seconds, then revalidate with `If-None-Match`.",
            ),
            pattern: Some("^public, max-age=[0-9]+$".to_owned()),
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

impl ToHeader for Public {
    fn to_header(&self) -> Option<HeaderValue> {
        Some(self.0.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_schemas_name_one_value() {
        assert_eq!(NoStore.to_header().unwrap(), "no-store");
        assert_eq!(Private.to_header().unwrap(), "private");
        assert_eq!(
            Public::max_age(60).to_header().unwrap(),
            "public, max-age=60"
        );
        let MetaSchemaRef::Inline(schema) = Private::schema_ref() else {
            panic!("inline schema");
        };
        assert_eq!(schema.enum_items, vec![serde_json::json!("private")]);
    }
}
