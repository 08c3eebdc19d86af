#!/usr/bin/env python3
"""An independent reader's attack on a published folder: recompute or narrow its secret cells.

Reads ONLY a published folder (tableaux.csv, structure.json, audit.json) and the public contracts
of Schemas/v1 (surveys/<survey>.json, rules/<survey>.rules.json,
publication/<survey>.publication.json). Written from those contracts alone, not from enquete's
Swift code, so that it checks the publisher's audit instead of repeating it.

Every hidden cell (statut S) is an unknown >= 0; for each one the script solves min and max by
linear programming (scipy.optimize.linprog, HiGHS), block by block (the connected components of
hidden cells tied by a fact), subject to every fact a reader can derive:

  equations       published values and every equation of structure.json
  nonzero         zeros are published: a hidden cell under a plan rule with basis "value" is >= 1
  letters         an older file's statuses A, B, F, D are hidden cells; under a rule on values A says
                  1 ... threshold - 1 and D says >= threshold
  rules           every rule of severity error, table rapport, no "when", linear comparison over
                  required variables, holds per service hence summed at every unit; a variable not
                  published at that unit is an unknown within catalog minimum/maximum x nb_services
  catalog         catalog minimum/maximum per service x the nb_services published at the unit
  derived         plan derivedVariables: name = sum of sumOf at every unit
  indicators      shares and ratios published with one decimal: (r-h)*den <= k*sum(num) <= (r+h)*den;
                  an indicator published Z has a zero denominator
  wait-mean       sum(least days of class x n) <= (mean+h) x started (and the other side when the
                  unbounded class is published 0); published => started >= threshold
  wait-median     Kaplan-Meier median: classes wholly below it hold <= half of the measures,
                  classes reaching down to it plus the censored >= half; published => total >= threshold
  detail-count    detail-count rules covering every value of a detail enum: the number of detail
                  rows of a service that sent its detail is the sum of their variables, so at every
                  unit (not every service sends detail) the detail total <= that sum
  integrality     (--milp) counts are whole numbers: mixed-integer min/max for flagged or near cells

Extra knowledge, chosen with --extra KIND[,KIND], --extra all or --extra '' (dominance and detail-rows
are on by default: the publisher models them since this script found them; plausibility is not a fact):
  dominance       a cell published under a rule with a dominance (n, k%) has no n services holding
                  more than k% of it, so a hidden unit below it with at most n services is <= k% of it
  detail-rows     what the per-measure detail says, at every unit: the censored class (no first
                  visit) holds the rows of "issue = 'en_cours' and empty(date_premier_rdv)" and of
                  the issue a row rule forces to have no first visit ('jamais_commencee'), less what
                  the services that sent no detail may hold (Σ cover - detail total, 0 where the
                  detail total equals the measures treated); and "F = 'v' and C" <= "F = 'v'".
                  Reads the labels: a measure en attente is a measure en cours.
  plausibility    (likely only) warning rules summed at every unit, abs(X) <= Y as two rows
  audit           (--use-audit) the publisher's own claimed intervals of audit.json as facts

Two folders (--precedent OLD): the publication OLD is the one FOLDER replaces (late or corrected
reports since). A reader holds both: each folder's facts on its own unknowns (OLD's prefixed
"avant:"), and between them, unit by unit from nb_services, what the revision note says (services
were added or removed, not corrected in place):
  precedent       a cell whose unit has the same services is the same in both; where a unit gained
                  services the new value is at least the previous one (at most, where it lost some);
                  the difference at a unit that gained fewer services than its rule's threshold, or
                  under a rule on values, is the late services' own figure: a target "ecart:<cell>",
                  recomputable (a) if exact (under a rule on values: exact and between 1 and the
                  threshold), a small count (b) if known to be at least 1 and under the threshold.
  A published value that changed where the services did not is a violated precedent fact (warned).
Several earlier folders (--precedent OLD1 --precedent OLD2 ..., most recent first): a reader holds
them all; each keeps its facts (OLD2's unknowns prefixed "avant2:", and so on), and the precedent
facts hold between every two of them; the difference between folders i and j (0 the new one) is
the target "ecart:<i>-<j>:<cell>" ("ecart:<cell>" between FOLDER and OLD1).

Findings:
  (a) recomputable   max - min < 1e-6 (relative), or a count whose interval holds one whole number;
                     a hidden share/ratio indicator whose feasible range holds one published value
  (b) small count    a hidden cell under a rule on values whose max is below the rule's threshold
  (c) narrower       a hidden cell whose interval is narrower than audit.json claims

For each finding the knowledge kinds are named: "needs" are the kinds without which the finding
disappears (each one removed in turn), "uses" the other kinds present in the block.
No hidden value is ever printed (unless --dump-intervals FILE is asked, for debugging).

Usage: independent-attack.py FOLDER [--precedent OLD]... [--schemas Schemas/v1] [--milp] [--extra KINDS|all|'']
                             [--use-audit] [--jobs 2] [--dump-intervals FILE]
Needs numpy and scipy (>= 1.9 for milp): .venv/bin/pip install scipy.
Exit 1 if any finding of kind (a) or (b), else 0 (2 on a usage or input error).
"""
import argparse
import csv
import json
import math
import os
import re
import sys
import time
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog, milp, LinearConstraint, Bounds
from scipy.sparse import csr_matrix

INF = math.inf
LEVELS = ["national", "region", "cour_appel", "departement", "service"]
HALF = 0.05          # half-unit of the one decimal of indicators
ROUND_TOL = 0.005    # half-unit of the two decimals of published values (non-integer variables);
                     # set to 0 when every fully published equation holds exactly (the values are exact)
KINDS = ["equations", "nonzero", "letters", "rules", "catalog", "derived", "indicators", "wait-mean",
         "wait-median", "detail-count", "dominance", "detail-rows", "plausibility", "audit", "precedent",
         "integrality"]
EXTRAS = ["dominance", "detail-rows", "plausibility"]


# ----------------------------------------------------------------------------- linear expressions

class Unsupported(Exception):
    pass


TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|=|<|>|\+|-|\*|/|\(|\)))")


def tokenize(text):
    tokens, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Unsupported(text)
        if m.group(1):
            tokens.append(("num", float(m.group(1))))
        elif m.group(2):
            tokens.append(("id", m.group(2)))
        else:
            tokens.append(("op", m.group(3)))
        pos = m.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return tokens


class LinearParser:
    """expr := term (('+'|'-') term)*; term := factor ('*'|'/' factor)*; linear only."""

    def __init__(self, tokens):
        self.t, self.i = tokens, 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else (None, None)

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expr(self):
        coefs, const = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            sign = 1.0 if self.take()[1] == "+" else -1.0
            c2, k2 = self.term()
            for v, a in c2.items():
                coefs[v] = coefs.get(v, 0.0) + sign * a
            const += sign * k2
        return coefs, const

    def term(self):
        coefs, const = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            c2, k2 = self.factor()
            if op == "*":
                if coefs and c2:
                    raise Unsupported("product of variables")
                if c2:
                    coefs, const, c2, k2 = c2, k2, coefs, const
                coefs = {v: a * k2 for v, a in coefs.items()}
                const *= k2
            else:
                if c2 or k2 == 0:
                    raise Unsupported("division by a variable")
                coefs = {v: a / k2 for v, a in coefs.items()}
                const /= k2
        return coefs, const

    def factor(self):
        kind, value = self.take()
        if kind == "num":
            return {}, value
        if kind == "id":
            if self.peek() == ("op", "("):
                raise Unsupported("function " + value)
            return {value: 1.0}, 0.0
        if (kind, value) == ("op", "-"):
            c, k = self.factor()
            return {v: -a for v, a in c.items()}, -k
        if (kind, value) == ("op", "("):
            c, k = self.expr()
            if self.take() != ("op", ")"):
                raise Unsupported("parenthesis")
            return c, k
        raise Unsupported(str(value))


