import Foundation

/// A numeral read from text: its value (or a juxtaposed range such as `三五百`) and the shape
/// facts the acceptance rules need.
struct NumeralRead: Sendable {
  var value: Decimal?
  var high: Decimal?
  var start: Int
  var end: Int
  var hasArabic = false
  /// Scalars spelled with Chinese numeral characters.
  var chineseChars = 0
  var hasDigit = false
  var hasScale = false
  var lastIsLarge = false
  /// The power of ten of the large scales that close the numeral (8 for `亿` in `20亿`, 12 for
  /// `万亿`), carried to the low end of a range written without it (`10-20亿`).
  var trailingLarge: Int?
  var isDigitString = false
  var indefinite = false
  /// Inner `多`, `余`, `几` (bound over) and an indefinite `数`/`几` (no bound), as qualifiers.
  var marks: [NumberQualifierMark] = []
  /// The Arabic run when the numeral is one, for code and year checks.
  var arabic: ArabicRead?

  var isBareMultiplier: Bool { !hasDigit && hasScale }
  var isChineseOnly: Bool { !hasArabic }
}

enum NumeralValue {
  static func power(_ e: Int) -> Decimal {
    Decimal(sign: .plus, exponent: e, significand: 1)
  }

  /// Reads the numeral at `i`; nil when there is none or it is malformed (`十五五`).
  static func read(_ t: NumberText, at i: Int, mode: NumberScanMode) -> NumeralRead? {
    let toks = ChineseNumerals.tokens(t, from: i, mode: mode)
    guard let first = toks.first, let last = toks.last else { return nil }
    var r = NumeralRead(value: nil, start: first.start, end: last.end)
    for tok in toks {
      switch tok.kind {
      case .arabic(let a):
        r.hasArabic = true
        r.hasDigit = true
        r.arabic = a
      case .digit, .unknownDigit, .fraction: r.hasDigit = true
      case .small, .tens, .large: r.hasScale = true
      case .indefinite: r.indefinite = true
      case .over: break
      }
      switch tok.kind {
      case .over, .unknownDigit:
        r.marks.append(NumberQualifierMark(range: tok.start..<tok.end, bound: .over))
      case .indefinite: r.marks.append(NumberQualifierMark(range: tok.start..<tok.end, bound: nil))
      default: break
      }
      if tok.isChinese { r.chineseChars += tok.end - tok.start }
    }
    if toks.count > 1 || r.hasScale { r.arabic = nil }
    if case .large = last.kind { r.lastIsLarge = true }
    var trailing = 0
    for tok in toks.reversed() {
      guard case .large(let e) = tok.kind else { break }
      trailing += e
    }
    if r.lastIsLarge { r.trailingLarge = trailing }

    switch digitRuns(toks) {
    case .none:
      guard let v = evaluate(toks[...]) else { return nil }
      r.value = v
    case .digitString:
      r.isDigitString = true
      r.value = digitString(toks)
    case .juxtaposed(let k):
      var low = toks
      low.remove(at: k + 1)
      var high = toks
      high.remove(at: k)
      guard let lo = evaluate(low[...]), let hi = evaluate(high[...]), lo < hi else { return nil }
      r.value = lo
      r.high = hi
    case .malformed:
      return nil
    }
    if r.indefinite {
      r.value = nil
      r.high = nil
    }
    return r
  }

  private enum Runs { case none, digitString, juxtaposed(Int), malformed }

