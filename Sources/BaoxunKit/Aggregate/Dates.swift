import Foundation

/// Finds date expressions in a sentence and resolves them against the issue date.
public struct DateResolver: Sendable {
  /// The issue's own date, from its path or `--date`; nil leaves relative dates unresolved.
  public var issueDate: DateComponents?

  public init(issueDate: DateComponents?) { self.issueDate = issueDate }

  static let pattern = try! CompiledRegex(
    #"(?:(?<y>(?:19|20)\d\d)年)?(?<m>\d{1,2})月(?<d>\d{1,2})日(?:上午|下午|晚上|晚间|早上|晚)?"#
      + #"|(?<rel>今|昨|前)（(?<rd>\d{1,2})）日(?:上午|下午|晚上|晚间|早上|晚)?"#
      + #"|(?<word>昨日|昨天|今日|今天|前天|当天|当日|近日|日前|此前|前不久)(?:上午|下午|晚上|晚间|早上|晚)?"#)

  /// The number of each named group of `pattern`, looked up once.
  static let groupNumber: [String: Int] = Dictionary(
    uniqueKeysWithValues: pattern.groupNames.map { ($0.name, $0.number) })

  /// The first date expression in `text` and its ISO date when resolvable.
  public func find(in text: String) -> (text: String, iso: String)? {
    let scalars = Array(text.unicodeScalars)
    guard let m = try? Self.pattern.firstMatch(in: scalars) else { return nil }
    func piece(_ r: Range<Int>) -> String { String(scalars: scalars[r]) }
    func group(_ name: String) -> String? {
      Self.groupNumber[name].flatMap { m.groups[$0] }.map(piece)
    }
    return (piece(m.range), resolve(year: group("y"), month: group("m"), day: group("d"), rel: group("rel"),
      relDay: group("rd"), word: group("word")))
  }

  func resolve(year: String?, month: String?, day: String?, rel: String?, relDay: String?, word: String?)
    -> String
  {
    if let y = year.flatMap(Int.init), let mo = month.flatMap(Int.init), let d = day.flatMap(Int.init) {
      return iso(y, mo, d)
    }
    guard let issue = issueDate, let iy = issue.year, let im = issue.month, let id = issue.day else {
      return ""
    }
    if let mo = month.flatMap(Int.init), let d = day.flatMap(Int.init) {
      var y = iy
      if mo > im + 1 || (mo == im + 1 && d > 7) { y -= 1 }
      return iso(y, mo, d)
    }
    if let d = relDay.flatMap(Int.init) {
      var y = iy
      var mo = im
      if d > id + 1 {
        mo -= 1
        if mo == 0 { mo = 12; y -= 1 }
      }
      return iso(y, mo, d)
    }
    let shift: Int?
    switch word {
    case "昨日", "昨天": shift = -1
    case "今日", "今天", "当天", "当日": shift = 0
    case "前天": shift = -2
    default: shift = nil
    }
    guard let shift else { return "" }
    let c = Self.civil(Self.days(iy, im, id) + shift)
    return iso(c.year, c.month, c.day)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date; a day past the month's end counts on
  /// into the next month, as `Calendar` does. Plain arithmetic: Foundation's calendar took a
  /// visible share of aggregating.
  static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y - 1 : y
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The date `days` after 1970-01-01.
  static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  func iso(_ y: Int, _ m: Int, _ d: Int) -> String {
    guard (1...12).contains(m), (1...31).contains(d) else { return "" }
    // String(format:) goes through Foundation's formatter, which was most of resolving a date.
    func padded(_ v: Int, _ width: Int) -> String {
      let digits = String(v)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return padded(y, 4) + "-" + padded(m, 2) + "-" + padded(d, 2)
  }

  static let pathDate = try! CompiledRegex(
    #"(?<![0-9])((?:19|20)\d\d)(?:[-_./]?)(0[1-9]|1[0-2])(?:[-_./]?)(0[1-9]|[12]\d|3[01])(?![0-9])"#)

  /// The issue date written in a path: `2026-02-25`, `20260225`, or folders `2026/02/25`; nil
  /// for a date the calendar does not have (`2024-02-30`).
  public static func issueDate(fromPath path: String) -> DateComponents? {
    guard let m = try? pathDate.matches(in: path).last else { return nil }
    let scalars = Array(path.unicodeScalars)
    func g(_ n: Int) -> Int? { m.groups[n].flatMap { Int(String(scalars: scalars[$0])) } }
    guard let y = g(1), let mo = g(2), let d = g(3) else { return nil }
    // 2024-02-30 is no day: better no issue date than one that shifts every relative date.
    guard civil(days(y, mo, d)) == (y, mo, d) else { return nil }
    return DateComponents(year: y, month: mo, day: d)
  }
}
