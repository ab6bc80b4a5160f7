#!/usr/bin/env bash
# The sanitizer step of .ci/run: builds kaoping, its tests and the libFuzzer targets of
# tests/fuzz with clang under AddressSanitizer + UndefinedBehaviorSanitizer (in their own
# build directory), runs each fuzz target for a bounded time on its seed corpus
# (tests/fuzz/corpus/NAME), then the whole ctest suite under the sanitizers. Any sanitizer
# report, failed test or crash fails the step; a crashing input is kept as
# $BUILD_DIR/fuzz/NAME/crash-*.
#   FUZZ_SECONDS=45 (per target)  FUZZ_SEED=1 (libFuzzer's seed: CI runs alike)  FUZZ_TARGETS="csv registry config lists workbook"
#   BUILD_DIR=build-asan          FUZZ_CTEST=0 skips the ctest suite (a quicker local run; CI runs it;
#                                 the tests labelled slow_statistics run only in test.sh)
# docs/limits.md says how to run the fuzzers longer.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "fuzz: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
SETUP_BUILD=0 ./scripts/setup.sh  # the Debian packages of the build itself

BUILD_DIR=${BUILD_DIR:-build-asan}
FUZZ_SECONDS=${FUZZ_SECONDS:-45}
FUZZ_TARGETS=${FUZZ_TARGETS:-csv registry config lists workbook}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
start=$SECONDS
cmake -S . -B "$BUILD_DIR" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1" -DKAOPING_BUILD_FUZZ=ON "${launcher[@]}" >/dev/null
# The fuzz targets first (they need only the readers' modules), then everything else.
fuzz_targets=()
for name in $FUZZ_TARGETS; do fuzz_targets+=(--target "${name}_fuzz"); done
cmake --build "$BUILD_DIR" -j "$(nproc)" "${fuzz_targets[@]}"
echo "fuzz: fuzz targets built in $((SECONDS - start)) s" >&2
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/fuzz/lsan.supp}  # FreeXL's own leak
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

for name in $FUZZ_TARGETS; do
  work="$BUILD_DIR/fuzz/$name"
  mkdir -p "$work/corpus"
  start=$SECONDS
  # The working corpus grows in the build directory; the seeds in tests/fuzz stay as they are.
  "$BUILD_DIR/tests/fuzz/${name}_fuzz" -max_total_time="$FUZZ_SECONDS" -seed="${FUZZ_SEED:-1}" -timeout=20 \
    -rss_limit_mb=2560 -max_len=65536 -print_final_stats=0 -artifact_prefix="$work/" \
    "$work/corpus" "tests/fuzz/corpus/$name" 2>"$work/log" || {
    tail -n 60 "$work/log" >&2
    echo "fuzz: $name failed; the input is in $work/" >&2
    exit 1
  }
  echo "fuzz: $name: $(grep -o 'cov: [0-9]*' "$work/log" | tail -1), $(grep -c . "$work/log") log lines, $((SECONDS - start)) s, no crash" >&2
done

if [[ ${FUZZ_CTEST:-1} != 0 ]]; then
  start=$SECONDS
  cmake --build "$BUILD_DIR" -j "$(nproc)"
  echo "fuzz: sanitizer build of the test suite done in $((SECONDS - start)) s" >&2
  start=$SECONDS
  # The slow statistical tests run in the Release suite of test.sh (docs/limits.md says why).
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" --timeout 1500 -LE slow_statistics
  echo "fuzz: test suite under ASan+UBSan passed in $((SECONDS - start)) s" >&2
fi
