/// Shape tests on lines of normalized text, shared by the page-break repair and the segmenter:
/// what ends a sentence, what starts a byline, what a headline looks like. The tests compare
/// scalars in place (see `ScalarSearch.swift`); they run on every line of every issue.
public enum LineShape {
  /// 。！？…；：）》, after which a sentence may end.
  @inline(__always)
  static func isTerminal(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "。", "！", "？", "…", "；", "：", "）", "》": return true
    default: return false
    }
  }

  @inline(__always)
  static func isCloser(_ c: Unicode.Scalar) -> Bool {
    c == "”" || c == "’" || c == "」" || c == "』"
  }

  /// True when the line ends where a sentence may end (a closing quote counts after 。！？).
  public static func endsSentence<C: BidirectionalCollection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    guard let last = line.last else { return true }
    if isTerminal(last) { return true }
    if isCloser(last) { return line.dropLast().last.map(isTerminal) ?? true }
    return false
  }

  /// Text that reads like running prose rather than a headline or a byline.
  public static func isProse<C: Collection>(_ line: C) -> Bool where C.Element == Unicode.Scalar {
    let count = line.count
    if count >= 36 { return true }
    return count >= 10 && line.contains { $0 == "，" || $0 == "。" || $0 == "；" || $0 == "：" }
  }

  /// Endings of the place a town page's brief is headed with (临淮关镇：再生稻迎来二季丰收).
  static let placeEndings = Set("镇乡村县区市州旗道".unicodeScalars)
  /// Words before a colon that end in a place character but name no place (说道, 渠道).
  static let notPlaces: [[Unicode.Scalar]] = ["说道", "写道", "问道", "答道", "渠道", "地区", "城区", "景区", "辖区", "城市"]
    .map { Array($0.unicodeScalars) }

  /// The place a brief's headline on a town page opens with: two to eight characters ending in a
  /// place character, then a colon, then a short phrase with no other clause punctuation; nil
  /// for any other line. The normalizer keeps such a line apart from the paragraph after it only
  /// when that paragraph names the place again, as a brief does and a quotation does not.
  static func briefPlace(_ line: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar>? {
    guard line.count < 30, let colon = line.firstIndex(of: "："), (2...8).contains(colon - line.startIndex),
      placeEndings.contains(line[colon - 1])
    else { return nil }
    let place = line[..<colon]
    if notPlaces.contains(where: { place.hasScalarSuffix($0) }) { return nil }
    if place.contains(where: { $0 == "“" || $0 == "”" || $0 == "（" || $0 == "\"" }) { return nil }
    return line.contains { $0 == "，" || $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" } ? nil : place
  }

  /// Words that introduce the people credited for an article, longest first.
  public static let creditRoles = [
    "全媒体记者", "融媒体记者", "本报评论员", "本报记者", "见习记者", "实习记者", "特约记者", "首席记者",
    "责任编辑", "美术编辑", "本版编辑", "责编", "评论员", "通讯员", "实习生", "记者", "摄影", "编辑", "校对",
    "文/图", "图/文", "文／图", "图／文",
  ]
  static let creditRoleScalars: [[Unicode.Scalar]] = creditRoles.map { Array($0.unicodeScalars) }
  /// `文/` before a credit naming the reporter's paper (`文/珠江时报记者 梁嘉欣`).
  static let writtenByMarks: [[Unicode.Scalar]] = ["文/", "文／"].map { Array($0.unicodeScalars) }
  /// Roles a paper's name may stand before in a credit (`珠江时报记者`, `南海日报通讯员`).
  static let outletRoleScalars: [[Unicode.Scalar]] = ["记者", "通讯员"].map { Array($0.unicodeScalars) }

  /// A token naming a paper and a role (`珠江时报记者`): up to eight characters, then the role.
  static func isOutletRole(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
    guard token.count <= 11 else { return false }
    return outletRoleScalars.contains { token.count > $0.count && token.hasScalarSuffix($0) }
  }
  static let newsAgencyMark = Array("本报讯".unicodeScalars)
  /// Characters that mark a token as an outlet's name (日报, 电视台, 新华社, 新闻网, 融媒体).
  static let outletMarks = Set("报台社网媒".unicodeScalars)

  /// Lines that open with a byline (`本报讯（记者 …）`, `（全媒体记者 …）`, `记者 … 通讯员 …`, `◎…`).
  public static func startsWithByline<C: Collection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    startsWithByline(ArraySlice(line.prefix(16)))
  }

  /// Looks at the first 16 scalars at most.
  static func startsWithByline(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let first = line.first else { return false }
    let head = line.prefix(10)
    if first == "◎" || head.hasScalarPrefix(newsAgencyMark) { return true }
    if first == "□", line.count <= 8 { return true }
    let inParens = first == "（"
    let afterParen = inParens ? head.dropFirst() : head
    if let mark = afterParen.firstScalarPrefix(among: writtenByMarks) {
      let credit = line.dropFirst((inParens ? 1 : 0) + mark.count)
      let token = credit.prefix { $0 != " " && $0 != "）" }
      if credit.firstScalarPrefix(among: creditRoleScalars) != nil || isOutletRole(token) { return true }
    }
    if opensWithOutletCredit(inParens ? line.dropFirst() : line) { return true }
    for role in creditRoleScalars where afterParen.hasScalarPrefix(role) {
      let rest = afterParen.dropFirst(role.count)
      if inParens || rest.first == " " || rest.isEmpty { return true }
    }
    // 本报杭州讯, 本报北京3月5日电 …
    if first == "本" && head.dropFirst().first == "报" {
      return line.prefix(16).contains { $0 == "讯" || $0 == "电" }
    }
    return false
  }

  /// A paper's own reporter named first (三峡日报全媒体记者 陈思远 通讯员 覃晓峰): the outlet and the
  /// role as one token, a space, then a name of two to four characters standing alone, so that a
  /// headline or a sentence opening so (新华社记者 手记：…, 湖北日报记者 从…获悉，…) is not a byline.
  static func opensWithOutletCredit(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    let opening = line.prefix { $0 != " " && $0 != "）" }
    guard opening.endIndex < line.endIndex, line[opening.endIndex] == " ", isOutletRole(opening),
      opening.contains(where: { outletMarks.contains($0) })
    else { return false }
    let name = line[(opening.endIndex + 1)...].prefix { $0 != " " && $0 != "）" }
    return (2...4).contains(name.count) && name.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
      && (name.endIndex == line.endIndex || line[name.endIndex] == " " || line[name.endIndex] == "）")
  }

  static let noticeTitles = ["的公告", "的通告", "的通知", "的公示", "的决定", "的启事"].map { Array($0.unicodeScalars) }

  static let about = Array("关于".unicodeScalars)

  /// A notice's title (…关于召开…听证会的公告): long like prose, yet a whole line, never cut. It
  /// says 关于 and holds no comma or full stop, unlike a sentence that ends …贯彻落实省政府的决定.
  public static func endsNoticeTitle(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    line.count <= 60 && noticeTitles.contains(where: line.hasScalarSuffix) && line.containsScalars(about)
      && !line.contains { $0 == "，" || $0 == "。" || $0 == "；" }
  }

  /// Lines that open an item of a numbered list (`1.`, `2、`, `（三）`, `四、`): each item is its
  /// own paragraph even when the one before it stops without punctuation, as a table row does.
  public static func startsWithListMarker<C: Collection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    let head = Array(line.prefix(6))
    guard let first = head.first else { return false }
    func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    func isNumeral(_ c: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(c) }
    if isDigit(first) {
      var k = 1
      if k < head.count, isDigit(head[k]) { k += 1 }
      guard k + 1 < head.count, head[k] == "." || head[k] == "、" else { return false }
      return !isDigit(head[k + 1])
    }
    if first == "（" {
      var k = 1
      while k < head.count, k <= 3, isNumeral(head[k]) || isDigit(head[k]) { k += 1 }
      return k > 1 && k < head.count && head[k] == "）"
    }
    var k = 0
    while k < head.count, k < 3, isNumeral(head[k]) { k += 1 }
    // 三、四季度 and 一、二月份 count, they do not number.
    return k > 0 && k + 1 < head.count && head[k] == "、" && !isNumeral(head[k + 1])
  }

  /// A block of lines that reads as a headline group: no full stop, a short first line, and
  /// following lines (subheadlines) that may run a little longer.
  public static func isHeadlineGroup<C: Collection>(_ lineLengths: C, hasFullStop: Bool) -> Bool
  where C.Element == Int {
    guard let first = lineLengths.first, !hasFullStop else { return false }
    return first <= 32 && lineLengths.dropFirst().allSatisfy { $0 <= 40 }
  }

  /// Jump lines and teaser pointers: `（下转第3版）`, `（上接第1版）`, `>>>>详见第2版`.
  public static func isJumpOrTeaser<C: Collection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    jumpMarker(in: ArraySlice(line)) != nil
  }

  static func isJumpOrTeaser(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
    jumpMarker(in: line) != nil
  }

  /// The scalar offset where a trailing jump or teaser marker begins, if the line has one.
  public static func jumpMarker(in line: String) -> Int? {
    jumpMarker(in: Array(line.unicodeScalars)[...])
  }

  /// A marker and the offset of its key scalar (转, 接 or 见), which every marker holds.
  struct JumpMarker {
    var scalars: [Unicode.Scalar]
    var key: Int
  }

  static let jumpMarkers: [JumpMarker] = [
    ("下转", 1), ("上接", 1), ("转第", 0), ("接第", 0), ("详见第", 1), ("见第", 0),
  ].map { JumpMarker(scalars: Array($0.0.unicodeScalars), key: $0.1) }

  @inline(__always)
  static func isJumpLeader(_ c: Unicode.Scalar) -> Bool {
    switch c {
    case "（", ">", "》", " ", "→", "▶": return true
    default: return false
    }
  }

  /// `jumpMarker(in:)` on a slice; the offset counts from the slice's start. Only the first
  /// occurrence of each marker counts, found in one pass over the key scalars. A marker that
  /// counts starts at most 12 scalars from the end with a 版 after it, so a line whose last 12
  /// scalars hold no 版 (nearly every line) has none.
  static func jumpMarker(in line: ArraySlice<Unicode.Scalar>) -> Int? {
    guard line.suffix(12).contains("版") else { return nil }
    var firsts = SIMD8<Int32>(repeating: .max)
    var found = false
    for p in line.indices {
      let c = line[p]
      guard c == "转" || c == "接" || c == "见" else { continue }
      for (k, m) in jumpMarkers.enumerated() where firsts[k] == .max && m.scalars[m.key] == c {
        if line.hasScalars(m.scalars, at: p - m.key) {
          firsts[k] = Int32(p - m.key)
          found = true
        }
      }
    }
    guard found else { return nil }
    for k in jumpMarkers.indices where firsts[k] != .max {
      let at = Int(firsts[k])
      guard line.endIndex - at <= 12, line[at...].contains("版") else { continue }
      var start = at
      while start > line.startIndex, isJumpLeader(line[start - 1]) { start -= 1 }
      return start - line.startIndex
    }
    return nil
  }
}
