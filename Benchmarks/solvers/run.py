#!/usr/bin/env python3
"""Runs GLPK, CBC and HiGHS on enquete's placement models (issue 18) and prints one markdown table.

Usage: run.py [--node-limit 1000] [--whole-time-limit 60] [--safety 600] [--lp-safety 900]
              [--solvers glpk,cbc,highs] [--logs DIR] [--json FILE] MODELS_DIR...

Models are the free MPS files GLPK's glp_write_mps(GLP_MPS_FILE) writes, in MODELS_DIR/<table>/:
  placement-group-*.mps  the binary program of each round: every solver stops after --node-limit
                         branch-and-bound nodes (no time limit; a run still going after --safety
                         seconds is killed and reported as such);
  placement-whole-*.mps  the whole-table program: a MIP run with a --whole-time-limit second limit
                         and no node limit, and its LP relaxation (integrality ignored).

Each solver runs single-threaded, with its defaults otherwise (presolve on), and a relative gap
tolerance of 0 (GLPK's and CBC's default; HiGHS's default 1e-4 is set to 0 so that all three try
to prove optimality):
  GLPK  5.0, Debian's libglpk.so.40 (the library enquete links) driven through ctypes in a child
        process, exactly as enquete's MixedIntegerModel.solve: glp_intopt, presolve on, a
        callback that calls glp_ios_terminate at GLP_ISELECT once the tree's total node count
        (glp_ios_tree_size t_cnt) reaches the limit. glpsol has no node limit, hence ctypes. LP:
        glp_simplex, dual simplex (GLP_DUALP), presolve off, as enquete's RelaxedPlacement.
  CBC   `cbc FILE -threads 1 -maxNodes N -solve`; whole: `cbc FILE -threads 1 -timeMode elapsed
        -sec 60 -solve`; LP: `cbc FILE -threads 1 -initialSolve`.
  HiGHS `highs --model_file FILE --options_file OPTS` (scripts/build-highs) with threads=1,
        mip_rel_gap=0 and mip_max_nodes=N, or time_limit=60; LP: solve_relaxation=true.

Gap % is computed here for all solvers alike: |objective - bound| / |objective| x 100.
"Nodes" is each solver's own count: GLPK the tree's total (t_cnt, what enquete limits), CBC its
enumerated nodes, HiGHS its explored nodes. "wall s" is the whole child process (reading the MPS
included); "solve s" is the solver's own time for the solve (GLPK: glp_intopt/glp_simplex only).
Group models run --repeat times (default 3; the runs are deterministic, only the times vary) and
the fastest run is kept; whole-model runs run once.
"""

import argparse
import ctypes
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HIGHS = Path(os.environ.get("HIGHS_BIN", ROOT / ".build/highs/install/bin/highs"))


# --------------------------------------------------------------------------------------------
# GLPK through ctypes (run in a child process: `run.py --glpk-worker mip|lp FILE LIMITS`)

GLP_MPS_FILE = 2
GLP_MSG_OFF = 0
GLP_ON, GLP_OFF = 1, 0
GLP_DUALP = 2
GLP_ISELECT = 0x06
GLP_UNDEF, GLP_FEAS, GLP_INFEAS, GLP_NOFEAS, GLP_OPT, GLP_UNBND = 1, 2, 3, 4, 5, 6

CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


class IOCP(ctypes.Structure):  # glp_iocp of GLPK 5.0's glpk.h, up to sr_heur, then room to spare
    _fields_ = [
        ("msg_lev", ctypes.c_int), ("br_tech", ctypes.c_int), ("bt_tech", ctypes.c_int),
        ("tol_int", ctypes.c_double), ("tol_obj", ctypes.c_double),
        ("tm_lim", ctypes.c_int), ("out_frq", ctypes.c_int), ("out_dly", ctypes.c_int),
        ("cb_func", CALLBACK), ("cb_info", ctypes.c_void_p), ("cb_size", ctypes.c_int),
        ("pp_tech", ctypes.c_int), ("mip_gap", ctypes.c_double),
        ("mir_cuts", ctypes.c_int), ("gmi_cuts", ctypes.c_int), ("cov_cuts", ctypes.c_int),
        ("clq_cuts", ctypes.c_int), ("presolve", ctypes.c_int), ("binarize", ctypes.c_int),
        ("fp_heur", ctypes.c_int), ("ps_heur", ctypes.c_int), ("ps_tm_lim", ctypes.c_int),
        ("sr_heur", ctypes.c_int), ("_rest", ctypes.c_double * 64),
    ]


