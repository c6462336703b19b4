-- Billing catalog (issue 12 point 1): products grant features; prices (minor units with
-- an ISO 4217 currency, a month or year interval, a trial) are what members buy.
-- `code` is the product's stable handle (seeding and support); `stripe_price_id` links a
-- price to the Stripe price checkout sells (NULL: not sold through Stripe).
CREATE TABLE billing_products (
    id           TEXT PRIMARY KEY,
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    active       BOOLEAN NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_products_code ON billing_products (code);

-- The features a product grants; `quota` is the yearly number of units of a counted
-- feature (care.therapy, care.psychiatry) and NULL for the others.
CREATE TABLE billing_product_features (
    product_id  TEXT NOT NULL REFERENCES billing_products (id),
    feature     TEXT NOT NULL CHECK (feature IN ('content.premium', 'care.coaching', 'care.therapy', 'care.psychiatry')),
    quota       BIGINT CHECK (quota IS NULL OR quota > 0),
    PRIMARY KEY (product_id, feature)
);

CREATE TABLE billing_prices (
    id               TEXT PRIMARY KEY,
    product_id       TEXT NOT NULL REFERENCES billing_products (id),
    amount_minor     BIGINT NOT NULL CHECK (amount_minor >= 0),
    currency         TEXT NOT NULL,
    billing_interval TEXT NOT NULL CHECK (billing_interval IN ('month', 'year')),
    trial_days       INTEGER NOT NULL CHECK (trial_days >= 0),
    stripe_price_id  TEXT,
    active           BOOLEAN NOT NULL,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX billing_prices_product ON billing_prices (product_id, id);
CREATE UNIQUE INDEX billing_prices_stripe ON billing_prices (stripe_price_id);
