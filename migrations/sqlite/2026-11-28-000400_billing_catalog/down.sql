DROP TABLE billing_prices;
DROP TABLE billing_product_features;
DROP TABLE billing_products;
