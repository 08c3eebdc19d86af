#!/usr/bin/env python3
"""Cross-checks the Table Schemas with an independent validator (frictionless, PyPI).

Every CSV of SampleSubmissions/ must be valid for its Table Schema; every CSV of
SampleSubmissions/invalid/ must get the verdict `defauts-attendus.json` announces for what Table
Schema can express (a wrong Luhn key or a breakdown that does not add up is beyond Table Schema: for
those files the verdict is "valide", and enquete's own validation is what refuses them).

The dialect and encoding are detected the simple way (BOM, UTF-8 or Windows-1252; `;` or `,`); a
file's per-measure detail is validated together with its report so the foreign key is checked.
Usage: check-table-schemas.py [SampleSubmissions]. Prints one line per file and `N passed, M failed`.
"""
import json
import os
import sys

from frictionless import Dialect, Package, Resource, Schema, formats, system

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "Schemas", "v1", "tableschema")
REFERENCE = os.path.join(ROOT, "Sources", "EnqueteCore", "Reference")


def sniff(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    first = data.split(b"\n", 1)[0]
    delimiter = ";" if first.count(b";") > first.count(b",") else ","
    return encoding, delimiter


def resource(name, path, survey, table):
    encoding, delimiter = sniff(path)
    suffix = ".fr.schema.json" if delimiter == ";" else ".schema.json"
    schema = Schema.from_descriptor(os.path.join(SCHEMAS, f"{survey}.{table}{suffix}"))
    return Resource(
        name=name, path=path, schema=schema, format="csv", encoding=encoding,
        dialect=Dialect(controls=[formats.CsvControl(delimiter=delimiter)]),
    ), delimiter


def reference_resources():
    return [
        Resource(name="departements", path=os.path.join(REFERENCE, "departements.csv"), format="csv",
                 schema=Schema.from_descriptor(os.path.join(SCHEMAS, "departements.schema.json"))),
        Resource(name="departements-saisie", path=os.path.join(SCHEMAS, "departements-saisie.csv"), format="csv",
                 schema=Schema.from_descriptor(os.path.join(SCHEMAS, "departements-saisie.schema.json"))),
    ]


def validate(path, survey):
    """(valid, first error) for one CSV, with its report when it is a per-measure detail file."""
    if os.path.getsize(path) == 0:
        return False, "empty file"
    resources = []
    if path.endswith("-mesures.csv"):
        main, _ = resource("mesures", path, survey, "mesures")
        report, _ = resource("rapport", path[: -len("-mesures.csv")] + ".csv", survey, "rapport")
        resources = [main, report]
    else:
        main, _ = resource("rapport", path, survey, "rapport")
        resources = [main]
    with system.use_context(trusted=True):
        report = Package(resources=resources + reference_resources()).validate()
    errors = [error for task in report.tasks for error in task.errors] + list(report.errors)
    return report.valid, (f"{errors[0].type}: {errors[0].message}" if errors else "")


def main():
    samples = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "SampleSubmissions")
    expected = {}
    for survey in ("mediation-familiale", "espace-rencontre"):
        for year in sorted(os.listdir(os.path.join(samples, survey))):
            folder = os.path.join(samples, survey, year)
            for name in sorted(os.listdir(folder)):
                if name.endswith(".csv"):
                    expected[os.path.join(folder, name)] = (survey, True)
    invalid = os.path.join(samples, "invalid")
    with open(os.path.join(invalid, "defauts-attendus.json"), encoding="utf-8") as handle:
        for entry in json.load(handle):
            if "verdict_table_schema" in entry:
                verdict = entry["verdict_table_schema"] == "valide"
                expected[os.path.join(invalid, entry["fichier"])] = (entry["enquete"], verdict)
                if "fichier_mesures" in entry:
                    expected[os.path.join(invalid, entry["fichier_mesures"])] = (entry["enquete"], verdict)
    passed = failed = 0
    for path, (survey, should_be_valid) in sorted(expected.items()):
        valid, error = validate(path, survey)
        relative = os.path.relpath(path, samples)
        if valid == should_be_valid:
            passed += 1
            if not valid:
                print(f"ok (refused as intended) {relative}: {error[:160]}")
        else:
            failed += 1
            print(f"MISMATCH {relative}: frictionless says {'valid' if valid else 'invalid'}, "
                  f"Table Schema intends {'valid' if should_be_valid else 'invalid'}. {error[:300]}")
    print(f"frictionless: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
