#!/usr/bin/env bash
# Make sure a Redis server answers on loopback for the Celery tests, starting a
# throwaway one (loopback only, nothing saved to disk) if redis-server is installed
# but not running. Prints the Redis URL for the tests (their own database, 13).
set -uo pipefail
url=${SAFEPOST_TEST_REDIS_URL:-redis://127.0.0.1:6379/13}
ready() {
  if command -v redis-cli >/dev/null 2>&1; then
    [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]
  else
    # No redis-cli: speak the protocol over bash's /dev/tcp.
    (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && read -r -t 2 reply <&3 \
      && [ "${reply%$'\r'}" = "+PONG" ]) 2>/dev/null
  fi
}
if ! ready && command -v redis-server >/dev/null 2>&1; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >&2 2>&1 || true
  for _ in $(seq 1 30); do ready && break; sleep 0.5; done
fi
if ! ready; then
  echo "Redis is not running on 127.0.0.1:6379 and could not be started (is redis-server installed?)" >&2
  exit 1
fi
echo "$url"
