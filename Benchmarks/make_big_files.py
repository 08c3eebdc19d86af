#!/usr/bin/env python3
"""Builds the large files the validation benchmark reads, from a generated sample campaign.

  make_big_files.py SAMPLE_DIR OUT_DIR [--csv-mb 520] [--xml-mb 210]

- big.csv: the open-data CSV reports of mediation-familiale (header once), repeated with a fresh
  Luhn-valid SIRET on every row until the size is reached: every row is a distinct valid report.
- big.xml: the <rapport> elements (with their per-measure detail) of the espaces de rencontre's
  XML files, repeated the same way, in one <rapports> document.
"""
import os
import re
import sys


def luhn_complete(prefix):
    for digit in "0123456789":
        number = prefix + digit
        total = 0
        for index, char in enumerate(reversed(number)):
            value = int(char)
            if index % 2 == 1:
                value *= 2
                if value > 9:
                    value -= 9
            total += value
        if total % 10 == 0:
            return number
    raise AssertionError


def sirets():
    counter = 0
    while True:
        counter += 1
        yield luhn_complete("9" + f"{counter:012d}")


def main():
    sample, out = sys.argv[1], sys.argv[2]
    csv_mb = int(sys.argv[sys.argv.index("--csv-mb") + 1]) if "--csv-mb" in sys.argv else 520
    xml_mb = int(sys.argv[sys.argv.index("--xml-mb") + 1]) if "--xml-mb" in sys.argv else 210
    os.makedirs(out, exist_ok=True)
    fresh = sirets()

    folder = os.path.join(sample, "mediation-familiale", "2024")
    header, rows = None, []
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("rapport-") and name.endswith(".csv")):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            data = handle.read()
        if data.startswith(b"\xef\xbb\xbf") or b";" in data.split(b"\n", 1)[0]:
            continue  # open-data dialect only
        lines = data.decode("utf-8").splitlines()
        header = header or lines[0]
        rows += lines[1:]
    siret_column = header.split(",").index("siret")
    target = csv_mb * 1_000_000
    with open(os.path.join(out, "big.csv"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(header + "\n")
        written = 0
        while written < target:
            for row in rows:
                fields = row.split(",")  # sample rows with quoted commas are rewritten below
                if '"' in row:
                    continue
                fields[siret_column] = next(fresh)
                line = ",".join(fields) + "\n"
                handle.write(line)
                written += len(line)
                if written >= target:
                    break
    print(f"big.csv: {written / 1e6:.0f} MB")

    folder = os.path.join(sample, "espace-rencontre", "2024")
    reports = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".xml") and name.startswith("rapport-"):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            reports += re.findall(r"  <rapport>\n.*?\n  </rapport>\n", text, flags=re.S)
    namespace = "urn:enquete:espace-rencontre:v1"
    target = xml_mb * 1_000_000
    with open(os.path.join(out, "big.xml"), "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="UTF-8"?>\n' + f'<rapports xmlns="{namespace}">\n')
        written = 0
        while written < target:
            for report in reports:
                report = re.sub(r"<siret>\d{14}</siret>", f"<siret>{next(fresh)}</siret>", report, count=1)
                handle.write(report)
                written += len(report)
                if written >= target:
                    break
        handle.write("</rapports>\n")
    print(f"big.xml: {written / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
