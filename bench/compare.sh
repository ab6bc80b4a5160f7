#!/usr/bin/env bash
# Speed of kaoping simulate against the R reference rehearsal (../shared/peers/rehearse.R)
# on the same county: builds kaoping if needed, generates the default county into a
# temporary directory, runs both, prints the rates and the ratios: kaoping's plain rehearsal
# (simulate --json) and its full one (simulate --out DIR: every risk table) against R.
#   usage: bench/compare.sh [KAOPING_RUNS] [R_RUNS]
# Environment: BUILD_DIR (default build), THREADS (default: all cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
KAOPING_RUNS=${1:-1000000}
R_RUNS=${2:-2000}
BUILD_DIR=${BUILD_DIR:-build}
PEER=../shared/peers/rehearse.R

if [[ ! -x "$BUILD_DIR/cli/kaoping" ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR" --target kaoping -j "$(nproc)"
fi
if ! command -v Rscript >/dev/null || ! Rscript -e 'library(sampling)' >/dev/null 2>&1; then
  echo "compare.sh: installing R and r-cran-sampling from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq r-base-core r-cran-sampling >/dev/null
fi
if [[ ! -f "$PEER" ]]; then
  echo "compare.sh: $PEER not found" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BUILD_DIR/cli/kaoping" generate --profile default --seed 1 --out "$tmp/county" --quiet

# kaoping: the SPEC §4 JSON; R: one JSON line of its own.
k_json=$("$BUILD_DIR/cli/kaoping" simulate --registry "$tmp/county" --runs "$KAOPING_RUNS" \
  ${THREADS:+--threads "$THREADS"} --json --quiet)
f_json=$("$BUILD_DIR/cli/kaoping" simulate --registry "$tmp/county" --runs "$KAOPING_RUNS" \
  ${THREADS:+--threads "$THREADS"} --json --quiet --out "$tmp/out")
r_json=$(Rscript "$PEER" "$tmp/county" "$R_RUNS" 1)

field() {  # field NAME JSON: a top-level number of a JSON object
  python3 -c 'import json,sys; print(json.loads(sys.argv[2])[sys.argv[1]])' "$1" "$2"
}
k_rate=$(field replicates_per_second "$k_json")
k_pass=$(field pass_probability "$k_json")
k_threads=$(field threads "$k_json")
f_rate=$(field replicates_per_second "$f_json")
r_rate=$(field replicates_per_second "$r_json")
r_pass=$(field pass_probability "$r_json")
r_se=$(field se "$r_json")
python3 - "$k_rate" "$k_pass" "$k_threads" "$KAOPING_RUNS" "$r_rate" "$r_pass" "$r_se" "$R_RUNS" \
  "$f_rate" <<'PY'
import sys
k_rate, k_pass, k_threads, k_runs, r_rate, r_pass, r_se, r_runs, f_rate = sys.argv[1:]
k_rate, r_rate, f_rate = float(k_rate), float(r_rate), float(f_rate)
print(f"kaoping simulate: {k_rate:14,.0f} replicates/s ({k_runs} runs, {k_threads} threads), "
      f"pass probability {float(k_pass):.4f}")
print(f"R rehearse.R:     {r_rate:14,.0f} replicates/s ({r_runs} runs, 1 thread), "
      f"pass probability {float(r_pass):.4f} ± {float(r_se):.4f}")
print(f"kaoping --out:    {f_rate:14,.0f} replicates/s ({k_runs} runs, {k_threads} threads, "
      f"every risk table)")
print(f"ratio: {k_rate / r_rate:,.0f}x plain, {f_rate / r_rate:,.0f}x with --out")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
