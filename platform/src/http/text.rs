//! [`Text<R>`]: a string field whose OpenAPI schema states the rules the server checks
//! (length, pattern) while parsing accepts any string, so the use-case still answers a
//! value outside them with `422 validation_failed` and a field error (docs/architecture.md: `400` is
//! for malformed requests, `422` for invalid values), instead of poem-openapi's
//! validators answering `400`.
//!
//! ```ignore
//! pub struct DisplayNameRule;
//! impl TextRule for DisplayNameRule {
//!     const MAX_LENGTH: Option<usize> = Some(100);
//! }
//! pub struct Body { pub display_name: Option<Text<DisplayNameRule>> }
//! ```

use std::borrow::Cow;
use std::marker::PhantomData;

use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::types::{
    ParseError, ParseFromJSON, ParseFromParameter, ParseResult, ToJSON, Type,
};

/// A `PATTERN` for text that must not be blank: it has a character that is not Unicode
/// `White_Space` (what Rust's `trim` removes; spelled out because ECMA 262's `\S` also
/// excludes U+FEFF, which `trim` keeps), and no U+0000 anywhere (see [`NO_NUL_PATTERN`]).
pub const NON_BLANK_PATTERN: &str = "^[^\\u0000]*[^\\u0000\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000][^\\u0000]*$";

/// The `pattern` of a text field whose rule declares none: no U+0000, which PostgreSQL
/// text cannot store (it answered such a value with a 500). `Text` refuses it on parse.
pub const NO_NUL_PATTERN: &str = "^[^\\u0000]*$";

/// The documented rules of one kind of text field. The server must enforce each one
/// (in the use-case, with a `422` field error); lengths count Unicode code points, as
/// JSON Schema does.
pub trait TextRule: Send + Sync + 'static {
    /// `minLength`.
    const MIN_LENGTH: Option<usize> = None;
    /// `maxLength`.
    const MAX_LENGTH: Option<usize> = None;
    /// `pattern` (ECMA 262, anchored by the caller).
    const PATTERN: Option<&'static str> = None;
    /// `format`, e.g. `email`.
    const FORMAT: Option<&'static str> = None;
}

/// A string documented by the rule `R` and checked by the use-case.
pub struct Text<R>(String, PhantomData<R>);

impl<R> Text<R> {
    /// Wraps a value (tests and conversions).
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into(), PhantomData)
    }

    /// The text as sent.
    pub fn into_inner(self) -> String {
        self.0
    }

    /// The text as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<R> Clone for Text<R> {
    fn clone(&self) -> Self {
        Self::new(self.0.clone())
    }
}

impl<R> PartialEq for Text<R> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<R> std::fmt::Debug for Text<R> {
    // The value may be a password or a secret: only its length is printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Text(<{} chars>)", self.0.chars().count())
    }
}

impl<R> std::ops::Deref for Text<R> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl<R> From<Text<R>> for String {
    fn from(t: Text<R>) -> Self {
        t.0
    }
}

impl<R: TextRule> Type for Text<R> {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed("string")
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            format: R::FORMAT,
            min_length: R::MIN_LENGTH,
            max_length: R::MAX_LENGTH,
            pattern: Some(R::PATTERN.unwrap_or(NO_NUL_PATTERN).to_owned()),
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

impl<R: TextRule> ParseFromJSON for Text<R> {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        match value {
            Some(serde_json::Value::String(s)) if s.contains('\0') => {
                Err(ParseError::custom("text must not contain U+0000 (NUL)"))
            }
            Some(serde_json::Value::String(s)) => Ok(Self::new(s)),
            Some(other) => Err(ParseError::expected_type(other)),
            None => Err(ParseError::expected_input()),
        }
    }
}

impl<R: TextRule> ParseFromParameter for Text<R> {
    fn parse_from_parameter(value: &str) -> ParseResult<Self> {
        if value.contains('\0') {
            return Err(ParseError::custom("text must not contain U+0000 (NUL)"));
        }
        Ok(Self::new(value))
    }
}

impl<R: TextRule> ToJSON for Text<R> {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(serde_json::Value::String(self.0.clone()))
    }
}

