import Testing

@testable import BaoxunKit

/// Counted groups that a later 这N个项目 sums up become one group named by coordination.
@Suite struct ProjectGroupsTests {
  @Test(arguments: [
    (["“三新”试点项目", "国际化试点项目"], "“三新”及国际化试点项目"),
    (["省重点项目", "市重点项目", "县重点项目"], "省、市及县重点项目"),
    (["工业项目", "现代服务业项目"], "工业及现代服务业项目"),  // 业 alone is not a word
    (["文旅项目", "文旅项目"], "文旅项目"),  // one kind told twice is named once
    (["签约项目", "开工项目"], "签约及开工项目"),
    (["“新”试点项目", "“旧”试点项目"], "“新”及“旧”试点项目"),  // a quote is not split
  ])
  func coordinatesKinds(_ kinds: [String], _ expected: String) {
    let name = Aggregator.coordinated(kinds.map { Array($0.unicodeScalars) })
    #expect(name == expected)
  }

  static func projects(_ text: String) throws -> [Project] {
    let pipeline = Pipeline(book: try RuleBook.load(from: RepoPaths.rules))
    return pipeline.analyze(text: text, issue: "groups.txt").records.projects
  }

  @Test func partsThatAddUpBecomeTheWhole() throws {
    let text = "本报讯 我区共有12个项目入选“三新”试点，7个项目入选国际化试点。这19个项目总投资近7.6亿元。"
    let projects = try Self.projects(text)
    #expect(projects.map(\.name) == ["19个“三新”及国际化试点项目"])
    #expect(projects.first?.count == 19)
    #expect(projects.first?.investment == 760_000_000)
    // The record points at the clauses that named the parts, in the original text.
    let p = try #require(projects.first)
    let scalars = Array(text.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[p.provenance.start..<p.provenance.end]))
      == "12个项目入选“三新”试点，7个项目入选国际化试点")
  }

  @Test func partsThatDoNotAddUpStay() throws {
    let text = "本报讯 我区共有12个项目入选“三新”试点，7个项目入选国际化试点。这20个项目总投资近7.6亿元。"
    let names = try Self.projects(text).map(\.name)
    #expect(names == ["12个“三新”试点项目", "7个国际化试点项目", "这20个项目"])
  }

  @Test func partsInDifferentSentencesStay() throws {
    let text = "本报讯 我区有12个项目入选“三新”试点。另有7个项目入选国际化试点。这19个项目总投资近7.6亿元。"
    let names = try Self.projects(text).map(\.name)
    #expect(names == ["12个“三新”试点项目", "7个国际化试点项目", "这19个项目"])
  }

  /// 这12个项目 names the first of three groups (7 + 5 only happen to make 12): nothing is folded.
  @Test func aTotalThatNamesAnEarlierGroupFoldsNothing() throws {
    let text = "本报讯 12个项目入选A类试点，7个项目入选B类试点，5个项目入选C类试点。这12个项目总投资近7.6亿元。"
    let projects = try Self.projects(text)
    #expect(projects.map(\.name) == ["12个A类试点项目", "7个B类试点项目", "5个C类试点项目"])
    #expect(projects.first?.investment == 760_000_000)
  }

  /// A group of the same size in another story stays that story's group.
  @Test func anotherArticlesGroupIsLeftAlone() throws {
    let text = """
      全区19个项目集中签约

      本报讯 昨日，全区19个签约项目集中签约。

      两类专项项目入选

      本报讯 12个项目入选工业技改专项，7个项目入选现代服务业专项。这19个项目总投资8亿元。
      """
    let projects = try Self.projects(text)
    #expect(projects.map(\.name) == ["19个签约项目", "19个工业技改及现代服务业专项项目"])
    #expect(projects.map(\.investment) == [nil, 800_000_000])
  }
}
