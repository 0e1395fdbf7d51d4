import CFuzzerDriver

/// The program's entry point. SwiftPM links an executable with `main` bound to `<target>_main`,
/// which would hide libFuzzer's own `main`; so this one hands control to libFuzzer's driver.
@_cdecl("BaoxunFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?)
  -> CInt
{
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
