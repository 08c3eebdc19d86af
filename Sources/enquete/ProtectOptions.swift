import ArgumentParser
import EnqueteCore
import EnqueteProtect

/// `--methode` of `enquete protect`: how the pattern of secondaries is computed.
enum MethodOption: String, ExpressibleByArgument, CaseIterable {
  /// A heuristic placement, then pruning (any size of table).
  case heuristique
  /// The optimal pattern by mixed-integer programming (small tables, under `--temps-max`).
  case optimale
}

/// `--placement` of `enquete protect`: the heuristic's first pattern.
enum PlacementOption: String, ExpressibleByArgument, CaseIterable {
  /// Integer programming with the audit's cuts (the default).
  case coupes
  /// The cheapest hypercube through each primary.
  case hypercubes
  /// The cheapest protecting change by linear programming.
  case lp

  /// The placement it names.
  var placement: SecondarySuppression.Placement {
    switch self {
    case .coupes: .cuttingPlanes
    case .hypercubes: .hypercubes
    case .lp: .linearProgram
    }
  }
}

/// `--cout` of `enquete protect`: a cost function by its French name (`valeur`, `unite`, `frequence`).
extension CostFunction: ExpressibleByArgument {}

/// `--dominance` of `enquete protect`: `n,k` (a cell whose `n` largest contributions exceed `k` %
/// of it is primary), or `non` for no dominance rule.
struct DominanceOption: ExpressibleByArgument {
  /// The rule, nil for `non`.
  let rule: SecrecySettings.Dominance?
  /// As written on the command line.
  let text: String

  init?(argument: String) {
    text = argument
    if argument == "non" {
      rule = nil
      return
    }
    let parts = argument.split(separator: ",")
    guard parts.count == 2, let n = Int(parts[0]), n >= 1, let k = Double(parts[1]), k > 0, k <= 100 else {
      return nil
    }
    rule = SecrecySettings.Dominance(contributors: n, percent: k)
  }

  var defaultValueDescription: String { text }

  static var defaultCompletionKind: CompletionKind { .list(["1,85", "2,90", "non"]) }
}
