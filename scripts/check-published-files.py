"""Reads each committed publication's files with real third-party readers.

  - `frictionless validate datapackage.json`: every resource against its Table Schema;
  - openpyxl opens excel/tableaux.xlsx and every département's <code>.xlsx: a notes sheet first (source, licence, signs), one sheet
    per table plus the indicators, a frozen bold heading row, column widths, and every number
    formatted with its column's fixed decimals (`#,##0`, `#,##0.0`, `#,##0.00`).

Usage: .venv/bin/python scripts/check-published-files.py [Reports]
"""
import os
import subprocess
import sys

import openpyxl

FORMATS = {"#,##0", "#,##0.0", "#,##0.00"}


def check_workbook(path, failures):
    book = openpyxl.load_workbook(path)
    names = book.sheetnames
    if names[0] != "notes":
        failures.append(f"{path}: the first sheet is {names[0]}, not notes")
    notes = " ".join(str(cell.value) for row in book["notes"].iter_rows() for cell in row if cell.value)
    for needed in ("Licence Ouverte", "Source", "secret statistique", "non disponible"):
        if needed not in notes:
            failures.append(f"{path}: the notes sheet does not say « {needed} »")
    if "indicateurs" not in names:
        failures.append(f"{path}: no indicateurs sheet")
    numbers = 0
    for name in names[1:]:
        sheet = book[name]
        if sheet.freeze_panes != "A2":
            failures.append(f"{path}:{name}: heading row not frozen ({sheet.freeze_panes})")
        if not all(cell.font.b for cell in sheet[1]):
            failures.append(f"{path}:{name}: heading row not bold")
        if not sheet.column_dimensions["C"].width or sheet.column_dimensions["C"].width < 20:
            failures.append(f"{path}:{name}: no column widths")
        for column in sheet.iter_cols(min_row=2, min_col=4):
            formats = {cell.number_format for cell in column if isinstance(cell.value, (int, float))}
            numbers += sum(1 for cell in column if isinstance(cell.value, (int, float)))
            if len(formats) > 1 or not formats <= FORMATS:
                failures.append(f"{path}:{name}: column {column[0].column_letter} formats {sorted(formats)}")
    return len(names), numbers


def main():
    reports = sys.argv[1] if len(sys.argv) > 1 else "Reports"
    failures = []
    for survey in sorted(os.listdir(reports)):
        folder = os.path.join(reports, survey, "2025")
        if not os.path.isdir(folder):
            continue
        run = subprocess.run(
            [os.path.join(os.path.dirname(sys.executable), "frictionless"), "validate", "datapackage.json"],
            cwd=folder, capture_output=True, text=True)
        if run.returncode != 0:
            failures.append(f"{folder}/datapackage.json: frictionless validate failed\n{run.stdout[-3000:]}")
        else:
            print(f"{folder}/datapackage.json: valid (frictionless)")
        sheets, numbers = check_workbook(os.path.join(folder, "excel", "tableaux.xlsx"), failures)
        print(f"{folder}/excel/tableaux.xlsx: {sheets} sheets, {numbers} numbers formatted (openpyxl)")
        extracts = sorted(os.listdir(os.path.join(folder, "departements")))
        for code in extracts:
            book = os.path.join(folder, "departements", code, f"{code}.xlsx")
            if not os.path.exists(book) or not os.path.exists(book[:-5] + "-excel.csv"):
                failures.append(f"{folder}/departements/{code}: no xlsx or French Excel CSV")
                continue
            check_workbook(book, failures)
        print(f"{folder}/departements: {len(extracts)} extract workbooks read (openpyxl)")
    for failure in failures:
        print("check-published-files: " + failure, file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
