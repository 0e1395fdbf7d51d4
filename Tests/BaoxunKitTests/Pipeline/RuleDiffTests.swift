import Foundation
import Testing

@testable import BaoxunKit
import TestSupport

/// `rules diff`: records gained and lost between two rule sets, compared as records.
@Suite struct RuleDiffTests {
  /// A copy of the shipped rules without the rule `id`.
  static func rulesWithout(_ id: String) throws -> URL {
    let dir = TestFolders.path("diff-rules")
    try FileManager.default.copyItem(at: RepoPaths.rules, to: dir)
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path)
    where name.hasSuffix(".yaml") {
      let url = dir.appendingPathComponent(name)
      let text = try String(contentsOf: url, encoding: .utf8)
      guard let start = text.range(of: "  - id: \(id)\n") else { continue }
      let end =
        text.range(of: "\n  - id: ", range: start.upperBound..<text.endIndex)?.lowerBound
        ?? text.endIndex
      var cut = text
      cut.removeSubrange(start.lowerBound..<(end == text.endIndex ? end : text.index(after: end)))
      try cut.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let shipped = try! RuleBook.load(from: RepoPaths.rules, displayRoot: "Rules")

  /// Every record row of the shipped rules on `files` that names `rule`, keyed as the diff keys them.
  static func produced(by rule: String, in files: [IssueFile]) -> [String] {
    let pipeline = Pipeline(book: shipped)
    let matcher = pipeline.makeMatcher()
    var out: [String] = []
    for file in files {
      for (table, rows) in RowBuilder.rows(pipeline.process(file, matcher: matcher))
      where table != .articles {
        for row in rows where row[table.columns.firstIndex(of: "rule") ?? 0] == rule {
          out.append(describe(RuleDiff.change(.lost, table, row)))
        }
      }
    }
    return out.sorted()
  }

  static func describe(_ c: RecordChange) -> String {
    "\(c.table.rawValue) \(c.issue) \(c.article) \(c.start)-\(c.end) \(c.rule) \(c.fields.joined(separator: " "))"
  }

  /// Removing one rule loses exactly the records it produced on the corpus; anything gained is
  /// another rule's match that the removed rule used to beat, at the same place.
  @Test(arguments: ["amount.gdp", "job.employment", "amount.investment"])
  func removingARuleLosesExactlyItsRecords(_ id: String) throws {
    let files = try IssueFile.find([RepoPaths.corpus.appendingPathComponent("issues").path])
    let without = try RuleBook.load(from: try Self.rulesWithout(id))
    #expect(without.rule(id: id) == nil)
    let diff = RuleDiff.build(
      files, old: Pipeline(book: Self.shipped), new: Pipeline(book: without), jobs: 2)
    let expected = Self.produced(by: id, in: files)
    #expect(!expected.isEmpty, "\(id) produces records on the corpus")
    #expect(diff.lost.map(Self.describe).sorted() == expected)
    for g in diff.gained {
      #expect(g.rule != id)
      #expect(
        diff.lost.contains { $0.issue == g.issue && $0.start < g.end && g.start < $0.end },
        "gained \(Self.describe(g)) takes the place of a lost record")
    }
  }

  @Test func sameRulesChangeNothing() throws {
    let files = try IssueFile.find([RepoPaths.seed.path])
    let diff = RuleDiff.build(
      files, old: Pipeline(book: Self.shipped), new: Pipeline(book: Self.shipped))
    #expect(diff.changes.isEmpty)
    #expect(diff.table().hasSuffix("0 gained, 0 lost in 1 files\n"))
  }

  func amount(_ value: String, start: Int, rule: String) -> Amount {
    Amount(
      provenance: Provenance(
        issue: "a.txt", article: 1, start: start, end: start + 4, sentence: "s", rule: rule),
      text: "\(value)元", value: Decimal(string: value), high: nil, unit: "CNY", qualifier: "",
      bound: nil,
      kind: "investment", subject: "")
  }

  @Test func aChangedValueOrRuleIsOneLostAndOneGainedAtTheSamePlace() {
    var old = IssueRecords()
    old.amounts = [
      amount("5", start: 0, rule: "a.x"), amount("7", start: 10, rule: "a.x"),
      amount("9", start: 20, rule: "a.x"),
    ]
    var new = IssueRecords()
    new.amounts = [
      amount("5", start: 0, rule: "a.x"), amount("8", start: 10, rule: "a.x"),
      amount("9", start: 20, rule: "a.y"),
    ]
    let changes = RuleDiff.compare(old: old, new: new)
    #expect(
      changes.map {
        "\($0.kind.rawValue) \($0.start) \($0.rule) \($0.fields.first { $0.hasPrefix("value=") } ?? "")"
      } == [
        "lost 10 a.x value=7", "gained 10 a.x value=8", "lost 20 a.x value=9",
        "gained 20 a.y value=9",
      ])
  }

  @Test func theSentenceAndMentionCountDoNotMakeADifference() {
    var old = IssueRecords()
    old.officials = [
      Official(
        provenance: Provenance(
          issue: "a.txt", article: 1, start: 0, end: 2, sentence: "甲", rule: "o"),
        name: "张三", titles: ["区长"], organizations: [], roles: [], mentions: 1)
    ]
    var new = old
    new.officials[0].mentions = 3
    new.officials[0].provenance.sentence = "乙"
    #expect(RuleDiff.compare(old: old, new: new).isEmpty)
    new.officials[0].titles = ["区委书记"]
    #expect(RuleDiff.compare(old: old, new: new).map(\.kind) == [.lost, .gained])
  }

  @Test func csvNamesEveryChange() {
    var old = IssueRecords()
    old.amounts = [amount("5", start: 0, rule: "a.x")]
    let diff = RuleDiff(
      changes: RuleDiff.compare(old: old, new: IssueRecords()), files: 1, errors: [])
    let lines = String(decoding: diff.csv(), as: UTF8.self).components(separatedBy: "\r\n")
    #expect(lines[0] == RuleDiff.csvColumns.joined(separator: ","))
    #expect(
      lines[1] == "lost,amounts,a.txt,1,0,4,a.x,text=5元; value=5; unit=CNY; kind=investment,s")
  }
}