class SMCP(ctypes.Structure):  # glp_smcp of GLPK 5.0's glpk.h, up to presolve, then room to spare
    _fields_ = [
        ("msg_lev", ctypes.c_int), ("meth", ctypes.c_int), ("pricing", ctypes.c_int),
        ("r_test", ctypes.c_int), ("tol_bnd", ctypes.c_double), ("tol_dj", ctypes.c_double),
        ("tol_piv", ctypes.c_double), ("obj_ll", ctypes.c_double), ("obj_ul", ctypes.c_double),
        ("it_lim", ctypes.c_int), ("tm_lim", ctypes.c_int), ("out_frq", ctypes.c_int),
        ("out_dly", ctypes.c_int), ("presolve", ctypes.c_int), ("_rest", ctypes.c_double * 64),
    ]


def glpk_worker(mode, path, node_limit, time_limit):
    lib = ctypes.CDLL(os.environ.get("GLPK_LIB", "libglpk.so.40"))
    lib.glp_create_prob.restype = ctypes.c_void_p
    lib.glp_read_mps.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_char_p]
    for name in ("glp_intopt", "glp_simplex"):
        getattr(lib, name).argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    for name in ("glp_mip_status", "glp_get_status", "glp_get_num_rows", "glp_get_num_cols",
                 "glp_get_num_int", "glp_get_num_bin"):
        getattr(lib, name).argtypes = [ctypes.c_void_p]
    for name in ("glp_mip_obj_val", "glp_get_obj_val"):
        getattr(lib, name).argtypes = [ctypes.c_void_p]
        getattr(lib, name).restype = ctypes.c_double
    lib.glp_ios_reason.argtypes = [ctypes.c_void_p]
    lib.glp_ios_tree_size.argtypes = [ctypes.c_void_p] + [ctypes.POINTER(ctypes.c_int)] * 3
    lib.glp_ios_best_node.argtypes = [ctypes.c_void_p]
    lib.glp_ios_node_bound.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.glp_ios_node_bound.restype = ctypes.c_double
    lib.glp_ios_terminate.argtypes = [ctypes.c_void_p]
    lib.glp_version.restype = ctypes.c_char_p
    lib.glp_term_out(GLP_OFF)

    problem = lib.glp_create_prob()
    if lib.glp_read_mps(problem, GLP_MPS_FILE, None, path.encode()) != 0:
        return {"status": "read error"}
    result = {"version": lib.glp_version().decode()}
    if mode == "lp":
        parm = SMCP()
        lib.glp_init_smcp(ctypes.byref(parm))
        parm.msg_lev, parm.meth, parm.presolve = GLP_MSG_OFF, GLP_DUALP, GLP_OFF
        parm.tm_lim = int(min(time_limit * 1000, 2**31 - 1))
        start = time.perf_counter()
        code = lib.glp_simplex(problem, ctypes.byref(parm))
        result["solve"] = time.perf_counter() - start
        status = lib.glp_get_status(problem)
        result["status"] = {GLP_OPT: "optimal", GLP_FEAS: "feasible", GLP_NOFEAS: "infeasible",
                            GLP_UNBND: "unbounded"}.get(status, f"status {status}")
        if code == 0x09:
            result["status"] = "time limit"
        if status == GLP_OPT:
            result["objective"] = lib.glp_get_obj_val(problem)
        return result

    tree_state = {"nodes": 0, "bound": None}

    def callback(tree, info):
        if lib.glp_ios_reason(tree) != GLP_ISELECT:
            return
        active, current, total = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
        lib.glp_ios_tree_size(tree, ctypes.byref(active), ctypes.byref(current), ctypes.byref(total))
        tree_state["nodes"] = total.value
        best = lib.glp_ios_best_node(tree)
        if best:
            tree_state["bound"] = lib.glp_ios_node_bound(tree, best)
        if node_limit and total.value >= node_limit:
            lib.glp_ios_terminate(tree)

    keep = CALLBACK(callback)
    parm = IOCP()
    lib.glp_init_iocp(ctypes.byref(parm))
    parm.msg_lev, parm.presolve = GLP_MSG_OFF, GLP_ON
    parm.tm_lim = int(min(time_limit * 1000, 2**31 - 1))
    parm.cb_func = keep
    start = time.perf_counter()
    code = lib.glp_intopt(problem, ctypes.byref(parm))
    result["solve"] = time.perf_counter() - start
    status = lib.glp_mip_status(problem)
    result["nodes"] = tree_state["nodes"]
    if status in (GLP_OPT, GLP_FEAS):
        result["objective"] = lib.glp_mip_obj_val(problem)
    if code == 0 and status == GLP_OPT:
        result["status"] = "optimal"
        result["bound"] = result["objective"]
    elif code == 0 and status == GLP_NOFEAS:
        result["status"] = "infeasible"
    elif code == 0x0D:
        result["status"] = "node limit"
    elif code == 0x09:
        result["status"] = "time limit"
    else:
        result["status"] = f"code {code:#x}, status {status}"
    if "bound" not in result and tree_state["bound"] is not None:
        bound = tree_state["bound"]
        result["bound"] = min(bound, result["objective"]) if "objective" in result else bound
    return result


