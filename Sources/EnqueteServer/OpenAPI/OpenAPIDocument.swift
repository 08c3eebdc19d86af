import Hummingbird

/// The OpenAPI 3.1 document of the portal (`portail.yaml` beside this file, compiled in), served
/// at `GET /openapi.yaml` without a token.
enum OpenAPIDocument {
  /// The document's text.
  static var text: String { String(decoding: PackageResources.portail_yaml, as: UTF8.self) }

  @Sendable static func serve(_ request: Request, context: PortalContext) async throws -> Response {
    Response(
      status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}
