DROP TABLE billing_store_accounts;
DROP INDEX billing_prices_play;
DROP INDEX billing_prices_app_store;
ALTER TABLE billing_prices DROP COLUMN play_product_id;
ALTER TABLE billing_prices DROP COLUMN app_store_product_id;
