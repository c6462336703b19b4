DROP TABLE billing_webhook_events;
DROP TABLE billing_customers;
DROP TABLE billing_subscriptions;
