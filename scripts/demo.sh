#!/usr/bin/env bash
# Installs what is missing, builds, and rehearses the evaluation of the embedded default
# county: the Monte Carlo rehearsal with its report, then one rehearsal draw and its field plan.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${DEMO_OUT:-demo-out}
mkdir -p "$out"
# Only the binary it runs is built; the compiler's output goes to a log, shown if it fails.
echo "== building kaoping (log: $out/build.log)"
if ! ./scripts/setup.sh kaoping >"$out/build.log" 2>&1; then
  tail -n 30 "$out/build.log"
  exit 1
fi
BUILD_DIR=${BUILD_DIR:-build}
kaoping="$BUILD_DIR/cli/kaoping"

echo
echo "== kaoping simulate --out $out/rehearsal   (embedded default county)"
"$kaoping" simulate --quiet --out "$out/rehearsal" --force | sed -n '1,2p'

echo
echo "== kaoping simulate --runs 1000000   (a million replicates, pass probability only)"
"$kaoping" simulate --runs 1000000 --quiet | sed -n '2p;$p'

echo
echo "== kaoping audit --all --out $out/selfcheck   (the county's own check of every household)"
"$kaoping" audit --all --quiet --out "$out/selfcheck" --force > "$out/selfcheck.txt"
head -n 3 "$out/selfcheck.txt"

echo
echo "== kaoping sample, then kaoping schedule   (a rehearsal draw and its field plan)"
"$kaoping" sample --quiet --out "$out/draw.csv" --force
"$kaoping" schedule --quiet --sample "$out/draw.csv" --out "$out/schedule" --force

echo
echo "Report:        $out/rehearsal/report.html  (and report.xlsx, summary.json, risk_*.csv)"
echo "Self-check:    $out/selfcheck/report.html  (findings.csv: every household at fault, villages.csv: the to-do list)"
echo "Draw:          $out/draw.csv"
echo "Field plan:    $out/schedule/report.html  (schedule.csv, schedule.ics, notifications.csv, gaps.csv)"
