//! Typed ids as column values and query parameters through `AnyConnection`.

use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use haven_platform::DbError;

use super::{exec, fresh};

haven_platform::define_id!(KitThingId, "kth");
haven_platform::define_id!(KitOtherId, "kot");

diesel::table! {
    kit_things (id) {
        id -> Text,
        parent -> Nullable<Text>,
    }
}

const SCHEMA: &str = "CREATE TABLE kit_things (id TEXT PRIMARY KEY, parent TEXT);";

#[tokio::test]
async fn typed_ids_are_column_values_and_parameters() {
    let (_guard, db) = fresh(1).await;
    exec(&db, SCHEMA).await;
    let (a, b) = (KitThingId::new(), KitThingId::new());
    let (found, children) = db
        .write(move |c| {
            diesel::insert_into(kit_things::table)
                .values(&(
                    kit_things::id.eq(a),
                    kit_things::parent.eq(None::<KitThingId>),
                ))
                .execute(c)?;
            diesel::insert_into(kit_things::table)
                .values(&(kit_things::id.eq(b), kit_things::parent.eq(Some(a))))
                .execute(c)?;
            let found = kit_things::table
                .filter(kit_things::id.eq(a))
                .select(kit_things::id)
                .first::<KitThingId>(c)?;
            let children = kit_things::table
                .filter(kit_things::parent.eq(a))
                .select((kit_things::id, kit_things::parent))
                .load::<(KitThingId, Option<KitThingId>)>(c)?;
            Ok::<_, DbError>((found, children))
        })
        .await
        .unwrap();
    assert_eq!(found, a);
    assert_eq!(children, [(b, Some(a))]);
    // Stored as the TypeID text, so SQL and other tools see the same string.
    let raw = db
        .read(move |c| {
            kit_things::table
                .find(a.to_string())
                .select(kit_things::id)
                .first::<String>(c)
                .map_err(DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(raw, a.to_string());
}

#[tokio::test]
async fn a_stored_id_with_the_wrong_prefix_is_a_deserialization_error() {
    let (_guard, db) = fresh(1).await;
    exec(&db, SCHEMA).await;
    let other = KitOtherId::new().to_string();
    let err = db
        .write(move |c| {
            diesel::insert_into(kit_things::table)
                .values(kit_things::id.eq(&other))
                .execute(c)?;
            kit_things::table
                .select(kit_things::id)
                .first::<KitThingId>(c)
                .map_err(DbError::from)
        })
        .await
        .unwrap_err();
    let DbError::Query(diesel::result::Error::DeserializationError(e)) = &err else {
        panic!("{err:?}")
    };
    // diesel wraps the type's error as the field's source.
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&**e);
    while let Some(inner) = source {
        message.push_str(&format!(": {inner}"));
        source = inner.source();
    }
    assert!(
        message.contains("KitThingId") && message.contains("kth_"),
        "{message}"
    );
}
