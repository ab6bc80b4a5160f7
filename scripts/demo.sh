#!/usr/bin/env bash
# Installs what is missing, builds, and rehearses the evaluation of the embedded default county.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}
kaoping="$BUILD_DIR/cli/kaoping"
out=${DEMO_OUT:-demo-out}

echo "== kaoping validate (embedded default county)"
"$kaoping" validate
