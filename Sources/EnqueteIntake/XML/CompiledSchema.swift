import CLibXML2
import EnqueteCore
import Foundation

/// A survey's XSD, built from its catalog and compiled by libxml2 once per process, for streaming:
/// the uniqueness of detail keys is left to `detailKey` when it can check it (see `DetailKeyCheck`).
///
/// A compiled `xmlSchema` is read-only once built and libxml2 allows sharing it between
/// validation contexts on several threads; each read makes its own validation context.
final class CompiledSchema: @unchecked Sendable {
  let pointer: xmlSchemaPtr
  /// The detail-key uniqueness the reader checks itself (nil: the schema checks it).
  let detailKey: DetailKeyCheck?

  private init?(xsd: String, detailKey: DetailKeyCheck?) {
    self.detailKey = detailKey
    let bytes = Array(xsd.utf8)
    let sink = LibXMLErrorSink()
    let schema: xmlSchemaPtr? = sink.collect {
      bytes.withUnsafeBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { text in
          guard let parser = xmlSchemaNewMemParserCtxt(text, Int32(buffer.count)) else { return nil }
          defer { xmlSchemaFreeParserCtxt(parser) }
          return xmlSchemaParse(parser)
        }
      }
    }
    guard let schema else { return nil }
    pointer = schema
  }

  deinit { xmlSchemaFree(pointer) }

  private static let lock = NSLock()
  nonisolated(unsafe) private static var cache: [SurveyID: CompiledSchema] = [:]

  /// The compiled schema of a survey (generated from its catalog).
  static func of(_ survey: SurveyID) -> CompiledSchema {
    lock.lock()
    defer { lock.unlock() }
    if let schema = cache[survey] { return schema }
    let definition = SurveyDefinition.builtIn(survey)
    let detailKey = DetailKeyCheck(definition)
    let xsd = XSDWriter(survey: definition, includesDetailKey: detailKey == nil).render()
    guard let schema = CompiledSchema(xsd: xsd, detailKey: detailKey) else {
      preconditionFailure("the generated XSD of \(survey.rawValue) does not compile")
    }
    cache[survey] = schema
    return schema
  }
}
