/// One dimension of a hierarchical table: codes in a tree under the grand total `Total`.
///
/// Codes are in publication order: the total first, then each code followed by its descendants,
/// as in a τ-Argus hierarchy file.
public struct CodeHierarchy: Sendable, Hashable {
  /// The label of the grand total, as τ-Argus publishes it.
  public static let totalCode = "Total"

  /// Every code, the total first.
  public private(set) var codes: [String]
  /// The parent of each code (by position in ``codes``); `nil` for the total.
  public private(set) var parents: [Int?]
  /// The children of each code, in order.
  public private(set) var children: [[Int]]
  private var positions: [String: Int]

  /// Why a hierarchy cannot be read.
  public enum Problem: Error, Hashable, Sendable {
    /// A line is deeper than its predecessor by more than one level.
    case levelSkipped(line: Int)
    /// A code appears twice.
    case duplicateCode(line: Int)
    /// A line has no code after its level markers.
    case emptyCode(line: Int)
  }

  /// A flat dimension: the total and its `codes` below it.
  public init(flat codes: [String]) {
    self.codes = [Self.totalCode]
    parents = [nil]
    children = [[]]
    positions = [Self.totalCode: 0]
    for code in codes { add(code, parent: 0) }
  }

  /// Reads a τ-Argus hierarchy file (`.hrc`): one code a line, one `@` per level below the top.
  public init(hrc text: String) throws(Problem) {
    self.init(flat: [])
    var stack = [0]  // the last code seen at each depth, the total at depth 0
    var number = 0
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      number += 1
      let trimmed = line.trimmed(of: " \t\r")
      if trimmed.isEmpty { continue }
      let depth = trimmed.prefix { $0 == "@" }.count + 1
      let code = String(trimmed.dropFirst(depth - 1)).trimmed(of: " \t")
      guard !code.isEmpty else { throw .emptyCode(line: number) }
      guard depth <= stack.count else { throw .levelSkipped(line: number) }
      guard positions[code] == nil else { throw .duplicateCode(line: number) }
      stack.removeSubrange(depth...)
      stack.append(add(code, parent: stack[depth - 1]))
    }
  }

  /// Adds `code` under the code at `parent`, after its other children, as the next line of a
  /// hierarchy file would; returns its position.
  @discardableResult
  public mutating func append(_ code: String, under parent: Int) throws(Problem) -> Int {
    guard positions[code] == nil else { throw .duplicateCode(line: codes.count) }
    return add(code, parent: parent)
  }

  @discardableResult
  private mutating func add(_ code: String, parent: Int) -> Int {
    let position = codes.count
    codes.append(code)
    parents.append(parent)
    children.append([])
    children[parent].append(position)
    positions[code] = position
    return position
  }

  /// The position of `code`, if it is in the hierarchy.
  public func position(of code: String) -> Int? { positions[code] }

  /// Whether the code at `position` has no children (an inner code).
  public func isLeaf(_ position: Int) -> Bool { children[position].isEmpty }

  /// The code at `position` and all its ancestors up to the total.
  public func selfAndAncestors(_ position: Int) -> [Int] {
    var result = [position]
    while let parent = parents[result[result.count - 1]] { result.append(parent) }
    return result
  }
}

extension StringProtocol {
  fileprivate func trimmed(of set: String) -> String {
    let characters = Set(set)
    guard let first = firstIndex(where: { !characters.contains($0) }) else { return "" }
    let last = lastIndex { !characters.contains($0) }!
    return String(self[first...last])
  }
}
