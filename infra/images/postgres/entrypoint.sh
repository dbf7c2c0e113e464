#!/bin/bash
# Entrypoint of paas/postgres:15.
#   POSTGRES_PASSWORD  password of POSTGRES_USER (required unless POSTGRES_HOST_AUTH_METHOD=trust)
#   POSTGRES_USER      superuser name (default postgres)
#   POSTGRES_DB        a database to create on first start, owned by POSTGRES_USER, as the official image does
#                      (default: POSTGRES_USER; nothing is created when it is postgres)
#   POSTGRES_DATABASES more databases to create on first start, separated by spaces or commas (default: none)
#   POSTGRES_HOST_AUTH_METHOD  auth for TCP connections (default scram-sha-256)
set -euo pipefail

: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DATABASES:=}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
: "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"

if [[ ${1:-} != postgres ]]; then exec "$@"; fi

if [[ $(id -u) == 0 ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec runuser -u postgres -- "$0" "$@"
fi

if [[ ! -s $PGDATA/PG_VERSION ]]; then
  if [[ -z ${POSTGRES_PASSWORD:-} && $POSTGRES_HOST_AUTH_METHOD != trust ]]; then
    echo "paas-postgres: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
  initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --no-locale \
    --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  echo "host all all all $POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -k /var/run/postgresql" -w start >/dev/null
  if [[ $POSTGRES_DB != postgres ]]; then
    echo "paas-postgres: creating database $POSTGRES_DB owned by $POSTGRES_USER"
    psql -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$POSTGRES_USER" -d postgres -q \
      -c "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\""
  fi
  for db in ${POSTGRES_DATABASES//,/ }; do
    [[ $db == postgres || $db == "$POSTGRES_DB" ]] && continue
    echo "paas-postgres: creating database $db"
    psql -v ON_ERROR_STOP=1 -h /var/run/postgresql -U "$POSTGRES_USER" -d postgres -qc "CREATE DATABASE \"$db\""
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "paas-postgres: initialized $PGDATA"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "${@:2}"
