import Testing

@testable import BaoxunKit

/// Shortened re-mentions of events and projects, and the whole-issue merging built on them.
@Suite struct AbbreviationTests {
  @Test(arguments: [
    ("楚宜纺织高档纱线项目", "湖北楚宜纺织有限公司年产3万吨高档纱线项目", true),
    ("经济工作会议", "马桥镇2026年经济工作会议暨项目攻坚动员大会", true),
    ("高档纱线项目", "湖北楚宜纺织有限公司年产3万吨高档纱线项目", false),  // core 高档纱线 is under five
    ("纱线高档纺织项目", "湖北楚宜纺织有限公司年产3万吨高档纱线项目", false),  // out of order
    ("经济工作会议", "经济工作会议", false),  // a name never abbreviates itself
    ("湖北楚宜纺织有限公司年产3万吨高档纱线项目", "楚宜纺织高档纱线项目", false),  // only the shorter one
    ("全市第四季度重大项目集中签约", "益阳市2025年第四季度重大项目集中签约仪式", true),  // 全市 is the place
    ("全县重大项目集中签约", "某某县2025年重大项目集中签约仪式", true),
    ("全市项目建设推进会", "某某县重点项目建设推进会", false),  // the city's meeting is not a county's
    ("全市工作会议", "全县工作会议暨动员大会", false),  // core 工作会议 is under five
  ])
  func shortNameWithinLongerName(_ short: String, _ name: String, _ expected: Bool) {
    #expect(AbbreviationForm(short).abbreviates(AbbreviationForm(name)) == expected)
  }

  /// A whole day's paper is one issue: the seed printed twelve times over (190 KB) must merge
  /// into the same events and projects as the seed alone, with the same participants.
  @Test func longIssueMergesLikeOneCopy() throws {
    let pipeline = Pipeline(book: try RuleBook.load(from: RepoPaths.rules))
    let one = pipeline.analyze(text: RepoPaths.seedText, issue: "seed.txt").records
    let text = Array(repeating: RepoPaths.seedText, count: 12).joined(separator: "\n\n")
    let many = pipeline.analyze(text: text, issue: "seed12.txt").records
    #expect(many.events.map(\.name) == one.events.map(\.name))
    #expect(many.events.map(\.participants) == one.events.map(\.participants))
    #expect(many.projects.map(\.name) == one.projects.map(\.name))
    #expect(many.officials.map(\.name) == one.officials.map(\.name))
  }
}
