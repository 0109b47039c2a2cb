#!/usr/bin/env bash
# Times a clean `npm ci` of this repository (install + the prepare script, which builds server and admin app)
# in a temporary copy of the working tree. Target: within 4 minutes on the project's 2-core machines.
#
#   bash bench/npm-ci.sh              # cold: an empty npm cache, so every package is downloaded
#   CACHE=warm bash bench/npm-ci.sh   # warm: the user's npm cache, as on a developer's second install
#
# Takes minutes and uses the network: run it on purpose, once; it is never part of `npm test`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CACHE:-cold}"
TARGET_S=240
WORK="$(mktemp -d /tmp/gongkai-npm-ci-XXXXXX)"
EMPTY_CACHE="/tmp/empty-npm-cache-$$"
cleanup() { rm -rf "$WORK" "$EMPTY_CACHE"; }
trap cleanup EXIT

# The working tree as a fresh clone would have it, plus files not yet committed (but nothing git ignores:
# no node_modules, no dist), so `prepare` builds exactly the current sources.
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$WORK")

args=(ci --no-audit --no-fund --loglevel=warn)
if [ "$CACHE" = cold ]; then args+=(--cache "$EMPTY_CACHE"); fi

echo "npm ci in $WORK ($CACHE cache)…"
start=$(date +%s.%N)
status=0
(cd "$WORK" && npm "${args[@]}") > "$WORK.log" 2>&1 || status=$?
end=$(date +%s.%N)
secs=$(echo "$end - $start" | bc)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "machine: $cpu, $(nproc) cores, Node $(node --version), npm $(npm --version 2>/dev/null), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-6s | %-10s | %-8s | %-7s |\n' cache 'wall (s)' 'exit' 'target'
printf '|--------|------------|----------|---------|\n'
verdict=$(echo "$secs <= $TARGET_S" | bc -l | sed 's/1/within/;s/0/OVER/')
printf '| %-6s | %10.1f | %-8s | %-7s |\n' "$CACHE" "$secs" "$status" "$verdict"
echo "npm ci took $(printf '%.0f' "$secs") s: $verdict the $TARGET_S s (4 min) target."
if [ "$status" -ne 0 ]; then
  echo "npm ci failed; last lines of its output:"
  tail -30 "$WORK.log"
fi
rm -f "$WORK.log"
exit "$status"
