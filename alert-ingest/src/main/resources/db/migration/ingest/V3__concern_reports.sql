-- Concerns reported by the public. No IP address or other identifying data: only what the reporter wrote, and a
-- contact only if they chose to give one.
CREATE TABLE concern_reports (
    id          uuid        PRIMARY KEY,
    received_at timestamptz NOT NULL,
    observed    text        NOT NULL,
    region      text        NOT NULL,
    seen_at     timestamptz,
    contact     text,
    status      text        NOT NULL DEFAULT 'NEW'
        CHECK (status IN ('NEW', 'REVIEWING', 'DISMISSED', 'TURNED_INTO_ALERT')),
    alert_id    uuid        REFERENCES alerts (id),
    triaged_by  text,
    triaged_at  timestamptz,
    note        text,
    CONSTRAINT concern_reports_alert_when_turned CHECK ((status = 'TURNED_INTO_ALERT') = (alert_id IS NOT NULL))
);
CREATE INDEX concern_reports_by_region ON concern_reports (region, received_at DESC);
