import Hummingbird

/// Builds `multipart/form-data` bodies as a browser sends them, for the tests.
enum Multipart {
  static let boundary = "----enqueteTestBoundary7MA4YWxkTrZu0gW"

  /// A form with one text field, one file field named `fichier` and, when given, the per-measure
  /// detail in a file field named `mesures` (before the file, as a form may order its fields).
  static func form(
    fileName: String, contentType: String, bytes: [UInt8], detail: (name: String, bytes: [UInt8])? = nil
  ) -> (contentType: String, body: ByteBuffer) {
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbonjour\r\n")
    if let detail {
      body.writeString(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"mesures\"; filename=\"\(detail.name)\"\r\n"
          + "Content-Type: text/csv\r\n\r\n")
      body.writeBytes(detail.bytes)
      body.writeString("\r\n")
    }
    body.writeString(
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"\(fileName)\"\r\n"
        + "Content-Type: \(contentType)\r\n\r\n")
    body.writeBytes(bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    return ("multipart/form-data; boundary=\(boundary)", body)
  }
}
