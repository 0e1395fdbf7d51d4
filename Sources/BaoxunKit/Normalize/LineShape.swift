/// Shape tests on lines of normalized text, shared by the page-break repair and the segmenter:
/// what ends a sentence, what starts a byline, what a headline looks like.
public enum LineShape {
  static let terminal: Set<Unicode.Scalar> = ["。", "！", "？", "…", "；", "：", "）", "》"]
  static let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』"]
  static let midPunctuation: Set<Unicode.Scalar> = ["，", "。", "；", "：", "、"]

  /// True when the line ends where a sentence may end (a closing quote counts after 。！？).
  public static func endsSentence<C: BidirectionalCollection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    guard let last = line.last else { return true }
    if terminal.contains(last) { return true }
    if closers.contains(last) {
      let before = line.dropLast().last
      return before.map { terminal.contains($0) || $0 == "！" || $0 == "？" } ?? true
    }
    return false
  }

  /// Text that reads like running prose rather than a headline or a byline.
  public static func isProse<C: Collection>(_ line: C) -> Bool where C.Element == Unicode.Scalar {
    let count = line.count
    if count >= 36 { return true }
    return count >= 10 && line.contains { midPunctuation.contains($0) && $0 != "、" }
  }

  /// Words that introduce the people credited for an article, longest first.
  public static let creditRoles = [
    "全媒体记者", "融媒体记者", "本报评论员", "本报记者", "见习记者", "实习记者", "特约记者", "首席记者",
    "责任编辑", "美术编辑", "本版编辑", "责编", "评论员", "通讯员", "实习生", "记者", "摄影", "编辑", "校对",
    "文/图", "图/文", "文／图", "图／文",
  ]

  /// Lines that open with a byline (`本报讯（记者 …）`, `（全媒体记者 …）`, `记者 … 通讯员 …`, `◎…`).
  public static func startsWithByline<C: Collection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    let head = String(scalars: line.prefix(10))
    let plain = PlainText.isPlain(head)
    func starts(_ prefix: String) -> Bool { PlainText.hasPrefix(head, prefix, textIsPlain: plain) }
    if starts("◎") || starts("本报讯") { return true }
    if starts("□"), line.count <= 8 { return true }
    let afterParen = starts("（") ? String(head.dropFirst()) : head
    for role in creditRoles where PlainText.hasPrefix(afterParen, role, textIsPlain: plain) {
      let rest = afterParen.dropFirst(role.count)
      if starts("（") || rest.hasPrefix(" ") || rest.isEmpty { return true }
    }
    // 本报杭州讯, 本报北京3月5日电 …
    if head.first == "本" && head.dropFirst().first == "报" {
      return line.prefix(16).contains("讯") || line.prefix(16).contains("电")
    }
    return false
  }

  /// A block of lines that reads as a headline group: no full stop, a short first line, and
  /// following lines (subheadlines) that may run a little longer.
  public static func isHeadlineGroup(_ lineLengths: [Int], hasFullStop: Bool) -> Bool {
    guard let first = lineLengths.first, !hasFullStop else { return false }
    return first <= 32 && lineLengths.dropFirst().allSatisfy { $0 <= 40 }
  }

  /// Jump lines and teaser pointers: `（下转第3版）`, `（上接第1版）`, `>>>>详见第2版`.
  public static func isJumpOrTeaser<C: Collection>(_ line: C) -> Bool
  where C.Element == Unicode.Scalar {
    let s = String(scalars: line)
    return jumpMarker(in: s) != nil
  }

  /// The scalar offset where a trailing jump or teaser marker begins, if the line has one.
  public static func jumpMarker(in line: String) -> Int? {
    let scalars = Array(line.unicodeScalars)
    // Every marker holds 转, 接 or 见: a line with none of them (most lines) needs no search.
    guard scalars.contains(where: { $0 == "转" || $0 == "接" || $0 == "见" }) else { return nil }
    for m in jumpMarkers {
      guard let at = firstIndex(of: m, in: scalars) else { continue }
      guard scalars[at...].contains("版") else { continue }
      var start = at
      while start > 0, jumpLeaders.contains(scalars[start - 1]) { start -= 1 }
      let tail = scalars[at...]
      if tail.count <= 12 { return start }
    }
    return nil
  }

  static let jumpMarkers: [[Unicode.Scalar]] = ["下转", "上接", "转第", "接第", "详见第", "见第"].map {
    Array($0.unicodeScalars)
  }
  static let jumpLeaders: [Unicode.Scalar] = ["（", ">", "》", " ", "→", "▶"]

  static func firstIndex(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Int? {
    guard needle.count <= hay.count else { return nil }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
      if hay.hasScalars(needle, at: i) { return i }
    }
    return nil
  }
}
