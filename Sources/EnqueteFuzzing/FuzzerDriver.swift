#if FUZZING
  /// libFuzzer's start-up hook: one-time statics are built before any input runs.
  @_cdecl("LLVMFuzzerInitialize")
  public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
  ) -> Int32 {
    FuzzEntryPoints.warmUp()
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
  ) -> Int32

  extension FuzzEntryPoints {
    /// Starts libFuzzer on `callback`. SwiftPM links executables with `--defsym main=<target>_main`;
    /// each fuzz target defines that symbol and calls this (libFuzzer's own `main` is then never
    /// linked in).
    public static func runDriver(
      _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
      _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
    ) -> Int32 {
      var count = argc
      var arguments = argv
      return runFuzzerDriver(&count, &arguments, callback)
    }
  }
#endif
