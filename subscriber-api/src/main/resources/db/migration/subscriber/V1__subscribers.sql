-- Subscribers, their regions and contact points, verification codes, and the outbox (app-platform's OutboxRelay).
-- Erasing a subscriber deletes everything about them: every child table cascades.

CREATE TABLE subscriber (
    id               uuid        PRIMARY KEY,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    organisation     text        CHECK (length(organisation) <= 200),
    language         text        NOT NULL CHECK (language IN ('nb', 'en')),
    minimum_severity text        NOT NULL CHECK (minimum_severity IN ('Minor', 'Moderate', 'Severe', 'Extreme')),
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
    revision         bigint      NOT NULL CHECK (revision > 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE TABLE subscriber_region (
    subscriber_id uuid NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    region_code   text NOT NULL,
    PRIMARY KEY (subscriber_id, region_code)
);

-- address is normalised: E.164 for SMS (+4791234567), the domain lower-cased for EMAIL.
CREATE TABLE contact_point (
    id            uuid        PRIMARY KEY,
    subscriber_id uuid        NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    channel       text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    address       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    verified_at   timestamptz,
    opted_out_at  timestamptz,
    CONSTRAINT contact_point_address_per_subscriber UNIQUE (subscriber_id, channel, address)
);

-- An inbound STOP finds every contact point of the sending number.
CREATE INDEX contact_point_by_address ON contact_point (channel, address);

-- code_hash is an HMAC of the code under the server's token secret: the code itself is never stored.
CREATE TABLE verification (
    id               uuid        PRIMARY KEY,
    contact_point_id uuid        NOT NULL REFERENCES contact_point (id) ON DELETE CASCADE,
    code_hash        bytea       NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    used_at          timestamptz
);

CREATE INDEX verification_by_contact_point ON verification (contact_point_id, created_at DESC);

CREATE TABLE outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    payload     text,
    created_at  timestamptz NOT NULL DEFAULT now()
);
