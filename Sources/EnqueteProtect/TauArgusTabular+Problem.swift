extension TauArgusTabular {
  /// Why a τ-Argus tabular table cannot be read; the description is in French, for the user, and
  /// names lines and cells, never a value.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// No variable of the metadata is `<RECODEABLE>`.
    case noSpanningVariable
    /// No variable is `<FREQUENCY>` (the number of contributors of each cell).
    case noFrequency
    /// No numeric variable is left for the response.
    case noResponse
    /// The response asked for is not in the metadata.
    case unknownResponse(String)
    /// A property enquete does not read.
    case unsupported(variable: String, property: String)
    /// A hierarchy file cannot be read, or is not a hierarchy.
    case unreadableHierarchy(String)
    case badHierarchy(String)
    /// A metadata line that is neither a variable nor a property.
    case badMetadata(line: Int)
    /// A data line with another number of fields than the metadata has variables.
    case badFieldCount(line: Int)
    /// A code absent from its variable's hierarchy.
    case unknownCode(line: Int, code: String)
    /// A cell given twice.
    case duplicateCell(line: Int)
    /// A value, frequency or contribution that is not a number (a frequency: not a whole one).
    case badNumber(line: Int)
    /// A total row that is not the sum of its inner cells.
    case totalDisagrees(line: Int, cell: String)
    /// The cells do not make a table.
    case badTable

    /// A French message.
    public var description: String {
      switch self {
      case .noSpanningVariable: "métadonnées : aucune variable de croisement (<RECODEABLE>)"
      case .noFrequency: "métadonnées : aucune variable d'effectif (<FREQUENCY>)"
      case .noResponse: "métadonnées : aucune variable numérique à protéger"
      case .unknownResponse(let name): "métadonnées : variable « \(name) » absente"
      case .unsupported(let variable, let property):
        "métadonnées : <\(property)> (variable \(variable)) n'est pas pris en charge ; donnez un fichier .hrc"
      case .unreadableHierarchy(let file): "hiérarchie « \(file) » illisible"
      case .badHierarchy(let file): "hiérarchie « \(file) » invalide"
      case .badMetadata(let line): "métadonnées, ligne \(line) : ni variable ni propriété"
      case .badFieldCount(let line): "données, ligne \(line) : nombre de champs différent des métadonnées"
      case .unknownCode(let line, let code):
        "données, ligne \(line) : code « \(code) » absent de sa hiérarchie"
      case .duplicateCell(let line): "données, ligne \(line) : cellule déjà donnée"
      case .badNumber(let line): "données, ligne \(line) : valeur, effectif ou contribution invalide"
      case .totalDisagrees(let line, let cell):
        "données, ligne \(line) : le total « \(cell) » n'est pas la somme de ses cellules"
      case .badTable: "les cellules ne forment pas un tableau"
      }
    }
  }
}
