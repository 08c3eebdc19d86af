import EnqueteFuzzing

#if FUZZING
  /// libFuzzer entry (built by `scripts/fuzz` with `-DFUZZING`): any bytes through the XML reader and
  /// the validation of what it reads.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzEntryPoints.xml(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  /// The entry point SwiftPM links as `main`.
  @_cdecl("fuzz_xml_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzEntryPoints.runDriver(argc, argv, fuzzXML)
  }
#else
  import Foundation

  /// Without libFuzzer: replays the files named on the command line (a crash the fuzzer found).
  @main
  struct ReplayXML {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        FuzzEntryPoints.xml(Array(FileManager.default.contents(atPath: path) ?? Data()))
        print("replayed \(path)")
      }
    }
  }
#endif