# --------------------------------------------------------------------------------------------
# Running and parsing


def run_child(command, timeout, log_path):
    start = time.perf_counter()
    try:
        completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, errors="replace", timeout=timeout)
        output, killed = completed.stdout, False
    except subprocess.TimeoutExpired as error:
        output = error.stdout.decode(errors="replace") if isinstance(error.stdout, bytes) else (error.stdout or "")
        killed = True
    wall = time.perf_counter() - start
    log_path.write_text("$ " + " ".join(map(str, command)) + "\n" + output)
    return output, wall, killed


def number(pattern, text, cast=float, last=True):
    matches = re.findall(pattern, text, re.M)
    if not matches:
        return None
    value = matches[-1] if last else matches[0]
    try:
        return cast(value)
    except ValueError:
        return None


def parse_cbc(output, lp):
    result = {}
    if lp:
        # Clp0032I Optimal objective 1234 - 567 iterations time 0.89[, Presolve 0.01]
        match = re.findall(r"Optimal objective\s+(\S+)\s+-\s+(\d+) iterations time ([\d.]+)", output)
        if match:
            result.update(status="optimal", objective=float(match[-1][0]), iterations=int(match[-1][1]))
        elif "infeasible" in output.lower():
            result["status"] = "infeasible"
        else:
            result["status"] = "unparsed"
        result["solve"] = number(r"\(Wallclock seconds\):\s+([\d.]+)", output)
        return result
    verdict = number(r"^Result - (.*)$", output, str)
    result["status"] = {
        "Optimal solution found": "optimal", "Stopped on nodes": "node limit",
        "Stopped on time limit": "time limit", "Linear relaxation infeasible": "infeasible",
        "Problem proven infeasible": "infeasible"}.get(verdict, verdict or "unparsed")
    objective = number(r"^Objective value:\s+(\S+)", output)
    if objective is not None and "No feasible solution found" not in output and objective < 1e49:
        result["objective"] = objective
    bound = number(r"^Lower bound:\s+(\S+)", output)
    if result["status"] == "optimal" and "objective" in result:
        bound = result["objective"]
    if bound is not None:
        result["bound"] = bound
    result["nodes"] = number(r"^Enumerated nodes:\s+(\d+)", output, int)
    result["solve"] = number(r"^Time \(Wallclock seconds\):\s+([\d.]+)", output)
    if result["solve"] is None:
        result["solve"] = number(r"\(Wallclock seconds\):\s+([\d.]+)", output)
    return result


def parse_highs(output, lp):
    values = dict(re.findall(r"^highs-cli: (\S+) (.*)$", output, re.M))
    if not values:
        return {"status": "unparsed"}
    status = values.get("model_status", "?")
    result = {"status": {"Optimal": "optimal", "Reached iteration limit": "iteration limit",
                         "Time limit reached": "time limit", "Infeasible": "infeasible",
                         "Reached node limit": "node limit"}.get(status, status.lower()),
              "solve": float(values["run_time"])}
    has_solution = values.get("primal_solution_status") == "2"
    if has_solution:
        result["objective"] = float(values["objective"])
    if lp:
        return result
    result["nodes"] = int(values["mip_node_count"])
    bound = float(values["mip_dual_bound"])
    if math.isfinite(bound) and abs(bound) < 1e49:
        result["bound"] = bound
    return result


