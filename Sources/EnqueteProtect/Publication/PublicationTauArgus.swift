import EnqueteCore

/// The publication's tables in τ-Argus's tabular form, so that a statistician can protect the very
/// same tables in τ-Argus and hold its patterns against enquete's audit of the whole publication.
///
/// τ-Argus takes one hierarchy per variable and no linked tables, so each table of the plan is
/// written once along the régions and once along the cours d'appel (France, then régions or cours,
/// départements, services where the table is published for them), crossed with its breakdown
/// (its categories under its total) or, for a table of plain variables, one table per variable.
/// Codes carry their level (`R84`, `CA75`, `D01`, `S…` for a service's SIRET) so that they stay
/// unique in a hierarchy. τ-Argus's patterns (`out.csv` in each folder) read back with
/// ``suppressedCells(_:outputs:)`` give the cells it hid, by enquete's cell identifier.
public enum PublicationTauArgus {
  /// One table written: its folder, the table, and the publication cell of each of its cells.
  public struct Table: Sendable {
    /// The folder's name (`<table>[-<variable>]-<regions|cours>`).
    public var folder: String
    /// The table, as written.
    public var table: HierarchicalTable
    /// For each cell of ``table``, its publication cell (`variable|niveau|code`).
    public var cellIDs: [String]
    /// The settings of the table's rule.
    public var settings: SecrecySettings
  }

  /// The hierarchies each table is written along.
  static let hierarchies: [(name: String, level: GeographicLevel)] = [
    ("regions", .region), ("cours", .courAppel),
  ]

  /// Every table of the publication of `aggregation` (its cells linked in `linked`) that τ-Argus
  /// can take, with its cells' values.
  public static func tables(_ aggregation: Aggregation, _ linked: LinkedTables) -> [Table] {
    var tables: [Table] = []
    let plan = aggregation.plan
    for definition in plan.tables {
      guard let rule = plan.rules[definition.rule] else { continue }
      let settings = SecrecySettings(rule, plan: plan)
      // A breakdown: its total and categories; plain variables: each alone.
      var groups: [(suffix: String, variables: [String])] = []
      if let total = definition.total, let categories = definition.categories {
        groups.append(("", [total.variable] + categories.map(\.variable)))
      } else {
        groups += (definition.variables ?? []).map { ("-\($0)", [$0]) }
      }
      for group in groups {
        let levels = group.variables.map { aggregation.levelsByVariable[$0] ?? [] }
          .reduce(Set(GeographicLevel.allCases)) { $0.intersection($1) }
        for (name, level) in hierarchies where levels.contains(level) && levels.contains(.national) {
          guard let geography = GeographyTree(aggregation.units, through: level, levels: levels),
            let table = table(geography, group.variables, aggregation.units, linked)
          else { continue }
          tables.append(
            Table(
              folder: "\(definition.id)\(group.suffix)-\(name)", table: table.table, cellIDs: table.ids,
              settings: settings))
        }
      }
    }
    return tables
  }

  /// The table of `variables` (a total first, then its categories; or one variable) along
  /// `geography`; nil when a cell is not in the publication.
  private static func table(
    _ geography: GeographyTree, _ variables: [String], _ units: GeographicUnits, _ linked: LinkedTables
  ) -> (table: HierarchicalTable, ids: [String])? {
    let categories = CodeHierarchy(flat: variables.dropFirst().map { $0 })
    let dimensions = variables.count > 1 ? [geography.hierarchy, categories] : [geography.hierarchy]
    var cells: [TableCell] = []
    var ids: [String] = []
    for (position, unit) in geography.units.enumerated() {
      for category in variables.indices {
        let id = LinkedTables.cellID(variables[category], units.units[unit])
        guard let place = linked.location[id] else { return nil }
        var cell = linked.systems[place.system].table.cells[place.cell]
        let codes =
          [geography.hierarchy.codes[position]] + (variables.count > 1 ? [categories.codes[category]] : [])
        cell.id = codes.joined(separator: HierarchicalTable.separator)
        cells.append(cell)
        ids.append(id)
      }
    }
    guard let table = try? HierarchicalTable(dimensions: dimensions, gridCells: cells) else { return nil }
    return (table, ids)
  }

