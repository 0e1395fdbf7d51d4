import Foundation
import Testing

@testable import BaoxunKit

/// What the seed issue must yield, checked on the records themselves.
@Suite struct SeedRecordsTests {
  static let records = Pipeline(book: try! RuleBook.load(from: RepoPaths.rules))
    .analyze(text: RepoPaths.seedText, issue: "seed.txt").records

  func official(_ name: String) -> Official? { Self.records.officials.first { $0.name == name } }

  @Test func officialsCarryEveryTitle() {
    #expect(official("刘颖")?.titles == ["市委常委", "区委书记"])
    #expect(official("杨建根")?.titles == ["区委副书记", "区长"])
    #expect(official("王坚")?.titles.contains("中国工程院院士") == true)
    #expect(official("沈尧")?.titles == ["区四套班子领导"])
    #expect(official("习近平")?.titles == ["总书记"])
    #expect(official("刘颖")?.roles.contains("出席") == true)
    #expect(official("刘颖")?.organizations.contains("区委") == true)
  }

  @Test func reportersAreNeverOfficials() {
    for reporter in ["阮伟康", "陈书恒", "宋晗语", "陈名", "陈坚", "贾丹红", "俞杰", "金一清"] {
      #expect(official(reporter) == nil, "\(reporter) is a reporter")
    }
  }

  @Test func amountsAndJobsComeFromTheNumberParser() {
    let invest = Self.records.amounts.first { $0.kind == "investment" }
    #expect(invest?.value == Decimal(760_000_000))
    #expect(invest?.qualifier == "近")
    #expect(invest?.bound == .approx)
    let sales = Self.records.amounts.first { $0.kind == "sales" }
    #expect(sales?.value == Decimal(string: "10000000000"))
    #expect(sales?.bound == .over)
    #expect(Self.records.jobs.first?.value == Decimal(31000))
    #expect(Self.records.jobs.first?.qualifier == "超")
  }

  @Test func eventsWithKindsAndDates() {
    let names = Self.records.events.map(\.name)
    #expect(names.contains("余杭区经济高质量发展大会"))
    #expect(names.contains("“创投余杭”系列战略合作签约"))
    #expect(names.contains("海纳数据枢纽创新中心（杭州）项目建设启动仪式"))
    let meeting = Self.records.events.first { $0.name == "余杭区经济高质量发展大会" }
    #expect(meeting?.kind == "meeting")
    #expect(meeting?.dateText == "昨日上午")
    #expect(meeting?.date == "", "no issue date: relative dates stay unresolved")
    #expect(meeting?.participants.contains("刘颖") == true)
  }

  @Test func projectsFromListsAndGroups() {
    let names = Self.records.projects.map(\.name)
    for p in ["浙江音乐厅", "余杭国际体育中心", "未来城市客厅（一馆四中心）", "海纳数据枢纽创新中心（杭州）项目"] {
      #expect(names.contains(p), "missing \(p)")
    }
    let group = Self.records.projects.first { $0.count == 19 }
    #expect(group?.investment == Decimal(760_000_000))
  }

  @Test func relativeDatesResolveAgainstTheIssueDate() {
    let r = DateResolver(issueDate: DateComponents(year: 2026, month: 2, day: 25))
    #expect(r.find(in: "昨日上午，大会举行")?.iso == "2026-02-24")
    #expect(r.find(in: "今（25）日上午")?.iso == "2026-02-25")
    #expect(r.find(in: "12月30日，项目开工")?.iso == "2025-12-30")
    #expect(r.find(in: "近日，区政府召开")?.iso == "")
    #expect(DateResolver.issueDate(fromPath: "Corpus/issues/2024/09/21/a.txt")?.day == 21)
    #expect(DateResolver.issueDate(fromPath: "x/20240921.txt")?.month == 9)
    #expect(DateResolver.issueDate(fromPath: "000_a0d1a62f7fd3dcd1.txt") == nil)
    // A day the calendar has, and one it does not.
    #expect(DateResolver.issueDate(fromPath: "2024/02/29/a.txt")?.day == 29)
    #expect(DateResolver.issueDate(fromPath: "2024-02-30/a.txt") == nil)
    #expect(DateResolver.issueDate(fromPath: "2023-02-29.txt") == nil)
  }
}
