#!/usr/bin/env bash
# Installs the Debian packages kaoping needs (when missing) and builds it in build/.
#   scripts/setup.sh [TARGET...]   (default: everything; demo.sh builds only kaoping)
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

BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$BUILD_DIR" -j "$(nproc)" "${targets[@]}"
