#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with ctest. When Chromium is on the
# machine, it first renders the reports of the default county to PNG so a person can look at
# them (build/screenshots/); that step never decides the result, the tests do.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}

screenshots() {
  local shots="$BUILD_DIR/screenshots" kaoping="$BUILD_DIR/cli/kaoping"
  rm -rf "$shots" && mkdir -p "$shots"
  "$kaoping" simulate --quiet --runs 20000 --fix-top 10 --out "$shots/simulate" >/dev/null &&
    "$kaoping" audit --all --quiet --out "$shots/selfcheck" >/dev/null &&
    "$kaoping" sample --quiet --out "$shots/draw.csv" &&
    "$kaoping" schedule --quiet --sample "$shots/draw.csv" --out "$shots/schedule" || return 1
  for report in simulate selfcheck schedule; do
    timeout 120 ./scripts/screenshot.sh "$shots/$report/report.html" "$shots/$report.png" \
      1000x3000 || return 1
  done
}
if [[ -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
  screenshots || echo "test.sh: the report screenshots could not be made" >&2
fi

ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