def parse_comparison(text):
    """'lhs OP rhs' -> (coefs of lhs - rhs, const, op) with op in =, <=, >=, <, >."""
    tokens = tokenize(text)
    ops = [i for i, t in enumerate(tokens) if t[0] == "op" and t[1] in ("<=", ">=", "=", "==", "<", ">", "!=")]
    if len(ops) != 1:
        raise Unsupported(text)
    k = ops[0]
    op = tokens[k][1]
    if op == "!=":
        raise Unsupported(text)
    sides = []
    for part in (tokens[:k], tokens[k + 1:]):
        p = LinearParser(part)
        c, const = p.expr()
        if p.i != len(part):
            raise Unsupported(text)
        sides.append((c, const))
    coefs = dict(sides[0][0])
    for v, a in sides[1][0].items():
        coefs[v] = coefs.get(v, 0.0) - a
    coefs = {v: a for v, a in coefs.items() if a != 0}
    return coefs, sides[0][1] - sides[1][1], "=" if op == "==" else op


# ----------------------------------------------------------------------------- contracts and folder

def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


class Contracts:
    def __init__(self, schemas, survey):
        self.catalog = load_json(os.path.join(schemas, "surveys", survey + ".json"))
        self.rules = load_json(os.path.join(schemas, "rules", survey + ".rules.json"))["rules"]
        self.plan = load_json(os.path.join(schemas, "publication", survey + ".publication.json"))
        tables = self.catalog["tables"]
        self.report_table = tables[0]["name"]
        self.report_vars = {}
        for section in tables[0]["sections"]:
            for v in section["variables"]:
                self.report_vars[v["name"]] = v
        self.detail_tables = {}
        for t in tables[1:]:
            vs = {}
            for section in t["sections"]:
                for v in section["variables"]:
                    vs[v["name"]] = v
            self.detail_tables[t["name"]] = vs
        # plan: variable -> rule (of the tables that publish it)
        self.var_rule = {}
        for t in self.plan["tables"]:
            names = list(t.get("variables", []))
            if "total" in t:
                names.append(t["total"]["variable"])
            names += [c["variable"] for c in t.get("categories", [])]
            for n in names:
                self.var_rule.setdefault(n, t["rule"])
        self.plan_rules = self.plan["rules"]
        self.derived = {d["name"]: d["sumOf"] for d in self.plan.get("derivedVariables", [])}
        self.wait = self.plan.get("waitClasses")

    def required(self, name):
        v = self.report_vars.get(name)
        return v is not None and v.get("required", True)

    def is_integer(self, name):
        v = self.report_vars.get(name)
        if v is not None:
            return v.get("type") == "integer"
        if name in self.derived:
            return all(self.is_integer(p) for p in self.derived[name])
        if self.wait and (name == self.wait["total"] or name == self.wait["censored"]
                          or name in [c["variable"] for c in self.wait["classes"]]):
            return True  # counts of detail rows
        if name == "nb_services":
            return True
        return False

    def rule_of(self, name):
        r = self.var_rule.get(name)
        return (r, self.plan_rules.get(r, {})) if r else (None, {})


