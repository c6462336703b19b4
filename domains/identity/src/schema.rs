//! The identity tables (diesel `print_schema` format).

diesel::table! {
    identity_users (id) {
        id -> Text,
        email -> Text,
        email_normalized -> Text,
        password_hash -> Text,
        display_name -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        time_zone -> Nullable<Text>,
        locale -> Nullable<Text>,
        marketing_consent -> Bool,
        marketing_consent_at -> Nullable<Timestamp>,
        email_verified_at -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    identity_sessions (id) {
        id -> Text,
        user_id -> Text,
        device_label -> Nullable<Text>,
        created_at -> Timestamp,
        last_used_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        refresh_secret -> Text,
        amr -> Text,
        ip_coarse -> Nullable<Text>,
    }
}

diesel::table! {
    identity_refresh_tokens (id) {
        id -> Text,
        session_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    identity_security_events (id) {
        id -> Text,
        kind -> Text,
        user_id -> Nullable<Text>,
        session_id -> Nullable<Text>,
        created_at -> Timestamp,
        actor_id -> Nullable<Text>,
        detail -> Nullable<Text>,
        lock_key -> Nullable<Text>,
    }
}

diesel::table! {
    identity_user_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
    }
}

diesel::joinable!(identity_sessions -> identity_users (user_id));
diesel::joinable!(identity_user_roles -> identity_users (user_id));
diesel::joinable!(identity_refresh_tokens -> identity_sessions (session_id));
diesel::allow_tables_to_appear_in_same_query!(
    identity_users,
    identity_user_roles,
    identity_sessions,
    identity_refresh_tokens,
    identity_security_events,
    identity_mfa_totp,
    identity_mfa_recovery_codes,
    identity_mfa_challenges
);

diesel::table! {
    identity_email_tokens (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        token_hash -> Text,
        email_normalized -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(identity_email_tokens -> identity_users (user_id));
diesel::allow_tables_to_appear_in_same_query!(identity_users, identity_email_tokens);

diesel::table! {
    identity_exports (id) {
        id -> Text,
        user_id -> Text,
        requested_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
        expires_at -> Timestamp,
        downloaded_at -> Nullable<Timestamp>,
        payload -> Nullable<Text>,
    }
}

diesel::table! {
    identity_erasures (user_id) {
        user_id -> Text,
        requested_at -> Timestamp,
        updated_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    identity_erasure_steps (user_id, module) {
        user_id -> Text,
        module -> Text,
        attempts -> Integer,
        completed_at -> Nullable<Timestamp>,
        outcome -> Nullable<Text>,
    }
}

diesel::table! {
    identity_organizations (id) {
        id -> Text,
        name -> Text,
        eligibility_entries -> BigInt,
        eligibility_uploaded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    identity_organization_domains (domain) {
        domain -> Text,
        organization_id -> Text,
    }
}

diesel::table! {
    identity_organization_eligibility (organization_id, row_number) {
        organization_id -> Text,
        row_number -> BigInt,
        email_normalized -> Nullable<Text>,
        employee_id -> Nullable<Text>,
    }
}

diesel::table! {
    identity_organization_memberships (id) {
        id -> Text,
        organization_id -> Text,
        user_id -> Text,
        via -> Text,
        employee_id -> Nullable<Text>,
        joined_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
        end_reason -> Nullable<Text>,
    }
}

diesel::joinable!(identity_organization_domains -> identity_organizations (organization_id));
diesel::joinable!(identity_organization_eligibility -> identity_organizations (organization_id));
diesel::joinable!(identity_organization_memberships -> identity_organizations (organization_id));
diesel::joinable!(identity_organization_memberships -> identity_users (user_id));
diesel::allow_tables_to_appear_in_same_query!(
    identity_organizations,
    identity_organization_domains,
    identity_organization_eligibility,
    identity_organization_memberships,
    identity_users
);

diesel::table! {
    identity_mfa_totp (user_id) {
        user_id -> Text,
        secret_encrypted -> Text,
        created_at -> Timestamp,
        enabled_at -> Nullable<Timestamp>,
        last_used_step -> Nullable<BigInt>,
    }
}

diesel::table! {
    identity_mfa_recovery_codes (id) {
        id -> Text,
        user_id -> Text,
        code_hash -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    identity_mfa_challenges (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        device_label -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        attempts -> Integer,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(identity_mfa_totp -> identity_users (user_id));
diesel::joinable!(identity_mfa_recovery_codes -> identity_users (user_id));
diesel::joinable!(identity_mfa_challenges -> identity_users (user_id));
