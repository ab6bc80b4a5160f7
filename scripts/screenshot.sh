#!/usr/bin/env bash
# Renders a report.html to a PNG with headless Chromium so a person can look at it.
#   scripts/screenshot.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
# Needs /usr/bin/chromium (Debian packages chromium and fonts-noto-cjk for the Chinese text);
# without it, says so and exits 0, so test scripts can call it unconditionally.
set -euo pipefail
if [[ $# -lt 1 ]]; then
  echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$(realpath "$1")
out=${2:-${html%.html}.png}
size=${3:-900x2400}
chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$chromium" ]]; then
  echo "screenshot: $chromium not found; install the chromium and fonts-noto-cjk packages" >&2
  exit 0
fi
out=$(realpath -m "$out")
# A throwaway profile: nothing of the user's browser is read or written.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-extensions --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$out" "file://$html" >/dev/null 2>&1
if [[ -s "$out" ]]; then
  echo "screenshot: $out"
else
  echo "screenshot: chromium wrote nothing for $html" >&2
  exit 1
fi