  /// Adjacent Chinese digits: a digit string (`一二三`, `二〇二六`), two neighbours read as a
  /// range (`三五百`, `七八十`, `十五六`), or a malformed numeral (`十五五`).
  private static func digitRuns(_ toks: [NumToken]) -> Runs {
    var result = Runs.none
    var k = 0
    let intToks = toks.prefix { if case .fraction = $0.kind { return false } else { return true } }
    let allDigits =
      intToks.count >= 2
      && intToks.allSatisfy {
        if case .digit = $0.kind { return true } else { return false }
      }
    while k < toks.count {
      guard case .digit(let d0) = toks[k].kind else {
        k += 1
        continue
      }
      var j = k + 1
      while j < toks.count, case .digit = toks[j].kind { j += 1 }
      var startIdx = k
      if k > 0 && j - k > 1 && d0 == 0 { startIdx += 1 }
      let count = j - startIdx
      if count >= 2 {
        if count == 2, case .digit(let a) = toks[startIdx].kind,
          case .digit(let b) = toks[startIdx + 1].kind, isNeighbourPair(a, b)
        {
          if case .none = result { result = .juxtaposed(startIdx) } else { return .malformed }
        } else if allDigits {
          return .digitString
        } else {
          return .malformed
        }
      }
      k = j
    }
    if case .juxtaposed = result, allDigits, intToks.count != toks.count { return .digitString }
    return result
  }

  private static func isNeighbourPair(_ a: Int, _ b: Int) -> Bool {
    a > 0 && (b == a + 1 || (a == 3 && b == 5))
  }

  private static func digitString(_ toks: [NumToken]) -> Decimal {
    var v = Decimal(0)
    for tok in toks {
      switch tok.kind {
      case .digit(let d): v = .sum(v.shifted(by: 1), Decimal(d))
      case .fraction(let f): v = .sum(v, f)
      default: break
      }
    }
    return v
  }

  /// The place-value reading. Large scales multiply what is below them (`四万万`, `4.78万亿`);
  /// a single digit closing a section takes the place below the last scale (`一万三` = 13000).
  static func evaluate(_ toks: ArraySlice<NumToken>) -> Decimal? {
    var total = Decimal(0)
    var section = Decimal(0)
    var pending: Decimal?
    var pendingCn = false
    var lastScale: Int?
    var lastSmall: Int?
    var lastLarge: Int?
    var zero = false
    var leadingZero = false
    var any = false

    func elided() -> Decimal {
      guard let p = pending else { return 0 }
      if pendingCn && !zero, let s = lastScale, s >= 1 { return p.shifted(by: s - 1) }
      return p
    }

    for tok in toks {
      switch tok.kind {
      case .arabic(let a):
        if pending != nil { return nil }
        pending = a.value
        pendingCn = false
      case .digit(0):
        if pending != nil { return nil }
        if any { zero = true } else { leadingZero = true }
      case .digit(let d):
        if pending != nil { return nil }
        pending = Decimal(d)
        pendingCn = true
      case .unknownDigit:
        pending = 0
        pendingCn = false
      case .indefinite:
        pending = 1
        pendingCn = false
      case .over:
        continue
      case .small(let s):
        let e = s == 10 ? 1 : s == 100 ? 2 : 3
        if let ls = lastSmall, e >= ls { return nil }
        section = .sum(section, (pending ?? 1).shifted(by: e))
        pending = nil
        lastScale = e
        lastSmall = e
        zero = false
      case .tens(let v):
        if pending != nil { return nil }
        if let ls = lastSmall, ls <= 1 { return nil }
        section = .sum(section, Decimal(v))
        lastScale = 1
        lastSmall = 1
      case .large(let e):
        var v = Decimal.sum(section, lastSmall != nil ? elided() : (pending ?? 0))
        if v.isZero && total.isZero && !leadingZero { v = 1 }
        if v.isZero {
          if let ll = lastLarge, e < ll { return nil }
          total = total.shifted(by: e)
        } else if total.isPositive && total < power(e) {
          total = Decimal.sum(total, v).shifted(by: e)
        } else if total.isPositive, let ll = lastLarge, e >= ll {
          return nil
        } else {
          total = .sum(total, v.shifted(by: e))
        }
        lastLarge = e
        section = 0
        pending = nil
        lastScale = e
        lastSmall = nil
        zero = false
      case .fraction(let f):
        let whole = Decimal.sum(.sum(.sum(total, section), elided()), f)
        total = 0
        section = 0
        pending = whole
        pendingCn = false
        lastScale = nil
        lastSmall = nil
        lastLarge = nil
      }
      any = true
    }
    return .sum(.sum(total, section), elided())
  }
}