def load_folder(folder):
    cells = {}
    service_dept = {}
    with open(os.path.join(folder, "tableaux.csv"), encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            cid = "|".join((row["variable"], row["niveau"], row["code"]))
            value = row["valeur"].strip()
            statut = row["statut"].strip()
            letter = None
            if statut in ("A", "B", "F", "D"):   # an older file's letters: hidden, and information
                letter, statut = statut, "S"
            val = None
            if statut in ("V", "Z"):
                val = float(value.replace(",", ".")) if value else None
            elif statut == "ND":   # nobody answered where services are expected: the totals,
                val = 0.0          # which cover the respondents only, count the unit 0
            entry = cells.get(cid)
            if entry is None:
                cells[cid] = {"var": row["variable"], "level": row["niveau"], "code": row["code"],
                              "statut": statut, "value": val, "raw": value, "letter": letter,
                              "indicator": row["variable"] == row["table"] and not row["categorie"],
                              "tables": {row["table"]}}
            else:
                entry["tables"].add(row["table"])
                if entry["statut"] != statut or entry["value"] != val:
                    print(f"warning: {cid} published twice with different values", file=sys.stderr)
            if row["niveau"] == "service" and row.get("departement"):
                service_dept[row["code"]] = row["departement"]
    structure = load_json(os.path.join(folder, "structure.json"))
    audit = load_json(os.path.join(folder, "audit.json"))
    return cells, structure, audit, service_dept


# ----------------------------------------------------------------------------- the model

class Model:
    """Unknowns (hidden cells, auxiliary unknowns) and rows lo <= sum(coef x) <= hi, each of a kind."""

    def __init__(self, contracts, cells):
        self.c = contracts
        self.cells = cells
        self.index = {}      # key -> column
        self.keys = []
        self.lb, self.ub, self.integer, self.is_target = [], [], [], []
        self.rows = []       # (coefs dict, lo, hi, kind)
        self.violations = defaultdict(int)
        self.max_violation = defaultdict(float)
        self.units = {(e["level"], e["code"]) for e in cells.values()}
        self.nsvc = {}
        for (level, code) in self.units:
            if level == "service":
                self.nsvc[(level, code)] = 1.0
            else:
                e = cells.get(f"nb_services|{level}|{code}")
                self.nsvc[(level, code)] = e["value"] if e and e["value"] is not None else (0.0 if e and e["statut"] in ("Z", "ND") else None)
                # a plan that imputes non-respondents publishes how many: they are services behind the figures
                imputed = cells.get(f"nb_services_imputes|{level}|{code}")
                if self.nsvc[(level, code)] is not None and imputed and imputed["value"]:
                    self.nsvc[(level, code)] += imputed["value"]
        for cid, e in cells.items():
            if e["statut"] == "S" and not e["indicator"]:
                self.column(cid, target=True)

    def column(self, key, target=False, lb=0.0, ub=INF, integer=None):
        if key in self.index:
            return self.index[key]
        j = len(self.keys)
        self.index[key] = j
        self.keys.append(key)
        self.lb.append(lb)
        self.ub.append(ub)
        var = key.split("|")[0].replace("aux:", "")
        self.integer.append(self.c.is_integer(var) if integer is None else integer)
        self.is_target.append(target)
        return j

    def term(self, var, level, code, aux=True):
        """-> ('const', value, tol) | ('var', column) | None."""
        cid = f"{var}|{level}|{code}"
        e = self.cells.get(cid)
        if e is not None and not e["indicator"] or (e is not None and var == "nb_services"):
            if e["statut"] == "S":
                return ("var", self.column(cid, target=True))
            value = e["value"] if e["value"] is not None else 0.0
            tol = 0.0 if self.c.is_integer(var) else ROUND_TOL
            return ("const", value, tol)
        if var == "nb_services" and level == "service":
            return ("const", 1.0, 0.0)
        if not aux:
            return None
        n = self.nsvc.get((level, code))
        if n is None:
            return None
        if n == 0:
            return ("const", 0.0, 0.0)
        meta = self.c.report_vars.get(var, {})
        lb = float(meta.get("minimum", 0.0)) * n if self.c.required(var) else 0.0
        ub = float(meta["maximum"]) * n if "maximum" in meta and self.c.required(var) else INF
        if var in self.c.derived:
            lb, ub = 0.0, INF
        elif var not in self.c.report_vars:
            return None
        return ("var", self.column(f"aux:{cid}", lb=max(lb, 0.0), ub=ub))

    def add(self, kind, terms, lo, hi, level, code, aux=True):
        """terms: [(coef, var)] at unit (level, code); lo <= sum <= hi."""
        coefs, const, tol = {}, 0.0, 0.0
        for coef, var in terms:
            t = self.term(var, level, code, aux)
            if t is None:
                return False
            if t[0] == "const":
                const += coef * t[1]
                tol += abs(coef) * t[2]
            else:
                coefs[t[1]] = coefs.get(t[1], 0.0) + coef
        self.add_row(kind, coefs, lo - const, hi - const, tol)
        return True

    def add_row(self, kind, coefs, lo, hi, tol=0.0):
        coefs = {j: a for j, a in coefs.items() if a != 0}
        scale = max([1.0] + [abs(lo) if lo > -INF else 0.0, abs(hi) if hi < INF else 0.0])
        slack = tol + 1e-9 * scale
        if not coefs:
            if lo - slack > 1e-6 * scale or hi + slack < -1e-6 * scale:
                excess = max(lo - slack, -(hi + slack))
                self.violations[kind] += 1
                self.max_violation[kind] = max(self.max_violation[kind], excess)
            return
        self.rows.append((coefs, lo - slack if lo > -INF else -INF, hi + slack if hi < INF else INF, kind))


def published_equations_exact(cells, structure):
    """Do the equations whose cells are all published hold exactly? Then values are not rounded."""
    for system in structure["systemes"]:
        ids = system["cellules"]
        for eq in system["equations"]:
            es = [cells[ids[k]] for k in eq]
            if any(e["statut"] == "S" for e in es):
                continue
            values = [e["value"] or 0.0 for e in es]
            if abs(values[0] - sum(values[1:])) > 1e-6 * max(1.0, abs(values[0])):
                return False
    return True


def build(contracts, cells, structure, audit, use_audit, extras=frozenset()):
    global ROUND_TOL
    if published_equations_exact(cells, structure):
        ROUND_TOL = 0.0
    m = Model(contracts, cells)
    c = contracts
    units = sorted(m.units)
    kinds_declared = defaultdict(int)

    # equations of structure.json
    for system in structure["systemes"]:
        ids = system["cellules"]
        for eq in system["equations"]:
            total, parts = ids[eq[0]], [ids[k] for k in eq[1:]]
            coefs, const, tol = {}, 0.0, 0.0
            for sign, cid in [(1.0, total)] + [(-1.0, p) for p in parts]:
                e = cells[cid]
                if e["statut"] == "S":
                    j = m.column(cid, target=True)
                    coefs[j] = coefs.get(j, 0.0) + sign
                else:
                    const += sign * (e["value"] or 0.0)
                    tol += 0.0 if c.is_integer(e["var"]) else ROUND_TOL
            m.add_row("equations", coefs, -const, -const, tol)
            kinds_declared["equations"] += 1

    # zeros are published / catalog bounds on hidden cells
    for cid, e in cells.items():
        if e["statut"] != "S" or e["indicator"]:
            continue
        j = m.index[cid]
        rule, spec = c.rule_of(e["var"])
        if spec.get("basis") == "value":
            m.add_row("nonzero", {j: 1.0}, 1.0, INF)
            kinds_declared["nonzero"] += 1
            # An older file's letters: A says 1 … threshold − 1, D says at least the threshold.
            if e.get("letter") == "A":
                m.add_row("letters", {j: 1.0}, -INF, spec["threshold"] - 1)
                kinds_declared["letters"] += 1
            elif e.get("letter") == "D":
                m.add_row("letters", {j: 1.0}, spec["threshold"], INF)
                kinds_declared["letters"] += 1
        if c.required(e["var"]):
            meta = c.report_vars[e["var"]]
            n = m.nsvc.get((e["level"], e["code"]))
            if n is not None:
                lo = float(meta.get("minimum", 0.0)) * n
                hi = float(meta["maximum"]) * n if "maximum" in meta else INF
                if lo > 0 or hi < INF:
                    m.add_row("catalog", {j: 1.0}, lo, hi)
                    kinds_declared["catalog"] += 1

    # summable rules of the report
    usable = []
    for rule in c.rules:
        if rule.get("severity") != "error" or rule.get("table") != c.report_table or "when" in rule:
            continue
        if rule.get("kind") == "detail-count" or "check" not in rule:
            continue
        try:
            coefs, const, op = parse_comparison(rule["check"])
        except Unsupported:
            continue
        if not coefs or not all(c.required(v) for v in coefs):
            continue
        usable.append((rule["id"], coefs, const, op))
    for (level, code) in units:
        n = m.nsvc.get((level, code))
        if n is None:
            continue
        for rid, coefs, const, op in usable:
            terms = list((a, v) for v, a in coefs.items())
            k = -const * n            # sum over n services of (expr + const) OP 0
            strict = op in ("<", ">")
            allint = all(c.is_integer(v) and float(a).is_integer() for v, a in coefs.items())
            lo, hi = {"=": (k, k), "<=": (-INF, k), "<": (-INF, k), ">=": (k, INF), ">": (k, INF)}[op]
            if strict and allint:
                lo, hi = (lo + n, hi) if op == ">" else (lo, hi - n)
            if m.add("rules", terms, lo, hi, level, code):
                kinds_declared["rules"] += 1

    # derived variables
    for name, parts in c.derived.items():
        for (level, code) in units:
            if m.nsvc.get((level, code)) is None:
                continue
            if m.add("derived", [(1.0, name)] + [(-1.0, p) for p in parts], 0.0, 0.0, level, code):
                kinds_declared["derived"] += 1

    # indicators
    hidden_indicators = []
    thresholds = {}
    if c.wait:
        rule, spec = c.rule_of(c.wait["total"])
        thresholds["wait"] = spec.get("threshold", 1) if spec.get("basis") == "value" else 1
    for ind in c.plan.get("indicators", []):
        kind = ind["kind"]
        for (level, code) in units:
            e = cells.get(f"{ind['id']}|{level}|{code}")
            if e is None:
                continue
            if kind in ("share", "ratio"):
                k = 100.0 if kind == "share" else 1.0
                num, den = ind["numerator"], ind["denominator"]
                if e["statut"] == "V":
                    r = e["value"]
                    t = [(k, v) for v in num]
                    m.add("indicators", t + [(-(r + HALF), den)], -INF, 0.0, level, code)
                    m.add("indicators", t + [(-(r - HALF), den)], 0.0, INF, level, code)
                    kinds_declared["indicators"] += 2
                elif e["statut"] == "Z":
                    m.add("indicators", [(1.0, den)], 0.0, 0.0, level, code)
                    kinds_declared["indicators"] += 1
                elif e["statut"] == "S":
                    hidden_indicators.append((ind, level, code, k))
            elif kind in ("wait-mean", "wait-median") and c.wait:
                classes = c.wait["classes"]
                lows, highs, low = [], [], 0.0
                for cl in classes:
                    lows.append(low)
                    if "upTo" in cl:
                        highs.append(float(cl["upTo"]) - 1.0)
                        low = float(cl["upTo"])
                    else:
                        highs.append(INF)
                names = [cl["variable"] for cl in classes]
                thr = thresholds["wait"]
                if kind == "wait-mean":
                    started = [(1.0, v) for v in names]
                    if e["statut"] == "V":
                        mu = e["value"]
                        m.add("wait-mean", [(lows[i], names[i]) for i in range(len(names))]
                              + [(-(mu + HALF), v) for v in names], -INF, 0.0, level, code)
                        unbounded = [i for i in range(len(names)) if highs[i] == INF]
                        if all((cells.get(f"{names[i]}|{level}|{code}") or {}).get("value") == 0.0
                               and cells.get(f"{names[i]}|{level}|{code}", {}).get("statut") in ("V", "Z")
                               for i in unbounded):
                            m.add("wait-mean", [(highs[i], names[i]) for i in range(len(names)) if i not in unbounded]
                                  + [(-(mu - HALF), v) for v in names], 0.0, INF, level, code)
                        m.add("wait-mean", started, thr, INF, level, code)
                        kinds_declared["wait-mean"] += 2
                    elif e["statut"] == "Z":
                        m.add("wait-mean", started, -INF, thr - 1, level, code)
                        kinds_declared["wait-mean"] += 1
                else:
                    total = c.wait["total"]
                    if e["statut"] == "V":
                        med = e["value"]
                        below = [v for v, h in zip(names, highs) if h < med - HALF]
                        reach = [v for v, l in zip(names, lows) if l <= med + HALF] + [c.wait["censored"]]
                        if below:
                            m.add("wait-median", [(1.0, v) for v in below] + [(-0.5, total)], -INF, 0.0, level, code)
                        m.add("wait-median", [(1.0, v) for v in reach] + [(-0.5, total)], 0.0, INF, level, code)
                        m.add("wait-median", [(1.0, total)], thr, INF, level, code)
                        kinds_declared["wait-median"] += 3
                    elif e["statut"] == "Z":
                        m.add("wait-median", [(1.0, total)], -INF, thr - 1, level, code)
                        kinds_declared["wait-median"] += 1

    # detail-count rules covering every value of an enum of a detail table
    if c.wait:
        groups = defaultdict(dict)
        for rule in c.rules:
            if rule.get("kind") != "detail-count" or rule.get("severity") != "error" or "when" in rule:
                continue
            mt = re.fullmatch(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*'([^']*)'\s*", rule.get("count", ""))
            if not mt:
                continue
            groups[(rule["detail"], mt.group(1))][mt.group(2)] = rule["equals"]
        for (detail, field), by_value in groups.items():
            enum = c.detail_tables.get(detail, {}).get(field, {}).get("enum")
            if not enum or set(enum) - set(by_value):
                continue
            eq_vars = [by_value[v] for v in enum]
            if not all(c.required(v) for v in eq_vars):
                continue
            for (level, code) in units:
                if m.nsvc.get((level, code)) is None:
                    continue
                if m.add("detail-count", [(1.0, c.wait["total"])] + [(-1.0, v) for v in eq_vars],
                         -INF, 0.0, level, code, aux=(level == "service")):
                    kinds_declared["detail-count"] += 1

    if "dominance" in extras:
        add_dominance_facts(m, contracts, cells, structure, kinds_declared)
    if "detail-rows" in extras:
        add_detail_rows_facts(m, contracts, units, kinds_declared)
    if "plausibility" in extras:
        add_plausibility_facts(m, contracts, units, kinds_declared)

    # the publisher's own intervals (optional)
    if use_audit:
        for s in audit.get("secretes", []):
            j = m.index.get(s["cellule"])
            if j is None:
                continue
            lo, hi = s["intervalle"]
            m.add_row("audit", {j: 1.0}, float(lo), INF if hi is None else float(hi))
            kinds_declared["audit"] += 1
    return m, hidden_indicators, kinds_declared


