import EnqueteAggregate
import EnqueteCore

/// One row of the long open-data file: one cell of one table at one unit.
public struct PublishedRow: Sendable, Hashable {
  /// The table (or indicator) identifier.
  public var table: String
  /// The unit's level.
  public var level: GeographicLevel
  /// The unit's code.
  public var code: String
  /// The unit's name.
  public var name: String
  /// The category code (empty for a plain variable).
  public var category: String
  /// The variable (or indicator) name.
  public var variable: String
  /// The published value, nil when secret or not computable.
  public var value: Double?
  /// The cell's status.
  public var status: CellStatus
  /// The unit's département (for a département or a service).
  public var departement: String?
  /// The additive cell's identifier (`variable|niveau|code`); nil for an indicator.
  public var cellID: String?
}

extension Publication {
  /// Every published row: each table at each of its levels, unit by unit, category by category,
  /// then each indicator. Secret cells carry no value.
  /// - Complexity: O(published cells).
  public var rows: [PublishedRow] {
    let units = aggregation.units.units
    var rows: [PublishedRow] = []
    for table in plan.tables {
      for level in table.levels {
        for unit in units where unit.level == level {
          for column in table.columns {
            let id = LinkedTables.cellID(column.variable, unit)
            let (system, index) = linked.location[id]!
            let status = protections[system].statuses[index]
            let value = linked.systems[system].table.cells[index].value
            rows.append(
              PublishedRow(
                table: table.id, level: level, code: unit.code, name: unit.name, category: column.category,
                variable: column.variable, value: status.isSuppressed ? nil : value, status: status,
                departement: unit.departementCode, cellID: id))
          }
        }
      }
    }
    for cell in indicators {
      let unit = units[cell.unit]
      rows.append(
        PublishedRow(
          table: cell.indicator, level: unit.level, code: unit.code, name: unit.name, category: "",
          variable: cell.indicator, value: cell.value, status: cell.status, departement: unit.departementCode,
          cellID: nil))
    }
    return rows
  }
}
