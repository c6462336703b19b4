DROP TABLE platform_event_handled;
DROP TABLE platform_outbox_events;
DROP TABLE platform_recurring_jobs;
DROP TABLE platform_jobs;
