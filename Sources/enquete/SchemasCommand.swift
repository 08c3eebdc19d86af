import ArgumentParser
import EnqueteCore
import Foundation

/// `enquete schemas`: writes, or checks, the XSDs, Table Schemas and variable documentation that
/// are generated from the catalogs.
struct SchemasCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schemas",
    abstract: "Write the XSDs, Table Schemas and variable docs generated from the catalogs."
  )

  @Option(name: .long, help: "The Schemas folder to write into.")
  var out: String = "Schemas"

  @Flag(name: .long, help: "Write nothing; exit 1 if a generated file differs from the catalog.")
  var check = false

  func run() throws {
    let root = URL(fileURLWithPath: out)
    var files = ContractFiles.generated()
    let readmeURL = root.appendingPathComponent("README.md")
    let readme = (try? String(contentsOf: readmeURL, encoding: .utf8)) ?? ""
    files.append(("README.md", ContractFiles.updatingReadme(readme)))
    var stale: [String] = []
    for (path, content) in files {
      let url = root.appendingPathComponent(path)
      if (try? String(contentsOf: url, encoding: .utf8)) == content { continue }
      stale.append(path)
      if !check {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
      }
    }
    if check {
      for path in stale { FileHandle.standardError.write(Data("\(out)/\(path): out of date\n".utf8)) }
      if !stale.isEmpty { throw ExitStatus.checkFailed }
    } else {
      print("\(stale.count) file(s) written, \(files.count - stale.count) already up to date, in \(out)/")
    }
  }
}
