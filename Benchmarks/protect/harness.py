#!/usr/bin/env python3
"""Side-by-side secrecy benchmark: enquete and τ-Argus (pytauargus) on the very same tables.

For each table (cells.csv + dep.hrc): enquete's heuristic (and, where asked, its LP placement and
optimal mode) and τ-Argus Modular (default and INSEE's options) and Optimal, the τ-Argus inputs
written by enquete's own writer (`enquete protect --tau-argus`); then enquete's audit, with its
own required protection, on every τ-Argus pattern (`enquete protect --motif`). Prints one row per
table and method: cells hidden (secondaries), value hidden, seconds (wall), primaries failing our
audit. Usage: harness.py ENQUETE PYTHON WORKDIR TIMEOUT TABLE_DIR[:methods]...
"""
import json, os, subprocess, sys, time
from pathlib import Path

TAU = {"tau-MOD": "MOD(1,5,1,1,1)", "tau-MOD-INSEE": "MOD(1,5,1,0,0)", "tau-OPT": "OPT(1,{t})"}
RUN = "import sys; from pytauargus.engine import run_batch; run_batch(sys.argv[1])"


def enquete(exe, table, extra, timeout):
    start = time.perf_counter()
    out = subprocess.run([exe, "protect", str(table / "cells.csv"), "--hrc", str(table / "dep.hrc"),
                          "--format", "json"] + extra, capture_output=True, text=True, timeout=timeout)
    return json.loads(out.stdout), time.perf_counter() - start


def row(name, method, report, seconds, twice="—"):
    failing = len(report["cellules_insuffisamment_protegees"])
    gap = report.get("ecart_a_la_borne")
    certificate = "—" if gap is None else f"{report['cout_motif']:.0f} ≥ {report['borne_inferieure']:.0f} ({100 * gap:.1f} %)"
    print(f"| {name} | {method} | {report['secondaires']} | {report['valeur_secondaire']:.0f} | "
          f"{seconds:.2f} | {failing} | {certificate} | {twice} |", flush=True)


def main():
    exe, python, work, timeout = sys.argv[1], sys.argv[2], Path(sys.argv[3]), float(sys.argv[4])
    print("| table | method | secondaries | value hidden | seconds | primaries failing our audit "
          "| cost ≥ lower bound (gap) | same pattern bytes on a second run |")
    print("|---|---|---|---|---|---|---|---|")
    for spec in sys.argv[5:]:
        path, _, methods = spec.partition(":")
        table = Path(path)
        methods = methods.split(",") if methods else ["enquete", "tau-MOD", "tau-MOD-INSEE"]
        name = table.name
        for method in methods:
            if method.startswith("enquete"):
                extra = {"enquete": [], "enquete-lp": ["--placement", "lp"],
                         "enquete-hypercubes": ["--placement", "hypercubes"],
                         "enquete-unite": ["--cout", "unite"],
                         "enquete-opt": ["--methode", "optimale", "--temps-max", str(int(timeout))]}[method]
                patterns = [work / name / f"{method}-{run}.csv" for run in (1, 2)]
                patterns[0].parent.mkdir(parents=True, exist_ok=True)
                report, seconds = enquete(exe, table, extra + ["--motif-sortie", str(patterns[0])], timeout * 3)
                # Determinism: the default method runs again and must write the very same pattern.
                twice = "—"
                if method in ("enquete", "enquete-unite"):
                    enquete(exe, table, extra + ["--motif-sortie", str(patterns[1])], timeout * 3)
                    twice = "yes" if patterns[0].read_bytes() == patterns[1].read_bytes() else "**no**"
                row(name, method, report, seconds, twice)
                continue
            directory = (work / name / method).resolve()
            directory.mkdir(parents=True, exist_ok=True)
            # `tau-…-unite`: the same method with τ-Argus's unity cost (`-2`), beside `enquete-unite`.
            base = method.removesuffix("-unite")
            cost = ["--cout", "unite"] if base != method else []
            suppress = TAU[base].format(t=int(timeout))
            subprocess.run([exe, "protect", str(table / "cells.csv"), "--hrc", str(table / "dep.hrc"),
                            "--sans-elagage", "--tau-argus", str(directory), "--tau-methode", suppress] + cost,
                           capture_output=True, timeout=timeout * 3)
            (directory / "tmp").mkdir(exist_ok=True)
            env = dict(os.environ, TMPDIR=str(directory / "tmp"))
            start = time.perf_counter()
            try:
                subprocess.run([python, "-c", RUN, str(directory / "batch.arb")], cwd=directory, env=env,
                               capture_output=True, timeout=timeout * 2)
            except subprocess.TimeoutExpired:
                print(f"| {name} | {method} ({suppress}) | not finished in {timeout * 2:.0f} s | | | | | |", flush=True)
                continue
            seconds = time.perf_counter() - start
            if not (directory / "out.csv").exists():
                print(f"| {name} | {method} ({suppress}) | failed (no out.csv) | | {seconds:.2f} | | | |", flush=True)
                continue
            report, _ = enquete(exe, table, ["--motif", str(directory / "out.csv")], timeout * 3)
            row(name, f"{method} ({suppress})", report, seconds)


if __name__ == "__main__":
    main()
