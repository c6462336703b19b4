-- App Store and Google Play (issue 12 points 5 and 6). A price sold in a store names the
-- store's product id, so a store transaction maps to our product's features; one store
-- product maps to one price.
ALTER TABLE billing_prices ADD COLUMN app_store_product_id TEXT;
ALTER TABLE billing_prices ADD COLUMN play_product_id TEXT;
CREATE UNIQUE INDEX billing_prices_app_store ON billing_prices (app_store_product_id);
CREATE UNIQUE INDEX billing_prices_play ON billing_prices (play_product_id);

-- The account token (a UUID) the app sets on store purchases (App Store appAccountToken,
-- Play obfuscatedExternalAccountId): how a store transaction is linked to the member.
CREATE TABLE billing_store_accounts (
    user_id        TEXT PRIMARY KEY,
    account_token  TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_store_accounts_token ON billing_store_accounts (account_token);
