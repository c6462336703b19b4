DROP TABLE billing_promo_redemptions;
DROP TABLE billing_promo_codes;
