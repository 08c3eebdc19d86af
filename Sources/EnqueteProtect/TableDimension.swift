import EnqueteCore

/// One dimension of a crossed table: codes, each the sum of a set of inner codes, and the equations
/// that tie them.
///
/// A tree (a τ-Argus hierarchy) is the common case; several trees over the same inner codes (the
/// départements grouped into régions and, crossing them, into cours d'appel, both adding up to one
/// national total) make one dimension too: each code is still the sum of its inner codes.
public struct TableDimension: Sendable, Hashable {
  /// Every code, in publication order.
  public let codes: [String]
  /// For each code, the positions of the inner codes (leaves) it adds up, in increasing order.
  public let leaves: [[Int]]
  /// The equations `total = Σ parts` of this dimension alone, by code position.
  public let equations: [TableEquation]
  /// For each inner code, the positions of the codes that contain it (itself included).
  public let containing: [[Int]]

  /// Why dimensions cannot be combined.
  public enum Problem: Error, Hashable, Sendable {
    /// The hierarchies do not share the same inner codes, or a code means two different things.
    case mismatchedHierarchies(code: String)
  }

  /// The dimension of one hierarchy (each code with children is the sum of its children).
  public init(hierarchy: CodeHierarchy) {
    try! self.init(hierarchies: [hierarchy])  // one tree cannot mismatch itself
  }

  /// The dimension of several hierarchies over the same inner codes and the same total: codes are
  /// those of the first hierarchy, then the new ones of each following hierarchy, in order.
  /// - Complexity: O(codes × depth).
  public init(hierarchies: [CodeHierarchy]) throws(Problem) {
    var codes: [String] = []
    var position: [String: Int] = [:]
    var leafSets: [Set<String>] = []
    var equations: [TableEquation] = []
    for hierarchy in hierarchies {
      let sets = Self.leafCodes(of: hierarchy)
      for (index, code) in hierarchy.codes.enumerated() {
        if let known = position[code] {
          guard leafSets[known] == sets[index] else { throw .mismatchedHierarchies(code: code) }
        } else {
          position[code] = codes.count
          codes.append(code)
          leafSets.append(sets[index])
        }
      }
      for (index, children) in hierarchy.children.enumerated() where !children.isEmpty {
        equations.append(
          TableEquation(
            total: position[hierarchy.codes[index]]!,
            parts: children.map { position[hierarchy.codes[$0]]! }))
      }
    }
    let innerCodes = codes.indices.filter { leafSets[$0] == [codes[$0]] }
    let innerSet = Set(innerCodes.map { codes[$0] })
    for hierarchy in hierarchies {
      let top = leafSets[position[hierarchy.codes[0]]!]
      if let stray = top.symmetricDifference(innerSet).first { throw .mismatchedHierarchies(code: stray) }
    }
    self.codes = codes
    self.equations = equations
    leaves = leafSets.map { set in set.map { position[$0]! }.sorted() }
    var containing = [[Int]](repeating: [], count: codes.count)
    for (code, inner) in leaves.enumerated() { for leaf in inner { containing[leaf].append(code) } }
    self.containing = containing
  }

  /// The position of `code`, if any.
  public func position(of code: String) -> Int? { codes.firstIndex(of: code) }

  /// Whether the code at `position` is an inner code (the sum of itself only).
  public func isInner(_ position: Int) -> Bool { leaves[position] == [position] }

  /// For each code of `hierarchy`, the inner codes below it (itself when it has no children).
  private static func leafCodes(of hierarchy: CodeHierarchy) -> [Set<String>] {
    var result = [Set<String>](repeating: [], count: hierarchy.codes.count)
    for position in hierarchy.codes.indices.reversed() {
      if hierarchy.isLeaf(position) {
        result[position] = [hierarchy.codes[position]]
      } else {
        for child in hierarchy.children[position] { result[position].formUnion(result[child]) }
      }
    }
    return result
  }
}
