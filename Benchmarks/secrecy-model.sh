#!/usr/bin/env bash
# What the attacker model costs and what it closes (issue 15), on the sample campaign or a larger one:
#   Benchmarks/secrecy-model.sh            the sample campaign 2025 (SampleSubmissions/)
#   SCALE=5 Benchmarks/secrecy-model.sh    a generated campaign 5 times larger (seed 7, 2025)
# For each survey: `enquete publish --comparer-connaissances` (the full model beside the equations
# alone: cells and value hidden, primaries the equations-only pattern leaves exposed), its wall
# time, `enquete audit` on the folder, and the independent attacker (scripts/independent-attack.py,
# scipy/HiGHS, written apart from the Swift code) on the folder. Then the peer tables, to show the
# generic engine unchanged. Figures only: no value of a hidden cell is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup >&2
.venv/bin/python -c "import scipy" 2>/dev/null || .venv/bin/pip install -q --disable-pip-version-check "scipy>=1.11"
scale=${SCALE:-1}
work=.build-bench/secrecy-$scale
rm -rf "$work"
mkdir -p "$work"
swift build -c release --product enquete >&2
enquete=$(swift build -c release --show-bin-path)/enquete
if [ "$scale" = 1 ]; then
  sample=SampleSubmissions
else
  sample=.build-bench/s$scale-2025
  [ -f "$sample/annuaires/espace-rencontre-2025.csv" ] ||
    "$enquete" sample --seed 7 --year 2025 --scale "$scale" --no-invalid --out "$sample" >&2
fi
uptime
for survey in mediation-familiale espace-rencontre; do
  "$enquete" campaign open "$survey" 2025 --directory "$sample/annuaires/$survey-2025.csv" \
    --ledger "$work/ledger.sqlite" >/dev/null
  "$enquete" ingest --ledger "$work/ledger.sqlite" "$sample/$survey/2025" >/dev/null 2>&1 || true
  echo "== $survey (scale $scale)"
  /usr/bin/time -f "publish: %e s, %M KB" "$enquete" publish "$survey" 2025 --ledger "$work/ledger.sqlite" \
    --sortie "$work/$survey" --prive "$work/prive/$survey.json" 2>&1 \
    | grep -E "secret primaire|audit par|lecteur sait|^publish"
  /usr/bin/time -f "publish --comparer-connaissances: %e s" "$enquete" publish "$survey" 2025 \
    --ledger "$work/ledger.sqlite" --sortie "$work/$survey-c" --prive "$work/prive/$survey-c.json" \
    --comparer-connaissances 2>&1 | grep -E "lecteur sait|comparer"
  /usr/bin/time -f "enquete audit: %e s" "$enquete" audit "$work/$survey" --prive "$work/prive/$survey.json" 2>&1 | tail -2
  /usr/bin/time -f "independent attack: %e s" .venv/bin/python scripts/independent-attack.py "$work/$survey" 2>&1 | tail -2
done
echo "== peer tables (generic engine, no attacker facts)"
for table in large_2d large_3dx3; do
  /usr/bin/time -f "$table: %e s" "$enquete" protect "../shared/peers/tables/${table}_MOD_f3/cells.csv" \
    --hrc "../shared/peers/tables/${table}_MOD_f3/dep.hrc" --format json 2>&1 \
    | grep -E '"(secondaires|valeur_secondaire|audit_reussi)"|s$' | tr -d '\n '
  echo
done
uptime
