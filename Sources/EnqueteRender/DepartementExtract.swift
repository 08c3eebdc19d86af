import EnqueteCore

/// A département's extract: its page (`departement.mustache`) and its long CSV, with its own
/// services, itself, its région, its cour d'appel and France, all from the one publication.
struct DepartementExtract {
  let facts: ReportFacts
  let labels: Labels
  let departement: Departement

  /// The units of the extract without services: the département, région, cour d'appel, France.
  var units: [(GeographicLevel, String, String, Bool)] {
    [
      (.departement, departement.code, labels.unit(.departement, departement.code), true),
      (.region, departement.regionCode, "Région : " + labels.unit(.region, departement.regionCode), false),
      (.courAppel, departement.courAppelCode, labels.unit(.courAppel, departement.courAppelCode), false),
      (.national, GeographicLevel.nationalCode, "France", false),
    ]
  }

  /// The services of the département that appear in the publication, by SIRET, with their names.
  var services: [(siret: String, name: String)] {
    var seen = Set<String>()
    var result: [(String, String)] = []
    let codes = Set(facts.current.cells.lazy.filter { $0.level == .departement }.map(\.code))
    guard codes.contains(departement.code) else { return [] }
    for cell in facts.current.cells
    where cell.level == .service && cell.departement == departement.code && seen.insert(cell.code).inserted {
      result.append((cell.code, cell.name))
    }
    return result
  }

  func context() -> [String: Any] {
    let services = self.services
    var tables: [[String: Any]] = facts.plan.tables.map { table in
      let rows =
        (table.levels.contains(.service)
          ? services.map { (GeographicLevel.service, $0.siret, $0.name, false) } : []) + units
      return TableView.table(
        table, data: facts.current, units: rows, title: table.title, unitHeading: "", labels: labels
      ).context
    }
    tables.append(
      TableView.indicators(
        facts.plan.indicators, data: facts.current, units: units, title: "Indicateurs", unitHeading: ""
      ).context)
    return [
      "departement": labels.unit(.departement, departement.code), "code": departement.code,
      "region": labels.unit(.region, departement.regionCode),
      "cour_appel": labels.unit(.courAppel, departement.courAppelCode), "titre": facts.plan.title,
      "annee": facts.current.year, "outil": facts.tool,
      "services": services.map { ["nom": $0.name, "siret": $0.siret] }, "a_des_services": !services.isEmpty,
      "tableaux": tables,
    ]
  }

  /// The extract's long CSV: the publication's rows of its units and services.
  func csv() -> String {
    let siretSet = Set(services.map(\.siret))
    let keep = Set(units.map { "\($0.0.rawValue)|\($0.1)" })
    var out = PublishedData.columns.joined(separator: ",") + "\n"
    for cell in facts.current.cells
    where keep.contains("\(cell.level.rawValue)|\(cell.code)")
      || (cell.level == .service && siretSet.contains(cell.code))
    {
      out += OpenDataCSV.line(cell, year: facts.current.year)
    }
    return out
  }
}
