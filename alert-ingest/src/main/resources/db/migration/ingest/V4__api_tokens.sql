-- Tokens for machine clients (a drug-checking lab's system). Each acts as a coordinator account, with its roles and
-- scope. Only a SHA-256 hash is stored: a token is 256 random bits, so a slow hash adds nothing and lookup by hash works.
CREATE TABLE api_tokens (
    id         uuid        PRIMARY KEY,
    username   text        NOT NULL REFERENCES coordinators (username),
    name       text        NOT NULL,
    token_hash text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    revoked_at timestamptz,
    revoked_by text
);
CREATE INDEX api_tokens_by_username ON api_tokens (username);
