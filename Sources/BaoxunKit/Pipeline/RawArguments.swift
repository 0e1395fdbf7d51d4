import Foundation

/// The command line as the bytes the shell passed. Swift decodes arguments as UTF-8 and
/// replaces what is not (a GBK folder name typed in a GBK terminal, or pasted from a listing of
/// a Windows zip), so a path must be taken from here to be opened, and a child process must be
/// given these bytes, not the decoded text.
public enum RawArguments {
  /// This process's arguments, its own name first.
  public static var current: [[UInt8]] {
    (0..<Int(CommandLine.argc)).map { i in
      guard let argument = CommandLine.unsafeArgv[i] else { return [] }
      return Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
    }
  }

  /// The bytes behind each of `values` (what the argument parser made of some of `raw`, in
  /// command-line order). A value that is valid text is its own UTF-8; one with a replacement
  /// character is the next argument after the previous such one that is not UTF-8 and decodes
  /// to it, so two GBK names that decode alike still reach their own files.
  public static func bytes(of values: [String], in raw: [[UInt8]]) -> [[UInt8]] {
    var next = 1
    return values.map { value in
      guard value.unicodeScalars.contains("\u{FFFD}") else { return Array(value.utf8) }
      for i in next..<max(next, raw.count)
      where String(validating: raw[i], as: UTF8.self) == nil && String(decoding: raw[i], as: UTF8.self) == value {
        next = i + 1
        return raw[i]
      }
      return Array(value.utf8)
    }
  }
}
