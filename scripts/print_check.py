"""Prints the committed reports to PDF in headless Chromium and reads the text back.

Checks, for each survey's national report and two département extracts (the largest and the
smallest by services): the page is A4, and the printed text names every unit the page shows
(every département, région and cour d'appel of the national report, closed <details> included),
so that printing never loses a table.

Usage: python3 scripts/print_check.py [Reports] [--keep DIR]
"""
import csv
import os
import re
import subprocess
import sys
import tempfile


def printed(page, pdf):
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", "file://" + os.path.abspath(page)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return (float(size.group(1)), float(size.group(2))), pages, normalised(text)


def normalised(text):
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"-\s+", "-", text)          # a name broken after a hyphen
    return re.sub(r"\s+", " ", text)


def is_a4(size):
    return abs(size[0] - 595.3) < 2 and abs(size[1] - 841.9) < 2


def main():
    args = sys.argv[1:]
    keep = None
    if "--keep" in args:
        keep = args[args.index("--keep") + 1]
        del args[args.index("--keep"):args.index("--keep") + 2]
    reports = args[0] if args else "Reports"
    out = keep or tempfile.mkdtemp()
    os.makedirs(out, exist_ok=True)
    failures = []
    for survey in sorted(os.listdir(reports)):
        folder = os.path.join(reports, survey, "2025")
        if not os.path.isdir(folder):
            continue
        units, services = {}, {}
        with open(os.path.join(folder, "tableaux.csv"), encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["niveau"] in ("departement", "region", "cour_appel"):
                    units.setdefault(row["niveau"], {})[row["code"]] = row["libelle"]
                if row["table"] == "nb_services" and row["niveau"] == "departement" and row["valeur"]:
                    services[row["code"]] = float(row["valeur"])
        size, pages, text = printed(os.path.join(folder, "rapport.html"), os.path.join(out, f"{survey}.pdf"))
        missing = [name for level in units.values() for name in level.values()
                   if normalised(name) not in text]
        if not is_a4(size):
            failures.append(f"{survey}/rapport.html: page {size[0]:.0f} x {size[1]:.0f} pts, not A4")
        if missing:
            failures.append(f"{survey}/rapport.html: the printed PDF never names {len(missing)} units, "
                            f"e.g. {', '.join(missing[:5])}")
        print(f"{survey}/rapport.html: {pages} A4 pages, "
              f"{sum(len(level) for level in units.values()) - len(missing)} of "
              f"{sum(len(level) for level in units.values())} units named")
        answered = sorted((count, code) for code, count in services.items() if count > 0)
        for count, code in [answered[-1], answered[0]]:
            page = os.path.join(folder, "departements", code, "index.html")
            size, pages, text = printed(page, os.path.join(out, f"{survey}-{code}.pdf"))
            name = units["departement"][code]
            if not is_a4(size):
                failures.append(f"{page}: not A4")
            if normalised(name) not in text:
                failures.append(f"{page}: the printed PDF never names {name}")
            print(f"{survey}/departements/{code}: {pages} A4 pages, services: {int(count)}")
    for failure in failures:
        print("print-check: " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
