/// A qualifier as found: where it is written (folded offsets) and the bound it states.
struct NumberQualifierMark: Sendable {
  var range: Range<Int>
  var bound: Bound?
}

/// Qualifier words before and after a number, and the bound each one states.
enum NumberQualifiers {
  struct Entry: Sendable {
    let word: [UInt32]
    let bound: Bound
    /// Characters that, written just before, make the word part of another one (`签约`, `最近`).
    let notAfter: NumberScalarSet
    /// `上万`, `过千`: only before a bare multiplier, never before a written digit (`上3个月`).
    let bareOnly: Bool
  }

  private static func e(
    _ w: String, _ b: Bound, notAfter: String = "", bareOnly: Bool = false
  ) -> Entry {
    Entry(
      word: w.numberScalars, bound: b, notAfter: NumberScalarSet(notAfter.numberScalars),
      bareOnly: bareOnly)
  }

  static let beforeEntries: [Entry] = [
    e("近", .approx, notAfter: "最附邻靠临亲贴逼将接就"), e("将近", .approx), e("接近", .approx),
    e("逼近", .approx), e("约", .approx, notAfter: "签合预履节制集特违邀公条解续立缔践毁誓婚相隐简大"),
    e("大约", .approx), e("约为", .approx), e("约合", .approx), e("大概", .approx),
    e("大致", .approx),
    e("超", .over, notAfter: "赶高"), e("超过", .over), e("逾", .over), e("超出", .over),
    e("多于", .over), e("大于", .over), e("高于", .over), e("突破", .over),
    e("过", .over, notAfter: "经通超度越错路跨不难改罪功透胜走看听做去有没曾用吃穿", bareOnly: true),
    e("不到", .under), e("不足", .under), e("不满", .under), e("未满", .under), e("少于", .under),
    e("低于", .under), e("小于", .under), e("不及", .under),
    e("至少", .atLeast), e("最少", .atLeast), e("不少于", .atLeast), e("不低于", .atLeast),
    e("起码", .atLeast), e("最低", .atLeast), e("上", .atLeast, notAfter: "马以之在和线向年", bareOnly: true),
    e("至多", .atMost), e("最多", .atMost), e("不超过", .atMost), e("不高于", .atMost),
    e("不多于", .atMost), e("最高", .atMost),
  ]

  private static let beforeByFirst: [UInt32: [Entry]] = {
    var map: [UInt32: [Entry]] = [:]
    for entry in beforeEntries { map[entry.word[0], default: []].append(entry) }
    return map.mapValues { $0.sorted { $0.word.count > $1.word.count } }
  }()

  /// The qualifier written at `i` before a number, if any.
  private static let beforeFirst = NumberScalarSet(beforeEntries.map { $0.word[0] })
  private static let afterFirst = NumberScalarSet(afterEntries.map { $0.0[0] })

  static func before(_ t: NumberText, at i: Int, checkPrevious: Bool) -> (Entry, Int)? {
    guard beforeFirst.contains(t[i]), let entries = beforeByFirst[t[i]] else { return nil }
    for entry in entries where t.matches(entry.word, at: i) {
      if checkPrevious && entry.notAfter.contains(t[i - 1]) { continue }
      return (entry, i + entry.word.count)
    }
    return nil
  }

  /// `突破了50万元`, `超过了`: the aspect particle sits between the qualifier and the number.
  static func particleEnd(_ t: NumberText, at i: Int, after entry: Entry) -> Int {
    entry.word.count > 1 && t[i] == le ? i + 1 : i
  }

  private static let le: UInt32 = 0x4E86  // 了
  /// NumberQualifiers after the number or its unit. `（含）` makes the bound inclusive.
  private static let afterEntries: [([UInt32], Bound)] = [
    ("(含)以上", Bound.atLeast), ("以上(含)", .atLeast), ("及以上", .atLeast),
    ("(含)以下", .atMost), ("以下(含)", .atMost), ("及以下", .atMost),
    ("以上", .over), ("以下", .atMost), ("以内", .atMost), ("之内", .atMost),
    ("左右", .approx), ("上下", .approx), ("有余", .over), ("开外", .over), ("出头", .over),
  ].map { ($0.0.numberScalars, $0.1) }.sorted { $0.0.count > $1.0.count }

  static func after(_ t: NumberText, at i: Int) -> (Bound, Int)? {
    guard afterFirst.contains(t[i]) else { return nil }
    for (word, bound) in afterEntries where t.matches(word, at: i) {
      return (bound, i + word.count)
    }
    return nil
  }

  /// Written between the number and its unit: `500余人`, `200多人`, `20来人`.
  static let innerOver = NumberScalarSet("多余".numberScalars)
  static let innerApprox = NumberScalarSet("来许".numberScalars)

  /// One bound for several qualifiers: a directional one wins over `约`-like approximation.
  static func combine(_ marks: [NumberQualifierMark]) -> Bound? {
    let bounds = marks.compactMap(\.bound)
    return bounds.first { $0 != .approx } ?? bounds.first
  }
}
