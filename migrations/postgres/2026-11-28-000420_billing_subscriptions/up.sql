-- Subscriptions (issue 12 points 3 and 4): one row per provider subscription, in the
-- state machine's status; provider_updated_at is the provider's time (Unix seconds) of
-- the last change applied, so an older event never overwrites a newer one. started_at
-- is when access began (the grants' valid_from).
CREATE TABLE billing_subscriptions (
    id                    TEXT PRIMARY KEY,
    user_id               TEXT NOT NULL,
    provider              TEXT NOT NULL CHECK (provider IN ('stripe', 'app_store', 'play')),
    provider_ref          TEXT NOT NULL,
    product_id            TEXT,
    price_id              TEXT,
    status                TEXT NOT NULL CHECK (status IN ('trialing', 'active', 'past_due', 'canceled', 'expired', 'paused', 'refunded', 'revoked')),
    started_at            TIMESTAMP NOT NULL,
    current_period_end    TIMESTAMP,
    cancel_at_period_end  BOOLEAN NOT NULL,
    grace_until           TIMESTAMP,
    provider_updated_at   BIGINT NOT NULL,
    created_at            TIMESTAMP NOT NULL,
    updated_at            TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_subscriptions_provider ON billing_subscriptions (provider, provider_ref);
CREATE INDEX billing_subscriptions_user ON billing_subscriptions (user_id, id);

-- The member's Stripe customer (from checkout.session.completed), for the portal.
CREATE TABLE billing_customers (
    user_id             TEXT PRIMARY KEY,
    stripe_customer_id  TEXT NOT NULL,
    created_at          TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX billing_customers_stripe ON billing_customers (stripe_customer_id);

-- The webhook inbox: one row per provider event applied or ignored, so a redelivery is
-- a no-op. outcome: applied | ignored | stale.
CREATE TABLE billing_webhook_events (
    provider     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    event_type   TEXT NOT NULL,
    created      BIGINT NOT NULL,
    outcome      TEXT NOT NULL,
    received_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (provider, event_id)
);
