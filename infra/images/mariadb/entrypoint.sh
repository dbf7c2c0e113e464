#!/bin/bash
# Entrypoint of paas/mariadb:10.11, honouring the official image's environment:
#   MARIADB_ROOT_PASSWORD  password of root (required, or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1)
#   MARIADB_DATABASE       database to create on first start (optional)
#   MARIADB_USER, MARIADB_PASSWORD  user to create on first start, with all privileges on MARIADB_DATABASE
# The MYSQL_* spellings are accepted too. Initialisation happens only on an empty /var/lib/mysql.
set -euo pipefail

datadir=/var/lib/mysql
root_password=${MARIADB_ROOT_PASSWORD:-${MYSQL_ROOT_PASSWORD:-}}
database=${MARIADB_DATABASE:-${MYSQL_DATABASE:-}}
user=${MARIADB_USER:-${MYSQL_USER:-}}
password=${MARIADB_PASSWORD:-${MYSQL_PASSWORD:-}}
allow_empty=${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:-${MYSQL_ALLOW_EMPTY_PASSWORD:-}}

case ${1:-} in
  mariadbd | mysqld) ;;
  -*) set -- mariadbd "$@" ;;
  *) exec "$@" ;;
esac

if [[ $(id -u) == 0 ]]; then
  mkdir -p "$datadir" /run/mysqld
  chown -R mysql:mysql "$datadir" /run/mysqld
  exec runuser -u mysql -- "$0" "$@"
fi

# SQL string literal / identifier quoting
lit() { local s=${1//\\/\\\\}; s=${s//\'/\\\'}; printf "'%s'" "$s"; }
ident() { local s=${1//\`/\`\`}; printf '`%s`' "$s"; }

if [[ ! -d $datadir/mysql ]]; then
  if [[ -z $root_password && -z $allow_empty ]]; then
    echo "paas-mariadb: set MARIADB_ROOT_PASSWORD (or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1)" >&2
    exit 1
  fi
  mariadb-install-db --datadir="$datadir" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve >/dev/null
  mariadbd --datadir="$datadir" --skip-networking --socket=/run/mysqld/init.sock &
  pid=$!
  for _ in $(seq 1 60); do
    mariadb-admin --socket=/run/mysqld/init.sock -uroot ping >/dev/null 2>&1 && break
    sleep 0.5
  done
  {
    echo "SET @@SESSION.SQL_LOG_BIN=0;"
    echo "DELETE FROM mysql.user WHERE user = '';"
    echo "DROP USER IF EXISTS 'root'@'$(hostname)', 'root'@'127.0.0.1', 'root'@'::1';"
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY $(lit "$root_password");"
    echo "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY $(lit "$root_password");"
    echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
    if [[ -n $database ]]; then
      echo "CREATE DATABASE IF NOT EXISTS $(ident "$database");"
    fi
    if [[ -n $user && -n $password ]]; then
      echo "CREATE USER IF NOT EXISTS $(lit "$user")@'%' IDENTIFIED BY $(lit "$password");"
      if [[ -n $database ]]; then
        echo "GRANT ALL ON $(ident "$database").* TO $(lit "$user")@'%';"
      fi
    fi
    echo "FLUSH PRIVILEGES;"
  } | mariadb --socket=/run/mysqld/init.sock -uroot
  kill -TERM "$pid"
  wait "$pid" || true
  echo "paas-mariadb: initialized $datadir"
fi

exec "$@"
