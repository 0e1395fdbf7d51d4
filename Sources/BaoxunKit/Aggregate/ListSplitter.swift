/// Splits an enumeration (`A、B和C`) into items. A piece too short to stand alone (`新业态、新模式、
/// 新场景消费…行动`) is kept with the next one, so items that contain `、` survive.
enum ListSplitter {
  static let delimiters = ["以及", "、", "和", "及", "与", "，"]
  static let delimiterScalars = delimiters.map { Array($0.unicodeScalars) }
  /// Characters that make one word with a 和 after them in names (平和, 永和, 太和): that 和 joins
  /// nothing. The same set lets 和 into a name in the rules (`HEINWORD` in `Rules/macros.yaml`).
  static let wordsBeforeHe = Set("平中祥太人协共永嘉宏鸿瑞德裕保同温柔".unicodeScalars)
  /// Mongolian name elements holding 和 (苏和巴特尔, 额日和木图雅): a 和 inside one that opens an
  /// item joins nothing. Only at an item's start, since 张恩和李强 is two names.
  static let heElements = ["孟和", "恩和", "呼和", "苏和", "布和", "额日和木"].map { Array($0.unicodeScalars) }
  /// Pairs of words that a 与 inside one name joins (研究与发展, 科学与技术, 捕集利用与封存): that
  /// 与 separates no items. Kept narrow: 改造工程与管理用房 is two items.
  static let wordsBeforeYu = ["研究", "科学", "技术", "信息", "利用", "农业"].map { Array($0.unicodeScalars) }
  static let wordsAfterYu = ["发展", "技术", "应用", "创新", "工程", "通信", "封存", "农村"].map { Array($0.unicodeScalars) }

  static func split(_ text: String, minItem: Int) -> [(text: String, offset: Int)] {
    let scalars = Array(text.unicodeScalars)
    var pieces: [(start: Int, end: Int, delimiterEnd: Int)] = []
    var start = 0
    var i = 0
    var depth = 0
    while i < scalars.count {
      let c = scalars[i]
      if c == "（" || c == "“" || c == "《" { depth += 1 }
      if c == "）" || c == "”" || c == "》" { depth = max(0, depth - 1) }
      // A 和 that ends the text joins nothing: it is the last character of a name (郑永和).
      if depth == 0, i > start, let d = delimiterScalars.first(where: { scalars.hasScalars($0, at: i) }),
        !(d == ["和"] && (wordsBeforeHe.contains(scalars[i - 1]) || i + 1 == scalars.count
          || heElements.contains { $0.count > i - start && scalars.hasScalars($0, at: start) && $0[i - start] == "和" })),
        !(d == ["与"] && wordsBeforeYu.contains(where: { i >= 2 && scalars.hasScalars($0, at: i - 2) })
          && wordsAfterYu.contains(where: { scalars.hasScalars($0, at: i + 1) }))
      {
        pieces.append((start, i, i + d.count))
        i += d.count
        start = i
        continue
      }
      i += 1
    }
    pieces.append((start, scalars.count, scalars.count))
    var items: [(text: String, offset: Int)] = []
    var pendingStart: Int? = nil
    for p in pieces {
      let from = pendingStart ?? p.start
      if p.end - p.start < minItem, p.end < scalars.count {
        if pendingStart == nil { pendingStart = p.start }
        continue
      }
      let piece = String(scalars: scalars[from..<p.end])
      items.append((piece, from))
      pendingStart = nil
    }
    return items.filter { !$0.text.isEmpty }
  }
}

extension Mention {
  /// The items a mention names: each item of its `names` list, else its `name`, else (when
  /// `wholeMatch`) the match itself; with scalar ranges into the normalized text.
  func listedItems(minItem: Int, wholeMatch: Bool = true) -> [(text: String, range: Range<Int>)] {
    if let list = groups["names"] {
      return ListSplitter.split(list.text, minItem: minItem).map { item in
        let start = list.range.lowerBound + item.offset
        return (item.text, start..<(start + item.text.unicodeScalars.count))
      }
    }
    if let one = groups["name"] { return [(one.text, one.range)] }
    return wholeMatch ? [(text, range)] : []
  }
}
