#!/usr/bin/env python3
"""Seeded benchmark tables for `Benchmarks/protect.sh`, in the peers' form (cells.csv + dep.hrc).

- large_3dx10: the geography of the peers' large tables (18 régions, 101 départements; the
  hierarchy is read from their large_3dx3 dep.hrc) x 20 categories x 10 age groups (+ totals:
  120 x 21 x 11 = 27 720 cells), counts drawn like theirs (10 % zeros, 15 % 1-2, 10 % 3-4, else
  5-12), seed 7.
- publication: the real geography (départements -> 18 régions, the same départements -> cours
  d'appel: two hierarchies that do not nest) x 20 categories x 3 age groups, counts as above with
  5-40 in the last band, seed 11 (156 x 21 x 4 = 13 104 cells). Written as cells.csv plus the two hierarchies (regions.hrc, cours.hrc).

Usage: make_tables.py OUTDIR PEERS_TABLES_DIR REFERENCE_DIR
"""
import csv, random, sys
from pathlib import Path


def draw(rng, high):
    x = rng.random()
    if x < 0.10:
        return 0
    if x < 0.25:
        return rng.randint(1, 2)
    if x < 0.35:
        return rng.randint(3, 4)
    return rng.randint(5, high)


def large_3dx10(out, peers):
    hrc = (peers / "large_3dx3_MOD_f3" / "dep.hrc").read_text()
    regions, parent = [], {}
    for line in hrc.splitlines():
        if line.startswith("@"):
            parent[line[1:]] = regions[-1]
        elif line.strip():
            regions.append(line.strip())
    rng = random.Random(7)
    cats = ["C%02d" % i for i in range(1, 21)]
    ages = ["A%02d" % i for i in range(1, 11)]
    d = out / "large_3dx10"
    d.mkdir(parents=True, exist_ok=True)
    (d / "dep.hrc").write_text(hrc)
    with open(d / "cells.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["region", "dep", "cat", "age", "n"])
        for dep, reg in parent.items():
            for c in cats:
                for a in ages:
                    w.writerow([reg, dep, c, a, draw(rng, 12)])


def publication(out, reference):
    deps = list(csv.DictReader(open(reference / "departements.csv")))
    cours = {r["departement_code"]: r["cour_appel_code"] for r in csv.DictReader(open(reference / "departements_cours_appel.csv"))}
    d = out / "publication"
    d.mkdir(parents=True, exist_ok=True)
    for name, key in (("regions.hrc", lambda r: "R" + r["region_code"]), ("cours.hrc", lambda r: "CA-" + cours[r["code"]])):
        groups = {}
        for r in deps:
            groups.setdefault(key(r), []).append("D" + r["code"])
        (d / name).write_text("".join(g + "\n" + "".join("@" + x + "\n" for x in members) for g, members in sorted(groups.items())))
    rng = random.Random(11)
    with open(d / "cells.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["region", "dep", "cat", "age", "n"])
        for r in deps:
            for c in range(1, 21):
                for a in range(1, 4):
                    w.writerow(["R" + r["region_code"], "D" + r["code"], "C%02d" % c, "A%02d" % a, draw(rng, 40)])


if __name__ == "__main__":
    out, peers, reference = (Path(a) for a in sys.argv[1:4])
    large_3dx10(out, peers)
    publication(out, reference)