def cbc_readable(path, folder):
    """CBC (CoinMpsIO) rejects the `$ empty` comment GLPK writes after each empty column
    (`C0000046 R0000001 0 $ empty`: "Bad image") and then reads no model. CBC gets a copy with
    those trailing comments cut (the entries stay, with their 0 coefficient), made once, untimed."""
    with open(path, "rb") as handle:
        if b"$" not in handle.read():
            return path
    copy = folder / f"{path.parent.name}-{path.name}"
    if not copy.exists() or copy.stat().st_mtime < path.stat().st_mtime:
        pattern = re.compile(rb"\s+\$.*$")
        with open(path, "rb") as source, open(copy, "wb") as target:
            for line in source:
                target.write(pattern.sub(b"", line.rstrip(b"\n")) + b"\n")
    return copy


def gap_percent(objective, bound):
    if objective is None or bound is None:
        return None
    if objective == bound:
        return 0.0
    return abs(objective - bound) / max(abs(objective), 1e-9) * 100


def model_size(path):
    """Rows, columns and binaries from the comment header glp_write_mps writes."""
    head = ""
    with open(path, errors="replace") as handle:
        for _ in range(8):
            head += handle.readline()
    rows = number(r"Rows:\s+(\d+)", head, int, last=False)
    columns = number(r"Columns:\s+(\d+)", head, int, last=False)
    binaries = number(r"(\d+) binary", head, int, last=False)
    nonzeros = number(r"Non-zeros:\s+(\d+)", head, int, last=False)
    return rows, columns, binaries, nonzeros


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--node-limit", type=int, default=1000)
    parser.add_argument("--whole-time-limit", type=float, default=60)
    parser.add_argument("--safety", type=float, default=600, help="kill a group run after this many seconds")
    parser.add_argument("--lp-safety", type=float, default=900, help="kill an LP run after this many seconds")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each group model per solver (best wall time kept)")
    parser.add_argument("--solvers", default="glpk,cbc,highs")
    parser.add_argument("--kinds", default="group,whole")
    parser.add_argument("--logs", type=Path, default=ROOT / ".build/solver-bench/logs")
    parser.add_argument("--json", type=Path, default=ROOT / ".build/solver-bench/results.json")
    args = parser.parse_args()
    solvers = args.solvers.split(",")
    kinds = args.kinds.split(",")
    args.logs.mkdir(parents=True, exist_ok=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    options_dir = Path(tempfile.mkdtemp(prefix="solver-bench-"))
    cbc_copies = args.json.parent / "cbc-mps"
    cbc_copies.mkdir(parents=True, exist_ok=True)
    notes = set()

    def highs_options(name, lines):
        path = options_dir / f"{name}.opt"
        path.write_text("".join(f"{line}\n" for line in lines))
        return str(path)

    group_opts = highs_options("group", ["threads = 1", "mip_rel_gap = 0", f"mip_max_nodes = {args.node_limit}"])
    whole_opts = highs_options("whole", ["threads = 1", "mip_rel_gap = 0", f"time_limit = {args.whole_time_limit}"])
    lp_opts = highs_options("lp", ["threads = 1", "solve_relaxation = true"])

    files = []
    for folder in args.models:
        for path in sorted(folder.glob("placement-*.mps"), key=lambda p: [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", p.name)]):
            kind = "group" if path.name.startswith("placement-group") else "whole"
            if kind in kinds:
                files.append((folder.name, kind, path))
    files.sort(key=lambda item: (item[1] == "whole", item[0]))  # groups first, whole models after

    rows = []
    me = [sys.executable, str(Path(__file__).resolve())]
    for table, kind, path in files:
        size = model_size(path)
        runs = []
        for solver in solvers:
            if kind == "group":
                runs.append((solver, "MIP, 1 000 nodes" if args.node_limit == 1000 else f"MIP, {args.node_limit} nodes", False, args.safety))
            else:
                runs.append((solver, f"MIP, {args.whole_time_limit:g} s", False, args.whole_time_limit * 3 + 60))
                runs.append((solver, "LP relaxation", True, args.lp_safety))
        for solver, label, lp, timeout in runs:
            limit_nodes = args.node_limit if kind == "group" else 0
            limit_time = args.safety if kind == "group" else args.whole_time_limit
            if solver == "glpk":
                command = me + ["--glpk-worker", "lp" if lp else "mip", str(path), str(limit_nodes),
                                str(args.lp_safety if lp else limit_time)]
            elif solver == "cbc":
                cbc_path = cbc_readable(path, cbc_copies)
                if cbc_path != path:
                    notes.add(f"CBC read {path.parent.name}/{path.name} from a copy without GLPK's `$ empty` comments")
                if lp:
                    command = ["cbc", str(cbc_path), "-threads", "1", "-initialSolve"]
                elif kind == "group":
                    command = ["cbc", str(cbc_path), "-threads", "1", "-maxNodes", str(args.node_limit), "-solve"]
                else:
                    command = ["cbc", str(cbc_path), "-threads", "1", "-timeMode", "elapsed",
                               "-sec", f"{args.whole_time_limit:g}", "-solve"]
            else:
                options = lp_opts if lp else (group_opts if kind == "group" else whole_opts)
                command = [str(HIGHS), "--model_file", str(path), "--options_file", options]
            if solver == "cbc" and shutil.which("stdbuf"):
                command = ["stdbuf", "-oL"] + command  # so that a killed run's log shows how far it got
            log = args.logs / f"{table}-{path.stem}-{solver}-{'lp' if lp else 'mip'}.log"
            print(f"[{time.strftime('%H:%M:%S')}] {table}/{path.name} {solver} {label} ...", file=sys.stderr, flush=True)
            output, wall, killed = run_child(command, timeout, log)
            for _ in range(args.repeat - 1 if kind == "group" and not killed else 0):
                again, seconds, killed = run_child(command, timeout, log)
                if killed or seconds >= wall:
                    continue
                output, wall = again, seconds
            if killed:
                result = {"status": f"killed after {timeout:g} s"}
            elif solver == "glpk":
                try:
                    result = json.loads(output.strip().splitlines()[-1])
                except (ValueError, IndexError):
                    result = {"status": "worker failed"}
            elif solver == "cbc":
                result = parse_cbc(output, lp)
            else:
                result = parse_highs(output, lp)
            result.update(table=table, model=path.name, kind=kind, solver=solver, run=label, lp=lp,
                          wall=wall, rows=size[0], columns=size[1], binaries=size[2], nonzeros=size[3])
            if not lp:
                result["gap"] = gap_percent(result.get("objective"), result.get("bound"))
            rows.append(result)
            print(f"    -> {result.get('status')} obj={result.get('objective')} bound={result.get('bound')} "
                  f"nodes={result.get('nodes')} wall={wall:.2f}s", file=sys.stderr, flush=True)
            args.json.write_text(json.dumps(rows, indent=1))

    # Objectives proved optimal must agree between solvers.
    proved = {}
    for row in rows:
        if row["status"] == "optimal" and "objective" in row:
            proved.setdefault((row["model"], row["lp"]), set()).add(round(row["objective"], 6))
    disagreements = {key: values for key, values in proved.items() if len(values) > 1}

    def fmt(value, digits=2):
        if value is None:
            return "—"
        if isinstance(value, float):
            if abs(value - round(value)) < 1e-6 and abs(value) >= 1:
                return f"{value:,.0f}".replace(",", " ")
            return f"{value:,.{digits}f}".replace(",", " ")
        return f"{value:,}".replace(",", " ")

    names = {"glpk": "GLPK", "cbc": "CBC", "highs": "HiGHS"}
    print("| table | model (rows × cols, binaries) | solver | run | status | objective | best bound | gap % | nodes | solve s | wall s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    last = None
    for row in rows:
        model = f"{row['model'].removeprefix('placement-').removesuffix('.mps')} ({fmt(row['rows'])} × {fmt(row['columns'])}, {fmt(row['binaries'])})"
        shown = model if (row["table"], row["model"]) != last else ""
        last = (row["table"], row["model"])
        gap = row.get("gap")
        print(f"| {row['table'] if shown else ''} | {shown} | {names[row['solver']]} | {row['run']} | {row['status']} | "
              f"{fmt(row.get('objective'))} | {'' if row['lp'] else fmt(row.get('bound'))} | "
              f"{'' if row['lp'] else (fmt(gap, 3) if gap is not None else '—')} | "
              f"{'' if row['lp'] else fmt(row.get('nodes'))} | {fmt(row.get('solve'))} | {fmt(row['wall'])} |")
    if disagreements:
        print()
        for (model, lp), values in disagreements.items():
            print(f"**Disagreement** on {model} ({'LP' if lp else 'MIP'}): optimal objectives {sorted(values)}")
    for note in sorted(notes):
        print(f"\n{note}.")
    print(f"\n(per-run logs: {args.logs}; all values: {args.json})", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--glpk-worker":
        mode, path, nodes, seconds = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
        print(json.dumps(glpk_worker(mode, path, nodes, seconds)))
    else:
        main()
