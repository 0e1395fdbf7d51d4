import Foundation
import Testing

@testable import BaoxunKit

@Suite struct DecoderTests {
  let sample = "本报讯（记者 金一清）这19个项目总投资近7.6亿元。\n"

  /// Encodes with the system's iconv command, as an archive tool would have written the file.
  func iconv(_ text: String, to encoding: String) throws -> [UInt8] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", "UTF-8", "-t", encoding]
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try p.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return [UInt8](data)
  }

  @Test func utf8WithAndWithoutBOM() throws {
    #expect(try Decoder.decode(Array(sample.utf8)).encoding == .utf8)
    let withBOM = try Decoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
    #expect(withBOM.encoding == .utf8BOM)
    #expect(withBOM.text == sample)
  }

  @Test func gb18030ViaIconv() throws {
    let bytes = try iconv(sample, to: "GB18030")
    #expect(bytes != Array(sample.utf8))
    let decoded = try Decoder.decode(bytes)
    #expect(decoded.encoding == .gb18030)
    #expect(decoded.text == sample)
  }

  @Test func utf16WithBOM() throws {
    let le = try Decoder.decode(try iconv(sample, to: "UTF-16LE").withBOM(le: true))
    #expect(le.encoding == .utf16LE)
    #expect(le.text == sample)
    let be = try Decoder.decode(try iconv(sample, to: "UTF-16BE").withBOM(le: false))
    #expect(be.encoding == .utf16BE)
    #expect(be.text == sample)
  }

  @Test func binaryIsRejectedWithOffset() {
    #expect(throws: DecodeError.binary(offset: 3)) { try Decoder.decode([0x41, 0x42, 0x43, 0x00, 0x44]) }
  }

  @Test func invalidBytesReportWhere() {
    // 0xFF is neither UTF-8 nor a GB18030 lead byte.
    #expect(throws: DecodeError.undecodable(utf8Offset: 2, gb18030Offset: 2, utf8CutOff: false)) {
      try Decoder.decode([0x41, 0x42, 0xFF, 0x41])
    }
  }

  /// A UTF-8 file damaged in the middle: the message points at the damage, not at where GB18030
  /// happened to give up (its third byte), and counts the byte-order mark.
  @Test func damagedUTF8ReportsTheDamage() throws {
    let good = Array(sample.utf8)
    let damaged = [0xEF, 0xBB, 0xBF] + good[0..<28] + [0xFF, 0xFF, 0xFF] + good[28...]
    do {
      _ = try Decoder.decode(damaged)
      Issue.record("decoded a damaged file")
    } catch {
      guard case .undecodable(let utf8, let gb, let cutOff) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(utf8 == 31)
      #expect(gb < utf8)
      #expect(!cutOff)
      #expect(error.description.contains("UTF-8 up to a bad byte at offset 31"))
    }
  }

  /// A copy interrupted inside a character (the last 。 lost its final byte): said so, with where.
  @Test func cutOffUTF8IsNamed() {
    let good = Array(sample.utf8)
    do {
      _ = try Decoder.decode(Array(good.dropLast(2)))
      Issue.record("decoded a cut-off file")
    } catch {
      guard case .undecodable(let utf8, _, let cutOff) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(utf8 == good.count - 4)
      #expect(cutOff)
      #expect(error.description.hasPrefix(
        "UTF-8 cut off in the middle of a character at offset \(good.count - 4)"))
    }
  }

  /// UTF-16 without its mark is still skipped (NUL bytes), but the message says what it looks like.
  @Test func unmarkedUTF16IsNamed() throws {
    let le = try iconv(sample, to: "UTF-16LE")
    #expect(throws: DecodeError.unmarkedUTF16(offset: le.firstIndex(of: 0)!)) { try Decoder.decode(le) }
    #expect(throws: DecodeError.binary(offset: 8)) {
      try Decoder.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    }
  }

  /// NUL bytes mean binary behind a UTF-8 mark too; only UTF-16 carries them as text.
  @Test func nulAfterUTF8MarkIsBinary() {
    #expect(throws: DecodeError.binary(offset: 6)) {
      try Decoder.decode([0xEF, 0xBB, 0xBF, 0x61, 0x62, 0x63, 0x00, 0x64])
    }
  }

  @Test func emptyFileDecodesToNothing() throws {
    #expect(try Decoder.decode([]).text == "")
  }
}

extension [UInt8] {
  func withBOM(le: Bool) -> [UInt8] { (le ? [0xFF, 0xFE] : [0xFE, 0xFF]) + self }
}

@Suite struct DecoderEdgeTests {
  /// Found by the robustness review: a UTF-8 mark before GBK bytes used to decode the mark too.
  @Test func utf8MarkBeforeGBKBytesIsNotText() throws {
    let gbk = try DecoderTests().iconv("本报讯 总投资3亿元", to: "GBK")
    let decoded = try Decoder.decode([0xEF, 0xBB, 0xBF] + gbk)
    #expect(decoded.encoding == .gb18030)
    #expect(decoded.text == "本报讯 总投资3亿元")
  }
}
