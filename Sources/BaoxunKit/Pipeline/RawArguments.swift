import Foundation

/// The command line as the bytes the shell passed. Swift decodes arguments as UTF-8 and
/// replaces what is not (a GBK folder name typed in a GBK terminal, or pasted from a listing of
/// a Windows zip) with U+FFFD, and different GBK names decode alike. So the argument parser is
/// given each such argument as a marker and its bytes in hex (`forParser`), which keeps every
/// value in its own place, and a path is opened by the bytes its value stands for (`bytes`).
public enum RawArguments {
  /// U+F8FF, a private-use character no typed path starts with.
  static let marker: Character = "\u{F8FF}"

  /// This process's arguments, its own name first.
  public static var current: [[UInt8]] {
    (0..<Int(CommandLine.argc)).map { i in
      guard let argument = CommandLine.unsafeArgv[i] else { return [] }
      return Array(UnsafeRawBufferPointer(start: argument, count: strlen(argument)))
    }
  }

  /// The arguments as the parser should see them: text as it is, anything else as the marker
  /// and its bytes in hex.
  public static func forParser(_ raw: [[UInt8]]) -> [String] {
    raw.map { bytes in
      String(validating: bytes, as: UTF8.self)
        ?? String(marker) + bytes.map { hex($0) }.joined()
    }
  }

  /// A byte as two hex digits (`0a`, `FF`): how bytes that are not text are written, here and in
  /// the rows that name a file (`IssueWalk.text`).
  static func hex(_ byte: UInt8, uppercase: Bool = false) -> String {
    let digits = String(byte, radix: 16, uppercase: uppercase)
    return byte < 16 ? "0" + digits : digits
  }

  /// The bytes a parsed value stands for: its own UTF-8, or the bytes `forParser` marked.
  public static func bytes(_ value: String) -> [UInt8] {
    guard let hex = marked(value) else { return Array(value.utf8) }
    func digit(_ c: UInt8) -> UInt8 { c <= UInt8(ascii: "9") ? c - UInt8(ascii: "0") : c - UInt8(ascii: "a") + 10 }
    return stride(from: 0, to: hex.count, by: 2).map { digit(hex[$0]) << 4 | digit(hex[$0 + 1]) }
  }

  /// Whether a parsed value came from an argument that is not UTF-8 (`forParser`).
  public static func isBytes(_ value: String) -> Bool { marked(value) != nil }

  private static func marked(_ value: String) -> [UInt8]? {
    guard value.first == marker else { return nil }
    let hex = Array(value.dropFirst().utf8)
    guard hex.count % 2 == 0, !hex.isEmpty, hex.allSatisfy({ UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0
      || UInt8(ascii: "a")...UInt8(ascii: "f") ~= $0 }) else { return nil }
    return hex
  }
}
