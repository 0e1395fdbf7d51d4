/// Lines that belong to the page, not to any article: page headers (`2018年5月23日 星期三`,
/// `镇街新闻 03`, `第2版`), editor credits (`责任编辑 柯美玲`), and dates standing alone.
enum PageFurniture {
  static let pattern = try! CompiledRegex(
    #"^(?:(?:19|20)\d\d年\d{1,2}月\d{1,2}日(?: ?星期.)?(?: .{0,36})?"#
      + #"|\p{sc=Han}{2,8}(?:·\p{sc=Han}{2,4})? ?(?:第 ?)?\d{1,2}(?: ?版)?"#
      + #"|第 ?\d{1,2} ?版(?: .{0,12})?"#
      + #"|(?:责任编辑|美术编辑|本版编辑|编辑|责编|编审|审核|终审|校对|美编|版式|组版|值班)[ ：].{1,30})$"#)

  /// A masthead line: an issue date with its weekday or page number anywhere in a short line
  /// (`要闻 2018年7月13日 星期五`, `2019年1月17日 星期四 第01版 要闻`, `2025年4月24日 第3版 经济`), with a
  /// lunar date and the page editor after it as often as not (`癸卯年八月十二 第1版 本版编辑：…`).
  static let masthead = try! CompiledRegex(
    #"^.{0,16}(?:19|20)\d\d年\d{1,2}月\d{1,2}日 ?(?:(?:星期|周)[一二三四五六日天]|第 ?\d{1,3} ?版).{0,36}$"#)

  /// A column's label, not a headline: a commentary label under a mark (`◎时评`, `■短评`) or a
  /// label between dashes (`——镇街传真——`).
  static let columnLabel = try! CompiledRegex(
    #"^(?:[◎■□●◆] ?(?:时评|短评|快评|热评|锐评|微评|评论|社评|点评|观察|视点|言论|随笔|杂谈|声音|记者手记|记者观察|记者调查)|——\p{sc=Han}{2,10}——)$"#)

  static func isColumnLabel(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    guard line.count <= 14, let first = line.first, "◎■□●◆—".unicodeScalars.contains(first) else {
      return false
    }
    return (try? columnLabel.hasMatch(in: line)) ?? false
  }

  /// A date and nothing else (`2026年3月20日`): a notice's signature line.
  static let loneDate = try! CompiledRegex(#"^(?:19|20)\d\d年\d{1,2}月\d{1,2}日$"#)

  /// The shortest lone date is `2026年3月2日` (9 scalars), the longest 11.
  static func isLoneDate(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    guard (9...11).contains(line.count), line.last == "日" else { return false }
    return (try? loneDate.hasMatch(in: line)) ?? false
  }

  /// Every line is furniture, or the block is a masthead.
  static func isFurniture(_ lines: [Range<Int>], in scalars: [Unicode.Scalar]) -> Bool {
    lines.allSatisfy { matches(scalars[$0]) || isColumnLabel(scalars[$0]) } || isMasthead(lines, in: scalars)
  }

  /// `matches`, with the regex run only on lines that pass what every alternative of `pattern`
  /// requires: at most 35 scalars, and a first scalar that can open one (a year, 第, an editor's
  /// title) or a last one that can close the `版面名 03` form (a digit or 版).
  static func matches(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let first = line.first, let last = line.last, line.count <= 35 else { return false }
    let opens: Bool
    switch first {
    case "1", "2", "第", "责", "美", "本", "编", "审", "终", "校", "值", "版", "组": opens = true
    default: opens = false
    }
    guard opens || last == "版" || isDecimalDigit(last) else { return false }
    return (try? pattern.hasMatch(in: line)) ?? false
  }

  /// `\d` as PCRE reads it in UCP mode: any decimal digit.
  static func isDecimalDigit(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return c.value >= 0x30 && c.value <= 0x39 }
    return c.properties.generalCategory == .decimalNumber
  }

  /// A short block with a masthead line is the page's head: paper name, date, publisher.
  /// A masthead line holds 年 and 日, which most lines of a short block lack.
  static func isMasthead(_ lines: [Range<Int>], in scalars: [Unicode.Scalar]) -> Bool {
    lines.count <= 4 && lines.allSatisfy { $0.count <= 40 }
      && lines.contains { range in
        let line = scalars[range]
        guard line.contains("年"), line.contains("日") else { return false }
        return (try? masthead.hasMatch(in: line)) ?? false
      }
  }
}
