-- alert-dispatch owns copies of subscribers (from the subscriptions topic) and alerts (from the alerts topic),
-- and the deliveries it makes. Nothing here is read by another service.

CREATE TABLE subscriber (
    id                 uuid PRIMARY KEY,
    revision           bigint      NOT NULL,
    active             boolean     NOT NULL,
    language           text        NOT NULL,
    min_severity_rank  smallint    NOT NULL,
    unsubscribe_token  text        NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE subscriber_region (
    subscriber_id uuid NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    region_code   text NOT NULL,
    PRIMARY KEY (region_code, subscriber_id)
);

CREATE INDEX subscriber_region_subscriber ON subscriber_region (subscriber_id);

CREATE TABLE contact_point (
    subscriber_id uuid NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    channel       text NOT NULL,
    address       text NOT NULL,
    PRIMARY KEY (subscriber_id, channel, address)
);

-- Every published version exactly as received; (alert_id, version) deduplicates redelivered records.
CREATE TABLE alert_version (
    alert_id     uuid        NOT NULL,
    version      int         NOT NULL,
    msg_type     text        NOT NULL,
    status       text        NOT NULL,
    severity     text        NOT NULL,
    effective    timestamptz NOT NULL,
    expires      timestamptz NOT NULL,
    sent         timestamptz NOT NULL,
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    fanned_out_at timestamptz,
    PRIMARY KEY (alert_id, version)
);

-- The latest version of each alert, for feeds and pages.
CREATE TABLE alert_current (
    alert_id  uuid PRIMARY KEY,
    version   int  NOT NULL,
    FOREIGN KEY (alert_id, version) REFERENCES alert_version (alert_id, version)
);

CREATE TABLE alert_region (
    alert_id    uuid NOT NULL,
    region_code text NOT NULL,
    PRIMARY KEY (alert_id, region_code)
);

-- One row per (alert version, subscriber, channel): the unique key is what makes redelivery, rebalancing and
-- restarts harmless. The address is copied so a later change of number does not redirect an earlier alert.
CREATE TABLE delivery (
    id                bigserial   PRIMARY KEY,
    alert_id          uuid        NOT NULL,
    alert_version     int         NOT NULL,
    subscriber_id     uuid        NOT NULL,
    channel           text        NOT NULL,
    address           text        NOT NULL,
    language          text        NOT NULL,
    priority          smallint    NOT NULL,
    status            text        NOT NULL,
    attempts          int         NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    claimed_at        timestamptz,
    provider_id       text,
    failure_reason    text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    sent_at           timestamptz,
    CONSTRAINT delivery_once UNIQUE (alert_id, alert_version, subscriber_id, channel),
    FOREIGN KEY (alert_id, alert_version) REFERENCES alert_version (alert_id, version)
);

CREATE INDEX delivery_queue ON delivery (channel, priority DESC, id) WHERE status = 'PENDING';
CREATE INDEX delivery_by_alert ON delivery (alert_id, alert_version);
CREATE INDEX delivery_by_subscriber ON delivery (subscriber_id);

-- One-off messages from subscriber-api, deduplicated on message id.
CREATE TABLE direct_message (
    message_id  uuid        PRIMARY KEY,
    channel     text        NOT NULL,
    status      text        NOT NULL,
    provider_id text,
    failure_reason text,
    received_at timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);

-- Standalone use without provider credentials: what would have been sent, for a person to read.
CREATE TABLE local_outbox (
    id         bigserial   PRIMARY KEY,
    channel    text        NOT NULL,
    recipient  text        NOT NULL,
    subject    text,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Events dispatch publishes (provider-reported opt-outs for subscriber-api), through the same outbox discipline.
CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
