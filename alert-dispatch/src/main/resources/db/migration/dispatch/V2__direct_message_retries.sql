-- A one-off message the provider could not take yet is kept and retried from here, not from the Kafka listener,
-- so a provider outage longer than the listener's backoff does not push it to the dead-letter topic. The payload
-- (address and text) is kept only while the message is pending.
ALTER TABLE direct_message ADD COLUMN payload text;
ALTER TABLE direct_message ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE direct_message ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX direct_message_due ON direct_message (next_attempt_at) WHERE status = 'PENDING';
