/// Elements `0..<count` grouped by the links between them (union–find with path halving): which
/// columns of a program, or which hidden cells of a pattern, are tied directly or not. Shared by
/// ``BlockProgram`` and ``ProofProgram``, which split their programs into independent blocks.
public struct DisjointSets: Sendable {
  private var parent: [Int]

  /// Every element alone.
  public init(count: Int) { parent = Array(0..<count) }

  /// The representative of `element`'s group.
  /// - Complexity: amortised nearly O(1).
  public mutating func find(_ element: Int) -> Int {
    var root = element
    while parent[root] != root {
      parent[root] = parent[parent[root]]
      root = parent[root]
    }
    return root
  }

  /// Puts all of `elements` in one group.
  public mutating func link(_ elements: some Sequence<Int>) {
    var iterator = elements.makeIterator()
    guard let first = iterator.next() else { return }
    let root = find(first)
    while let element = iterator.next() {
      let other = find(element)
      if other != root { parent[other] = root }
    }
  }
}
