#!/usr/bin/env bash
# `make run`: migrate, load the demo school, start the task worker and the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
export SAFEPOST_DEBUG=${SAFEPOST_DEBUG:-1}
PY=.venv/bin/python

$PY manage.py migrate --noinput
demo=""
if $PY manage.py help loaddemo >/dev/null 2>&1; then
  # Printed with the address below, once the worker has started, so the logins are easy to find.
  demo=$($PY manage.py loaddemo --address "http://$host:$port")
fi

$PY manage.py db_worker &
worker=$!
# Picks up posts whose publishing a stopped worker left unfinished, every minute.
$PY manage.py publish_due --every 60 --enqueue &
sweeper=$!
trap 'kill $worker $sweeper 2>/dev/null || true' EXIT INT TERM

cat <<MSG

  Safepost is running at http://$host:$port/
    Home page (sign in with a demo login):  http://$host:$port/
    Check a post against a school policy:   http://$host:$port/check/
    Back office (Django admin):             http://$host:$port/admin/
  The background worker is running (pid $worker). Press Ctrl-C to stop both.
$demo

MSG
$PY manage.py runserver "$host:$port"
