import EnqueteCore
import EnquetePipeline
import Foundation
import Hummingbird

/// An upload received whole: where its bytes wait on disk, what the sender called it, and the
/// SHA-256 of exactly what arrived.
struct SpooledUpload: Sendable {
  /// The spool file (its extension, `.xml` or `.csv`, says how it is read).
  var path: String
  /// The name the sender gave (its last path component), or a default.
  var name: String
  /// Bytes received.
  var size: Int
  /// SHA-256 of the bytes received, lowercase hexadecimal.
  var sha256: String
  /// An XML file's verdict and reports, validated while it arrived (nil for CSV: read once whole).
  var checked: (verdict: FileVerdict, reports: [ValidatedReport])?
  /// A CSV report file's per-measure detail sent beside it (form field `mesures`), spooled at
  /// `CSVSubmissionCheck`'s place for it (`<spool>-mesures.csv`): the name it was sent under, its
  /// size and SHA-256.
  var companion: (name: String, size: Int, sha256: String)?

  /// The spool files to remove once the upload is handled.
  var paths: [String] {
    [path] + (companion == nil ? [] : [((path as NSString).deletingPathExtension) + "-mesures.csv"])
  }
}

/// Receives a request body into a spool file as it arrives — counting and hashing it on the way,
/// stopping at the size limit, and for XML validating it on the way too (libxml2's push parser with
/// the survey's XSD, ``StreamedXMLCheck``) — from a raw XML or CSV body or from an HTML form's file
/// field. The file is the caller's to remove.
struct UploadSpool {
  /// The folder spool files go to.
  var directory: String
  /// The largest body accepted.
  var maximumBytes: Int
  /// The campaign year reports are checked against.
  var campaignYear: Int?

  /// The kind of body a `Content-Type` announces.
  enum BodyKind: Equatable {
    case xml, csv
    case form(boundary: String)
  }

  /// The kind of body of `contentType`; nil for a type the portal does not take (415).
  static func kind(of contentType: String?) -> BodyKind? {
    guard let contentType else { return nil }
    let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
    switch parts.first?.lowercased() {
    case "application/xml", "text/xml": return .xml
    case "text/csv": return .csv
    case "multipart/form-data":
      for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("boundary=") {
        let boundary = parameter.dropFirst("boundary=".count).trimmingCharacters(
          in: CharacterSet(charactersIn: "\""))
        if !boundary.isEmpty, boundary.utf8.count <= 70 { return .form(boundary: boundary) }
      }
      return nil
    default: return nil
    }
  }

  /// The format a file name's extension names.
  static func kind(ofFileName name: String) -> BodyKind? {
    switch (name as NSString).pathExtension.lowercased() {
    case "xml": .xml
    case "csv": .csv
    default: nil
    }
  }

