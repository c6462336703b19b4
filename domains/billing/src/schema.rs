//! The billing tables (diesel `print_schema` format).

diesel::table! {
    billing_products (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        description -> Text,
        active -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    billing_product_features (product_id, feature) {
        product_id -> Text,
        feature -> Text,
        quota -> Nullable<BigInt>,
    }
}

diesel::table! {
    billing_prices (id) {
        id -> Text,
        product_id -> Text,
        amount_minor -> BigInt,
        currency -> Text,
        billing_interval -> Text,
        trial_days -> Integer,
        stripe_price_id -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamp,
        app_store_product_id -> Nullable<Text>,
        play_product_id -> Nullable<Text>,
    }
}

diesel::table! {
    billing_store_accounts (user_id) {
        user_id -> Text,
        account_token -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    billing_grants (id) {
        id -> Text,
        user_id -> Text,
        feature -> Text,
        source -> Text,
        source_ref -> Text,
        valid_from -> Timestamp,
        valid_until -> Nullable<Timestamp>,
        quota -> Nullable<BigInt>,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    billing_consumptions (id) {
        id -> Text,
        user_id -> Text,
        feature -> Text,
        reference -> Text,
        benefit_year -> Integer,
        consumed_at -> Timestamp,
        released_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    billing_ledger_entries (id) {
        id -> Text,
        user_id -> Text,
        feature -> Text,
        action -> Text,
        grant_id -> Nullable<Text>,
        source -> Nullable<Text>,
        source_ref -> Nullable<Text>,
        reference -> Nullable<Text>,
        valid_until -> Nullable<Timestamp>,
        quota -> Nullable<BigInt>,
        actor_id -> Nullable<Text>,
        reason -> Nullable<Text>,
        at -> Timestamp,
    }
}

diesel::table! {
    billing_entitlement_versions (user_id) {
        user_id -> Text,
        version -> BigInt,
    }
}

diesel::table! {
    billing_subscriptions (id) {
        id -> Text,
        user_id -> Text,
        provider -> Text,
        provider_ref -> Text,
        product_id -> Nullable<Text>,
        price_id -> Nullable<Text>,
        status -> Text,
        started_at -> Timestamp,
        current_period_end -> Nullable<Timestamp>,
        cancel_at_period_end -> Bool,
        grace_until -> Nullable<Timestamp>,
        provider_updated_at -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    billing_customers (user_id) {
        user_id -> Text,
        stripe_customer_id -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    billing_webhook_events (provider, event_id) {
        provider -> Text,
        event_id -> Text,
        event_type -> Text,
        created -> BigInt,
        outcome -> Text,
        received_at -> Timestamp,
    }
}

diesel::table! {
    billing_promo_codes (id) {
        id -> Text,
        code -> Text,
        kind -> Text,
        percent_off -> Nullable<Integer>,
        amount_off_minor -> Nullable<BigInt>,
        currency -> Nullable<Text>,
        stripe_coupon_id -> Nullable<Text>,
        product_id -> Nullable<Text>,
        free_days -> Nullable<Integer>,
        expires_at -> Nullable<Timestamp>,
        max_redemptions -> Nullable<BigInt>,
        redeemed_count -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    billing_promo_redemptions (id) {
        id -> Text,
        promo_id -> Text,
        user_id -> Text,
        redeemed_at -> Timestamp,
        applied_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    billing_employer_contracts (organization_id) {
        organization_id -> Text,
        product_id -> Text,
        seats -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    billing_employer_seats (membership_id) {
        membership_id -> Text,
        organization_id -> Text,
        user_id -> Text,
        state -> Text,
        joined_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    billing_employer_waitlist (id) {
        id -> Text,
        organization_id -> Text,
        user_id -> Text,
        membership_id -> Nullable<Text>,
        requested_at -> Timestamp,
    }
}

diesel::table! {
    billing_employer_paid_twice (membership_id) {
        membership_id -> Text,
        user_id -> Text,
        notified_at -> Timestamp,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    billing_employer_waitlist,
    billing_employer_paid_twice,
    billing_employer_contracts,
    billing_employer_seats,
    billing_promo_codes,
    billing_promo_redemptions,
    billing_subscriptions,
    billing_customers,
    billing_store_accounts,
    billing_webhook_events,
    billing_products,
    billing_product_features,
    billing_prices,
    billing_grants,
    billing_consumptions,
    billing_ledger_entries,
    billing_entitlement_versions,
);
