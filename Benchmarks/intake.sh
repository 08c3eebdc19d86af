#!/usr/bin/env bash
# Intake benchmark (issue 16): `enquete ingest` beside `enquete validate` on the same campaign, in
# one run — both go through the one intake entry point (`Intake.check`), ingest also stores
# every report typed in a fresh ledger.
#   Benchmarks/intake.sh            (scales 5 and 100; SCALES="5" to choose)
# Wall time and peak memory from /usr/bin/time; the files are read once before each run (page
# cache warm for both commands alike).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
work=.build-bench
mkdir -p "$work"
swift build -c release --product enquete >&2
enquete=$(swift build -c release --show-bin-path)/enquete
echo "machine: $(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-7s %8s %8s %12s %12s %10s %10s %7s\n' scale files MB "ingest s" "validate s" "ingest MB" "valid. MB" ratio
for scale in ${SCALES:-5 100}; do
  sample="$work/s$scale"
  if [ ! -f "$sample/annuaires/espace-rencontre-2024.csv" ]; then
    rm -rf "$sample"
    "$enquete" sample --seed 7 --year 2024 --scale "$scale" --no-invalid --out "$sample" >&2
  fi
  folders=("$sample/mediation-familiale" "$sample/espace-rencontre")
  files=$(find "${folders[@]}" -type f \( -name '*.csv' -o -name '*.xml' \) | wc -l)
  bytes=$(find "${folders[@]}" -type f \( -name '*.csv' -o -name '*.xml' \) -printf '%s\n' | awk '{s += $1} END {print s}')
  find "${folders[@]}" -type f -exec cat {} + >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" "$enquete" validate "${folders[@]}" >/dev/null 2>&1 || true
  read -r vs vk < <(tail -n 1 "$work/time")
  ledger="$work/intake-s$scale.sqlite"
  rm -f "$ledger" "$ledger-wal" "$ledger-shm"
  for survey in mediation-familiale espace-rencontre; do
    "$enquete" campaign open "$survey" 2024 --directory "$sample/annuaires/$survey-2024.csv" --ledger "$ledger" >/dev/null
  done
  find "${folders[@]}" -type f -exec cat {} + >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" "$enquete" ingest --ledger "$ledger" "${folders[@]}" >/dev/null 2>&1 || true
  read -r is ik < <(tail -n 1 "$work/time")
  reports=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from report').fetchone()[0])" "$ledger")
  awk -v sc="$scale" -v f="$files" -v b="$bytes" -v is="$is" -v vs="$vs" -v ik="$ik" -v vk="$vk" -v r="$reports" 'BEGIN {
    printf "%-7s %8d %8.0f %12.2f %12.2f %10.0f %10.0f %6.2fx  (%d reports stored, %.0f reports/s)\n",
      sc, f, b / 1e6, is, vs, ik / 1024, vk / 1024, is / vs, r, r / is }'
done
