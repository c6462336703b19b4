// The platform's own tables (diesel `print_schema` format).

diesel::table! {
    platform_nodes (node_id) {
        node_id -> Text,
        hostname -> Text,
        version -> Text,
        started_at -> Timestamp,
    }
}
