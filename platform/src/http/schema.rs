//! [`Patched<T, P>`]: a request body whose component schema gets a rule poem-openapi's
//! derive cannot state (e.g. "exactly one of these fields"), so the document says what
//! the use-case checks. Parsing is `T`'s; the use-case still enforces the rule (`422`).

use std::borrow::Cow;
use std::marker::PhantomData;

use poem_openapi::registry::{MetaSchema, MetaSchemaRef, Registry};
use poem_openapi::types::{ParseError, ParseFromJSON, ParseResult, ToJSON, Type};

/// Adds a rule to a component schema.
pub trait SchemaPatch: Send + Sync + 'static {
    /// Changes the registered schema of the patched type.
    fn patch(schema: &mut MetaSchema);
}

/// `T`, with its component schema changed by `P`.
pub struct Patched<T, P>(pub T, PhantomData<P>);

impl<T, P> Patched<T, P> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: Type, P: SchemaPatch> Type for Patched<T, P> {
    const IS_REQUIRED: bool = T::IS_REQUIRED;
    type RawValueType = T::RawValueType;
    type RawElementValueType = T::RawElementValueType;

    fn name() -> Cow<'static, str> {
        T::name()
    }

    fn schema_ref() -> MetaSchemaRef {
        T::schema_ref()
    }

    fn register(registry: &mut Registry) {
        T::register(registry);
        if let Some(schema) = registry.schemas.get_mut(&*T::name()) {
            P::patch(schema);
        }
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        self.0.as_raw_value()
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        self.0.raw_element_iter()
    }
}

impl<T: ParseFromJSON, P: SchemaPatch> ParseFromJSON for Patched<T, P> {
    fn parse_from_json(value: Option<serde_json::Value>) -> ParseResult<Self> {
        T::parse_from_json(value)
            .map(|t| Self(t, PhantomData))
            .map_err(ParseError::propagate)
    }
}

impl<T: ToJSON, P: SchemaPatch> ToJSON for Patched<T, P> {
    fn to_json(&self) -> Option<serde_json::Value> {
        self.0.to_json()
    }
}

/// Requires exactly one of `fields` to be present with a non-null value (`oneOf`
/// alternatives, each requiring one field with its non-null schema).
pub fn exactly_one_of(schema: &mut MetaSchema, fields: &[&'static str]) {
    let alternatives = fields
        .iter()
        .filter_map(|field| {
            let (name, property) = schema.properties.iter().find(|(n, _)| n == field)?;
            Some(MetaSchemaRef::Inline(Box::new(MetaSchema {
                required: vec![name],
                properties: vec![(name, property.clone())],
                ..MetaSchema::ANY
            })))
        })
        .collect();
    schema.one_of = alternatives;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_one_of_lists_one_alternative_per_field() {
        let mut schema = MetaSchema {
            properties: vec![
                (
                    "a",
                    MetaSchemaRef::Inline(Box::new(MetaSchema::new("string"))),
                ),
                (
                    "b",
                    MetaSchemaRef::Inline(Box::new(MetaSchema::new("string"))),
                ),
                (
                    "c",
                    MetaSchemaRef::Inline(Box::new(MetaSchema::new("string"))),
                ),
            ],
            ..MetaSchema::new("object")
        };
        exactly_one_of(&mut schema, &["a", "b"]);
        let json = serde_json::to_value(&schema).unwrap();
        assert_eq!(
            json["oneOf"],
            serde_json::json!([
                {"required": ["a"], "properties": {"a": {"type": "string"}}},
                {"required": ["b"], "properties": {"b": {"type": "string"}}}
            ])
        );
    }
}
