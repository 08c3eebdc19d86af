#!/usr/bin/env python3
"""Splits the XML files of a generated sample campaign into one file per service (one <rapport>
each, under the same root), for the portal's load and fault tests.

  portal_jobs.py SAMPLE_DIR YEAR COUNT OUT_DIR  -> prints survey<TAB>siret<TAB>path, COUNT lines
"""
import glob, os, re, sys

sample, year, count, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
os.makedirs(out, exist_ok=True)
lines = []
for survey in ("mediation-familiale", "espace-rencontre"):
    for path in sorted(glob.glob(f"{sample}/{survey}/{year}/*.xml")):
        text = open(path, encoding="utf-8").read()
        start = text.index("<rapport>")
        head, tail = text[:start], "</rapports>\n"
        for block in re.findall(r"<rapport>.*?</rapport>", text, re.S):
            siret = re.search(r"<siret>(\d{14})</siret>", block).group(1)
            target = os.path.join(out, f"{survey}-{siret}.xml")
            with open(target, "w", encoding="utf-8") as f:
                f.write(head + block + "\n" + tail)
            lines.append(f"{survey}\t{siret}\t{target}")
if len(lines) < count:
    sys.exit(f"only {len(lines)} reports in {sample}: raise --scale")
print("\n".join(lines[:count]))
