import Foundation
import Testing

@testable import BaoxunKit

/// Relative dates (昨日, 前天) resolve against the issue date with plain day arithmetic, which
/// must agree with Foundation's Gregorian calendar, month and year ends and leap days included.
@Suite struct DatesTests {
  @Test func dayArithmeticAgreesWithTheGregorianCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    let epoch = try #require(calendar.date(from: DateComponents(year: 1970, month: 1, day: 1)))
    for offset in stride(from: -30_000, through: 40_000, by: 1) {
      let date = try #require(calendar.date(byAdding: .day, value: offset, to: epoch))
      let c = calendar.dateComponents([.year, .month, .day], from: date)
      #expect(DateResolver.civil(offset) == (c.year!, c.month!, c.day!))
      #expect(DateResolver.days(c.year!, c.month!, c.day!) == offset)
    }
    // A day past the month's end runs on into the next month, as Calendar reads it.
    #expect(DateResolver.civil(DateResolver.days(2026, 2, 30)) == (2026, 3, 2))
  }

  @Test(arguments: [
    ("2026-03-01", "昨日", "2026-02-28"), ("2024-03-01", "昨天", "2024-02-29"),
    ("2026-01-01", "前天", "2025-12-30"), ("2026-02-25", "今日", "2026-02-25"),
    ("2026-02-25", "近日", ""),
  ])
  func relativeWordsResolveAgainstTheIssueDate(_ issue: String, _ word: String, _ iso: String) {
    let resolver = DateResolver(issueDate: DateResolver.issueDate(fromPath: issue))
    #expect(resolver.find(in: "\(word)上午，会议在区行政中心召开。")?.iso == iso)
  }
}
