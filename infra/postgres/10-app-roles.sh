#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory (docker-entrypoint-initdb.d).
# Each app gets its own login role that owns its own schema and nothing else: no app can read another's tables —
# in particular nobody but alert-ingest can read the token signing key (ingest.signing_keys) or the account hashes.
# Passwords come from the environment; nothing secret is in this file.
set -euo pipefail

for var in INGEST_DB_PASSWORD SUBSCRIBER_DB_PASSWORD DISPATCH_DB_PASSWORD; do
  if [ -z "${!var:-}" ]; then
    echo "$var must be set" >&2
    exit 1
  fi
done

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v ingest_pw="$INGEST_DB_PASSWORD" \
  -v subscriber_pw="$SUBSCRIBER_DB_PASSWORD" \
  -v dispatch_pw="$DISPATCH_DB_PASSWORD" \
  -v db="$POSTGRES_DB" <<'SQL'
-- Nobody but the owner may create objects in public or connect by default.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;

CREATE ROLE ingest LOGIN PASSWORD :'ingest_pw';
CREATE ROLE subscriber LOGIN PASSWORD :'subscriber_pw';
CREATE ROLE dispatch LOGIN PASSWORD :'dispatch_pw';
GRANT CONNECT ON DATABASE :"db" TO ingest, subscriber, dispatch;

-- Flyway finds the schema and creates its tables in it as the owner.
CREATE SCHEMA ingest AUTHORIZATION ingest;
CREATE SCHEMA subscriber AUTHORIZATION subscriber;
CREATE SCHEMA dispatch AUTHORIZATION dispatch;
SQL
