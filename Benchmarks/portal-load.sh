#!/usr/bin/env bash
# Load test of the portal, on the loopback only: COUNT services (default 500) upload their file at
# the same moment (the campaign's deadline) to `enquete serve` on 127.0.0.1; then the ledger is held
# against the acknowledgements: zero lost, zero duplicated. Prints p50/p99 latency and throughput.
# Bounded: COUNT uploads, each given at most 300 s; the server is stopped at the end.
#   Benchmarks/portal-load.sh [COUNT] [--release]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-500}
configuration=debug
[ "${2:-}" = "--release" ] && configuration=release
swift build -c "$configuration" --product enquete >&2
enquete="$(swift build -c "$configuration" --show-bin-path)/enquete"
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# A campaign large enough to give COUNT services one XML file each.
"$enquete" sample --seed 20250331 --year 2025 --scale 3 --out "$work/sample" >/dev/null 2>&1
for survey in mediation-familiale espace-rencontre; do
  "$enquete" campaign open "$survey" 2025 --directory "$work/sample/annuaires/$survey-2025.csv" \
    --ledger "$work/ledger.sqlite" >/dev/null
done
python3 Benchmarks/portal_jobs.py "$work/sample" 2025 "$count" "$work/files" >"$work/services.tsv"
started=$(date +%s)
while IFS=$'\t' read -r survey siret path; do
  token=$("$enquete" token create --role service --siret "$siret" --ledger "$work/ledger.sqlite" 2>/dev/null)
  printf '%s\t%s\t2025\t%s\n' "$token" "$survey" "$path"
done <"$work/services.tsv" >"$work/jobs.tsv"
echo "portal-load: $count tokens created in $(($(date +%s) - started)) s" >&2

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$enquete" serve --hote 127.0.0.1 --port "$port" --ledger "$work/ledger.sqlite" 2>"$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q "à l'écoute" "$work/serve.err" 2>/dev/null && break; sleep 0.1; done

echo "portal-load: $count uploads at once to 127.0.0.1:$port ($configuration build, $(nproc) cores)" >&2
python3 Benchmarks/portal_client.py upload --port "$port" --jobs "$work/jobs.tsv" --acks "$work/acks.jsonl" \
  --deadline 300
kill "$server"
wait "$server" 2>/dev/null || true
server=""
python3 Benchmarks/portal_client.py check --ledger "$work/ledger.sqlite" --jobs "$work/jobs.tsv" \
  --acks "$work/acks.jsonl" --all-acked