# ----------------------------------------------------------------------------- extra knowledge (--extra)

def hierarchy(cells, structure):
    """unit -> set of units below it (transitively), read from the equations of structure.json."""
    rank = {l: i for i, l in enumerate(LEVELS)}
    children = defaultdict(set)
    for system in structure["systemes"]:
        ids = system["cellules"]
        for eq in system["equations"]:
            t = cells[ids[eq[0]]]
            for k in eq[1:]:
                p = cells[ids[k]]
                if p["var"] == t["var"] and rank[p["level"]] > rank[t["level"]]:
                    children[(t["level"], t["code"])].add((p["level"], p["code"]))
    below = {}

    def walk(u):
        if u not in below:
            below[u] = set()
            for ch in children.get(u, ()):
                below[u].add(ch)
                below[u] |= walk(ch)
        return below[u]

    for u in list(children):
        walk(u)
    return below


def add_dominance_facts(m, c, cells, structure, declared):
    """A cell published under a rule with a dominance (n, k%) has its n largest contributions
    holding at most k% of it: a hidden unit below it with at most n services is <= k% of it.
    (The rule's contributors threshold is not used: this publisher counts a responding service that
    reports 0 as a contributor, so a published cell says nothing about nonzero contributions.)"""
    below = hierarchy(cells, structure)
    for cid, e in cells.items():
        if e["statut"] != "V" or e["indicator"] or not e["value"]:
            continue
        rule, spec = c.rule_of(e["var"])
        dom = spec.get("dominance")
        if not dom:
            continue
        for d in below.get((e["level"], e["code"]), ()):
            key = f"{e['var']}|{d[0]}|{d[1]}"
            dc = cells.get(key)
            n_d = m.nsvc.get(d)
            if dc is None or dc["statut"] != "S" or n_d is None or n_d > dom["contributors"]:
                continue
            m.add_row("dominance", {m.index[key]: 1.0}, -INF, dom["percent"] / 100.0 * e["value"])
            declared["dominance"] += 1


def add_detail_rows_facts(m, c, units, declared):
    """What the detail rows say, summed at every unit. The detail-count rules covering every value
    of a detail enum give, for a service that sent its detail, its number of rows (Σ cover = the
    measures treated); a service that did not send it has no row. Every row without a first visit
    is in the censored class ("sans première visite"), and so is every row counted by a rule
    "F = 'v' and empty(date_premier_rdv)" and every row of "F = 'v'" when a row rule says "when
    F = 'v' check empty(date_premier_rdv)" (here: en attente, jamais commencées). So, at every unit,
        censored >= Σ those variables - (Σ cover - detail total)
    the last term bounding what the services without detail hold of them (read from the labels: a
    measure en attente is a measure en cours, so for every service en attente <= en cours). Where
    the detail total equals Σ cover (nb_mesures_detail = nb_mesures_traitees) every service with
    a measure sent its detail and the bracket is 0. Also "F = 'v' and C" <= "F = 'v'"."""
    if not c.wait:
        return
    total, censored = c.wait["total"], c.wait["censored"]
    groups = defaultdict(dict)
    empty_rdv = []        # variables whose rows all have an empty first-visit date
    when_empty = set()    # (field, value) whose rows have an empty first-visit date
    subsets = []          # (variable counting "F = 'v' and ...", F, v): <= the variable counting "F = 'v'"
    for rule in c.rules:
        if rule.get("severity") != "error":
            continue
        mt = re.fullmatch(r"\s*(\w+)\s*=\s*'([^']*)'\s*", rule.get("when", ""))
        if mt and re.fullmatch(r"\s*empty\(date_premier_rdv\)\s*", rule.get("check", "")):
            when_empty.add((mt.group(1), mt.group(2)))
    for rule in c.rules:
        if rule.get("kind") != "detail-count" or rule.get("severity") != "error":
            continue
        count = rule.get("count", "")
        mt = re.fullmatch(r"\s*(\w+)\s*=\s*'([^']*)'\s*", count)
        if mt:
            groups[mt.group(1)][mt.group(2)] = rule["equals"]
            continue
        mt = re.fullmatch(r"\s*(\w+)\s*=\s*'([^']*)'\s+and\s+empty\(date_premier_rdv\)\s*", count)
        if mt:
            empty_rdv.append(rule["equals"])
            subsets.append((rule["equals"], mt.group(1), mt.group(2)))
    for field, by_value in groups.items():
        for value, var in by_value.items():
            if (field, value) in when_empty:
                empty_rdv.append(var)
    cover = None
    for d, vs in c.detail_tables.items():
        for field, meta in vs.items():
            enum = meta.get("enum")
            if enum and field in groups and not set(enum) - set(groups[field]):
                cover = [groups[field][v] for v in enum]
    if not cover or not empty_rdv:
        return
    for (level, code) in units:
        if m.nsvc.get((level, code)) is None:
            continue
        terms = [(1.0, censored), (-1.0, total)] + [(1.0, v) for v in cover] + [(-1.0, v) for v in empty_rdv]
        if m.add("detail-rows", terms, 0.0, INF, level, code, aux=(level == "service")):
            declared["detail-rows"] += 1
        for var, field, value in subsets:
            whole = groups.get(field, {}).get(value)
            if whole and m.add("detail-rows", [(1.0, whole), (-1.0, var)], 0.0, INF, level, code,
                               aux=(level == "service")):
                declared["detail-rows"] += 1


