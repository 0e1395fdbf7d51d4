/// Lines that belong to the page, not to any article: page headers (`2018年5月23日 星期三`,
/// `镇街新闻 03`, `第2版`), editor credits (`责任编辑 柯美玲`), and dates standing alone.
enum PageFurniture {
  static let pattern = try! CompiledRegex(
    #"^(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日(?: ?星期.)?(?: .{0,12})?"#
      + #"|\p{sc=Han}{2,8}(?:·\p{sc=Han}{2,4})? ?(?:第 ?)?\d{1,2}(?: ?版)?"#
      + #"|第 ?\d{1,2} ?版(?: .{0,12})?"#
      + #"|(?:责任编辑|美术编辑|本版编辑|编辑|责编|编审|审核|终审|校对|美编|版式|组版|值班)[ ：].{1,30})$"#)

  /// A masthead line: an issue date with its weekday anywhere in a short line
  /// (`要闻 2018年7月13日 星期五`, `2019年1月17日 星期四 第01版 要闻`).
  static let masthead = try! CompiledRegex(#"^.{0,16}(?:19|20)\d\d年\d{1,2}月\d{1,2}日 ?(?:星期|周)[一二三四五六日天].{0,20}$"#)

  static func matches(_ line: String) -> Bool {
    (try? pattern.matches(in: line).isEmpty == false) ?? false
  }

  /// A short block with a masthead line is the page's head: paper name, date, publisher.
  static func isMasthead(_ lines: [String]) -> Bool {
    lines.count <= 4 && lines.allSatisfy { $0.count <= 40 }
      && lines.contains { (try? masthead.matches(in: $0).isEmpty == false) ?? false }
  }
}
