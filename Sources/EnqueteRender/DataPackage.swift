import EnqueteCore

/// `datapackage.json`: the Frictionless Tabular Data Package that ties a published folder's
/// machine-readable files to their Table Schemas — the long file, the wide tables of `donnees/`
/// and every département's extract (same columns as the long file) — with the licence and source.
/// French Excel's files (`excel/`) are for people and are not resources.
enum DataPackage {
  /// The package of a folder holding `paths` (relative, `/`-separated), for `plan`'s publication
  /// of `year`; its description says which publication it replaces, if it does (`revision`).
  /// - Complexity: O(paths).
  static func json(
    plan: PublicationPlan, year: Int, paths: [String], revision: PublicationRevision? = nil
  )
    -> String
  {
    let notes = PublicationNotes(plan: plan, year: year)
    let present = Set(paths)
    var resources: [OrderedJSON] = []
    func resource(_ name: String, _ path: String, schema: String, title: String) {
      resources.append(
        .object([
          ("name", .string(name)), ("path", .string(path)), ("title", .string(title)),
          ("profile", .string("tabular-data-resource")), ("format", .string("csv")),
          ("mediatype", .string("text/csv")), ("encoding", .string("utf-8")), ("schema", .string(schema)),
        ]))
    }
    if present.contains("tableaux.csv") {
      resource(
        "tableaux", "tableaux.csv", schema: "tableaux.schema.json", title: "Tous les tableaux, au format long"
      )
    }
    for path in paths.sorted() where path.hasPrefix("donnees/") && path.hasSuffix(".csv") {
      let schema = String(path.dropLast(4)) + ".schema.json"
      guard present.contains(schema) else { continue }
      let id = String(path.dropFirst("donnees/".count).dropLast(4))
      let title = plan.table(id: id)?.title ?? WideTable.indicators(plan).title
      resource("donnees-" + id.replacingOccurrences(of: "_", with: "-"), path, schema: schema, title: title)
    }
    for path in paths.sorted() where path.hasPrefix("departements/") {
      // `departements/<code>/<code>.csv`, not French Excel's `<code>-excel.csv`.
      let parts = path.split(separator: "/")
      guard parts.count == 3, parts[2] == parts[1] + ".csv" else { continue }
      let code = String(parts[1])
      let name = Geography.reference.departement(code: code)?.name ?? code
      resource(
        "departement-" + code.lowercased(), path, schema: "tableaux.schema.json",
        title: "Fiche départementale : \(code) – \(name)")
    }
    return OrderedJSON.object([
      ("profile", .string("tabular-data-package")),
      ("name", .string("\(plan.survey.rawValue)-\(year)")),
      ("title", .string("\(plan.title) — \(year)")),
      (
        "description",
        .string(
          notes.scope + " " + CellStatus.publishedLegend + "." + (revision.map { " " + $0.sentence } ?? ""))
      ),
      (
        "licenses",
        .array([
          .object([
            ("name", .string("etalab-2.0")),
            ("path", .string("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")),
            ("title", .string("Licence Ouverte / Open Licence version 2.0")),
          ])
        ])
      ),
      ("sources", .array([.object([("title", .string(notes.source))])])),
      ("version", .string(plan.planVersion)),
      ("resources", .array(resources)),
    ]).rendered()
  }
}
