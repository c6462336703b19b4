//! Diesel table definitions of the care domain's tables (`care_*`).

diesel::table! {
    care_providers (id) {
        id -> Text,
        user_id -> Text,
        provider_type -> Text,
        display_name -> Text,
        bio -> Text,
        time_zone -> Text,
        accepting_new -> Bool,
        specialties -> Text,
        languages -> Text,
        licenses -> Text,
        schedule -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    care_member_profiles (user_id) {
        user_id -> Text,
        country -> Text,
        us_state -> Nullable<Text>,
        languages -> Text,
        time_zone -> Text,
        emergency_name -> Nullable<Text>,
        emergency_phone -> Nullable<Text>,
        emergency_relationship -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    care_appointments (id) {
        id -> Text,
        member_id -> Text,
        provider_id -> Text,
        appointment_type -> Text,
        status -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        blocked_from -> Timestamp,
        blocked_until -> Timestamp,
        unit_feature -> Nullable<Text>,
        unit_reference -> Nullable<Text>,
        rescheduled_from -> Nullable<Text>,
        cancelled_by -> Nullable<Text>,
        cancelled_at -> Nullable<Timestamp>,
        strike_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    care_team_members (member_id, provider_id) {
        member_id -> Text,
        provider_id -> Text,
        since -> Timestamp,
    }
}

diesel::table! {
    care_phi_audit (id) {
        id -> Text,
        actor_id -> Text,
        actor_role -> Text,
        subject_id -> Nullable<Text>,
        resource_type -> Text,
        resource_id -> Nullable<Text>,
        action -> Text,
        outcome -> Text,
        reason -> Nullable<Text>,
        request_id -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    care_assessments (id) {
        id -> Text,
        member_id -> Text,
        instrument -> Text,
        instrument_version -> Integer,
        answers -> Text,
        total -> Integer,
        severity -> Text,
        escalated -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    care_escalations (id) {
        id -> Text,
        member_id -> Text,
        assessment_id -> Text,
        provider_id -> Nullable<Text>,
        reasons -> Text,
        status -> Text,
        due_at -> Timestamp,
        acknowledged_by -> Nullable<Text>,
        acknowledged_at -> Nullable<Timestamp>,
        resolved_by -> Nullable<Text>,
        resolved_at -> Nullable<Timestamp>,
        resolution_note -> Nullable<Text>,
        overdue_alerted_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    care_reminders_sent (appointment_id, hours_before) {
        appointment_id -> Text,
        hours_before -> BigInt,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    care_chat_threads (id) {
        id -> Text,
        member_id -> Text,
        provider_id -> Text,
        provider_user_id -> Text,
        last_seq -> BigInt,
        member_read_seq -> BigInt,
        provider_read_seq -> BigInt,
        last_message_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    care_chat_messages (id) {
        id -> Text,
        thread_id -> Text,
        seq -> BigInt,
        sender_id -> Text,
        sender_role -> Text,
        client_message_id -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    care_clinical_notes (id) {
        id -> Text,
        appointment_id -> Text,
        member_id -> Text,
        author_user_id -> Text,
        amends_id -> Nullable<Text>,
        status -> Text,
        revision -> BigInt,
        key_id -> Text,
        wrapped_key -> Text,
        body_ciphertext -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        signed_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(care_appointments -> care_providers (provider_id));
diesel::joinable!(care_clinical_notes -> care_appointments (appointment_id));
diesel::joinable!(care_team_members -> care_providers (provider_id));
diesel::joinable!(care_escalations -> care_assessments (assessment_id));
diesel::joinable!(care_chat_messages -> care_chat_threads (thread_id));

diesel::allow_tables_to_appear_in_same_query!(
    care_providers,
    care_member_profiles,
    care_appointments,
    care_team_members,
    care_phi_audit,
    care_assessments,
    care_escalations,
    care_reminders_sent,
    care_chat_threads,
    care_chat_messages,
    care_clinical_notes,
);
