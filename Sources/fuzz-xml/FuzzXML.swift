import EnqueteFuzzing

#if FUZZING
  /// libFuzzer entry (built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address`): any bytes
  /// through the XML reader and the validation of what it reads.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    FuzzEntryPoints.xml(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  /// libFuzzer's start-up hook: one-time statics are built before any input runs.
  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
  ) -> Int32 {
    FuzzEntryPoints.warmUp()
    return 0
  }

  // SwiftPM links executables with `--defsym main=fuzz_xml_main`; define that entry point and
  // start libFuzzer through its driver (libFuzzer's own `main` is then never linked in).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
  ) -> Int32

  /// The process entry point SwiftPM links as `main`: runs libFuzzer's driver on this target.
  @_cdecl("fuzz_xml_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzXML)
  }
#else
  import Foundation

  /// Without libFuzzer: replays the files named on the command line (a crash found by the fuzzer).
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
