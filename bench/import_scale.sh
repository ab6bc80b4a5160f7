#!/usr/bin/env bash
# `kaoping import` at county scale, reproducibly: writes the default county (generate_county,
# default profile, seed 1) as the office would have it (bench/make_exports.cpp: one export
# .xlsx per township, every third converted to .xls with LibreOffice, a GBK roster CSV, a
# roster workbook, a verification sheet, villages and staff sheets), times `kaoping import`
# on them (/usr/bin/time -v), runs `kaoping validate`, compares the imported registry with
# the county household by household, times python3-openpyxl iterating the rows of the same
# workbooks in the same run, and checks that the xlsx reader streams (the export alone,
# max RSS at two county sizes and at two sheet-XML sizes of one county).
#   usage: bench/import_scale.sh [WORKDIR]     (default: a temporary directory, removed)
# Environment: BUILD_DIR (default build-bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR=$(realpath -m "${BUILD_DIR:-build-bench}")
SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo

if [[ ! -x "$BUILD_DIR/cli/kaoping" || ! -x "$BUILD_DIR/bench/make_exports" ]]; then
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DKAOPING_BUILD_BENCH=ON \
    -DKAOPING_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" --target kaoping make_exports -j "$(nproc)" >/dev/null
K=$BUILD_DIR/cli/kaoping
MAKE=$BUILD_DIR/bench/make_exports

# LibreOffice for the .xls files, python3-openpyxl for the comparison.
if ! command -v soffice >/dev/null; then
  echo "import_scale.sh: installing libreoffice-calc from Debian" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libreoffice-calc >/dev/null || true
fi
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [[ -z "$PY" ]]; then
  echo "import_scale.sh: installing python3-openpyxl from Debian" >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-openpyxl >/dev/null
  PY=/usr/bin/python3
fi

if [[ $# -ge 1 ]]; then
  w=$1; mkdir -p "$w"
else
  w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
fi
w=$(cd "$w" && pwd)

# Wall seconds, CPU seconds (user + system) and max RSS (MB) of a command, from
# /usr/bin/time -v; its own output goes to $w/LOG.out. On a shared machine the CPU seconds
# are the steadier figure.
timed() {
  local log=$1; shift
  /usr/bin/time -v "$@" >"$w/$log.out" 2>"$w/$log.time" || {
    cat "$w/$log.out" "$w/$log.time" >&2; echo "import_scale.sh: $* failed" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                                          for (i = 1; i <= n; ++i) s = s * 60 + t[i]; sec = s }
              /User time \(seconds\)/ || /System time \(seconds\)/ { cpu += $2 }
              /Maximum resident set size/ { rss = $2 / 1024 }
              END { printf "%.2f s wall, %.2f s cpu, %.0f MB max RSS\n", sec, cpu, rss }' \
    "$w/$log.time"
}
seconds() { awk '{ print $1 }' <<<"$1"; }
cpu_seconds() { awk '{ print $4 }' <<<"$1"; }

echo "== the default county's exports"
rm -rf "$w/exports"
"$MAKE" write "$w/exports"
cd "$w/exports"
mapfile -t townships < <(ls export_*.xlsx | sort)
xlsx_in=() xls_from=()
for k in "${!townships[@]}"; do
  if (( k % 3 == 2 )) && command -v soffice >/dev/null; then xls_from+=("${townships[k]}")
  else xlsx_in+=("${townships[k]}"); fi
done
xls_in=()
if (( ${#xls_from[@]} )); then
  soffice --headless --convert-to xls --outdir . "${xls_from[@]}" >/dev/null 2>&1
  for f in "${xls_from[@]}"; do xls_in+=("${f%.xlsx}.xls"); done
  rm -f "${xls_from[@]}"
else
  echo "LibreOffice is not installed: every township export stays .xlsx"
fi
echo "inputs: ${#xlsx_in[@]} township exports .xlsx, ${#xls_in[@]} .xls (LibreOffice)," \
     "roster.xlsx, roster.csv (GBK), verification.xlsx, villages.xlsx, staff.xlsx;" \
     "$(du -ch "${xlsx_in[@]}" "${xls_in[@]}" roster.* verification.xlsx villages.xlsx \
        staff.xlsx | tail -1 | cut -f1) in all"

echo "== kaoping import"
import_fig=$(timed import "$K" import --export "${xlsx_in[@]}" "${xls_in[@]}" \
  --roster roster.xlsx roster.csv --verification verification.xlsx --villages villages.xlsx \
  --staff staff.xlsx --out "$w/reg" --force)
cat "$w/import.out"
echo "kaoping import: $import_fig"
"$K" validate --registry "$w/reg" && echo "kaoping validate: accepted (exit 0)"

echo "== the imported registry against the county"
"$MAKE" compare "$w/exports" "$w/reg"

echo "== python3-openpyxl iterating the rows of the same workbooks"
# openpyxl reads no .xls and no CSV: it iterates every .xlsx the import read (the .xls
# townships not included), so kaoping's figure covers more input than openpyxl's.
cat >"$w/iterate.py" <<'EOF'
import sys, openpyxl
rows = 0
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path, read_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            rows += 1
    wb.close()
print(f"{rows} rows in {len(sys.argv) - 1} workbooks (openpyxl {openpyxl.__version__})")
EOF
openpyxl_fig=$(timed openpyxl "$PY" "$w/iterate.py" "${xlsx_in[@]}" roster.xlsx \
  verification.xlsx villages.xlsx staff.xlsx)
cat "$w/openpyxl.out"
echo "openpyxl: $openpyxl_fig"
awk -v a="$(seconds "$import_fig")" -v b="$(seconds "$openpyxl_fig")" \
  -v c="$(cpu_seconds "$import_fig")" -v d="$(cpu_seconds "$openpyxl_fig")" \
  'BEGIN { printf "kaoping import (all inputs) %.2f s wall, %.2f s cpu; openpyxl (the .xlsx " \
           "only) %.2f s wall, %.2f s cpu: openpyxl takes %.1f times as long (cpu: %.1f)\n",
           a, c, b, d, b / a, d / c }'

echo "== the xlsx reader streams: the export alone, one sheet"
for profile in small default; do
  "$MAKE" write "$w/single_$profile" --profile "$profile" --single >/dev/null
  for f in export export_inline; do
    xml=$("$PY" -c 'import sys, zipfile; print(round(zipfile.ZipFile(sys.argv[1]).getinfo("xl/worksheets/sheet1.xml").file_size / 1e6, 1))' \
      "$w/single_$profile/$f.xlsx")
    fig=$(timed "alone_${profile}_$f" "$K" import --export "$w/single_$profile/$f.xlsx" \
      --out "$w/reg_${profile}_$f" --force)
    persons=$(($(wc -l <"$w/reg_${profile}_$f/members.csv") - 1))
    printf "%-8s %-18s %8s persons, sheet XML %6s MB: %s\n" "$profile" "$f.xlsx" "$persons" "$xml" \
      "$fig"
  done
done
