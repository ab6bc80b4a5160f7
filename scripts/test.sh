#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest. When Chromium is on the
# machine, it also renders the reports of the default county to PNG so a person can look at
# them (build/screenshots/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"

if [[ -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
  shots="$BUILD_DIR/screenshots"
  rm -rf "$shots"
  mkdir -p "$shots"
  kaoping="$BUILD_DIR/cli/kaoping"
  "$kaoping" simulate --quiet --runs 20000 --fix-top 10 --out "$shots/simulate" >/dev/null
  "$kaoping" audit --all --quiet --out "$shots/selfcheck" >/dev/null
  "$kaoping" sample --quiet --out "$shots/draw.csv"
  "$kaoping" schedule --quiet --sample "$shots/draw.csv" --out "$shots/schedule"
  for report in simulate selfcheck schedule; do
    timeout 120 ./scripts/screenshot.sh "$shots/$report/report.html" "$shots/$report.png" 1000x3000 ||
      echo "test.sh: no screenshot of $report (chromium failed)" >&2
  done
fi
