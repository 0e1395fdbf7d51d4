import Foundation
import Testing

@testable import BaoxunKit

/// The promise to analysts: each row's [start, end) in the original file is the matched text.
@Suite struct ProvenanceTests {
  static let pipeline = Pipeline(book: try! RuleBook.load(from: RepoPaths.rules))

  /// The original characters of a row, normalized the way the pipeline normalizes, line breaks
  /// (page-break joins) removed.
  static func normalizedSlice(_ original: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: original[start..<end])
    let n = Normalizer().normalize(String(view))
    return n.string(0..<n.scalars.count).replacingOccurrences(of: "\n", with: "")
  }

  func check(_ bytes: [UInt8], shift: Int = 0) throws {
    let decoded = try Decoder.decode(bytes)
    let original = Array(decoded.text.unicodeScalars)
    let records = Self.pipeline.analyze(text: decoded.text, issue: "seed").records
    #expect(records.officials.count >= 18)
    #expect(records.amounts.count >= 2)
    for o in records.officials {
      #expect(Self.normalizedSlice(original, o.provenance.start, o.provenance.end).replacingOccurrences(of: " ", with: "") == o.name)
    }
    for a in records.amounts {
      #expect(Self.normalizedSlice(original, a.provenance.start, a.provenance.end) == a.text)
    }
    for j in records.jobs {
      #expect(Self.normalizedSlice(original, j.provenance.start, j.provenance.end) == j.text)
    }
    for e in records.events {
      let slice = Self.normalizedSlice(original, e.provenance.start, e.provenance.end)
      #expect(e.provenance.sentence.contains(slice), "\(slice) not in \(e.provenance.sentence)")
    }
    for p in records.projects {
      let slice = Self.normalizedSlice(original, p.provenance.start, p.provenance.end)
      #expect(p.provenance.sentence.contains(slice))
    }
    for a in records.articles where !a.headline.isEmpty {
      #expect(Self.normalizedSlice(original, a.provenance.start, a.provenance.end).contains(a.headline))
    }
  }

  @Test func everySeedRowPointsAtItsText() throws {
    try check(Array(RepoPaths.seedText.utf8))
  }

  /// A BOM is not counted, CRLF counts two scalars per line end, a non-BMP character one.
  @Test(arguments: OffsetShift.allCases)
  func offsetsShiftByExactlyThePrefix(_ shift: OffsetShift) throws {
    let base = Self.pipeline.analyze(text: RepoPaths.seedText, issue: "seed").records
    let decoded = try Decoder.decode(Array((shift.prefix + RepoPaths.seedText).utf8))
    let shifted = Self.pipeline.analyze(text: decoded.text, issue: "seed").records
    #expect(shifted.amounts.map(\.provenance.start) == base.amounts.map { $0.provenance.start + shift.shift })
    #expect(shifted.officials.map(\.provenance.end) == base.officials.map { $0.provenance.end + shift.shift })
    #expect(shifted.amounts.map(\.value) == base.amounts.map(\.value))
  }

  @Test func crlfFileGivesSameRecordsAndRightOffsets() throws {
    let crlf = RepoPaths.seedText.replacingOccurrences(of: "\n", with: "\r\n")
    let records = Self.pipeline.analyze(text: crlf, issue: "seed").records
    let base = Self.pipeline.analyze(text: RepoPaths.seedText, issue: "seed").records
    #expect(records.officials.map(\.name) == base.officials.map(\.name))
    #expect(records.amounts.map(\.value) == base.amounts.map(\.value))
    try check(Array(crlf.utf8))
  }

  @Test func markedSpansInShortText() throws {
    let t = MarkedText("这19个项目⟦总投资近7.6亿元⟧，预计⟦年拉动销售收入超百亿元⟧，⟦带动就业超3.1万人⟧。")
    let r = Self.pipeline.analyze(text: t.text, issue: "x").records
    #expect(r.amounts.map { $0.provenance.start..<$0.provenance.end } == [t.spans[0], t.spans[1]])
    #expect(r.jobs.map { $0.provenance.start..<$0.provenance.end } == [t.spans[2]])
  }
}
