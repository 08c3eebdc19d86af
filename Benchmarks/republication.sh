#!/usr/bin/env bash
# One campaign published three times, as `scripts/test` does it (médiation familiale 2025 of the
# sample, then a late report, then a second one, `--republication masquer`), on the product's own
# path (`enquete publish`), release build excluded:
#   Benchmarks/republication.sh             each publish's wall time and peak memory, the cells
#                                           hidden for the earlier publications, then the
#                                           independent attack of the three folders together
#   ATTACK=0 Benchmarks/republication.sh    the publishes only (the attack takes 4–8 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup >&2
swift build -c release --product enquete >&2
enquete=$(swift build -c release --show-bin-path)/enquete
work=.build-bench/republication
rm -rf "$work"
mkdir -p "$work/prive"
survey=mediation-familiale
"$enquete" campaign open "$survey" 2025 --directory "SampleSubmissions/annuaires/$survey-2025.csv" \
  --ledger "$work/ledger.sqlite" >/dev/null
"$enquete" ingest --ledger "$work/ledger.sqlite" "SampleSubmissions/$survey/2025" >/dev/null 2>&1

# publish NAME: one timed `enquete publish` into $work/NAME; prints its line of figures.
publish() {
  local name=$1
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$enquete" publish "$survey" 2025 --ledger "$work/ledger.sqlite" \
    --sortie "$work/$name" --prive "$work/prive/$name.json" --republication masquer >"$work/$name.out" 2>&1
  read -r seconds kilobytes <"$work/$name.time"
  local hidden
  hidden=$(grep -o '[0-9]* cellule(s) masquée(s) en plus[^[]*dont [0-9]* publiée(s)' "$work/$name.out" \
    | sed -E 's/^([0-9]+) .*dont ([0-9]+) publiée.*/\1 (\2 shown before)/' || true)
  printf '%-12s %6.2f s %7.0f MiB   hidden for the earlier publications: %s\n' "$name" "$seconds" \
    "$((kilobytes / 1024))" "${hidden:-0}"
}

echo "$("$enquete" --version), $(nproc) cores"
publish premiere
.venv/bin/python scripts/late-report.py SampleSubmissions "$survey" 2025 "$work/tardif.xml" >/dev/null
"$enquete" ingest --ledger "$work/ledger.sqlite" "$work/tardif.xml" >/dev/null 2>&1
publish deuxieme
.venv/bin/python scripts/late-report.py SampleSubmissions "$survey" 2025 "$work/tardif2.xml" "$work/tardif.xml" \
  >/dev/null
"$enquete" ingest --ledger "$work/ledger.sqlite" "$work/tardif2.xml" >/dev/null 2>&1
publish troisieme
if [ "${ATTACK:-1}" != 0 ]; then
  .venv/bin/python scripts/independent-attack.py "$work/troisieme" --precedent "$work/deuxieme" \
    --precedent "$work/premiere" --schemas Schemas/v1 >"$work/attack.out" || true
  grep -E '^  \((a|b)\)' "$work/attack.out" | cut -d' ' -f1-6 || true
  echo "three folders: $(tail -1 "$work/attack.out")"
fi
