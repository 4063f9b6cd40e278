-- Twilio's status callbacks (sent, delivered, undelivered, failed: several per message) find their delivery by the
-- provider's message SID. Without an index each callback scanned the whole delivery table: at a national alert to a
-- million subscribers that is millions of rows per callback, for millions of callbacks. The price is that recording
-- a sent SMS (which sets provider_id) is no longer a HOT update; the email side keeps it (email provider ids are
-- Message-IDs that nothing looks up, so they are left out of the index).
CREATE INDEX delivery_by_provider_id ON delivery (provider_id) WHERE provider_id IS NOT NULL AND channel = 'SMS';
