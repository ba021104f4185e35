#!/usr/bin/env bash
# The whole test suite: lint, types, then pytest (SQLite), then the database
# tests again on PostgreSQL. Services the tests need are started here.
set -uo pipefail
cd "$(dirname "$0")/.."
UV=.tools/bin/uv
status=0
step() { echo; echo "== $*"; }

step "ruff"
$UV run --frozen ruff check . || status=1
$UV run --frozen ruff format --check . || status=1

step "mypy"
$UV run --frozen mypy safepost config apps || status=1

step "import contracts (the engine never imports Django; the apps are layers, without cycles)"
$UV run --frozen lint-imports || status=1

step "browser"
if chromium=$(scripts/ensure-chromium.sh); then
  export SAFEPOST_CHROMIUM="$chromium"
  echo "browser tests will use $chromium"
else
  echo "!!! Chromium is not available: the browser tests will be SKIPPED !!!"
fi

step "redis"
if url=$(scripts/ensure-redis.sh); then
  export SAFEPOST_TEST_REDIS_URL="$url"
  echo "the Celery tests will use $url"
else
  echo "!!! Redis is not available: the Celery tests will be SKIPPED !!!"
fi

step "Bluesky test PDS"
if pds=$(scripts/pds/ensure-pds.sh); then
  echo "the Bluesky tests will use the PDS in $pds"
else
  echo "!!! the test PDS could not be installed: the Bluesky tests will be SKIPPED !!!"
fi

step "pytest (SQLite)"
$UV run --frozen pytest -n 2 --dist loadfile -q || status=1

if [ -d apps ] && ls apps/*/tests >/dev/null 2>&1; then
  step "pytest on PostgreSQL (the web app's database tests)"
  if url=$(scripts/ensure-postgres.sh); then
    # The platform clients' own tests use no database: they ran above.
    DATABASE_URL="$url" $UV run --frozen pytest -n 2 --dist loadfile -q apps -m "not browser" \
      --ignore=apps/platforms/x --ignore=apps/platforms/mastodon --ignore=apps/platforms/bluesky || status=1
  else
    echo "!!! PostgreSQL could not be started: the PostgreSQL run was SKIPPED (see the message above) !!!"
  fi
fi
exit $status
