//! The platform's own tables (diesel `print_schema` format).

diesel::table! {
    platform_nodes (node_id) {
        node_id -> Text,
        hostname -> Text,
        version -> Text,
        started_at -> Timestamp,
        last_seen_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    platform_jobs (id) {
        id -> Text,
        kind -> Text,
        payload -> Text,
        state -> Text,
        run_at -> Timestamp,
        attempts -> Integer,
        max_attempts -> Integer,
        locked_by -> Nullable<Text>,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        finished_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    platform_recurring_jobs (name) {
        name -> Text,
        next_run_at -> Timestamp,
    }
}

diesel::table! {
    platform_outbox_events (id) {
        id -> Text,
        event_type -> Text,
        version -> Integer,
        occurred_at -> Timestamp,
        payload -> Text,
        dispatched_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    platform_event_handled (handler, event_id) {
        handler -> Text,
        event_id -> Text,
        handled_at -> Timestamp,
    }
}
