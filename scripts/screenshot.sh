#!/usr/bin/env bash
# Renders a report.html to a PNG with headless Chromium so a person can look at it, or
# prints it on A4 as Chromium would (OUT ending in .pdf; then also OUT-1.png, the first
# page, when pdftoppm is installed).
#   scripts/screenshot.sh REPORT.html [OUT.png|OUT.pdf] [WIDTHxHEIGHT]
# Needs /usr/bin/chromium (Debian packages chromium and fonts-noto-cjk for the Chinese text);
# without it, says so and exits 0, so test scripts can call it unconditionally. Without a
# Chinese font (fc-list :lang=zh finds none) the Chinese text would come out as boxes: it
# says so and renders nothing.
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
if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh family)" ]]; then
  echo "screenshot: no Chinese (CJK) font installed, the text would render as boxes;" \
    "install fonts-noto-cjk (apt-get install fonts-noto-cjk)" >&2
  exit 0
fi
out=$(realpath -m "$out")
# A throwaway profile: nothing of the user's browser is read or written.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-extensions --disable-sync --no-first-run --hide-scrollbars
  --user-data-dir="$profile")
if [[ "$out" == *.pdf ]]; then
  "$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out" "file://$html" \
    >/dev/null 2>&1
else
  "$chromium" "${flags[@]}" --window-size="${size/x/,}" --screenshot="$out" "file://$html" \
    >/dev/null 2>&1
fi
if [[ -s "$out" ]]; then
  echo "screenshot: $out"
  if [[ "$out" == *.pdf ]] && command -v pdftoppm >/dev/null; then
    pdftoppm -png -r 80 -singlefile -f 1 -l 1 "$out" "${out%.pdf}-1"
    echo "screenshot: ${out%.pdf}-1.png (first printed page)"
  fi
else
  echo "screenshot: chromium wrote nothing for $html" >&2
  exit 1
fi
