// The idempotency table (diesel `print_schema` format). Kept beside its module so the
// platform's shared schema file stays with its owner.

diesel::table! {
    platform_idempotency_keys (scope, key) {
        scope -> Text,
        key -> Text,
        method -> Text,
        path -> Text,
        body_hash -> Text,
        state -> Text,
        response_status -> Nullable<Integer>,
        response_headers -> Nullable<Text>,
        response_body -> Nullable<Binary>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        node_id -> Nullable<Text>,
    }
}

use crate::schema::platform_nodes;

// A takeover asks, in the same statement, whether the claim's node is dead.
diesel::allow_tables_to_appear_in_same_query!(platform_idempotency_keys, platform_nodes);
