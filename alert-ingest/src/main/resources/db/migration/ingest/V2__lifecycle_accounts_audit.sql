-- Local coordinator accounts. Passwords only as bcrypt hashes; accounts are disabled, never deleted (the audit log
-- names them).
CREATE TABLE coordinators (
    username      text        PRIMARY KEY,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL CHECK (cardinality(roles) > 0
                                              AND roles <@ ARRAY['COORDINATOR', 'APPROVER', 'ADMIN']),
    scope         text[]      NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL
);

-- The lifecycle of an alert. publication: what the public sees; review: the state of the pending content (a draft
-- before the first version, or a proposed update of a published alert). revision guards against lost updates (ETag).
ALTER TABLE alerts
    ADD COLUMN publication      text        NOT NULL DEFAULT 'NOT_PUBLISHED'
        CHECK (publication IN ('NOT_PUBLISHED', 'PUBLISHED', 'CANCELLED', 'EXPIRED')),
    ADD COLUMN review           text        NOT NULL DEFAULT 'NONE'
        CHECK (review IN ('NONE', 'DRAFT', 'SUBMITTED', 'REJECTED')),
    ADD COLUMN revision         integer     NOT NULL DEFAULT 1,
    ADD COLUMN draft_json       text,
    ADD COLUMN draft_authors    text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN submitted_by     text,
    ADD COLUMN rejected_by      text,
    ADD COLUMN rejection_reason text,
    -- of the content in force (published) or else of the draft, for listing by region
    ADD COLUMN regions          text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN effective        timestamptz,
    ADD COLUMN expires          timestamptz,
    ADD CONSTRAINT alerts_draft_matches_review CHECK ((review = 'NONE') = (draft_json IS NULL));

-- Alerts published before the lifecycle existed are published.
UPDATE alerts a SET publication = 'PUBLISHED',
                    effective = (SELECT (v.event_json::jsonb ->> 'effective')::timestamptz FROM alert_versions v
                                 WHERE v.alert_id = a.id ORDER BY v.version DESC LIMIT 1),
                    expires = (SELECT (v.event_json::jsonb ->> 'expires')::timestamptz FROM alert_versions v
                               WHERE v.alert_id = a.id ORDER BY v.version DESC LIMIT 1);

CREATE INDEX alerts_due_to_expire ON alerts (expires) WHERE publication = 'PUBLISHED';
CREATE INDEX alerts_regions ON alerts USING gin (regions);

-- Every transition of every alert: who, when, what. Append-only, enforced below.
CREATE TABLE alert_audit (
    id          bigserial   PRIMARY KEY,
    alert_id    uuid        NOT NULL REFERENCES alerts (id),
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    action      text        NOT NULL,
    publication text        NOT NULL,
    review      text        NOT NULL,
    revision    integer     NOT NULL,
    details     text        NOT NULL
);
CREATE INDEX alert_audit_by_alert ON alert_audit (alert_id, id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER alert_audit_append_only BEFORE UPDATE OR DELETE ON alert_audit
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER alert_audit_no_truncate BEFORE TRUNCATE ON alert_audit
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER alert_versions_append_only BEFORE UPDATE OR DELETE ON alert_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A POST retried with the same Idempotency-Key gets the alert the first one created.
CREATE TABLE idempotency_keys (
    actor        text        NOT NULL,
    key          text        NOT NULL,
    request_hash text        NOT NULL,
    -- deferred: the key is claimed before the alert it will name is inserted
    alert_id     uuid        NOT NULL REFERENCES alerts (id) DEFERRABLE INITIALLY DEFERRED,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (actor, key)
);
