#!/usr/bin/env bash
# MILP solvers on enquete's placement models (issue 18): GLPK 5.0 vs CBC vs HiGHS.
#
#   bash Benchmarks/solvers.sh [MODELS_DIR...]     (default: the peers' large tables, exported into
#                                                  .build/solver-bench/models the first time)
#
# Each MODELS_DIR holds the MPS files the secrecy stage exports (placement-group-*.mps,
# placement-whole-*.mps). Installs what it needs when missing: Debian's coinor-cbc (cbc),
# glpk-utils (glpsol) and libglpk-dev (libglpk.so.40, which the harness drives as enquete does),
# and HiGHS through scripts/build-highs. Prints `uptime` before and after, and one markdown table
# (Benchmarks/solvers/run.py; its --help says how each solver is run). Extra options for run.py
# go in RUN_OPTS, e.g. RUN_OPTS="--solvers highs,cbc --kinds group". Then the « whole tables »:
# enquete protect on each table with GLPK and with HiGHS as its MILP solver (ENQUETE_MIP_SOLVER).
# MODELS=0 skips the per-model table, WHOLE=0 the whole tables.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'solvers: %s\n' "$*" >&2; }

packages=(coinor-cbc glpk-utils libglpk-dev python3)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { say "need root (or sudo) to install ${missing[*]}"; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
bash scripts/build-highs >&2

if (($# == 0)); then
  # The models of the peers' tables, exported by enquete itself (ENQUETE_EXPORT_MODELS) the
  # first time: the tables come from Benchmarks/protect.sh's preparation.
  models=.build/solver-bench/models
  tables=.build/protect-bench/tables
  swift build -c release --product enquete >&2
  enquete=$(swift build -c release --show-bin-path)/enquete
  if [ ! -f "$tables/large_3dx10/cells.csv" ]; then
    mkdir -p "$tables"
    python3 Benchmarks/protect/make_tables.py "$tables" ../shared/peers/tables Sources/EnqueteCore/Reference
    for t in large_2d large_3dx3; do
      mkdir -p "$tables/$t"
      cp "../shared/peers/tables/${t}_MOD_f3/cells.csv" "../shared/peers/tables/${t}_MOD_f3/dep.hrc" "$tables/$t/"
    done
  fi
  for t in large_2d large_3dx3 large_3dx10; do
    if ! compgen -G "$models/$t/placement-*.mps" >/dev/null; then
      mkdir -p "$models/$t"
      say "exporting the placement models of $t"
      ENQUETE_EXPORT_MODELS="$PWD/$models/$t" "$enquete" protect "$tables/$t/cells.csv" --hrc "$tables/$t/dep.hrc" \
        --format json >/dev/null
    fi
    set -- "$@" "$models/$t"
  done
fi

say "models: $*"
say "cbc: $(cbc -quit 2>&1 | grep -m1 Version | tr -s ' ')," \
  "glpk: $(glpsol --version | head -1 | sed 's/.*Solver //')," \
  "highs: $(.build/highs/install/bin/highs --version | head -1)"
echo "uptime before: $(uptime)"
if [ "${MODELS:-1}" != 0 ]; then
  # shellcheck disable=SC2086
  python3 Benchmarks/solvers/run.py ${RUN_OPTS:-} "$@"
fi

# Whole tables: the same enquete, its integer programs solved by GLPK (the product) or handed to
# HiGHS (ENQUETE_MIP_SOLVER, one thread, exact gap, the same node limit): what the solver changes
# to the patterns themselves, not only to each model. Skipped with WHOLE=0.
if [ "${WHOLE:-1}" != 0 ]; then
  swift build -c release --product enquete >&2
  enquete=$(swift build -c release --show-bin-path)/enquete
  tables=.build/protect-bench/tables
  echo
  echo "| table | MIP solver | secondaries | hidden value | seconds | audit |"
  echo "|---|---|---:|---:|---:|---|"
  for t in large_2d large_3dx3 large_3dx10 publication; do
    [ -f "$tables/$t/cells.csv" ] || { say "no $tables/$t (run Benchmarks/protect.sh once)"; continue; }
    if [ "$t" = publication ]; then
      args=(--hrc "$tables/$t/regions.hrc" --hrc-autre "$tables/$t/cours.hrc")
    else
      args=(--hrc "$tables/$t/dep.hrc")
    fi
    for solver in glpk highs; do
      command=""
      [ "$solver" = highs ] && command="$PWD/.build/highs/install/bin/highs"
      start=$EPOCHREALTIME
      out=$(ENQUETE_MIP_SOLVER="$command" "$enquete" protect "$tables/$t/cells.csv" "${args[@]}" --format json)
      seconds=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
      field() { echo "$out" | grep -m1 "\"$1\"" | sed 's/.*: *//; s/,$//'; }
      printf '| %s | %s | %s | %s | %.1f | %s |\n' "$t" "$solver" "$(field secondaires)" \
        "$(field valeur_secondaire)" "$seconds" "$(field audit_reussi)"
    done
  done
fi
echo "uptime after: $(uptime)"