/// The documented size rules of one kind of list field, enforced by the use-case.
pub trait ListRule: Send + Sync + 'static {
    /// `minItems`.
    const MIN_ITEMS: Option<usize> = None;
    /// `maxItems`.
    const MAX_ITEMS: Option<usize> = None;
    /// `uniqueItems`.
    const UNIQUE_ITEMS: bool = false;
}

/// A JSON array documented by the rule `R` (item count, uniqueness) and checked by the
/// use-case, which answers `422` with a field error, as for [`Text`].
pub struct List<T, R>(Vec<T>, PhantomData<R>);

impl<T, R> List<T, R> {
    /// Wraps the items.
    pub fn new(items: Vec<T>) -> Self {
        Self(items, PhantomData)
    }

    /// The items as sent.
    pub fn into_inner(self) -> Vec<T> {
        self.0
    }
}

impl<S, R> List<Text<S>, R> {
    /// The texts as sent.
    pub fn into_strings(self) -> Vec<String> {
        self.0.into_iter().map(String::from).collect()
    }
}

impl<T: Clone, R> Clone for List<T, R> {
    fn clone(&self) -> Self {
        Self::new(self.0.clone())
    }
}

impl<T: std::fmt::Debug, R> std::fmt::Debug for List<T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<T, R> std::ops::Deref for List<T, R> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Type, R: ListRule> Type for List<T, R> {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = T::RawValueType;

    fn name() -> Cow<'static, str> {
        Cow::Owned(format!("[{}]", T::name()))
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            items: Some(Box::new(T::schema_ref())),
            min_items: R::MIN_ITEMS,
            max_items: R::MAX_ITEMS,
            unique_items: R::UNIQUE_ITEMS.then_some(true),
            ..MetaSchema::new("array")
        }))
    }

    fn register(registry: &mut poem_openapi::registry::Registry) {
        T::register(registry);
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        Box::new(self.0.iter().filter_map(Type::as_raw_value))
    }
}

impl<T: ParseFromJSON, R: ListRule> ParseFromJSON for List<T, R> {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        Vec::<T>::parse_from_json(value)
            .map(Self::new)
            .map_err(ParseError::propagate)
    }
}

impl<T: ToJSON, R: ListRule> ToJSON for List<T, R> {
    fn to_json(&self) -> Option<serde_json::Value> {
        self.0.to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Short;
    impl TextRule for Short {
        const MIN_LENGTH: Option<usize> = Some(2);
        const MAX_LENGTH: Option<usize> = Some(3);
        const PATTERN: Option<&'static str> = Some("^[a-z]+$");
    }

    #[test]
    fn the_schema_states_the_rule_and_parsing_leaves_it_to_the_use_case() {
        let MetaSchemaRef::Inline(schema) = Text::<Short>::schema_ref() else {
            panic!("inline schema");
        };
        assert_eq!((schema.min_length, schema.max_length), (Some(2), Some(3)));
        assert_eq!(schema.pattern.as_deref(), Some("^[a-z]+$"));
        let long = Text::<Short>::parse_from_json(Some("TOO LONG".into())).unwrap();
        assert_eq!(long.as_str(), "TOO LONG");
        assert_eq!(format!("{long:?}"), "Text(<8 chars>)");
        assert!(Text::<Short>::parse_from_json(Some(3.into())).is_err());
    }

    struct Free;
    impl TextRule for Free {}

    #[test]
    fn nul_is_refused_on_parse_and_excluded_by_every_schema() {
        assert!(Text::<Free>::parse_from_json(Some("a\u{0}b".into())).is_err());
        assert!(Text::<Free>::parse_from_parameter("a\u{0}b").is_err());
        assert!(Text::<Free>::parse_from_json(Some("a b".into())).is_ok());
        let MetaSchemaRef::Inline(schema) = Text::<Free>::schema_ref() else {
            panic!("inline schema");
        };
        assert_eq!(schema.pattern.as_deref(), Some(NO_NUL_PATTERN));
        assert!(
            NON_BLANK_PATTERN.starts_with("^[^\\u0000]*")
                && NON_BLANK_PATTERN.ends_with("[^\\u0000]*$")
        );
    }
}
