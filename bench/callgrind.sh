#!/usr/bin/env bash
# Instructions per replicate of `kaoping simulate` on the default county, counted by
# callgrind (independent of the machine's load): (Ir at --runs HI − Ir at --runs LO) /
# (HI − LO), so loading and the model's set-up cancel out. Two figures per case: all the
# program's instructions (the brief's measure), and only those inside run_simulation (the
# engine: callgrind --toggle-collect), which leaves out writing the output files — with --out
# those grow with the runs (more households sampled at least once, longer decimals), so the
# first figure overstates what a replicate costs there.
#   usage: bench/callgrind.sh [LO] [HI]        (default 2000 22000)
# Environment: BUILD_DIR (default build), CASES (default: all four, e.g. CASES="plain full").
# Prints one line per case:
#   plain          simulate --quiet
#   plain verified the same with evaluator.unverified_fault = 0 (every household verified)
#   full           simulate --out DIR --force (every risk table)
#   full verified  the same with every household verified
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LO=${1:-2000}
HI=${2:-22000}
BUILD_DIR=${BUILD_DIR:-build}
KAOPING="$BUILD_DIR/cli/kaoping"
VERIFIED="evaluator.unverified_fault={poor: 0, planned_exit: 0, exited: 0, non_registered: 0}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ir() {  # ir RUNS ARGS...: "total engine" instructions of one run
  local runs=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
    "$KAOPING" simulate --threads 1 --runs "$runs" --quiet "$@" >/dev/null 2>&1
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg_engine.out" \
    --toggle-collect='*run_simulation*' \
    "$KAOPING" simulate --threads 1 --runs "$runs" --quiet "$@" >/dev/null 2>&1
  local total engine
  total=$(callgrind_annotate "$tmp/cg.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  engine=$(callgrind_annotate "$tmp/cg_engine.out" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}')
  echo "$total $engine"
}

per_replicate() {  # per_replicate LABEL ARGS...
  local label=$1
  shift
  local lo hi
  lo=$(ir "$LO" "$@")
  hi=$(ir "$HI" "$@")
  python3 - "$label" "$LO" "$HI" $lo $hi <<'PY'
import sys
label, a, b, lo_t, lo_e, hi_t, hi_e = sys.argv[1:]
n = int(b) - int(a)
print(f"{label:16s} {(int(hi_t) - int(lo_t)) / n:10,.0f} instructions/replicate "
      f"(engine only: {(int(hi_e) - int(lo_e)) / n:,.0f})")
PY
}

CASES=${CASES:-plain plain_verified full full_verified}
for c in $CASES; do
  case $c in
    plain) per_replicate "plain" ;;
    plain_verified) per_replicate "plain verified" --set "$VERIFIED" ;;
    full) per_replicate "full" --out "$tmp/out" --force ;;
    full_verified) per_replicate "full verified" --out "$tmp/out" --force --set "$VERIFIED" ;;
    *) echo "callgrind.sh: unknown case $c" >&2; exit 2 ;;
  esac
done
