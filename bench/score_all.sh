#!/usr/bin/env bash
# Every labelled set the project holds (bench/holdout*, and the shared dev and hard), scored by a
# checker, two at a time: one line a set, "holdoutN overall: precision P recall R". Run it before and
# after a change to the rules and compare (diff), as docs/performance.md's rounds do.
#   bench/score_all.sh [CHECKER]    (default .venv/bin/safepost; e.g. a worktree's, to compare commits)
set -euo pipefail
cd "$(dirname "$0")/.."
export CMD="${1:-$PWD/.venv/bin/safepost} check" ROOT="$PWD"
{ ls -d bench/holdout*; echo dev; echo hard; } | xargs -P2 -I{} bash -c '
d={}; name=${d#bench/}
case $d in
  dev) f=$ROOT/../shared/eval/dev.jsonl; r=$ROOT/../shared/eval/roster.csv ;;
  hard) f=$ROOT/../shared/eval/hard.jsonl; r=$ROOT/../shared/eval/roster-hard.csv ;;
  *) f=$ROOT/$(ls $d/*.jsonl | head -1); r=$ROOT/$d/roster.csv; [ -f "$r" ] || r=$ROOT/../shared/eval/roster.csv ;;
esac
echo "$name $(python3 "$ROOT/../shared/eval/score.py" --cmd "$CMD" --roster "$r" "$f" 2>&1 | tail -1)"' | sort -V
