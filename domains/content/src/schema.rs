//! The content tables (diesel `print_schema` format).

diesel::table! {
    content_catalog_version (id) {
        id -> Integer,
        version -> BigInt,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    content_narrators (id) {
        id -> Text,
        name -> Text,
        photo_url -> Nullable<Text>,
        bios -> Text,
        revision -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    content_items (id) {
        id -> Text,
        kind -> Text,
        status -> Text,
        revision -> BigInt,
        draft -> Text,
        published -> Nullable<Text>,
        first_published_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        scheduled_at -> Nullable<Timestamp>,
        scheduled_locales -> Nullable<Text>,
        scheduled_revision -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    content_item_revisions (item_id, revision) {
        item_id -> Text,
        revision -> BigInt,
        action -> Text,
        document -> Text,
        published_locales -> Nullable<Text>,
        actor_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    content_courses (id) {
        id -> Text,
        status -> Text,
        revision -> BigInt,
        draft -> Text,
        published -> Nullable<Text>,
        first_published_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        scheduled_at -> Nullable<Timestamp>,
        scheduled_locales -> Nullable<Text>,
        scheduled_revision -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    content_course_revisions (course_id, revision) {
        course_id -> Text,
        revision -> BigInt,
        action -> Text,
        document -> Text,
        published_locales -> Nullable<Text>,
        actor_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    content_playback_events (user_id, event_id) {
        user_id -> Text,
        event_id -> Text,
        kind -> Text,
        item_id -> Text,
        course_id -> Nullable<Text>,
        duration_s -> Integer,
        position_s -> Integer,
        occurred_at -> Timestamp,
        time_zone -> Text,
        local_day -> Text,
        received_at -> Timestamp,
    }
}

diesel::table! {
    content_active_days (user_id, day) {
        user_id -> Text,
        day -> Text,
        time_zone -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    content_course_progress (user_id, course_id, item_id) {
        user_id -> Text,
        course_id -> Text,
        item_id -> Text,
        completed_at -> Timestamp,
    }
}

diesel::table! {
    content_favorites (user_id, target_id) {
        user_id -> Text,
        target_id -> Text,
        target_kind -> Text,
        created_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    content_catalog_version,
    content_narrators,
    content_items,
    content_item_revisions,
    content_courses,
    content_course_revisions,
    content_playback_events,
    content_active_days,
    content_course_progress,
    content_favorites,
);

diesel::table! {
    content_media (id) {
        id -> Text,
        item_id -> Text,
        slot -> Text,
        storage_key -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        uploaded_by -> Text,
        created_at -> Timestamp,
    }
}
