import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The encodings baoxun recognises in newspaper archives, as recorded per issue.
public enum TextEncoding: String, Sendable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8-BOM"
  case utf16LE = "UTF-16LE"
  case utf16BE = "UTF-16BE"
  case gb18030 = "GB18030"
}

/// Why an issue file could not be decoded; each message says what to do about it. Offsets count
/// bytes of the file, byte-order mark included.
public enum DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
  case binary(offset: Int)
  /// NUL bytes in what reads as UTF-16 text with line breaks (see `Decoder.looksLikeUTF16`).
  case unmarkedUTF16(offset: Int)
  /// Neither encoding reads the whole file: where each first failed.
  case undecodable(utf8Offset: Int, gb18030Offset: Int, utf8CutOff: Bool)
  case invalidUTF16

  public var description: String {
    switch self {
    case .binary(let offset):
      return "binary file (NUL byte at offset \(offset)): not a text issue, skipped"
    case .unmarkedUTF16(let offset):
      return "NUL byte at offset \(offset), laid out like UTF-16 without a byte-order mark: "
        + "re-export the file as UTF-8 (or UTF-16 with a mark); skipped"
    case .undecodable(let utf8, let gb, let cutOff):
      if cutOff {
        return "UTF-8 cut off in the middle of a character at offset \(utf8) (an interrupted copy?): "
          + "copy or export the file again"
      }
      // The encoding that reads further is the one the file is most likely in.
      if utf8 >= gb {
        return "neither UTF-8 nor GB18030: UTF-8 up to a bad byte at offset \(utf8) (GB18030 fails "
          + "at \(gb)): the file is damaged there; export or copy it again"
      }
      return "neither UTF-8 nor GB18030: GB18030 up to a bad byte at offset \(gb) (UTF-8 fails at "
        + "\(utf8)): re-export the file as UTF-8"
    case .invalidUTF16:
      return "UTF-16 byte-order mark but invalid UTF-16 data: re-export the file as UTF-8"
    }
  }
}

/// Text decoded from an issue file; offsets later count Unicode scalars of `text`,
/// which never includes the byte-order mark.
public struct DecodedText: Sendable {
  public var text: String
  public var encoding: TextEncoding
}

/// Turns the bytes of an issue file into text: BOM sniffing, strict UTF-8, then GB18030 via iconv.
public enum Decoder {
  public static func decode(_ data: [UInt8]) throws(DecodeError) -> DecodedText {
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
      let little = data[0] == 0xFF
      guard let text = utf16(data[2...], littleEndian: little) else { throw .invalidUTF16 }
      return DecodedText(text: text, encoding: little ? .utf16LE : .utf16BE)
    }
    // Only UTF-16 has NUL bytes in text; behind any other mark they still mean binary.
    if let nul = data.firstIndex(of: 0) {
      throw looksLikeUTF16(data) ? .unmarkedUTF16(offset: nul) : .binary(offset: nul)
    }
    let bom = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if let text = strictUTF8(data[bom...]) {
      return DecodedText(text: text, encoding: bom > 0 ? .utf8BOM : .utf8)
    }
    // A UTF-8 mark on GBK bytes (some export tools add one): the mark is not text.
    do {
      return DecodedText(text: try gb18030(Array(data[bom...])), encoding: .gb18030)
    } catch let failure {
      let (utf8, cutOff) = firstInvalidUTF8(data[bom...])
      throw .undecodable(utf8Offset: bom + utf8, gb18030Offset: bom + failure.offset, utf8CutOff: cutOff)
    }
  }

  /// Whether the bytes read as UTF-16 text in either byte order: valid, with line breaks (every
  /// issue has them) and no other control characters. A Windows "Unicode" export without its mark.
  static func looksLikeUTF16(_ data: [UInt8]) -> Bool {
    [true, false].contains { little in
      guard let text = utf16(data[...], littleEndian: little) else { return false }
      var lineBreak = false
      for s in text.unicodeScalars where s.value < 0x20 {
        guard s == "\n" || s == "\r" || s == "\t" else { return false }
        lineBreak = lineBreak || s == "\n"
      }
      return lineBreak
    }
  }

  /// Where UTF-8 decoding of `bytes` first fails, counted from their start, and whether it fails
  /// only because the last character is incomplete (the file was cut off).
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (offset: Int, cutOff: Bool) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return (offset, false)
      case .error(let length):
        // An incomplete sequence the file ends in: a lead byte and fewer continuations than it needs.
        let rest = bytes.count - offset
        let lead = bytes[bytes.startIndex + offset]
        let needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return (offset, length == rest && rest < needed && lead >= 0xC2 && lead <= 0xF4)
      }
    }
  }

  static func strictUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
    String(validating: bytes, as: UTF8.self)
  }

  static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
    guard bytes.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let a = UInt16(bytes[i])
      let b = UInt16(bytes[i + 1])
      units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
      i += 2
    }
    return String(validating: units, as: UTF16.self)
  }

  /// GB18030 (a superset of GBK and GB2312) through glibc's iconv, which reports where it failed.
  static func gb18030(_ data: [UInt8]) throws(GB18030Failure) -> String {
    let cd = iconv_open("UTF-8", "GB18030")
    guard cd != iconv_t(bitPattern: -1) else { throw GB18030Failure(offset: 0) }
    defer { iconv_close(cd) }
    var input = data
    var output = [UInt8](repeating: 0, count: data.count * 2 + 16)
    var failedAt: Int? = nil
    let produced = input.withUnsafeMutableBufferPointer { inBuf in
      output.withUnsafeMutableBufferPointer { outBuf in
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var inLeft = inBuf.count
        var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
          .assumingMemoryBound(to: CChar.self)
        var outLeft = outBuf.count
        if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 {
          failedAt = inBuf.count - inLeft
        }
        return outBuf.count - outLeft
      }
    }
    if let failedAt { throw GB18030Failure(offset: failedAt) }
    guard let text = String(validating: output[0..<produced], as: UTF8.self) else {
      throw GB18030Failure(offset: 0)
    }
    return text
  }

  /// Where iconv stopped reading GB18030, in bytes.
  struct GB18030Failure: Error {
    var offset: Int
  }
}
