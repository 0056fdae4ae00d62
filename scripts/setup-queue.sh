#!/usr/bin/env bash
# Redis and PostgreSQL for n8n's queue mode (scripts/lib/queue.ts starts them on
# loopback, each with its own data folder and port, and stops them afterwards).
#
#   bash scripts/setup-queue.sh      installs them when missing; prints two lines:
#                                    the redis-server binary, PostgreSQL's bin folder
#
# Idempotent: binaries that answer are reused. Installing needs root and apt-get
# (Debian or Ubuntu): packages redis-server and postgresql. Their versions follow
# the distribution; the suites print the versions they ran with.
#
# Environment: TRUTO_REDIS_SERVER (a redis-server binary), TRUTO_PG_BIN (a folder
# with initdb, postgres and psql) to use instead (nothing is installed).
set -euo pipefail

log() { echo "[setup-queue] $*" >&2; }
source "$(dirname "$0")/lib/apt-install.sh"

redis_works() { [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }
pg_works() { [ -x "$1/initdb" ] && [ -x "$1/postgres" ] && [ -x "$1/psql" ] && "$1/postgres" --version >/dev/null 2>&1; }

find_redis() {
  local candidate
  for candidate in "${TRUTO_REDIS_SERVER:-}" "$(command -v redis-server || true)" /usr/bin/redis-server; do
    if [ -n "$candidate" ] && redis_works "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

find_pg() { # the newest /usr/lib/postgresql/<version>/bin that works
  local candidate
  if [ -n "${TRUTO_PG_BIN:-}" ] && pg_works "$TRUTO_PG_BIN"; then echo "$TRUTO_PG_BIN"; return 0; fi
  for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if pg_works "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

missing=()
find_redis >/dev/null || missing+=(redis-server)
find_pg >/dev/null || missing+=(postgresql)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ -n "${TRUTO_REDIS_SERVER:-}${TRUTO_PG_BIN:-}" ]; then
    log "TRUTO_REDIS_SERVER or TRUTO_PG_BIN is set but does not work (missing: ${missing[*]}); fix or unset it"
    exit 1
  fi
  apt_install "${missing[*]} (about 60 MB)" "${missing[@]}" || {
    log "missing: ${missing[*]}, and this system has no apt-get. Install Redis and PostgreSQL,"
    log "then run again with TRUTO_REDIS_SERVER=/path/to/redis-server TRUTO_PG_BIN=/path/to/postgresql/bin."
    exit 1
  }
fi

redis="$(find_redis)" || { log "redis-server was installed but does not start"; exit 1; }
pg="$(find_pg)" || { log "postgresql was installed but its binaries do not start"; exit 1; }
log "using $("$redis" --version | grep -oE 'v=[0-9.]+' | sed 's/v=/Redis /') ($redis), $("$pg/postgres" --version) ($pg)"
echo "$redis"
echo "$pg"