  /// Receives `body`; `name` is the name given beside a raw body (`?nom=`).
  ///
  /// - Throws: `PortalError` 413 past the limit, 415 for a form without an XML or CSV file, 400
  ///   for a malformed form; the body's own error when the connection breaks.
  func receive(_ body: RequestBody, kind: BodyKind, name: String?) async throws -> SpooledUpload {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let base = (directory as NSString).appendingPathComponent(UUID().uuidString)
    let partial = base + ".part"
    guard FileManager.default.createFile(atPath: partial, contents: nil),
      let handle = FileHandle(forWritingAtPath: partial)
    else { throw PortalError.badRequest("Le fichier n'a pas pu être reçu.") }
    var succeeded = false
    defer {
      try? handle.close()
      if !succeeded { try? FileManager.default.removeItem(atPath: partial) }
    }
    var hash = SHA256()
    var size = 0
    var form: MultipartFileStream?
    if case .form(let boundary) = kind { form = MultipartFileStream(boundary: boundary) }
    var check: StreamedXMLCheck?
    var decided = false
    let companionPartial = base + "-mesures.part"
    var companionHandle: FileHandle?
    var companionHash = SHA256()
    var companionSize = 0
    defer {
      try? companionHandle?.close()
      if !succeeded { try? FileManager.default.removeItem(atPath: companionPartial) }
    }
    func write(_ bytes: [UInt8]) throws {
      size += bytes.count
      if size + companionSize > maximumBytes { throw PortalError.tooLarge(limit: maximumBytes) }
      hash.update(bytes)
      try handle.write(contentsOf: bytes)
      if !decided {
        decided = true
        let fileName = form?.file?.fileName ?? name
        let format = form == nil ? kind : form?.file.flatMap { Self.kind(ofFileName: $0.fileName) }
        if format == .xml {
          check = StreamedXMLCheck(name: Self.cleanName(fileName, format: .xml), campaignYear: campaignYear)
        }
      }
      if let check, check.wantsMore { bytes.withUnsafeBytes { check.feed($0) } }
    }
    func writeCompanion(_ bytes: [UInt8]) throws {
      companionSize += bytes.count
      if size + companionSize > maximumBytes { throw PortalError.tooLarge(limit: maximumBytes) }
      if companionHandle == nil {
        guard FileManager.default.createFile(atPath: companionPartial, contents: nil),
          let opened = FileHandle(forWritingAtPath: companionPartial)
        else { throw PortalError.badRequest("Le fichier n'a pas pu être reçu.") }
        companionHandle = opened
      }
      companionHash.update(bytes)
      try companionHandle!.write(contentsOf: bytes)
    }
    var received = 0
    for try await buffer in body {
      received += buffer.readableBytes
      // A form carries a little more than its file; past this the file is too large anyway.
      if received > maximumBytes + 64 * 1024 { throw PortalError.tooLarge(limit: maximumBytes) }
      let bytes = buffer.readableBytesView
      if form != nil {
        var pieces: [(companion: Bool, bytes: [UInt8])] = []
        do { try form!.feed(bytes) { pieces.append(($0, $1)) } } catch is MultipartFileStream.Malformed {
          throw PortalError.badRequest("Le formulaire envoyé est mal formé.")
        }
        for piece in pieces { try piece.companion ? writeCompanion(piece.bytes) : write(piece.bytes) }
      } else {
        try write(Array(bytes))
      }
    }
    let format: BodyKind
    var fileName = name
    if let form {
      guard form.isComplete, let file = form.file else {
        throw PortalError.badRequest("Le formulaire ne contient pas de fichier (champ « fichier »).")
      }
      let fileKind = Self.kind(ofFileName: file.fileName) ?? Self.kind(of: file.contentType)
      guard let fileKind, fileKind == .xml || fileKind == .csv else { throw PortalError.unsupportedType }
      format = fileKind
      fileName = file.fileName
    } else {
      format = kind
    }
    var companion: (name: String, size: Int, sha256: String)?
    if let part = form?.companion {
      guard format == .csv else {
        throw PortalError.badRequest(
          "Le détail par mesure (champ « mesures ») accompagne un fichier CSV de rapports ; "
            + "un fichier XML porte le sien dans chaque rapport.")
      }
      if companionHandle == nil {  // an empty detail file
        _ = FileManager.default.createFile(atPath: companionPartial, contents: nil)
      }
      companion = (Self.cleanName(part.fileName, format: .csv), companionSize, companionHash.finalizeHex())
    }
    let path = base + (format == .xml ? ".xml" : ".csv")
    try handle.synchronize()
    try companionHandle?.synchronize()
    if companion != nil {
      try FileManager.default.moveItem(atPath: companionPartial, toPath: base + "-mesures.csv")
    }
    try FileManager.default.moveItem(atPath: partial, toPath: path)
    succeeded = true
    // A form's file named .csv but sent as XML (or the reverse) is read as its name says, whole.
    let checked = format == .xml ? check?.finish() : nil
    return SpooledUpload(
      path: path, name: Self.cleanName(fileName, format: format), size: size, sha256: hash.finalizeHex(),
      checked: checked, companion: companion)
  }

  /// The name kept for the file: its last path component, printable, at most 120 characters, with
  /// a default when none was given.
  static func cleanName(_ given: String?, format: BodyKind) -> String {
    let last = (given ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
    let printable = String(
      last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(120))
    if !printable.isEmpty, printable != ".", printable != ".." { return printable }
    return format == .xml ? "depot.xml" : "depot.csv"
  }
}
