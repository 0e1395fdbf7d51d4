import Foundation

/// The number itself, before its unit: a numeral, a fraction (`三分之一`, `1 3/5`), a share
/// (`百分之五`), or in span mode a half (`一半`, `对折`).
struct NumberCore: Sendable {
  var value: Decimal?
  var high: Decimal?
  var start: Int
  var end: Int
  var numeral: NumeralRead
  var presetUnit: NumberUnit?
  /// Fractions, shares and halves are quantities whatever their numerals look like.
  var isSpecial = false
}

extension QuantityScanner {
  static let percentUnit = NumberUnit(code: "percent", factor: 1, kind: .percent)
  static let fenZhi = "分之".numberScalars
  static let fen: UInt32 = 0x5206  // 分
  static let fen2: UInt32 = 0x4EFD  // 份
  static let zhong: UInt32 = 0x949F  // 钟
  static let you: UInt32 = 0x53C8  // 又
  static let dui: UInt32 = 0x5BF9  // 对
  static let zhe: UInt32 = 0x6298  // 折
  static let bai: UInt32 = 0x767E  // 百
  /// Parsed once: `Decimal(string:)` is slow, and halves are common in span mode.
  static let oneHalf = Decimal(string: "0.5")!
  /// A sign, then the number: `负3分之负一百五十七` is positive.
  func readCore(at j: Int) -> NumberCore? {
    var k = j
    var negative = false
    if t[k] == ChineseNumerals.minus || (t[k] == 0x2D && !NumberChars.isASCIIAlnum(t[k - 1])) {
      negative = true
      k += 1
    }
    guard var core = unsignedCore(at: k) else { return nil }
    core.start = j
    if negative {
      core.value = core.value.map { -$0 }
      core.high = core.high.map { -$0 }
    }
    return core
  }

  private func unsignedCore(at k: Int) -> NumberCore? {
    if mode == .span, let h = half(at: k) { return h }
    guard let n = NumeralValue.read(t, at: k, mode: mode) else { return nil }
    var core = NumberCore(value: n.value, high: n.high, start: k, end: n.end, numeral: n)
    guard n.high == nil, let dv = n.value else { return core }
    if let (f, end, isShare) = fraction(denominatorOrNumerator: n) {
      core.value = isShare ? f * 100 : f
      core.presetUnit = isShare ? Self.percentUnit : nil
      core.end = end
      core.isSpecial = true
    } else if t[n.end] == Self.you, let n2 = NumeralValue.read(t, at: n.end + 1, mode: mode),
      let (f, end, isShare) = fraction(denominatorOrNumerator: n2), !isShare
    {
      core.value = dv + f
      core.end = end
      core.isSpecial = true
    } else if mode == .span, t[n.end] == 0x20, n.arabic != nil,
      let n2 = NumeralValue.read(t, at: n.end + 1, mode: mode), t[n2.end] == 0x2F,
      let (f, end, _) = fraction(denominatorOrNumerator: n2)
    {
      core.value = dv + f
      core.end = end
      core.isSpecial = true
    }
    return core
  }

  /// `N分之M` (M/N; a share when N is a bare `百`, `千`, `万`…), and in span mode `N份M`,
  /// `N分M` and `a/b`.
  private func fraction(denominatorOrNumerator n: NumeralRead) -> (Decimal, Int, Bool)? {
    guard let v = n.value, n.high == nil else { return nil }
    let e = n.end
    if t.matches(Self.fenZhi, at: e) {
      guard let (m, end) = signedNumeral(at: e + 2), !v.isZero else { return nil }
      let share = n.isBareMultiplier && v >= 100
      return (m / v, end, share)
    }
    guard mode == .span else { return nil }
    if t[e] == Self.fen2 || (t[e] == Self.fen && t[e + 1] != Self.zhong), !v.isZero,
      let (m, end) = signedNumeral(at: e + 1), NumberChars.isBoundary(t[end])
    {
      return (m / v, end, false)
    }
    if t[e] == 0x2F, n.arabic != nil, let d = NumeralValue.read(t, at: e + 1, mode: mode),
      d.arabic != nil, let dv = d.value, !dv.isZero
    {
      return (v / dv, d.end, false)
    }
    return nil
  }

  private func signedNumeral(at k: Int) -> (Decimal, Int)? {
    var j = k
    var negative = false
    if t[j] == ChineseNumerals.minus || t[j] == 0x2D {
      negative = true
      j += 1
    }
    guard let n = NumeralValue.read(t, at: j, mode: mode), n.high == nil, let v = n.value else {
      return nil
    }
    return (negative ? -v : v, n.end)
  }

  /// Halves, read only in span mode: `半`, `一半`, `半百`, `对折`/`半折` (half price).
  private func half(at k: Int) -> NumberCore? {
    let hf = ChineseNumerals.half
    var value: Decimal
    var end: Int
    var unit: NumberUnit?
    if (t[k] == hf || t[k] == Self.dui) && t[k + 1] == Self.zhe {
      (value, end, unit) = (50, k + 2, Self.percentUnit)
    } else if (t[k] == Self.yi || t[k] == 0x31) && t[k + 1] == hf {
      (value, end) = (Self.oneHalf, k + 2)
    } else if t[k] == hf && t[k + 1] == Self.bai {
      (value, end) = (50, k + 2)
    } else if t[k] == hf && !ChineseNumerals.isNumeralChar(t[k + 1]) {
      (value, end) = (Self.oneHalf, k + 1)
    } else {
      return nil
    }
    var n = NumeralRead(value: value, start: k, end: end)
    n.hasDigit = true
    n.chineseChars = end - k
    return NumberCore(
      value: value, high: nil, start: k, end: end, numeral: n, presetUnit: unit, isSpecial: true)
  }
}
