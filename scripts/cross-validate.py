#!/usr/bin/env python3
"""Holds enquete's verdicts and its schemas against independent validators, on every sample.

- XML: `xmllint --noout --nonet --schema` (Debian libxml2-utils) with the committed XSD.
- CSV: `frictionless` (PyPI) with the committed Table Schema of the file's dialect; the dialect and
  encoding are detected the simple way (BOM, UTF-8 or Windows-1252; `;` or `,`), and a per-measure
  detail file is validated together with its report so the foreign key is checked.

Expected: every file of SampleSubmissions/<survey>/ is valid for the independent validator and for
enquete. Every file of invalid/ is refused by enquete; the independent validator refuses it too
exactly when `defauts-attendus.json` says the defect is one XSD or Table Schema can express (a
wrong Luhn key or a breakdown that does not add up is beyond them: there only enquete refuses).

Usage: cross-validate.py [SampleSubmissions] [--enquete PATH-TO-BINARY].
Prints one line per disagreement and `cross-validate: N passed, M failed`.
"""
import json
import os
import subprocess
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


def xmllint_valid(path, survey):
    result = subprocess.run(
        ["xmllint", "--noout", "--nonet", "--schema", os.path.join(ROOT, "Schemas", "v1", "xsd", f"{survey}.xsd"), path],
        capture_output=True, text=True, encoding="utf-8", errors="replace")
    return result.returncode == 0, result.stderr.strip().splitlines()[0] if result.stderr.strip() else ""


def enquete_verdicts(binary, paths, year=None):
    """{path: valid} as `enquete validate --format json` says."""
    command = [binary, "validate", "--format", "json"] + (["--annee", str(year)] if year else []) + paths
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    verdicts = {}
    for entry in json.loads(result.stdout or "[]"):
        errors = [d for d in entry["diagnostics"] if d["gravite"] == "error"]
        errors += [d for report in entry["rapports"] for d in report["diagnostics"] if d["gravite"] == "error"]
        verdicts[entry["fichier"]] = entry["lisible"] and not errors
        if "fichier_mesures" in entry:  # a detail file is validated with its report file
            verdicts[entry["fichier_mesures"]] = verdicts[entry["fichier"]]
    return verdicts


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    samples = arguments[0] if arguments else os.path.join(ROOT, "SampleSubmissions")
    binary = sys.argv[sys.argv.index("--enquete") + 1] if "--enquete" in sys.argv else None
    if binary:
        arguments = [a for a in arguments if a != binary]
    # (path, survey, valid for the independent validator, valid for enquete, campaign year)
    expected = []
    for survey in ("mediation-familiale", "espace-rencontre"):
        for year in sorted(os.listdir(os.path.join(samples, survey))):
            folder = os.path.join(samples, survey, year)
            for name in sorted(os.listdir(folder)):
                if name.endswith(".csv") or name.endswith(".xml"):
                    expected.append((os.path.join(folder, name), survey, True, True, int(year)))
    invalid = os.path.join(samples, "invalid")
    with open(os.path.join(invalid, "defauts-attendus.json"), encoding="utf-8") as handle:
        for entry in json.load(handle):
            independent = entry.get("verdict_table_schema", entry.get("verdict_xsd")) == "valide"
            path = os.path.join(invalid, entry["fichier"])
            expected.append((path, entry["enquete"], independent, False, entry["annee_campagne"]))
            if "fichier_mesures" in entry:
                expected.append((os.path.join(invalid, entry["fichier_mesures"]), entry["enquete"], independent, None, None))
    ours = {}
    if binary:
        by_year = {}
        for path, _, _, mine, year in expected:
            if mine is not None:
                by_year.setdefault(year, []).append(path)
        for year, paths in by_year.items():
            for start in range(0, len(paths), 200):
                ours.update(enquete_verdicts(binary, paths[start:start + 200], year))
    passed = failed = 0
    for path, survey, independent_valid, enquete_valid, _ in expected:
        relative = os.path.relpath(path, samples)
        if path.endswith(".xml"):
            valid, error = xmllint_valid(path, survey)
            tool = "xmllint"
        else:
            valid, error = validate(path, survey)
            tool = "frictionless"
        problems = []
        if valid != independent_valid:
            problems.append(f"{tool} says {'valid' if valid else 'invalid'}, the schemas intend "
                            f"{'valid' if independent_valid else 'invalid'} ({error[:200]})")
        if binary and enquete_valid is not None and ours.get(path) != enquete_valid:
            problems.append(f"enquete says {ours.get(path)}, expected {'valid' if enquete_valid else 'invalid'}")
        if problems:
            failed += 1
            print(f"MISMATCH {relative}: " + "; ".join(problems))
        else:
            passed += 1
    print(f"cross-validate: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
