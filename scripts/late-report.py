#!/usr/bin/env python3
"""Writes a late report for the re-publication check of scripts/test: the first report of a
federation's XML file of SampleSubmissions/<survey>/<year>, sent under the SIRET and département
of the first service of the directory that has not answered.

Usage: late-report.py SAMPLES SURVEY YEAR OUT.xml [SENT.xml...]
       (prints the SIRET and département chosen; SENT: late reports already written, skipped too)
"""
import csv
import os
import re
import sys


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    samples, survey, year, out = sys.argv[1:5]
    folder = os.path.join(samples, survey, year)
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder))
    try:
        sent = "".join(open(path, encoding="utf-8", errors="replace").read() for path in files + sys.argv[5:])
    except OSError as error:
        print(f"late-report: cannot read {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    with open(os.path.join(samples, "annuaires", f"{survey}-{year}.csv"), encoding="utf-8-sig", newline="") as handle:
        late = next((row for row in csv.DictReader(handle) if row["siret"] not in sent), None)
    if late is None:
        print("late-report: every service of the directory has answered", file=sys.stderr)
        return 1
    xml = next(path for path in files if path.endswith(".xml"))
    text = open(xml, encoding="utf-8").read()
    start, end = text.index("<rapport>"), text.index("</rapport>") + len("</rapport>")
    report = re.sub(r"<siret>\d+</siret>", f"<siret>{late['siret']}</siret>", text[start:end])
    report = re.sub(r"<departement_code>\w+</departement_code>",
                    f"<departement_code>{late['departement_code']}</departement_code>", report)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(text[:start] + report + "\n</rapports>\n")
    print(f"late report: {late['siret']} in département {late['departement_code']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
