import EnqueteCore
import EnqueteLedger
import EnquetePipeline
import EnqueteRender
import Foundation
import Hummingbird

/// The acknowledgement of receipt of an upload, sent only once the file is committed to the
/// ledger: its id there, the SHA-256 of exactly the bytes received, and the diagnostics in French.
/// It is the sender's own receipt, so its diagnostics may quote the sender's own values.
struct Acknowledgement: Sendable {
  /// What became of the file.
  enum Outcome: String, Sendable {
    /// Every report accepted.
    case accepted = "accepte"
    /// Some reports accepted, some refused.
    case partial = "partiel"
    /// Nothing accepted: the file is kept, refused, with its diagnostics.
    case refused = "refuse"
    /// The same bytes were received before: nothing new was stored.
    case duplicate = "deja-recu"
  }

  /// The file's id in the ledger.
  var fileID: Int64
  /// SHA-256 of the bytes received.
  var sha256: String
  /// Bytes received.
  var size: Int
  /// The name the file was received under.
  var name: String
  /// When the ledger received it (the first time, for a duplicate).
  var receivedAt: Date
  /// The campaign it was sent to.
  var survey: SurveyID
  /// The campaign's year.
  var year: Int
  /// What became of it.
  var outcome: Outcome
  /// What validation said.
  var verdict: FileVerdict
  /// The per-measure detail sent beside a CSV report file: its name, size and SHA-256.
  var companion: (name: String, size: Int, sha256: String)?

  /// The HTTP status: 201 stored, 200 already there, 422 refused (the same bytes received
  /// again after a refusal are still refused: 422 again, not 200).
  var status: HTTPResponse.Status { outcome.status(refused: verdict.acceptedCount == 0) }

  /// The JSON for programs.
  var json: OrderedJSON {
    .object(
      [
        ("id", .number(Double(fileID))),
        ("sha256", .string(sha256)),
        ("taille", .number(Double(size))),
        ("fichier", .string(name)),
        ("recu_le", .string(ISO8601DateFormatter().string(from: receivedAt))),
        ("enquete", .string(survey.rawValue)),
        ("annee", .number(Double(year))),
        ("statut", .string(outcome.rawValue)),
      ]
        + (companion.map { detail in
          [
            (
              "mesures",
              OrderedJSON.object([
                ("fichier", .string(detail.name)), ("sha256", .string(detail.sha256)),
                ("taille", .number(Double(detail.size))),
              ])
            )
          ]
        } ?? []) + [("verdict", VerdictJSON.file(verdict))])
  }

  /// The detail file's lines of the page, when one was sent.
  private var companionLines: String {
    guard let companion else { return "" }
    return """

      <dt>Détail par mesure</dt><dd>\(HTMLPage.escape(companion.name)) (\(companion.size) octets)</dd>
      <dt>Empreinte SHA-256 du détail reçu</dt><dd><code>\(companion.sha256)</code></dd>
      """
  }

  /// The page for a person.
  func page(identity: Identity?) -> String {
    let summary: String =
      switch outcome {
      case .accepted: #"<p class="ok">Fichier reçu et accepté.</p>"#
      case .partial:
        #"<p class="attention">Fichier reçu : une partie des rapports est refusée (voir ci-dessous).</p>"#
      case .refused: #"<p class="refus">Fichier reçu mais refusé : corrigez-le et déposez-le à nouveau.</p>"#
      case .duplicate where verdict.acceptedCount == 0:
        #"<p class="refus">Ce fichier avait déjà été reçu et refusé : corrigez-le avant de le déposer à nouveau.</p>"#
      case .duplicate:
        #"<p class="ok">Ce fichier avait déjà été reçu : rien de nouveau n'a été enregistré.</p>"#
      }
    var body =
      summary + """
        <dl class="encart">
        <dt>Numéro d'enregistrement</dt><dd>\(fileID)</dd>
        <dt>Fichier</dt><dd>\(HTMLPage.escape(name)) (\(size) octets)</dd>
        <dt>Empreinte SHA-256 du fichier reçu</dt><dd><code>\(sha256)</code></dd>\(companionLines)
        <dt>Reçu le</dt><dd>\(RoleText.dateTime(receivedAt))</dd>
        <dt>Campagne</dt><dd>\(HTMLPage.escape(RoleText.title(survey))) \(year)</dd>
        <dt>Rapports</dt><dd>\(FrenchFormat.plural(verdict.reportCount, "lu", "lus")), \
        \(FrenchFormat.plural(verdict.acceptedCount, "accepté", "acceptés")), \
        \(FrenchFormat.plural(verdict.rejectedCount, "refusé", "refusés")), \
        \(FrenchFormat.plural(verdict.warningCount, "avertissement", "avertissements"))</dd>
        </dl>
        """
    let diagnostics = verdict.allDiagnostics.filter { $0.severity != .note }
    if !diagnostics.isEmpty {
      body += "<h2>Messages</h2>\n<ul>\n"
      for diagnostic in diagnostics {
        let place = [
          diagnostic.location.line.map { "ligne \($0)" }, diagnostic.report.map { "SIRET \($0)" },
          diagnostic.variable.map { "variable \($0)" },
        ].compactMap { $0 }.joined(separator: ", ")
        let severity = diagnostic.severity == .error ? "Erreur" : "Avertissement"
        body +=
          "<li><strong>\(severity)</strong>\(place.isEmpty ? "" : " (\(HTMLPage.escape(place)))") : "
          + "\(HTMLPage.escape(diagnostic.message)) <code>[\(HTMLPage.escape(diagnostic.code))]</code></li>\n"
      }
      body += "</ul>\n"
    }
    body += """
      <p><a href="/campagnes/\(survey.rawValue)/\(year)/depot">Déposer un autre fichier</a></p>
      """
    return HTMLPage.render(title: "Accusé de réception", body: body, identity: identity)
  }
}

extension Acknowledgement.Outcome {
  /// What storing the file did, as the sender is told.
  init(_ stored: StoreOutcome) {
    switch stored {
    case .duplicate: self = .duplicate
    case .stored(let file, _):
      switch file.verdict {
      case .accepted: self = .accepted
      case .partial: self = .partial
      case .refused: self = .refused
      }
    }
  }

  /// The HTTP status: 201 stored, 200 already there, 422 refused. A file received again whose
  /// reports were all `refused` the first time is refused still: 422, so a program sending the
  /// same wrong bytes twice is not told the second time that all is well.
  func status(refused: Bool) -> HTTPResponse.Status {
    switch self {
    case .accepted, .partial: .created
    case .duplicate: refused ? .unprocessableContent : .ok
    case .refused: .unprocessableContent
    }
  }
}
