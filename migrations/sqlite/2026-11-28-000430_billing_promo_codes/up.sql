-- Promo codes (issue 12 point 8): a percent or amount off (a Stripe coupon applied at the
-- member's next checkout) or a free period of a product granted at once. `code` is
-- upper-case; redeemed_count counts redemptions, raised by one conditional update so
-- concurrent redemptions never pass max_redemptions; a member redeems a code once.
CREATE TABLE billing_promo_codes (
    id                TEXT PRIMARY KEY,
    code              TEXT NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('percent_off', 'amount_off', 'free_period')),
    percent_off       INTEGER,
    amount_off_minor  BIGINT,
    currency          TEXT,
    stripe_coupon_id  TEXT,
    product_id        TEXT,
    free_days         INTEGER,
    expires_at        TIMESTAMP,
    max_redemptions   BIGINT,
    redeemed_count    BIGINT NOT NULL,
    created_at        TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_promo_codes_code ON billing_promo_codes (code);

-- applied_at: when checkout passed the discount to Stripe (discount codes).
CREATE TABLE billing_promo_redemptions (
    id           TEXT PRIMARY KEY,
    promo_id     TEXT NOT NULL REFERENCES billing_promo_codes (id),
    user_id      TEXT NOT NULL,
    redeemed_at  TIMESTAMP NOT NULL,
    applied_at   TIMESTAMP
);
CREATE UNIQUE INDEX billing_promo_redemptions_once ON billing_promo_redemptions (promo_id, user_id);
CREATE INDEX billing_promo_redemptions_user ON billing_promo_redemptions (user_id, id);
