-- Fan-out is committed in chunks of subscribers, in subscriber id order. fan_out_cursor is the last subscriber id a
-- committed chunk covered, so a fan-out interrupted by a crash or a rebalance resumes after it; fanned_out_at is set
-- by the chunk that finishes.
ALTER TABLE alert_version ADD COLUMN fan_out_cursor uuid;

-- The queue index no longer has status in its predicate, but claimed_at, which only the claim, a retry and the
-- recovery of an abandoned claim change. The update that records a sent message (status, provider_id, sent_at)
-- then changes no indexed column and can be a HOT update: no new index entries, less WAL. claimed_at IS NULL holds
-- exactly for PENDING deliveries in every transition dispatch makes; the UPDATE below makes it so for old rows.
UPDATE delivery SET claimed_at = coalesce(sent_at, created_at) WHERE claimed_at IS NULL AND status <> 'PENDING';
CREATE INDEX delivery_unclaimed ON delivery (channel, priority DESC, id) WHERE claimed_at IS NULL;
DROP INDEX delivery_queue;

-- Same leading columns as the unique key delivery_once, which serves every lookup by alert version: one index
-- entry fewer to write per delivery version.
DROP INDEX delivery_by_alert;

-- Room on each page for the later versions of a row (claim, outcome), so they stay on the page and can be HOT.
ALTER TABLE delivery SET (fillfactor = 70);
