import Hummingbird

/// Builds `multipart/form-data` bodies as a browser sends them, for the tests.
enum Multipart {
  static let boundary = "----enqueteTestBoundary7MA4YWxkTrZu0gW"

  /// A form with one text field and one file field named `fichier`.
  static func form(
    fileName: String, contentType: String, bytes: [UInt8]
  ) -> (contentType: String, body: ByteBuffer) {
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbonjour\r\n")
    body.writeString(
      "--\(boundary)\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"\(fileName)\"\r\n"
        + "Content-Type: \(contentType)\r\n\r\n")
    body.writeBytes(bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    return ("multipart/form-data; boundary=\(boundary)", body)
  }
}
