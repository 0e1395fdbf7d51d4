import Foundation

/// A number with what follows it: inner qualifiers (`500余人`), its unit, money sub-units
/// (`元1角1分`), a per-unit (`元/平方米`) and qualifiers after (`以上`).
struct NumberPart: Sendable {
  var core: NumberCore
  /// Value as written times the numeral's scales, before the unit is applied.
  var raw: Decimal?
  var rawHigh: Decimal?
  var unit: NumberUnit?
  var unitRange: Range<Int>?
  var quals: [NumberQualifierMark] = []
  var end: Int
}

extension QuantityScanner {
  /// What `成` is not followed by when it means a tenth (`成为`, `成立`, `一成不变`).
  static let chengWords = NumberScalarSet(
    "为立功效果本交员绩熟都长型就品套批片群年人才份分色像事行器药婚家形语规风真书文败灾林网链势团串堆对双千百万亿案"
      .numberScalars)
  static let cheng: UInt32 = 0x6210  // 成
  static let ge: UInt32 = 0x4E2A  // 个
  static let qian: UInt32 = 0x94B1  // 钱
  static let zheng: UInt32 = 0x6574  // 整
  static let zheng2: UInt32 = 0x6B63  // 正
  static let mei: UInt32 = 0x6BCF  // 每
  static let yue: UInt32 = 0x6708  // 月
  static let yuanWords: [[UInt32]] = ["元", "圆", "块", "块钱"].map { $0.numberScalars }
  /// `个多月`, `个半小时`: the time word after `个` and the unit it makes.
  static let timeAfterGe: [([UInt32], String)] = [
    ("月", "month"), ("小时", "hour"), ("星期", "week"),
  ].map { ($0.0.numberScalars, $0.1) }

  /// Reads what follows a number; the currency sign written before it (`￥`, `人民币`) is the
  /// unit only when no unit word follows.
  func tail(_ core: NumberCore, prefixUnit: NumberUnit?) -> NumberPart {
    var p = NumberPart(core: core, raw: core.value, rawHigh: core.high, end: core.end)
    p.quals = core.numeral.marks
    var k = core.end
    if core.presetUnit == nil {
      let c = t[k]
      let next = k + 1
      if NumberQualifiers.innerOver.contains(c)
        && (NumberUnits.match(t, at: next) != nil || NumberQualifiers.after(t, at: next) != nil
          || NumberChars.isBoundary(t[next]))
      {
        p.quals.append(NumberQualifierMark(range: k..<next, bound: .over))
        k = next
      } else if NumberQualifiers.innerApprox.contains(c) && NumberUnits.match(t, at: next) != nil {
        p.quals.append(NumberQualifierMark(range: k..<next, bound: .approx))
        k = next
      }
    }
    if let u = core.presetUnit {
      p.unit = u
    } else if let (u, e) = NumberUnits.match(t, at: k), acceptsUnit(u, at: k, end: e) {
      p.unit = u
      p.unitRange = k..<e
      k = unitExtras(&p, word: k, end: e)
    }
    if p.unit == nil, let pu = prefixUnit { p.unit = pu }
    if p.unit?.kind == .money && prefixUnit != nil && p.unitRange == nil { p.unit = prefixUnit }
    if let (b, e) = NumberQualifiers.after(t, at: k) {
      p.quals.append(NumberQualifierMark(range: k..<e, bound: b))
      k = e
    }
    p.end = k
    return p
  }

  private func acceptsUnit(_ u: NumberUnit, at k: Int, end e: Int) -> Bool {
    switch u.kind {
    case .tenths:
      return mode == .span || !Self.chengWords.contains(t[e])
    case .dozen:
      return mode == .span
    default:
      return true
    }
  }

  /// Halves and `多` after time units, `个多月`, `七成六`, money sub-units, per-units.
  private func unitExtras(_ p: inout NumberPart, word: Int, end: Int) -> Int {
    var k = end
    guard var u = p.unit else { return k }
    if t[word] == Self.ge && end - word == 1
      && (t[k] == NumberQualifiers.duoScalar || t[k] == ChineseNumerals.half)
    {
      for (w, code) in Self.timeAfterGe where t.matches(w, at: k + 1) {
        if t[k] == ChineseNumerals.half {
          p.raw = p.raw.map { $0 + Self.oneHalf }
        } else {
          p.quals.append(NumberQualifierMark(range: k..<(k + 1), bound: .over))
        }
        u = NumberUnit(code: code, factor: 1, kind: .time)
        k += 1 + w.count
        break
      }
    }
    if u.kind == .time || u.kind == .tenths {
      if t[k] == ChineseNumerals.half {
        p.raw = p.raw.map { $0 + Self.oneHalf }
        k += 1
      } else if u.kind == .time && t[k] == NumberQualifiers.duoScalar {
        p.quals.append(NumberQualifierMark(range: k..<(k + 1), bound: .over))
        k += 1
      } else if u.kind == .tenths, let d = ChineseNumerals.fractionDigit(t[k]), d > 0,
        !ChineseNumerals.isNumeralChar(t[k + 1])
      {
        p.raw = p.raw.map { $0 + Decimal(d) / 10 }
        k += 1
      }
    }
    if u.code == "piece" && (mode == .span || t[k] == Self.qian || subunitFollows(at: k)) {
      u = NumberUnit(code: "CNY", factor: 1, kind: .money)
      if t[k] == Self.qian { k += 1 }
    }
    if u.code == "CNY"
      && Self.yuanWords.contains(where: { $0.count == end - word && t.matches($0, at: word) })
    {
      k = moneySubunits(&p, at: k)
    }
    if t[k] == 0x2F || t[k] == Self.mei, let (per, e) = NumberUnits.match(t, at: k + 1),
      per.kind != .percent, per.kind != .points
    {
      u = NumberUnit(code: u.code + "/" + per.code, factor: u.factor, kind: u.kind)
      k = e
    }
    p.unit = u
    return k
  }

  func text(_ a: Int, _ b: Int) -> String {
    String(String.UnicodeScalarView(t.chars[a..<b].compactMap(Unicode.Scalar.init)))
  }

  private func subunitFollows(at k: Int) -> Bool {
    guard let n = NumeralValue.read(t, at: k, mode: mode) else { return false }
    return NumberUnits.jiao.contains(t[n.end]) || t[n.end] == NumberUnits.fen
  }

  /// `1角1分`, `三毛`, `六角七分钱`, `整` after a yuan amount.
  private func moneySubunits(_ p: inout NumberPart, at start: Int) -> Int {
    var k = start
    var added = Decimal(0)
    if let n = NumeralValue.read(t, at: k, mode: mode), let v = n.value, n.high == nil {
      if NumberUnits.jiao.contains(t[n.end]) {
        added += v / 10
        k = n.end + 1
        if let m = NumeralValue.read(t, at: k, mode: mode), let w = m.value,
          t[m.end] == NumberUnits.fen
        {
          added += w / 100
          k = m.end + 1
        }
      } else if t[n.end] == NumberUnits.fen {
        added += v / 100
        k = n.end + 1
      }
    }
    if k > start {
      p.raw = p.raw.map { $0 + added }
      if t[k] == Self.qian { k += 1 }
    }
    let closes = NumberChars.isBoundary(t[k + 1])
    if (t[k] == Self.zheng && (mode == .span || closes))
      || (mode == .span && t[k] == Self.zheng2 && closes)
    {
      k += 1
    }
    return k
  }
}

extension NumberQualifiers {
  static let duoScalar: UInt32 = 0x591A  // 多
}