def add_plausibility_facts(m, c, units, declared):
    """Warnings, as a reader may assume: plausibility rules (severity warning, no 'when') summed at
    every unit; abs(X) <= Y read as X <= Y and -X <= Y. Not certain: a warning may be accepted."""
    for rule in c.rules:
        if rule.get("severity") != "warning" or rule.get("table") != c.report_table or "when" in rule:
            continue
        check = rule.get("check", "")
        forms = []
        mt = re.fullmatch(r"\s*abs\((.*)\)\s*<=\s*(.*)", check)
        try:
            if mt:
                forms.append(parse_comparison(f"{mt.group(1)} <= {mt.group(2)}"))
                forms.append(parse_comparison(f"-({mt.group(1)}) <= {mt.group(2)}"))
            else:
                forms.append(parse_comparison(check))
        except Unsupported:
            continue
        for coefs, const, op in forms:
            if not all(c.required(v) for v in coefs):
                continue
            for (level, code) in units:
                n = m.nsvc.get((level, code))
                if n is None:
                    continue
                k = -const * n
                lo, hi = {"=": (k, k), "<=": (-INF, k), "<": (-INF, k), ">=": (k, INF), ">": (k, INF)}[op]
                if m.add("plausibility", [(a, v) for v, a in coefs.items()], lo, hi, level, code):
                    declared["plausibility"] += 1



# ----------------------------------------------------------------------------- solving

# ----------------------------------------------------------------------------- two folders

PREVIOUS = "avant:"      # the previous folder's unknowns
DIFFERENCE = "ecart:"    # what changed between the two, at a unit that gained or lost services


def merge_precedent(contracts, new, olds):
    """One model of several folders of the same campaign: the new one and those it replaces.

    `olds` are the earlier folders, most recent first. Each folder keeps every fact of its own (its
    unknowns prefixed "avant:" for the first earlier one, "avant2:", "avant3:"... for the next).
    Between every two of them, the reader compares nb_services unit by unit and assumes what the
    revision note says: services were added (late reports) or removed, not corrected in place. Then
    a cell whose unit has the same services is the same in both ("precedent" facts), and where a
    unit gained services the newer value is at least the older one. The difference at a unit that
    gained fewer services than its rule's threshold (or under a rule on values) is the late
    services' own figure: it becomes a target "ecart:<cell>" (between the new folder and the first
    earlier one; "ecart:<i>-<j>:<cell>" between folders i and j, 0 the new one), held like a hidden
    cell. A published value that changed at a unit with the same services shows as a violated
    "precedent" fact: the assumption is wrong there.
    Returns the model and the difference targets {key: (rule basis, threshold, services gained,
    the newer folder's cell key)}.
    """
    m = Model(contracts, {})
    m.cells, m.units, m.nsvc = new.cells, new.units, new.nsvc

    def copy(src, prefix):
        remap = {}
        for j, key in enumerate(src.keys):
            remap[j] = m.column(prefix + key, target=src.is_target[j], lb=src.lb[j], ub=src.ub[j],
                                integer=src.integer[j])
        for coefs, lo, hi, kind in src.rows:
            m.rows.append(({remap[j]: a for j, a in coefs.items()}, lo, hi, kind))
        for kind, count in src.violations.items():
            m.violations[kind] += count
            m.max_violation[kind] = max(m.max_violation[kind], src.max_violation[kind])

    folders = [("", new)] + [(previous_prefix(n), old) for n, old in enumerate(olds)]
    for prefix, folder in folders:
        copy(folder, prefix)
    differences = {}
    for newer in range(len(folders)):
        for older in range(newer + 1, len(folders)):
            tag = "" if (newer, older) == (0, 1) else f"{newer}-{older}:"
            compare(contracts, m, folders[newer], folders[older], tag, differences)
    return m, differences


def previous_prefix(n):
    """The prefix of the unknowns of the n-th earlier folder (0: the most recent)."""
    return PREVIOUS if n == 0 else f"avant{n + 1}:"


def compare(contracts, m, newer, older, tag, differences):
    """The precedent facts and difference targets between two folders of `m` (see merge_precedent)."""
    (new_prefix, new), (old_prefix, old) = newer, older
    for cid, e in new.cells.items():
        before = old.cells.get(cid)
        if before is None or e["indicator"] or before["indicator"] or e["level"] == "service":
            continue
        unit = (e["level"], e["code"])
        now_n, before_n = new.nsvc.get(unit), old.nsvc.get(unit)
        if now_n is None or before_n is None:
            continue
        coefs, const = {}, 0.0
        for sign, entry, prefix in ((1.0, e, new_prefix), (-1.0, before, old_prefix)):
            if entry["statut"] == "S":
                j = m.index[prefix + cid]
                coefs[j] = coefs.get(j, 0.0) + sign
            else:
                const += sign * (entry["value"] or 0.0)
        tol = 0.0 if contracts.is_integer(e["var"]) else 2 * ROUND_TOL
        gained = now_n - before_n
        if gained == 0:
            m.add_row("precedent", coefs, -const, -const, tol)
            continue
        # newer - older >= 0 where services were added, <= 0 where they left
        if gained > 0:
            m.add_row("precedent", coefs, -const, INF, tol)
        else:
            m.add_row("precedent", coefs, -INF, -const, tol)
        spec = contracts.rule_of(e["var"])[1]
        basis, threshold = spec.get("basis"), spec.get("threshold", 0)
        if basis == "value" or (basis == "contributors" and abs(gained) < threshold):
            key = DIFFERENCE + tag + cid
            j = m.column(key, target=True, lb=0.0, integer=contracts.is_integer(e["var"]))
            sign = 1.0 if gained > 0 else -1.0   # the difference counted from the side that has more
            row = {k: -sign * a for k, a in coefs.items()}
            row[j] = row.get(j, 0.0) + 1.0
            m.add_row("precedent", row, sign * const, sign * const, tol)
            differences[key] = (basis, threshold, abs(gained), new_prefix + cid)


