import Foundation

/// The `baoxun number` output: one tab-separated line per input.
extension NumberParser {
  /// One TSV line for `baoxun number`: input, value, unit, qualifier, bound, high
  /// (tab-separated, no newline). No number gives an empty value, never a guess.
  public static func tsvLine(for input: String) -> String {
    var bytes: [UInt8] = []
    appendTSVLine(for: input, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func appendTSVLine(for input: String, to out: inout [UInt8]) {
    let q = parse(input)
    let start = out.count
    out.append(contentsOf: input.utf8)
    for i in start..<out.count where out[i] == 0x09 || out[i] == 0x0A || out[i] == 0x0D {
      out[i] = 0x20
    }
    out.append(0x09)
    q?.value?.appendPlain(to: &out)
    for f in [q?.unit, q?.qualifier, q?.bound?.rawValue] {
      out.append(0x09)
      if let f { out.append(contentsOf: f.utf8) }
    }
    out.append(0x09)
    q?.high?.appendPlain(to: &out)
  }
}

/// Streams `baoxun number` lines: reads one input at a time and writes through a buffer, so
/// memory stays flat on any input size.
public enum NumberTSV {
  /// Reads inputs from `next` until it returns nil, handing buffered UTF-8 output to `write`.
  public static func stream(next: () -> String?, write: ([UInt8]) -> Void) {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 16)
    while let line = next() {
      NumberParser.appendTSVLine(for: line, to: &buffer)
      buffer.append(0x0A)
      if buffer.count >= 1 << 16 {
        write(buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    if !buffer.isEmpty { write(buffer) }
  }
}
