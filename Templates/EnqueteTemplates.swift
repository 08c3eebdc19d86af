// The report templates of enquete, compiled into the binary so that `enquete report` works from any
// folder. This folder is a SwiftPM target only to carry them as embedded resources; a statistician
// edits the `.mustache` files and `style.css` here (or a copy given to `enquete report --modeles`).

/// The raw text of the report templates, by name (file name without extension).
public enum TemplateSources {
  /// Every template: `rapport` (the national report), `departement` (a département's extract),
  /// `tableau` (one table, a partial of both) and `style` (the style sheet, inlined in each page).
  public static let all: [String: [UInt8]] = [
    "rapport": PackageResources.rapport_mustache,
    "departement": PackageResources.departement_mustache,
    "tableau": PackageResources.tableau_mustache,
    "style": PackageResources.style_css,
  ]
}
