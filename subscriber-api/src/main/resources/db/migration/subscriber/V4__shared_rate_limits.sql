-- Rate-limit windows that protect a person (per address, per number), shared by every instance and kept over a restart
-- (ADR 0023). One row per (bucket, key) while its window lasts; ExpiredWindowSweep deletes it after.

CREATE TABLE rate_limit_window (
    -- Bucket name (Bucket enum), e.g. SUBSCRIBE_PER_ADDRESS.
    bucket     text        NOT NULL CHECK (length(bucket) <= 50),
    -- HMAC-SHA256 of the key (channel + normalised address, or a number) under the token secret: never the address.
    key_hash   bytea       NOT NULL CHECK (length(key_hash) = 32),
    window_end timestamptz NOT NULL,
    -- Requests counted in the window; stops at permits + 1, which marks the window as refusing.
    count      integer     NOT NULL CHECK (count > 0),
    PRIMARY KEY (bucket, key_hash)
);

-- The sweep deletes by window end.
CREATE INDEX rate_limit_window_by_end ON rate_limit_window (window_end);
