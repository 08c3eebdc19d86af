#!/usr/bin/env bash
# Secrecy benchmark, enquete beside τ-Argus (pytauargus) on the same tables; see protect/harness.py.
# Usage: Benchmarks/protect.sh [TIMEOUT_SECONDS]   (τ-Argus Optimal's limit; runs are cut at 2×)
set -euo pipefail
cd "$(dirname "$0")/.."
TIMEOUT="${1:-60}"
PEERS="${PEERS:-../shared/peers/tables}"
WORK="${WORK:-.build/protect-bench}"
VENV="$PWD/Benchmarks/.venv-peers"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "pytauargus[dataframe]==0.6.0" scipy
fi
swift build -c release --product enquete >/dev/null
mkdir -p "$WORK/tables"
python3 Benchmarks/protect/make_tables.py "$WORK/tables" "$PEERS" Sources/EnqueteCore/Reference
for t in small_2d large_2d large_3dx3; do
  mkdir -p "$WORK/tables/$t"
  cp "$PEERS/${t}_MOD_f3/cells.csv" "$PEERS/${t}_MOD_f3/dep.hrc" "$WORK/tables/$t/"
done
uptime
EXE="$PWD/.build/release/enquete"
python3 Benchmarks/protect/harness.py "$EXE" "$VENV/bin/python" "$WORK/runs" "$TIMEOUT" \
  "$WORK/tables/small_2d:enquete,enquete-lp,enquete-opt,tau-MOD,tau-MOD-INSEE,tau-OPT" \
  "$WORK/tables/large_2d:enquete,enquete-unite,enquete-hypercubes,enquete-lp,tau-MOD,tau-MOD-INSEE,tau-MOD-INSEE-unite,tau-OPT" \
  "$WORK/tables/large_3dx3:enquete,enquete-unite,enquete-hypercubes,tau-MOD,tau-MOD-INSEE,tau-MOD-INSEE-unite" \
  "$WORK/tables/large_3dx10:enquete,tau-MOD-INSEE"
B="$WORK/tables/publication"
echo "publication (régions + cours d'appel jointly):"
/usr/bin/time -f "%e s" "$EXE" protect "$B/cells.csv" --hrc "$B/regions.hrc" --hrc-autre "$B/cours.hrc" --format json \
  | grep -E '"(cellules|primaires|secondaires|valeur_secondaire|cout_motif|borne_inferieure|ecart_a_la_borne|audit_reussi)"'
uptime
