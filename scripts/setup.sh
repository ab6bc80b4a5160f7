#!/usr/bin/env bash
# Installs the Debian packages kaoping needs (when missing) and builds it in build/.
#   scripts/setup.sh [TARGET...]   (default: everything; demo.sh builds only kaoping)
#   KAOPING_PGO=0 builds without the engine's profile (one pass, a little slower to run)
#   SETUP_BUILD=0 installs the packages and builds nothing
# Called by demo.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(g++ cmake make pkg-config libboost-dev libeigen3-dev libyaml-cpp-dev libfmt-dev
          nlohmann-json3-dev libcli11-dev libssl-dev libxlsxwriter-dev libgtest-dev libgmock-dev
          libbenchmark-dev libzip-dev libexpat1-dev libfreexl-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[[ ${SETUP_BUILD:-1} == 0 ]] && exit 0  # the packages only (fuzz.sh builds with clang)

BUILD_DIR=${BUILD_DIR:-build}
# With GCC (KAOPING_PGO=1, the default), the Monte Carlo engine is built with its own profile
# (CMakeLists.txt: KAOPING_PGO): kaoping with an instrumented engine, a training run on the
# embedded default county, then the engine again with the profile. The profile is kept in
# $BUILD_DIR/pgo and made anew only when a source, the embedded configuration or the compiler
# changes.
pgo=OFF
if [[ ${KAOPING_PGO:-1} == 1 ]] && "${CXX:-c++}" --version 2>/dev/null | grep -q "Free Software"; then
  pgo_dir="$BUILD_DIR/pgo"
  sources=$({ "${CXX:-c++}" --version; find util registry import sampler audit simulate schedule \
    reports config cli configs -name '*.cpp' -o -name '*.h' -o -name '*.yaml' -o \
    -name CMakeLists.txt | LC_ALL=C sort | xargs cat; cat CMakeLists.txt; } |
    sha256sum | cut -d' ' -f1)
  if [[ ! -f $pgo_dir/sources.sha256 || $(cat "$pgo_dir/sources.sha256") != "$sources" ]]; then
    echo "setup: training the engine's profile" >&2
    rm -rf "$pgo_dir"
    cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DKAOPING_PGO=generate >/dev/null
    cmake --build "$BUILD_DIR" -j "$(nproc)" --target kaoping
    "$BUILD_DIR/cli/kaoping" simulate --runs 200000 --json --quiet >/dev/null
    "$BUILD_DIR/cli/kaoping" simulate --runs 100000 --quiet --out "$pgo_dir/train" >/dev/null
    rm -rf "$pgo_dir/train"
    echo "$sources" >"$pgo_dir/sources.sha256"
  fi
  pgo=use
fi
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DKAOPING_PGO=$pgo >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$BUILD_DIR" -j "$(nproc)" "${targets[@]}"
