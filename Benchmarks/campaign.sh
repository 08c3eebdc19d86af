#!/usr/bin/env bash
# The whole campaign from files to reports (issue 6), step by step, release build excluded:
#   Benchmarks/campaign.sh            the sample campaign (SampleSubmissions/, both surveys, 2024 and 2025)
#   SCALE=100 Benchmarks/campaign.sh  a generated campaign 100 times larger (seed 7, 2024 and 2025)
# Each step's wall time and peak memory come from /usr/bin/time. The two surveys' publication
# chains (publish 2024, report 2025, audit) run at once, as the main command runs them; the total
# is the opening and ingest steps plus the wall time of that concurrent phase.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup >&2
scale=${SCALE:-1}
work=.build-bench/campaign-$scale
mkdir -p "$work"
swift build -c release --product enquete >&2
enquete=$(swift build -c release --show-bin-path)/enquete
if [ "$scale" = 1 ]; then
  sample=SampleSubmissions
else
  sample=.build-bench/s$scale-2y
  if [ ! -f "$sample/annuaires/espace-rencontre-2025.csv" ]; then
    rm -rf "$sample"
    "$enquete" sample --seed 7 --year 2024 --year 2025 --scale "$scale" --no-invalid --out "$sample" >&2
  fi
fi
ledger="$work/ledger.sqlite"
rm -rf "$ledger" "$ledger-wal" "$ledger-shm" "$work/out" "$work/prive"
step() {  # label, command...; the time file and output go to $work/$tag.*
  local label=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$tag.time" "$@" >"$work/$tag.out" 2>"$work/$tag.err" || {
    code=$?
    # ingest exits 65 when a file is refused (the sample's invalid files are not ingested here).
    [ "$code" = 65 ] || { cat "$work/$tag.err" >&2; exit "$code"; }
  }
  read -r seconds kilobytes < <(tail -n 1 "$work/$tag.time")
  awk -v l="$label" -v s="$seconds" -v k="$kilobytes" 'BEGIN{printf "%-58s %8.2f s %8.1f MB peak\n", l, s, k/1024}'
}
now() { date +%s.%N; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); campaign: $sample"
start=$(now)
tag=main
for survey in mediation-familiale espace-rencontre; do
  for year in 2024 2025; do
    step "campaign open $survey $year" "$enquete" campaign open "$survey" "$year" \
      --directory "$sample/annuaires/$survey-$year.csv" --ledger "$ledger"
  done
done
step "ingest (both surveys, both years)" "$enquete" ingest --ledger "$ledger" \
  "$sample/mediation-familiale" "$sample/espace-rencontre"
ingested=$(now)
chain() {  # one survey's publication chain, its step lines into $work/chain-$survey.txt
  local survey=$1
  tag=$survey
  {
    step "  publish $survey 2024" "$enquete" publish "$survey" 2024 --ledger "$ledger" \
      --sortie "$work/out/$survey/2024" --prive "$work/prive/$survey-2024.json"
    step "  report $survey 2025 (publish + render)" "$enquete" report "$survey" 2025 --ledger "$ledger" \
      --sortie "$work/out/$survey/2025" --prive "$work/prive/$survey-2025.json"
    step "  audit $survey 2025 (folder, extracts, private)" "$enquete" audit "$work/out/$survey/2025" \
      --prive "$work/prive/$survey-2025.json"
  } >"$work/chain-$survey.txt"
}
chain mediation-familiale &
first=$!
chain espace-rencontre &
second=$!
wait "$first"
wait "$second"
finished=$(now)
awk -v s="$(echo "$finished - $ingested" | bc)" 'BEGIN{printf "%-58s %8.2f s\n", "both surveys at once: publish 2024, report 2025, audit", s}'
cat "$work/chain-mediation-familiale.txt" "$work/chain-espace-rencontre.txt"
printf "%-58s %8.2f s\n" "total, files to audited reports (wall)" "$(echo "$finished - $start" | bc)"
