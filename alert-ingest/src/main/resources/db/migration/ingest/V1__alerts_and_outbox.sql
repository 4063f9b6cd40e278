-- An alert: the stable id its versions are published under.
CREATE TABLE alerts (
    id         uuid        PRIMARY KEY,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL
);

-- Every published version of an alert, with the event exactly as it was sent on the alerts topic.
CREATE TABLE alert_versions (
    alert_id     uuid        NOT NULL REFERENCES alerts (id),
    version      integer     NOT NULL CHECK (version >= 1),
    msg_type     text        NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
    event_json   text        NOT NULL,
    published_at timestamptz NOT NULL,
    published_by text        NOT NULL,
    PRIMARY KEY (alert_id, version),
    -- CAP: the first version is the Alert, every later one an Update or a Cancel.
    CONSTRAINT alert_versions_first_is_alert CHECK ((version = 1) = (msg_type = 'Alert'))
);

-- Kafka records written in the same transaction as the change they announce; app-platform's OutboxRelay publishes
-- and deletes them.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
