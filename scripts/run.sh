#!/usr/bin/env bash
# `make run`: migrate, load the demo school, start the task worker and the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
export SAFEPOST_DEBUG=${SAFEPOST_DEBUG:-1}
PY=.venv/bin/python

$PY manage.py migrate --noinput
if $PY manage.py help loaddemo >/dev/null 2>&1; then
  $PY manage.py loaddemo
fi

$PY manage.py db_worker &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Safepost is running at http://$host:$port/
    Check a post against a school policy:  http://$host:$port/
    Back office (Django admin):            http://$host:$port/admin/
  The background worker is running (pid $worker). Press Ctrl-C to stop both.

MSG
$PY manage.py runserver "$host:$port"