  /// The files of every table (``tables(_:_:)``), by path relative to `directory`: in each table's
  /// folder, `table.tab`, `table.rda`, `GEO.hrc` and `batch.arb` (rules of the table, `method`).
  public static func files(
    _ tables: [Table], directory: String, method: String = "MOD(1,5,1,1,1)"
  ) -> [String: String] {
    var files: [String: String] = [:]
    for table in tables {
      // τ-Argus's Modular needs two dimensions: a table of one variable goes to Optimal.
      let oneDimension = table.table.dimensions.count == 1
      let written = TauArgusTabular.files(
        table.table, names: oneDimension ? ["GEO"] : ["GEO", "VAR"],
        directory: "\(directory)/\(table.folder)",
        settings: table.settings, method: oneDimension && method.hasPrefix("MOD") ? "OPT(1,60)" : method)
      for (name, text) in written.contents { files["\(table.folder)/\(name)"] = text }
    }
    return files
  }

  /// The publication cells τ-Argus hid, from its pattern of each of `tables` (`out.csv` text by
  /// folder).
  public static func suppressedCells(
    _ tables: [Table], outputs: [String: String]
  ) throws -> Set<String> {
    var hidden = Set<String>()
    for table in tables {
      guard let output = outputs[table.folder] else { continue }
      for index in try TauArgusFiles.suppressedCells(output: output, of: table.table) {
        hidden.insert(table.cellIDs[index])
      }
    }
    return hidden
  }

  /// What enquete's audit says of a pattern made elsewhere (τ-Argus's, ``suppressedCells``): the
  /// publication's primaries (enquete's rules) and the `hidden` cells, audited over every linked
  /// system at once, as the publication itself is.
  public struct PatternAudit: Sendable {
    /// The publication's primaries (enquete's rules).
    public var primaries: Int
    /// The pattern's other hidden cells.
    public var secondaries: Int
    /// Primaries of the pattern left hidden but recomputable within their required protection,
    /// by publication cell (`variable|niveau|code`), in system order.
    public var failures: [String]
    /// Primaries the pattern publishes (τ-Argus's rules differ from enquete's).
    public var primariesPublished: [String]
  }

  /// Audits `hidden` (with enquete's primaries) over the publication's linked systems (`linked`,
  /// protected as `protections` under `settings`); cells no τ-Argus table (`tables`) holds keep the
  /// publication's own status.
  /// - Complexity: one LP audit per linked system (see ``ProtectionAudit``).
  public static func audit(
    _ tables: [Table], hidden: Set<String>, linked: LinkedTables, protections: [ProtectionResult],
    settings allSettings: [SecrecySettings]
  ) throws -> PatternAudit {
    let written = Set(tables.flatMap(\.cellIDs))
    var result = PatternAudit(primaries: 0, secondaries: 0, failures: [], primariesPublished: [])
    for (index, system) in linked.systems.enumerated() {
      let settings = allSettings[index]
      var statuses = PrimaryRules.statuses(of: system.table, settings: settings)
      for cell in statuses.indices {
        let id = system.table.cells[cell].id
        if statuses[cell].isPrimary {
          result.primaries += 1
          // One of enquete's primaries that the pattern publishes.
          if written.contains(id) && !hidden.contains(id) { result.primariesPublished.append(id) }
        } else if written.contains(id)
          ? hidden.contains(id) : protections[index].statuses[cell] == .secondary
        {
          statuses[cell] = .secondary
          result.secondaries += 1
        }
      }
      let audit = try ProtectionAudit(settings: settings).audit(system.table, statuses: statuses)
      result.failures += audit.failures.map(\.id)
    }
    return result
  }
}
