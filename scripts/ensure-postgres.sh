#!/usr/bin/env bash
# Make sure a PostgreSQL server answers on loopback, starting the machine's
# cluster if it is installed but stopped. Prints a DATABASE_URL for the tests.
set -uo pipefail
url=${SAFEPOST_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! ready && command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$version" ]; then
    pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 2>&1 || true
    for _ in $(seq 1 30); do ready && break; sleep 1; done
  fi
fi
if ! ready; then
  echo "PostgreSQL is not running on 127.0.0.1:5432 and could not be started" >&2
  exit 1
fi
echo "$url"
