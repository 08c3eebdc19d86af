import EnqueteCore

/// Every earlier publication of a campaign, and the reports of every version grouped by the
/// versions they appear in, each read as the publication reads its reports (``LinkedTables``, with
/// the reader's knowledge): what ``RepublicationSystem`` joins with the new publication.
///
/// A reader holds every folder of the campaign at once. With one earlier publication, the groups
/// are the three layers of services: reports the same in both versions, previous versions of the
/// others, their new versions. With more, a report late for the first publication and corrected
/// before the third is in the second only: its group is that set of versions.
public struct RepublicationReadings: Sendable {
  /// One earlier publication as its reader has it.
  public struct Version: Sendable {
    /// Its number in the ledger.
    public var number: Int64
    /// Its cells.
    public var tables: LinkedTables
    /// The cells it hid (identifiers).
    public var hidden: Set<String>
    /// What its pattern told a reader of one cell each (the dominance of the cells it showed:
    /// ``PatternKnowledge/facts(_:_:knowledge:published:)``).
    public var patternFacts: [AttackerKnowledge.Fact]
    /// The cells it hid as primaries by dominance (`B`:
    /// ``PatternKnowledge/dominatingHidden(_:_:hidden:_:knowledge:)``): their version stays a
    /// primary in the joint audit, not a mere unknown.
    public var dominating: Set<String>

    /// Creates an earlier version.
    public init(
      number: Int64, tables: LinkedTables, hidden: Set<String>, patternFacts: [AttackerKnowledge.Fact],
      dominating: Set<String> = []
    ) {
      self.number = number
      self.tables = tables
      self.hidden = hidden
      self.patternFacts = patternFacts
      self.dominating = dominating
    }

    /// Whether this version showed the cell `id` (it had services there and did not hide it).
    func published(_ id: String) -> Bool {
      !hidden.contains(id)
        && tables.location[id].map { tables.systems[$0.system].table.cells[$0.cell].contributors > 0 } == true
    }
  }

  /// The reports that appear in exactly the same versions.
  public struct Group: Sendable {
    /// The versions they appear in: `0` is the new publication, `i` the earlier one `previous[i - 1]`.
    public var versions: Set<Int>
    /// Their cells.
    public var tables: LinkedTables

    /// Creates a group.
    public init(versions: Set<Int>, tables: LinkedTables) {
      self.versions = versions
      self.tables = tables
    }
  }

  /// The earlier publications, most recent first.
  public var previous: [Version]
  /// The groups of reports, in the order their cells join the system.
  public var groups: [Group]

  /// The readings of `previous` (most recent first) with `groups` of reports: the groups are put in
  /// a fixed order (those in more versions first; of the same size, those the new publication lacks
  /// first; then by their versions).
  public init(previous: [Version], groups: [Group]) {
    self.previous = previous
    self.groups = groups.sorted { a, b in
      if a.versions.count != b.versions.count { return a.versions.count > b.versions.count }
      if a.versions.contains(0) != b.versions.contains(0) { return !a.versions.contains(0) }
      return a.versions.sorted().lexicographicallyPrecedes(b.versions.sorted())
    }
  }

  /// The readings of one earlier publication (`previous`, which hid `hidden`): the reports the same
  /// in both versions (`unchanged`), the previous versions of the others (`withdrawn`) and their
  /// new versions (`added`).
  public init(
    previous: LinkedTables, hidden: Set<String>, unchanged: LinkedTables, withdrawn: LinkedTables,
    added: LinkedTables, previousPatternFacts: [AttackerKnowledge.Fact], previousDominating: Set<String> = [],
    number: Int64 = 0
  ) {
    self.init(
      previous: [
        Version(
          number: number, tables: previous, hidden: hidden, patternFacts: previousPatternFacts,
          dominating: previousDominating)
      ],
      groups: [
        Group(versions: [0, 1], tables: unchanged), Group(versions: [1], tables: withdrawn),
        Group(versions: [0], tables: added),
      ])
  }

  /// The suffix of the identifiers of a group's cells: with one earlier publication `#communs`
  /// (in both), `#retires` (in the previous one only) and `#ajoutes` (in the new one only); with
  /// more, `#communs` and `#ajoutes` for the reports in every version and in the new one only, and
  /// else `#services-` with the versions (`nouvelle`, then the ledger numbers).
  func suffix(ofGroup index: Int) -> String {
    let versions = groups[index].versions
    if versions.count == previous.count + 1 { return "#communs" }
    if versions == [0] { return "#ajoutes" }
    if previous.count == 1 { return "#retires" }
    return "#services-"
      + versions.sorted().map { $0 == 0 ? "nouvelle" : "\(previous[$0 - 1].number)" }.joined(separator: "-")
  }

  /// The suffix of the identifiers of an earlier version's cells: `#avant` for the most recent,
  /// `#avant-` and its ledger number for the others.
  func suffix(ofPrevious index: Int) -> String {
    index == 0 ? "#avant" : "#avant-\(previous[index].number)"
  }
}
