#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL (+PostGIS when installable)
# for dateline's tests, then print its URL.
#
#   eval "$(scripts/postgres.sh)"      # sets DATELINE_TEST_PG
#   .venv/bin/python -m pytest tests/store
#
# Needs root (apt-get) the first time. Env: PGPORT (default 5433),
# CLUSTER (default dateline), DBNAME/DBUSER/DBPASS (default dateline).
set -euo pipefail
PGVER="${PGVER:-15}"
PGPORT="${PGPORT:-5433}"
CLUSTER="${CLUSTER:-dateline}"
DBNAME="${DBNAME:-dateline}"
DBUSER="${DBUSER:-dateline}"
DBPASS="${DBPASS:-dateline}"

log() { echo "postgres.sh: $*" >&2; }

if ! command -v pg_createcluster >/dev/null || [ ! -x "/usr/lib/postgresql/$PGVER/bin/postgres" ]; then
  log "installing postgresql"
  apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
if [ ! -f "/usr/share/postgresql/$PGVER/extension/postgis.control" ]; then
  log "installing postgis (optional)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PGVER-postgis-3") >&2 \
    || log "postgis not installable: the store will use plain latitude/longitude columns"
fi

if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$PGVER/$CLUSTER"; then
  log "creating cluster $PGVER/$CLUSTER on port $PGPORT"
  pg_createcluster "$PGVER" "$CLUSTER" -p "$PGPORT" >&2
fi
pg_ctlcluster "$PGVER" "$CLUSTER" start >&2 2>/dev/null || true
PGPORT="$(pg_lsclusters -h | awk -v v="$PGVER" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

psql_su() { su postgres -c "psql -p $PGPORT -v ON_ERROR_STOP=1 -qAt $*"; }
for _ in $(seq 1 30); do psql_su "-c 'select 1'" >/dev/null 2>&1 && break; sleep 0.5; done
if [ "$(psql_su "-c \"select 1 from pg_roles where rolname='$DBUSER'\"")" != "1" ]; then
  psql_su "-c \"create role $DBUSER login superuser password '$DBPASS'\"" >&2
fi
if [ "$(psql_su "-c \"select 1 from pg_database where datname='$DBNAME'\"")" != "1" ]; then
  psql_su "-c \"create database $DBNAME owner $DBUSER\"" >&2
fi
# PostGIS in the database when the extension is there (the store also tries).
psql_su "-d $DBNAME -c 'create extension if not exists postgis'" >/dev/null 2>&1 || true

URL="postgresql://$DBUSER:$DBPASS@localhost:$PGPORT/$DBNAME"
log "ready: $URL"
echo "export DATELINE_TEST_PG=$URL"
