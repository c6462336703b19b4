//! TypeIDs (`usr_01jh…`): a UUIDv7 in Crockford base32 behind a type prefix.
//!
//! Declare one per entity with [`define_id!`]; each is its own Rust type, so a `UserId`
//! can never be passed where an `ItemId` is expected, and parsing checks the prefix.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::types::{
    ParseError, ParseFromJSON, ParseFromParameter, ParseResult, ToJSON, Type,
};
use type_safe_id::{StaticType, TypeSafeId};
use uuid::Uuid;

mod sql;

/// The prefix and schema name of one id type; implemented by [`define_id!`].
pub trait IdKind: StaticType + Send + Sync + 'static {
    /// The schema name in the OpenAPI document, e.g. `UserId`.
    const NAME: &'static str;
}

/// A typed id; use the aliases [`define_id!`] declares. Stored as `TEXT` (its string
/// form), so it can be a diesel column value and query parameter on both backends.
#[derive(diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Id<K: IdKind> {
    uuid: Uuid,
    _kind: PhantomData<fn() -> K>,
}

/// Declares an id type: `define_id!(UserId, "usr");` gives `UserId` (an [`Id`]) and its
/// hidden marker `UserIdKind`.
#[macro_export]
macro_rules! define_id {
    ($(#[$meta:meta])* $name:ident, $prefix:literal) => {
        $crate::ids::__pastey::paste! {
            #[doc(hidden)]
            #[derive(Debug, Default)]
            pub struct [<$name Kind>];
            impl $crate::ids::__StaticType for [<$name Kind>] {
                const TYPE: &'static str = $prefix;
            }
            impl $crate::ids::IdKind for [<$name Kind>] {
                const NAME: &'static str = stringify!($name);
            }
            $(#[$meta])*
            pub type $name = $crate::ids::Id<[<$name Kind>]>;
        }
    };
}

crate::define_id!(
    /// A user account (`usr_…`). Defined here, not in identity, because every domain
    /// stores whose data a row is and the platform's `Principal` carries it.
    UserId,
    "usr"
);
crate::define_id!(
    /// A login session, i.e. one refresh-token family (`ses_…`); access tokens carry it.
    SessionId,
    "ses"
);

#[doc(hidden)]
pub use pastey as __pastey;
#[doc(hidden)]
pub use type_safe_id::StaticType as __StaticType;

impl<K: IdKind> Id<K> {
    /// A new, time-ordered id.
    pub fn new() -> Self {
        Self::from_uuid(Uuid::now_v7())
    }

    /// The id of a known UUID.
    pub fn from_uuid(uuid: Uuid) -> Self {
        Self {
            uuid,
            _kind: PhantomData,
        }
    }

    /// The UUID behind the id.
    pub fn uuid(&self) -> Uuid {
        self.uuid
    }

    /// The type prefix, e.g. `usr`.
    pub fn prefix() -> &'static str {
        K::TYPE
    }
}

impl<K: IdKind> Default for Id<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: IdKind> Clone for Id<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: IdKind> Copy for Id<K> {}
impl<K: IdKind> PartialEq for Id<K> {
    fn eq(&self, other: &Self) -> bool {
        self.uuid == other.uuid
    }
}
impl<K: IdKind> Eq for Id<K> {}
impl<K: IdKind> std::hash::Hash for Id<K> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.uuid.hash(state);
    }
}
impl<K: IdKind> PartialOrd for Id<K> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl<K: IdKind> Ord for Id<K> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.uuid.cmp(&other.uuid)
    }
}

impl<K: IdKind> fmt::Display for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        TypeSafeId::<K>::from_uuid(self.uuid).fmt(f)
    }
}

impl<K: IdKind> fmt::Debug for Id<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Why a string is not an id of the expected type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a {expected}_… id (a TypeID), got {got:?}")]
pub struct IdParseError {
    expected: &'static str,
    got: String,
}

impl<K: IdKind> FromStr for Id<K> {
    type Err = IdParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<TypeSafeId<K>>()
            .map(|id| Self::from_uuid(id.uuid()))
            .map_err(|_| {
                // Echo at most a short prefix so a huge bogus value cannot bloat the error.
                IdParseError {
                    expected: K::TYPE,
                    got: s.chars().take(40).collect(),
                }
            })
    }
}

impl<K: IdKind> serde::Serialize for Id<K> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de, K: IdKind> serde::Deserialize<'de> for Id<K> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl<K: IdKind> Type for Id<K> {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed(K::NAME)
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            description: Some("A TypeID: the type prefix, `_`, then 26 base32 characters."),
            pattern: Some(format!("^{}_[0-7][0-9a-hjkmnp-tv-z]{{25}}$", K::TYPE)),
            example: Some(serde_json::Value::String(
                Self::from_uuid(Uuid::nil()).to_string(),
            )),
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

impl<K: IdKind> ParseFromJSON for Id<K> {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        match value {
            Some(serde_json::Value::String(s)) => s.parse().map_err(ParseError::custom),
            Some(other) => Err(ParseError::expected_type(other)),
            None => Err(ParseError::expected_input()),
        }
    }
}

impl<K: IdKind> ParseFromParameter for Id<K> {
    fn parse_from_parameter(value: &str) -> ParseResult<Self> {
        value.parse().map_err(ParseError::custom)
    }
}

impl<K: IdKind> ToJSON for Id<K> {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(serde_json::Value::String(self.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::define_id!(ThingId, "thg");
    crate::define_id!(OtherId, "oth");

    #[test]
    fn ids_round_trip_and_are_time_ordered() {
        let a = ThingId::new();
        let b = ThingId::new();
        let s = a.to_string();
        assert!(s.starts_with("thg_") && s.len() == 30, "{s}");
        assert_eq!(s.parse::<ThingId>().unwrap(), a);
        assert!(b > a);
    }

    #[test]
    fn the_spec_vector_encodes_as_typeid_says() {
        let uuid = Uuid::parse_str("01890a5d-ac96-774b-bcce-b302099a8057").unwrap();
        assert_eq!(
            ThingId::from_uuid(uuid).to_string(),
            "thg_01h455vb4pex5vsknk084sn02q"
        );
    }

    #[test]
    fn a_wrong_prefix_or_garbage_is_a_parse_error() {
        let other = OtherId::new().to_string();
        let err = other.parse::<ThingId>().unwrap_err();
        assert!(err.to_string().contains("thg_"), "{err}");
        assert!("thg_notanid".parse::<ThingId>().is_err());
        assert!("".parse::<ThingId>().is_err());
    }
}
