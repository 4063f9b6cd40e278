-- Workers no longer claim deliveries one row at a time. Each claim was an update of the delivery row that could not be
-- HOT (it took the row out of the queue index), so a delivery cost three row versions and ten or more index entries:
-- in the benchmark PostgreSQL spent more CPU on that bookkeeping than the senders did on a third of the messages.
--
-- Now fan-out writes, with each chunk it commits, one delivery_batch per channel: the chunk's subscriber range of one
-- alert version. A worker leases a batch (lease_until, renewed while it works), reads the batch's unsent deliveries
-- in pages through delivery_once, and deletes the batch once every delivery in it has an outcome. A delivery row is
-- written twice: inserted, and its outcome (a HOT update where no indexed column changes). A lease that runs out
-- (a crashed worker) lets another worker take the batch, which sends what has no outcome yet.
CREATE TABLE delivery_batch (
    id               bigserial   PRIMARY KEY,
    alert_id         uuid        NOT NULL,
    alert_version    int         NOT NULL,
    channel          text        NOT NULL,
    priority         smallint    NOT NULL,
    subscriber_after uuid,       -- exclusive; null: from the first subscriber
    subscriber_up_to uuid,       -- inclusive; null: to the last subscriber
    lease_until      timestamptz NOT NULL DEFAULT '-infinity',
    FOREIGN KEY (alert_id, alert_version) REFERENCES alert_version (alert_id, version)
);

CREATE INDEX delivery_batch_queue ON delivery_batch (channel, priority DESC, id);

-- A delivery whose attempt failed for a reason that may pass (429, 5xx, a timeout) waits here for its next attempt.
-- Claiming a retry moves due_at forward by the claim timeout, which is its lease: if the worker dies, it is due again.
CREATE TABLE delivery_retry (
    delivery_id bigint      PRIMARY KEY REFERENCES delivery (id) ON DELETE CASCADE,
    channel     text        NOT NULL,
    priority    smallint    NOT NULL,
    due_at      timestamptz NOT NULL
);

CREATE INDEX delivery_retry_due ON delivery_retry (channel, due_at);

-- Upgrade with every alert-dispatch instance stopped (not rolling): an instance of the earlier version would go on
-- fanning out without writing batches, and nothing would send what it wrote.
-- Work in progress at the upgrade. Never attempted: a batch per alert version and channel over all subscribers.
-- Attempted and not finished (waiting for a retry, or claimed by a worker of the old version): a retry, due when it
-- was due, or when the old claim would have timed out.
UPDATE delivery SET status = 'PENDING' WHERE status = 'SENDING';

-- A fan-out still under way ends its batch at the cursor: the chunks it writes after the upgrade bring their own.
INSERT INTO delivery_batch (alert_id, alert_version, channel, priority, subscriber_up_to)
SELECT d.alert_id, d.alert_version, d.channel, max(d.priority),
       CASE WHEN v.fanned_out_at IS NULL THEN v.fan_out_cursor END
FROM delivery d
JOIN alert_version v ON v.alert_id = d.alert_id AND v.version = d.alert_version
WHERE d.status = 'PENDING' AND d.attempts = 0
GROUP BY d.alert_id, d.alert_version, d.channel, v.fanned_out_at, v.fan_out_cursor;

INSERT INTO delivery_retry (delivery_id, channel, priority, due_at)
SELECT id, channel, priority, greatest(next_attempt_at, coalesce(claimed_at + interval '5 minutes', next_attempt_at))
FROM delivery
WHERE status = 'PENDING' AND attempts > 0;

DROP INDEX delivery_unclaimed;
ALTER TABLE delivery DROP COLUMN claimed_at;
ALTER TABLE delivery DROP COLUMN next_attempt_at;

-- Twilio's status callbacks find their delivery by primary key now: each alert SMS's callback URL names it. The index
-- on provider_id (V4) goes: any index on provider_id made recording every sent message, email included, a non-HOT
-- update (PostgreSQL looks at the indexed columns, not at the partial index's predicate). Callbacks for messages sent
-- before this change still find theirs by provider_id, without an index.
DROP INDEX delivery_by_provider_id;

-- Room on each page for the outcome of every row on it (both channels of a subscriber sit side by side), so the
-- outcome stays on the page as a HOT update: measured on 200 000 deliveries, 88 % HOT at 50 against 50 % at 70.
ALTER TABLE delivery SET (fillfactor = 50);
