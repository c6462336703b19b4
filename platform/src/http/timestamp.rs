//! [`Timestamp`]: the one wire format of a point in time, RFC 3339 in UTC with `Z`
//! (`2026-11-26T09:30:00Z`), the same in responses, exports and events.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use poem_openapi::registry::{MetaSchema, MetaSchemaRef};
use poem_openapi::types::{ParseError, ParseFromJSON, ParseResult, ToJSON, Type};

/// A point in time on the wire. poem-openapi writes a bare `DateTime<Utc>` with an
/// `+00:00` offset and serde with `Z`; every API field uses this type instead so clients
/// see one format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// The RFC 3339 text: UTC, `Z`, and only as many fractional digits as needed.
    pub fn to_rfc3339(&self) -> String {
        format_utc(&self.0)
    }
}

/// Formats a UTC time the way the API writes every timestamp.
pub fn format_utc(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

impl From<DateTime<Utc>> for Timestamp {
    fn from(t: DateTime<Utc>) -> Self {
        Self(t)
    }
}

impl From<NaiveDateTime> for Timestamp {
    fn from(t: NaiveDateTime) -> Self {
        Self(t.and_utc())
    }
}

impl From<Timestamp> for DateTime<Utc> {
    fn from(t: Timestamp) -> Self {
        t.0
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        DateTime::<Utc>::deserialize(d).map(Self)
    }
}

impl Type for Timestamp {
    const IS_REQUIRED: bool = true;
    type RawValueType = Self;
    type RawElementValueType = Self;

    fn name() -> Cow<'static, str> {
        Cow::Borrowed("string_date-time")
    }

    fn schema_ref() -> MetaSchemaRef {
        MetaSchemaRef::Inline(Box::new(MetaSchema {
            example: Some(serde_json::Value::String("2026-11-26T09:30:00Z".to_owned())),
            ..MetaSchema::new_with_format("string", "date-time")
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

impl ParseFromJSON for Timestamp {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        match value {
            Some(serde_json::Value::String(s)) => DateTime::parse_from_rfc3339(&s)
                .map(|t| Self(t.with_timezone(&Utc)))
                .map_err(ParseError::custom),
            Some(other) => Err(ParseError::expected_type(other)),
            None => Err(ParseError::expected_input()),
        }
    }
}

impl ToJSON for Timestamp {
    fn to_json(&self) -> Option<serde_json::Value> {
        Some(serde_json::Value::String(self.to_rfc3339()))
    }
}

#[cfg(test)]
mod tests {
    use chrono::Timelike;

    use super::*;

    #[test]
    fn written_in_utc_with_z_and_read_back() {
        let t = DateTime::parse_from_rfc3339("2026-11-26T10:30:00.25+01:00")
            .unwrap()
            .with_timezone(&Utc);
        let ts = Timestamp(t);
        assert_eq!(ts.to_json().unwrap(), "2026-11-26T09:30:00.250Z");
        assert_eq!(
            serde_json::to_value(ts).unwrap(),
            "2026-11-26T09:30:00.250Z"
        );
        let whole = Timestamp::from(t.naive_utc().with_nanosecond(0).unwrap());
        assert_eq!(whole.to_rfc3339(), "2026-11-26T09:30:00Z");
        assert_eq!(Timestamp::parse_from_json(ts.to_json()).unwrap(), ts);
        // Exports and events serialize `DateTime<Utc>` with serde: the same text.
        for t in [t, whole.0, t + chrono::TimeDelta::microseconds(7)] {
            assert_eq!(
                serde_json::to_value(t).unwrap(),
                Timestamp(t).to_json().unwrap()
            );
        }
    }
}
