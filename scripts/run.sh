#!/usr/bin/env bash
# `make run`: migrate, load the demo school, start the task worker and the web app, then
# print the address and the demo logins last, where a new user will see them.
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
export SAFEPOST_DEBUG=${SAFEPOST_DEBUG:-1}
# Links in notification e-mails point at this server.
export SAFEPOST_PUBLIC_URL=${SAFEPOST_PUBLIC_URL:-http://$host:$port}
PY=.venv/bin/python

echo "Preparing the database (var/safepost.sqlite3, or DATABASE_URL)..."
$PY manage.py migrate --noinput -v 0
demo=""
if $PY manage.py help loaddemo >/dev/null 2>&1; then
  # The demo's own notifications are not e-mailed into the console while it loads.
  demo=$(SAFEPOST_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend \
    $PY manage.py loaddemo --address "http://$host:$port")
fi

# Publishes posts; every 15 s it also picks up anything a stopped worker left unfinished.
$PY manage.py worker &
worker=$!
# Checks the platform connections still work and creates sign-in change reminders, every 6 hours.
$PY manage.py check_connections --every 21600 &
checker=$!
# Reminds staff of the policy's duties (sign-in changes, consent renewal, the follower review, reviews) once a day.
$PY manage.py send_reminders --every 86400 &
reminders=$!
# Suggests the term's e-safety posts (and Safer Internet Day's), daily.
$PY manage.py governance_daily --every 86400 &
governance=$!
# Reads replies, mentions and quotes of each connected account when its interval has passed.
$PY manage.py ingest_due --every 60 --enqueue &
reader=$!
# Reads each connected account's followers when due (send_reminders reminds of the follower review).
$PY manage.py followers_due --every 300 --enqueue &
followers=$!
# Reads whom each connected account follows (daily), does approved follows and unfollows, and the
# weekly review of followed accounts.
$PY manage.py following_due --every 300 --enqueue &
following=$!
$PY manage.py runserver "$host:$port" &
server=$!
trap 'kill $server $worker $checker $reader $followers $following $reminders $governance 2>/dev/null || true' EXIT INT TERM

# Wait until the web app answers, so the message below is the last thing on the screen.
$PY - "$host" "$port" <<'PYTHON' || true
import sys, time, urllib.request
for _ in range(120):
    try:
        urllib.request.urlopen(f"http://{sys.argv[1]}:{sys.argv[2]}/check/", timeout=1)
        break
    except Exception:
        time.sleep(0.5)
PYTHON

cat <<MSG

  Safepost is running at http://$host:$port/
    Home page (sign in with a demo login):  http://$host:$port/
    Check a post against a school policy:   http://$host:$port/check/
$( [ "${SAFEPOST_ADMIN:-}" = "1" ] && echo "    Back office (Django admin):             http://$host:$port/admin/" || true )
  The background worker is running too. Press Ctrl-C to stop everything.
$demo

MSG
wait $server