def components(m):
    """Connected blocks of unknowns tied by a row; only those holding a hidden cell."""
    parent = list(range(len(m.keys)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for coefs, lo, hi, kind in m.rows:
        cols = list(coefs)
        for j in cols[1:]:
            a, b = find(cols[0]), find(j)
            if a != b:
                parent[a] = b
    comp = defaultdict(list)
    for j in range(len(m.keys)):
        comp[find(j)].append(j)
    rows_of = defaultdict(list)
    for r, (coefs, lo, hi, kind) in enumerate(m.rows):
        rows_of[find(next(iter(coefs)))].append(r)
    blocks = [(cols, rows_of[root]) for root, cols in comp.items() if any(m.is_target[j] for j in cols)]
    return sorted(blocks, key=lambda cr: -len(cr[0]))


class Block:
    """One connected block as an LP; knowledge kinds can be left out."""

    def __init__(self, m, cols, rows, without=frozenset()):
        from scipy.sparse import vstack
        self.cols = cols
        pos = {j: i for i, j in enumerate(cols)}
        n = len(cols)
        lb = np.array([m.lb[j] for j in cols], dtype=float)
        ub = np.array([m.ub[j] for j in cols], dtype=float)
        data, ri, ci, rlo, rhi = [], [], [], [], []
        self.kinds = set()
        for r in rows:
            coefs, lo, hi, kind = m.rows[r]
            if kind in without:
                continue
            self.kinds.add(kind)
            if len(coefs) == 1:          # a fact on one cell is a bound of that cell
                (j, a), = coefs.items()
                lo2, hi2 = (lo / a, hi / a) if a > 0 else (hi / a, lo / a)
                lb[pos[j]] = max(lb[pos[j]], lo2)
                ub[pos[j]] = min(ub[pos[j]], hi2)
                continue
            for j, a in coefs.items():
                data.append(a)
                ri.append(len(rlo))
                ci.append(pos[j])
            rlo.append(lo)
            rhi.append(hi)
        self.lb, self.ub = lb, ub
        self.A = csr_matrix((data, (ri, ci)), shape=(len(rlo), n))
        self.rlo, self.rhi = np.array(rlo, dtype=float), np.array(rhi, dtype=float)
        self.integer = np.array([1 if m.integer[j] else 0 for j in cols])
        eq = self.rlo == self.rhi
        up = (~eq) & np.isfinite(self.rhi)
        dn = (~eq) & np.isfinite(self.rlo)
        self.A_eq = self.A[eq] if eq.any() else None
        self.b_eq = self.rhi[eq] if eq.any() else None
        if up.any() or dn.any():
            self.A_ub = vstack([self.A[up], -self.A[dn]]).tocsr()
            self.b_ub = np.concatenate([self.rhi[up], -self.rlo[dn]])
        else:
            self.A_ub = self.b_ub = None
        self.tighten()
        self.bounds = list(zip(self.lb, [u if np.isfinite(u) else None for u in self.ub]))
        self.last_x = None

    def tighten(self, rounds=30):
        """Bound propagation through the rows (each row bounds each of its cells by the others'
        bounds): valid bounds, loosened by 1e-9 relative, that let one LP solution prove other
        cells' optima (a cell found at such a bound is at its optimum)."""
        A = self.A.tocsr()
        if not A.shape[0]:
            return
        lb, ub = self.lb.copy(), self.ub.copy()
        for _ in range(rounds):
            changed = False
            for r in range(A.shape[0]):
                idx = A.indices[A.indptr[r]:A.indptr[r + 1]]
                a = A.data[A.indptr[r]:A.indptr[r + 1]]
                lo_t = np.where(a > 0, a * lb[idx], a * ub[idx])     # least of each term
                hi_t = np.where(a > 0, a * ub[idx], a * lb[idx])     # most of each term
                lo_inf = ~np.isfinite(lo_t)
                hi_inf = ~np.isfinite(hi_t)
                lo_sum = lo_t[~lo_inf].sum()
                hi_sum = hi_t[~hi_inf].sum()
                for k in range(len(idx)):
                    j, ak = idx[k], a[k]
                    # most of a_k x_k = rhi - least of others; least of a_k x_k = rlo - most of others
                    n_lo_inf = lo_inf.sum() - lo_inf[k]
                    n_hi_inf = hi_inf.sum() - hi_inf[k]
                    top = self.rhi[r] - (lo_sum - (0.0 if lo_inf[k] else lo_t[k])) if n_lo_inf == 0 else INF
                    bot = self.rlo[r] - (hi_sum - (0.0 if hi_inf[k] else hi_t[k])) if n_hi_inf == 0 else -INF
                    new_hi, new_lo = (top / ak, bot / ak) if ak > 0 else (bot / ak, top / ak)
                    if np.isfinite(new_hi):
                        new_hi += 1e-9 * max(1.0, abs(new_hi))
                        if new_hi < ub[j] - 1e-7 * max(1.0, abs(new_hi)):
                            ub[j] = new_hi
                            changed = True
                    if np.isfinite(new_lo):
                        new_lo -= 1e-9 * max(1.0, abs(new_lo))
                        if new_lo > lb[j] + 1e-7 * max(1.0, abs(new_lo)):
                            lb[j] = new_lo
                            changed = True
            if not changed:
                break
        self.lb, self.ub = lb, np.maximum(ub, lb)

    def many(self, c):
        """An LP over objective c (to settle many columns at once); None unless optimal."""
        res = linprog(c, A_ub=self.A_ub, b_ub=self.b_ub, A_eq=self.A_eq, b_eq=self.b_eq,
                      bounds=self.bounds, method="highs")
        if res.status == 2:
            raise RuntimeError("infeasible")
        if res.status != 0:
            return None
        self.last_x = res.x
        return res.fun

    def side(self, i, sign, integer=False):
        """min (sign 1) or max (sign -1) of column i: +-INF when unbounded, None when the MILP
        proves nothing in time; raises RuntimeError when the facts contradict each other."""
        if np.any(self.lb > self.ub + 1e-9):
            raise RuntimeError("contradictory bounds")
        c = np.zeros(len(self.cols))
        c[i] = sign
        if integer:
            cons = [LinearConstraint(self.A, self.rlo, self.rhi)] if self.A.shape[0] else []
            res = milp(c, constraints=cons, integrality=self.integer, bounds=Bounds(self.lb, self.ub),
                       options={"time_limit": 20.0})
            if res.status == 2:
                raise RuntimeError("infeasible")
            if res.status == 4:
                return -INF * sign
            if res.status != 0 or res.x is None:
                return None
            return sign * res.fun
        res = linprog(c, A_ub=self.A_ub, b_ub=self.b_ub, A_eq=self.A_eq, b_eq=self.b_eq,
                      bounds=self.bounds, method="highs")
        if res.status == 2:
            raise RuntimeError("infeasible")
        if res.status == 3:
            return -INF * sign
        if res.status != 0:
            raise RuntimeError(f"solver: {res.message}")
        self.last_x = res.x
        return sign * res.fun


def solve_targets(m, cols, rows, targets):
    """LP min/max of every target column of a block. A solution with a column at a valid bound of
    it (its box or propagated bound) proves that bound optimal: LPs over the sum of the columns not
    yet settled settle many at once, then one LP per column that is left."""
    b = Block(m, cols, rows)
    lo, hi = {}, {}

    def harvest(x):
        settled = 0
        for k in targets:
            if k not in lo and abs(x[k] - b.lb[k]) <= 1e-9 * max(1.0, abs(b.lb[k])):
                lo[k] = b.lb[k]
                settled += 1
            if k not in hi and np.isfinite(b.ub[k]) and abs(x[k] - b.ub[k]) <= 1e-9 * max(1.0, abs(b.ub[k])):
                hi[k] = b.ub[k]
                settled += 1
        return settled

    for sign, store, bound in ((1.0, lo, b.lb), (-1.0, hi, b.ub)):
        for _ in range(40):
            rest = [i for i in targets if i not in store and np.isfinite(bound[i])]
            if len(rest) < 4:
                break
            c = np.zeros(len(cols))
            c[rest] = sign / np.maximum(1.0, np.abs(bound[rest]))
            if b.many(c) is None or harvest(b.last_x) < max(2, len(rest) // 50):
                break
    for i in targets:
        for sign, store in ((1.0, lo), (-1.0, hi)):
            if i in store:
                continue
            store[i] = b.side(i, sign)
            if np.isfinite(store[i]):
                harvest(b.last_x)
    return lo, hi


# work shared with the forked workers
STATE = {}


def task_solve(task):
    bi, targets = task
    cols, rows = STATE["blocks"][bi]
    try:
        lo, hi = solve_targets(STATE["m"], cols, rows, targets)
        return bi, lo, hi, None
    except RuntimeError as error:
        return bi, {}, {}, f"block of {STATE['m'].keys[cols[0]]}: {error}"


def task_verdicts(task):
    """(block, [finding]) -> [(finding id, needs, uses)]: the kinds without which it disappears."""
    bi, items = task
    m = STATE["m"]
    cols, rows = STATE["blocks"][bi]
    present = sorted(Block(m, cols, rows).kinds, key=KINDS.index)
    cache, out = {}, []
    for f in items:
        needs = []
        for k in present:
            if k not in cache:
                cache[k] = Block(m, cols, rows, without={k})
            if not holds(f, cache[k], f["integer_mode"]):
                needs.append(k)
        if f["integer_mode"]:
            needs.append("integrality")
        out.append((f["id"], needs, [k for k in present if k not in needs]))
    return out


def task_milp(task):
    """(block, [candidate findings]) -> those that hold with whole numbers."""
    bi, items = task
    cols, rows = STATE["blocks"][bi]
    b = Block(STATE["m"], cols, rows)
    return [f for f in items if holds(f, b, True)]


def holds(f, b, integer_mode):
    """Does finding f (kind a, b or c) hold in block b? Only the sides it is about are solved."""
    i, kind = f["i"], f["kind"]
    try:
        if kind == "a":
            lo, hi = b.side(i, 1.0, integer_mode), b.side(i, -1.0, integer_mode)
            return lo is not None and hi is not None and exact(lo, hi, bool(b.integer[i]))
        if kind == "b":
            hi = b.side(i, -1.0, integer_mode)
            return hi is not None and below_threshold(hi, bool(b.integer[i]), f["threshold"])
        for side in f["sides"]:
            v = b.side(i, 1.0 if side == "lo" else -1.0, integer_mode)
            if v is not None and narrower(side, v, f["claim"]):
                return True
        return False
    except RuntimeError:
        return False


def run(fn, tasks, jobs):
    if jobs <= 1 or len(tasks) <= 1:
        return [fn(t) for t in tasks]
    import multiprocessing
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return list(pool.imap_unordered(fn, tasks, chunksize=1))


def split(bi, items, jobs, size):
    """Tasks of one block's items: whole when small, else at least 2 x jobs pieces of <= size."""
    if len(items) <= size:
        return [(bi, items)] if items else []
    size = max(1, min(size, math.ceil(len(items) / (2 * jobs))))
    return [(bi, items[k:k + size]) for k in range(0, len(items), size)]


# ----------------------------------------------------------------------------- verdicts

def whole_numbers(lo, hi):
    if hi is None or hi == INF:
        return INF
    return math.floor(hi + 1e-6) - math.ceil(lo - 1e-6) + 1


def exact(lo, hi, integer):
    if hi is None or hi == INF or lo == -INF:
        return False
    if integer:
        return whole_numbers(lo, hi) == 1
    return hi - lo <= 1e-6 * max(1.0, abs(hi))


def below_threshold(hi, integer, threshold):
    if hi == INF:
        return False
    return (math.floor(hi + 1e-6) if integer else hi + 1e-6) < threshold


def narrower(side, value, claim):
    """Is this bound narrower than audit.json's claim, by more than 1e-3 relative?"""
    alo, ahi = claim
    if side == "lo":
        return value > alo + 1e-3 * max(1.0, abs(alo))
    if ahi is None:
        return value < INF
    return value < ahi - 1e-3 * max(1.0, abs(ahi))


def round1(x):
    return math.floor(x * 10 + 0.5 + 1e-9) / 10


def fractional_range(b, cols, tnum, tden, k):
    """min and max of (k * sum num) / den over a block (Charnes-Cooper: y = t x, t >= 0)."""
    from scipy.sparse import hstack, vstack, identity
    pos = {j: i for i, j in enumerate(cols)}
    n = len(cols)
    p, q = np.zeros(n + 1), np.zeros(n + 1)
    for t in tnum:
        if t[0] == "const":
            p[n] += k * t[1]
        else:
            p[pos[t[1]]] += k
    if tden[0] == "const":
        q[n] += tden[1]
    else:
        q[pos[tden[1]]] += 1.0
    ident = identity(n, format="csr")
    rows_ub = [hstack([-ident, csr_matrix(b.lb.reshape(-1, 1))])]          # y >= lb t
    if b.A_ub is not None:
        rows_ub.append(hstack([b.A_ub, csr_matrix(-b.b_ub.reshape(-1, 1))]))
    fin = np.isfinite(b.ub)
    if fin.any():
        rows_ub.append(hstack([ident[fin], csr_matrix(-b.ub[fin].reshape(-1, 1))]))
    A_ub = vstack(rows_ub).tocsr()
    eqs, beq = [csr_matrix(q.reshape(1, -1))], [1.0]
    if b.A_eq is not None:
        eqs.append(hstack([b.A_eq, csr_matrix(-b.b_eq.reshape(-1, 1))]))
        beq += [0.0] * b.A_eq.shape[0]
    out = []
    for sign in (1.0, -1.0):
        res = linprog(sign * p, A_ub=A_ub, b_ub=np.zeros(A_ub.shape[0]), A_eq=vstack(eqs).tocsr(),
                      b_eq=np.array(beq), bounds=[(None, None)] * n + [(0, None)], method="highs")
        out.append(sign * res.fun if res.status == 0 else (0.0 if sign > 0 else INF))
    return out[0], out[1]


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--schemas", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Schemas", "v1"))
    ap.add_argument("--milp", action="store_true", help="redo (a) and (b) with whole numbers for flagged or near cells")
    ap.add_argument("--extra", default="dominance,detail-rows", metavar="KINDS",
                    help="comma-separated extra knowledge: dominance, detail-rows (read from the contracts and labels; "
                         "the default, as the publisher now models them), plausibility (likely only), all, or '' for none")
    ap.add_argument("--use-audit", action="store_true", help="also use audit.json's intervals as facts")
    ap.add_argument("--precedent", metavar="FOLDER", action="append",
                    help="a publication of the same campaign that FOLDER replaces: attack them together "
                         "(each one's hidden cells, and what late services added between any two); "
                         "repeat it for every earlier publication, most recent first")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--dump-intervals", metavar="FILE",
                    help="debugging: write every interval found (reveals bounds of hidden cells)")
    args = ap.parse_args()
    started = time.time()

    try:
        cells, structure, audit, _ = load_folder(args.folder)
        survey = structure["enquete"]
        contracts = Contracts(args.schemas, survey)
    except (OSError, KeyError, ValueError) as error:
        print(f"independent attack: cannot read {args.folder}: {error}", file=sys.stderr)
        return 2
    extras = set(EXTRAS) if args.extra == "all" else {x for x in args.extra.split(",") if x}
    if extras - set(EXTRAS):
        print(f"independent attack: unknown --extra {','.join(sorted(extras - set(EXTRAS)))}", file=sys.stderr)
        return 2

    m, hidden_indicators, declared = build(contracts, cells, structure, audit, args.use_audit, extras)
    differences = {}
    claims = {s["cellule"]: s["intervalle"] for s in audit.get("secretes", [])}
    if args.precedent:
        olds = []
        for number, path in enumerate(args.precedent):
            try:
                old_cells, old_structure, old_audit, _ = load_folder(path)
            except (OSError, KeyError, ValueError) as error:
                print(f"independent attack: cannot read {path}: {error}", file=sys.stderr)
                return 2
            if old_structure["enquete"] != survey:
                print(f"independent attack: {path} is another survey", file=sys.stderr)
                return 2
            old, _, old_declared = build(contracts, old_cells, old_structure, old_audit, args.use_audit, extras)
            olds.append(old)
            for kind, count in old_declared.items():
                declared[kind] += count
            prefix = previous_prefix(number)
            cells = dict(cells)
            for cid, e in old_cells.items():
                cells[prefix + cid] = e
            for s_ in old_audit.get("secretes", []):
                claims[prefix + s_["cellule"]] = s_["intervalle"]
        m, differences = merge_precedent(contracts, m, olds)
        declared["precedent"] = sum(1 for row in m.rows if row[3] == "precedent")
        for key, (_, _, _, source) in differences.items():
            cells[key] = cells[source]
        print(f"  with {', '.join(args.precedent)}, the publication(s) it replaces (most recent first): "
              f"{len(differences)} differences at units that gained or lost services")
    blocks = components(m)
    STATE.update(m=m, blocks=blocks)
    n_targets = sum(m.is_target)
    print(f"{survey}: {len(cells)} cells, {n_targets} hidden counts and magnitudes, "
          f"{len(hidden_indicators)} hidden indicators; {len(m.keys) - n_targets} auxiliary unknowns, "
          f"{len(m.rows)} rows in {len(blocks)} blocks (largest {max((len(c) for c, r in blocks), default=0)} unknowns)")
    print(f"  published values taken as {'exact (every fully published equation holds)' if ROUND_TOL == 0 else 'rounded to 2 decimals'}")
    print("  facts: " + ", ".join(f"{k} {declared[k]}" for k in KINDS if declared.get(k)))
    for kind, count in m.violations.items():
        print(f"  warning: {count} fully published facts of kind {kind} do not hold "
              f"(worst by {m.max_violation[kind]:.4g}): the model of that kind may be wrong")

    # LP min and max of every hidden cell
    tasks = []
    for bi, (cols, rows) in enumerate(blocks):
        tasks += split(bi, [i for i, j in enumerate(cols) if m.is_target[j]], args.jobs, 60)
    lo_all, hi_all, where = {}, {}, {}
    for bi, lo, hi, error in run(task_solve, tasks, args.jobs):
        if error:
            print("  error: " + error)
        cols = blocks[bi][0]
        for i in lo:
            lo_all[cols[i]], hi_all[cols[i]], where[cols[i]] = lo[i], hi[i], (bi, i)
    lp_time = time.time() - started

    # findings
    findings = []

    def finding(kind, key, j, **extra):
        f = dict(extra, kind=kind, key=key, j=j, bi=where[j][0], i=where[j][1], id=len(findings))
        f.setdefault("integer_mode", False)
        findings.append(f)

    for j, key in enumerate(m.keys):
        if not m.is_target[j] or j not in lo_all:
            continue
        lo, hi, integer = lo_all[j], hi_all[j], m.integer[j]
        spec = contracts.rule_of(cells[key]["var"])[1]
        thr = spec.get("threshold", 0) if spec.get("basis") == "value" else 0
        if key in differences and differences[key][0] == "value":
            # what late services added under a rule on values: secret only when small and not zero
            # (a zero is published, and a value at or above the threshold would be)
            if exact(lo, hi, integer) and 0.5 <= hi < thr:
                finding("a", key, j)
            if lo >= 0.5 and below_threshold(hi, integer, thr):
                finding("b", key, j, threshold=thr)
            continue
        if exact(lo, hi, integer):
            finding("a", key, j)
        if thr and below_threshold(hi, integer, thr):
            finding("b", key, j, threshold=thr)
        if key in claims:
            sides = [s for s, v in (("lo", lo), ("hi", hi)) if narrower(s, v, claims[key])]
            if sides:
                finding("c", key, j, sides=sides, claim=claims[key])

    milp_checked = 0
    if args.milp:
        # whole numbers, for the counts near a finding: at most 3 whole numbers in the LP
        # interval, or a count under a rule on values whose LP max is below its threshold + 2
        flagged = {(f["kind"], f["key"]) for f in findings}
        candidates = defaultdict(list)
        for j, key in enumerate(m.keys):
            if not m.is_target[j] or j not in lo_all or not m.integer[j]:
                continue
            spec = contracts.rule_of(cells[key]["var"])[1]
            thr = spec.get("threshold", 0) if spec.get("basis") == "value" else 0
            bi, i = where[j]
            if whole_numbers(lo_all[j], hi_all[j]) <= 3 and ("a", key) not in flagged:
                candidates[bi].append(dict(kind="a", key=key, j=j, i=i))
            if thr and hi_all[j] < thr + 2 and ("b", key) not in flagged:
                candidates[bi].append(dict(kind="b", key=key, j=j, i=i, threshold=thr))
        mtasks = []
        for bi, items in candidates.items():
            milp_checked += len({f["key"] for f in items})
            mtasks += split(bi, items, args.jobs, 10)
        for held in run(task_milp, mtasks, args.jobs):
            for f in held:
                extra = {k: v for k, v in f.items() if k not in ("kind", "key", "j", "i")}
                finding(f["kind"], f["key"], f["j"], integer_mode=True, **extra)

    # hidden indicators: is their published value (one decimal) determined?
    indicator_findings = []
    block_cache = {}
    for ind, level, code, k in hidden_indicators:
        tnum = [m.term(v, level, code, aux=False) for v in ind["numerator"]]
        tden = m.term(ind["denominator"], level, code, aux=False)
        if tden is None or any(t is None for t in tnum):
            continue
        hidden = {t[1] for t in tnum + [tden] if t[0] == "var"}
        if not hidden <= set(where):
            continue
        used = {where[j][0] for j in hidden}
        if len(hidden) > 1 and len(used) == 1:
            bi = used.pop()
            if bi not in block_cache:
                block_cache[bi] = Block(m, *blocks[bi])
            rlo, rhi = fractional_range(block_cache[bi], blocks[bi][0], tnum, tden, k)
        else:   # one hidden part, or parts varying independently: the ratio is monotone in each
            def val(t, default, side):
                return t[1] if t[0] == "const" else side.get(t[1], default)
            nlo = k * sum(val(t, 0.0, lo_all) for t in tnum)
            nhi = k * sum(val(t, INF, hi_all) for t in tnum)
            dlo, dhi = val(tden, 0.0, lo_all), val(tden, INF, hi_all)
            rlo = nlo / dhi if dhi > 0 else 0.0
            rhi = nhi / dlo if dlo > 0 else INF
        if rhi < INF and round1(rlo) == round1(rhi):
            indicator_findings.append(f"{ind['id']}|{level}|{code}")

    # which knowledge each finding needs
    per_block = defaultdict(list)
    for f in findings:
        per_block[f["bi"]].append(f)
    vtasks = []
    for bi, items in per_block.items():
        vtasks += split(bi, items, args.jobs, 25)
    attribution = {}
    for out in run(task_verdicts, vtasks, args.jobs):
        for fid, needs, uses in out:
            attribution[fid] = (needs, uses)

    labels = {"a": "recomputable", "b": "small count", "c": "narrower than audit.json"}
    counts = {"a": set(), "b": set(), "c": set()}
    lines = []
    for f in findings:
        counts[f["kind"]].add(f["key"])
        needs, uses = attribution.get(f["id"], ([], []))
        side = (" (" + " and ".join("lower bound" if s == "lo" else "upper bound" for s in f["sides"]) + ")"
                if f["kind"] == "c" else "")
        lines.append((f["kind"], f["key"], f"  ({f['kind']}) {labels[f['kind']]}{side}: {f['key']} — needs "
                      f"{', '.join(needs) or 'any one of several kinds'}"
                      + (f"; block also uses {', '.join(uses)}" if uses else "")))
    for key in indicator_findings:
        counts["a"].add(key)
        lines.append(("a", key, f"  (a) recomputable indicator: {key} — its feasible range holds one published value"))
    for _, _, line in sorted(lines):
        print(line)

    elapsed = time.time() - started
    print(f"independent attack: {len(counts['a'])} cells recomputable, {len(counts['b'])} small counts recognisable, "
          f"{len(counts['c'])} narrower than audit.json "
          f"({elapsed:.1f} s on {args.jobs} processes; LP {lp_time:.1f} s"
          f"{f'; MILP on {milp_checked} near cells' if args.milp else ''})")
    if args.dump_intervals:
        with open(args.dump_intervals, "w", encoding="utf-8") as handle:
            json.dump({m.keys[j]: [lo_all[j], None if hi_all[j] == INF else hi_all[j]] for j in lo_all},
                      handle, indent=0, sort_keys=True)
    return 1 if counts["a"] or counts["b"] else 0


if __name__ == "__main__":
    sys.exit(main())
