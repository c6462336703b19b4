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
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    billing_products,
    billing_product_features,
    billing_prices,
);
