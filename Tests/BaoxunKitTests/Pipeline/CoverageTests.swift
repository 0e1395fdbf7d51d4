import Foundation
import Testing

@testable import BaoxunKit
import TestSupport

/// `rules coverage`: how often each rule fires, which never do, and the to-do list of sentences
/// with a quantity or a title word that no rule matched.
@Suite struct CoverageTests {
  /// A rules folder with two amount rules that overlap, one that never fires, and a post list.
  static func book() throws -> RuleBook {
    let dir = TestFolders.path("coverage-rules")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("lexicons"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "书记\n区长\n".write(
      to: dir.appendingPathComponent("lexicons/posts.txt"), atomically: true, encoding: .utf8)
    try """
    rules:
      - id: amount.investment
        record: amount
        priority: 10
        pattern: '总投资(?<amount>\\d+(?:\\.\\d+)?亿元)'
        examples: [{text: 总投资5亿元, expect: {value: '500000000'}}]
      - id: amount.bare
        record: amount
        pattern: '(?<amount>\\d+(?:\\.\\d+)?亿元)'
        examples: [{text: 5亿元, expect: {value: '500000000'}}]
      - id: amount.never
        record: amount
        pattern: '从未出现(?<amount>\\d+元)'
        examples: [{text: 从未出现5元, expect: {value: '5'}}]
    """.write(to: dir.appendingPathComponent("amounts.yaml"), atomically: true, encoding: .utf8)
    return try RuleBook.load(from: dir, displayRoot: "R")
  }

  static func issues(_ files: [String: String]) throws -> [IssueFile] {
    let dir = TestFolders.make("coverage-issues")
    for (name, text) in files {
      try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return try IssueFile.find([dir.path])
  }

  static let issue = """
    项目集中开工

    本报讯 该项目总投资5亿元，另有3亿元来自社会资本。县委书记出席活动。项目规划用地120亩。
    """

  @Test func countsFiresLossesRecordsAndNeverFired() throws {
    let files = try Self.issues(["a.txt": Self.issue])
    let report = CoverageReport.build(files, pipeline: Pipeline(book: try Self.book()), jobs: 2)
    let byRule = Dictionary(uniqueKeysWithValues: report.rules.map { ($0.rule, $0) })
    #expect(byRule["amount.investment"]?.fires == 1)
    #expect(byRule["amount.investment"]?.records == 1)
    // 5亿元 lost to the investment rule (priority); 3亿元 stood alone.
    #expect(byRule["amount.bare"]?.fires == 1)
    #expect(byRule["amount.bare"]?.lost == 1)
    #expect(report.neverFired.map(\.rule) == ["amount.never"])
    #expect(
      report.neverFired.first?.location
        == SourceLocation(file: "R/amounts.yaml", line: 11, column: 5))
  }

  @Test func sentencesWithCuesButNoMatchAreTheToDoList() throws {
    let files = try Self.issues(["a.txt": Self.issue])
    let report = CoverageReport.build(files, pipeline: Pipeline(book: try Self.book()))
    #expect(report.uncovered.map(\.sentence) == ["县委书记出席活动。", "项目规划用地120亩。"])
    #expect(report.uncovered.map(\.cues) == [["书记"], ["120亩"]])
    let original = Array(Self.issue.unicodeScalars)
    for u in report.uncovered {
      #expect(u.issue == "a.txt")
      var slice = String.UnicodeScalarView()
      slice.append(contentsOf: original[u.start..<u.end])
      #expect(String(slice) == u.sentence, "provenance offsets point at the sentence in the file")
    }
  }

  @Test(arguments: [
    ("规划用地120亩，建筑面积3.2万平方米", ["120亩", "3.2万平方米"]),
    ("带动就业超3.1万人，县委书记出席", ["超3.1万人", "书记"]),
    ("2024年5月18日上午，同比增长8.5%", []),
    ("这是一场大会，两个大局", []),
    ("副区长出席", ["区长"]),
  ])
  func cues(_ text: String, _ expected: [String]) {
    #expect(CoverageCues(posts: ["书记", "区长"]).cues(in: text) == expected)
  }

  @Test func csvHasOneKindColumnForBothLists() throws {
    let files = try Self.issues(["a.txt": Self.issue])
    let report = CoverageReport.build(files, pipeline: Pipeline(book: try Self.book()))
    let text = String(decoding: report.csv(), as: UTF8.self)
    let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.first == CoverageReport.csvColumns.joined(separator: ","))
    #expect(lines.contains("rule,amount.never,amount,0,0,0,R/amounts.yaml:11:5,,,,,,"))
    #expect(
      lines.contains {
        $0.hasPrefix("uncovered,,,,,,,a.txt,1,") && $0.hasSuffix(",120亩,项目规划用地120亩。")
      })
    #expect(report.table().contains("never fired (1):\n  R/amounts.yaml:11:5: amount.never\n"))
  }
}
