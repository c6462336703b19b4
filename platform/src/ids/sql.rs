//! Ids as diesel `Text` values on PostgreSQL, SQLite and the `AnyConnection` backend.

use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

use super::{Id, IdKind};
use crate::db::MultiBackend;

fn parse<K: IdKind>(stored: &str) -> deserialize::Result<Id<K>> {
    // A wrong prefix in the database is a deserialization error naming the expected
    // type, never a panic.
    stored
        .parse::<Id<K>>()
        .map_err(|e| format!("stored {} is not valid: {e}", K::NAME).into())
}

impl<K: IdKind> ToSql<Text, Pg> for Id<K> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        use std::io::Write;
        write!(out, "{self}")?;
        Ok(serialize::IsNull::No)
    }
}

impl<K: IdKind> FromSql<Text, Pg> for Id<K> {
    fn from_sql(
        bytes: <Pg as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        parse(std::str::from_utf8(bytes.as_bytes())?)
    }
}

impl<K: IdKind> ToSql<Text, Sqlite> for Id<K> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.to_string());
        Ok(serialize::IsNull::No)
    }
}

impl<K: IdKind> FromSql<Text, Sqlite> for Id<K> {
    fn from_sql(
        bytes: <Sqlite as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Sqlite>>::from_sql(bytes)?;
        parse(&text)
    }
}

impl<K: IdKind> ToSql<Text, MultiBackend> for Id<K> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(serialize::IsNull::No)
    }
}

impl<K: IdKind> FromSql<Text, MultiBackend> for Id<K> {
    fn from_sql(
        bytes: <MultiBackend as diesel::backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        bytes.from_sql::<Self, Text>()
    }
}
