#!/usr/bin/env bash
# Ledger benchmark (issue 4): ingest a `--scale 100` campaign (one year, both surveys) into a fresh
# ledger, then time `status` on it.
#   Benchmarks/ledger.sh          (figures go to stdout; BENCHMARKS.md records them)
# Wall time and peak memory from /usr/bin/time; `status` is the best of RUNS runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup
runs=${RUNS:-3}
work=.build-bench
mkdir -p "$work"
swift build -c release --product enquete >&2
enquete=$(swift build -c release --show-bin-path)/enquete
sample="$work/s100"
if [ ! -f "$sample/annuaires/espace-rencontre-2024.csv" ]; then
  rm -rf "$sample"
  "$enquete" sample --seed 7 --year 2024 --scale 100 --no-invalid --out "$sample" >&2
fi
ledger="$work/ledger-s100.sqlite"
rm -f "$ledger" "$ledger-wal" "$ledger-shm"
for survey in mediation-familiale espace-rencontre; do
  "$enquete" campaign open "$survey" 2024 --directory "$sample/annuaires/$survey-2024.csv" --ledger "$ledger" >&2
done

files=$(find "$sample/mediation-familiale" "$sample/espace-rencontre" -type f \( -name '*.csv' -o -name '*.xml' \) | wc -l)
bytes=$(find "$sample/mediation-familiale" "$sample/espace-rencontre" -type f \( -name '*.csv' -o -name '*.xml' \) \
  -printf '%s\n' | awk '{s += $1} END {print s}')
/usr/bin/time -f "%e %M" -o "$work/time" \
  "$enquete" ingest --ledger "$ledger" "$sample/mediation-familiale" "$sample/espace-rencontre" \
  >"$work/ingest.out" 2>"$work/ingest.err" || echo "ingest exited with $?" >&2
read -r seconds kilobytes < <(tail -n 1 "$work/time")
counts=$(python3 - "$ledger" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
reports = db.execute("SELECT count(*) FROM report").fetchone()[0]
values = db.execute("SELECT count(*) FROM report_value").fetchone()[0]
measures = db.execute("SELECT coalesce(sum(measure_count), 0) FROM report_detail").fetchone()[0]
print(reports, values, measures)
PY
)
read -r reports values measures <<<"$counts"
echo "machine: $(nproc) cores, $(uname -r)"
echo "campaign: --scale 100, 2024, $files files, $((bytes / 1000000)) MB"
awk -v s="$seconds" -v b="$bytes" -v r="$reports" -v m="$measures" -v v="$values" -v k="$kilobytes" 'BEGIN {
  printf "ingest: %d reports (%d values, %d measures) in %.2f s: %.0f reports/s, %.1f MB/s, %.0f MB peak\n",
    r, v, m, s, r / s, b / 1e6 / s, k / 1024 }'
echo "ledger file: $(($(stat -c %s "$ledger") / 1000000)) MB"
tail -n 1 "$work/ingest.out"
for survey in mediation-familiale espace-rencontre; do
  best=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$enquete" status "$survey" 2024 --ledger "$ledger" >"$work/status.out"
    read -r s k < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; peak=$k; fi
  done
  awk -v l="$survey" -v s="$best" -v k="$peak" 'BEGIN {printf "status %s 2024: %.2f s, %.0f MB peak\n", l, s, k / 1024}'
  grep "Taux de réponse national" "$work/status.out"
done
