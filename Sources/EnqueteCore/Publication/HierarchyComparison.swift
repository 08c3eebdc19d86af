/// What protecting the régions and the cours d'appel together costs and saves, against protecting
/// each hierarchy alone (what a tool without linked tables does): the cells each pattern hides,
/// and how many primaries the union of the two separate patterns leaves exposed once both
/// hierarchies are published.
public struct HierarchyComparison: Codable, Sendable, Hashable {
  /// Cells hidden by the joint protection (primaries and secondaries).
  public var jointHidden: Int
  /// Cells hidden by protecting the publication without the cours d'appel.
  public var regionsAloneHidden: Int
  /// Cells hidden by protecting the publication without the régions.
  public var coursAloneHidden: Int
  /// Cells hidden by the union of the two separate patterns, over the joint publication.
  public var unionHidden: Int
  /// Primaries of the joint publication whose protection the union of the separate patterns
  /// does not reach (the leaks of protecting table by table).
  public var unionFailingPrimaries: Int

  /// Cells the joint protection hides beyond each hierarchy alone (union of the separate patterns).
  public var hiddenBeyondSeparate: Int { jointHidden - unionHidden }

  /// The counts.
  public init(
    jointHidden: Int, regionsAloneHidden: Int, coursAloneHidden: Int, unionHidden: Int,
    unionFailingPrimaries: Int
  ) {
    self.jointHidden = jointHidden
    self.regionsAloneHidden = regionsAloneHidden
    self.coursAloneHidden = coursAloneHidden
    self.unionHidden = unionHidden
    self.unionFailingPrimaries = unionFailingPrimaries
  }

  enum CodingKeys: String, CodingKey {
    case jointHidden = "secretes_protection_conjointe", regionsAloneHidden = "secretes_regions_seules",
      coursAloneHidden = "secretes_cours_appel_seules", unionHidden = "secretes_union_des_deux",
      unionFailingPrimaries = "primaires_exposees_par_l_union"
  }

  /// The member of the private audit, keys in order.
  var json: OrderedJSON {
    .object([
      ("secretes_protection_conjointe", .number(Double(jointHidden))),
      ("secretes_regions_seules", .number(Double(regionsAloneHidden))),
      ("secretes_cours_appel_seules", .number(Double(coursAloneHidden))),
      ("secretes_union_des_deux", .number(Double(unionHidden))),
      ("primaires_exposees_par_l_union", .number(Double(unionFailingPrimaries))),
    ])
  }
}
