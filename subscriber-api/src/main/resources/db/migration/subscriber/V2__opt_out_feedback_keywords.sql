-- Opt-out and provider feedback, SMS keyword subscriptions.

-- A subscriber made by an SMS keyword has no name: nobody typed one.
ALTER TABLE subscriber ALTER COLUMN name DROP NOT NULL;

-- The provider said the address can never be delivered to (invalid number, permanent SMTP rejection).
ALTER TABLE contact_point ADD COLUMN undeliverable_at timestamptz;

-- contact-feedback records already applied (ContactFeedback.feedbackId): a redelivered record changes nothing.
-- Holds no personal data; rows older than the topic's retention can be deleted.
CREATE TABLE processed_feedback (
    feedback_id  uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
