#!/usr/bin/env bash
# Install a pinned uv into .tools/ from PyPI, whatever Python or uv the machine has.
set -euo pipefail
version=${1:?uv version}
python=""
for candidate in python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import venv' >/dev/null 2>&1; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "Safepost needs Python 3.12 (with venv) to bootstrap uv; none was found on PATH." >&2
  exit 1
fi
echo "Installing uv $version into .tools/ (using $("$python" --version))"
"$python" -m venv .tools
log=$(mktemp)
if ! .tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$version" >"$log" 2>&1; then
  cat "$log" >&2
  echo "Could not install uv $version from the package registry (see above)." >&2
  exit 1
fi
rm -f "$log"
if ! .tools/bin/uv python find 3.12 >/dev/null 2>&1; then
  cat >&2 <<'MSG'
Safepost needs Python 3.12 (Django 6.1 requires it) and none was found.
Install it (Debian 13: apt-get install python3.12-venv; or pyenv install 3.12) and run make again.
MSG
  exit 1
fi
