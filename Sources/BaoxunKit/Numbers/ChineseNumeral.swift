import Foundation

/// One piece of a written numeral, Chinese or Arabic.
struct NumToken: Sendable {
  enum Kind: Sendable {
    case arabic(ArabicRead)
    /// 零〇 to 九, 大写 forms, 两/俩.
    case digit(Int)
    /// 十 百 千 (and 拾 佰 仟).
    case small(Int)
    /// 廿 卅 卌: twenty, thirty, forty in one character.
    case tens(Int)
    /// 万 亿 兆 as a power of ten (also `k`, `w`, `M`, `G` after digits in span mode).
    case large(Int)
    /// `点` and the digits after it, as a value below one.
    case fraction(Decimal)
    /// `几` after a scale (`二十几`): a digit not written.
    case unknownDigit
    /// `数`/`几` before a scale (`数百万`): no definite value at all.
    case indefinite
    /// `多`/`余` before a large scale (`一千多万`, `十余万`).
    case over
  }

  var kind: Kind
  var start: Int
  var end: Int

  var isChinese: Bool {
    if case .arabic = kind { return false }
    return true
  }
}

/// Character tables for Chinese numerals.
enum ChineseNumerals {
  private static func table(_ entries: [(String, Int)]) -> [UInt32: Int] {
    var map: [UInt32: Int] = [:]
    for (chars, v) in entries {
      for s in chars.unicodeScalars { map[s.value] = v }
    }
    return map
  }

  private static let digitTable = table([
    ("零〇", 0), ("一壹幺弌", 1), ("二贰貳两兩俩倆弍", 2), ("三叁參叄弎", 3), ("四肆", 4),
    ("五伍", 5), ("六陆陸", 6), ("七柒", 7), ("八捌", 8), ("九玖", 9),
  ])
  /// Digits allowed after `点`: `两` is a count word, never a decimal digit.
  private static let fractionTable = digitTable.filter {
    !"两兩俩倆".unicodeScalars.map(\.value).contains($0.key)
  }
  private static let smallTable = table([("十拾", 10), ("百佰", 100), ("千仟", 1000)])
  private static let tensTable = table([("廿卄", 20), ("卅", 30), ("卌", 40)])
  private static let largeTable = table([("万萬", 4), ("亿億", 8), ("兆", 12)])

  /// Every numeral character, for building the scanner's start set.
  static var allCharacters: [UInt32] {
    Array(digitTable.keys) + Array(smallTable.keys) + Array(tensTable.keys)
      + Array(largeTable.keys)
  }

  /// The four tables flattened over U+3000..<U+A000 (kind in the high byte, value in the low),
  /// since the reader consults them for every character of every numeral.
  private static let flat: [UInt16] = {
    var f = [UInt16](repeating: 0, count: 0xA000 - 0x3000)
    func put(_ t: [UInt32: Int], _ kind: UInt16) {
      for (c, v) in t where c >= 0x3000 && c < 0xA000 { f[Int(c - 0x3000)] = kind << 8 | UInt16(v) }
    }
    put(digitTable, 1)
    put(smallTable.mapValues { $0 == 10 ? 1 : $0 == 100 ? 2 : 3 }, 2)
    put(tensTable, 3)
    put(largeTable, 4)
    for c in "两兩俩倆".unicodeScalars { f[Int(c.value - 0x3000)] |= 0x8000 }
    return f
  }()

  private static func entry(_ c: UInt32, _ kind: UInt16) -> Int? {
    guard c >= 0x3000 && c < 0xA000 else { return nil }
    let e = flat[Int(c - 0x3000)]
    return (e >> 8) & 0x7F == kind ? Int(e & 0xFF) : nil
  }

  /// 零〇 to 九, 大写 forms, 两/俩: the digit value.
  static func digit(_ c: UInt32) -> Int? { entry(c, 1) }
  /// A digit allowed after `点`: `两` is a count word, never a decimal digit.
  static func fractionDigit(_ c: UInt32) -> Int? {
    guard let d = entry(c, 1), flat[Int(c - 0x3000)] & 0x8000 == 0 else { return nil }
    return d
  }
  static func small(_ c: UInt32) -> Int? {
    entry(c, 2).map { $0 == 1 ? 10 : $0 == 2 ? 100 : 1000 }
  }
  static func tens(_ c: UInt32) -> Int? { entry(c, 3) }
  static func large(_ c: UInt32) -> Int? { entry(c, 4) }

  static let point: UInt32 = 0x70B9  // 点
  static let minus: UInt32 = 0x8D1F  // 负
  static let zhao: UInt32 = 0x5146  // 兆
  static let ji: UInt32 = 0x51E0  // 几
  static let shu: UInt32 = 0x6570  // 数
  static let duo: UInt32 = 0x591A  // 多
  static let yu: UInt32 = 0x4F59  // 余
  static let half: UInt32 = 0x534A  // 半
  static func isNumeralChar(_ c: UInt32) -> Bool {
    guard c >= 0x3000 && c < 0xA000 else { return false }
    return flat[Int(c - 0x3000)] & 0x7F00 != 0
  }

  static func isScale(_ c: UInt32) -> Bool { small(c) != nil || large(c) != nil }

  /// The numeral tokens starting at `i`, stopping before anything that is not part of it
  /// (including a unit that starts with a numeral character, such as `千米` or `百分点`).
  static func tokens(_ t: NumberText, from i: Int, mode: NumberScanMode) -> [NumToken] {
    var toks: [NumToken] = []
    var k = i
    var hasFraction = false
    while true {
      let c = t[k]
      if NumberChars.isASCIIDigit(c) || (c == ArabicNumber.dot && toks.isEmpty && mode == .span) {
        if let last = toks.last, case .digit(let d) = last.kind, d != 0 { break }
        if let last = toks.last, case .arabic = last.kind { break }
        guard let a = ArabicNumber.read(t, at: k, mode: mode) else { break }
        toks.append(NumToken(kind: .arabic(a), start: k, end: a.end))
        k = a.end
        if mode == .span,
          let (e, end) = ArabicNumber.magnitude(t, at: k, hasDecimals: a.fracDigits > 0)
        {
          toks.append(NumToken(kind: .large(e), start: k, end: end))
          k = end
        }
        continue
      }
      if let d = digit(c) {
        toks.append(NumToken(kind: .digit(d), start: k, end: k + 1))
      } else if let s = small(c) {
        if NumberUnits.match(t, at: k) != nil { break }
        toks.append(NumToken(kind: .small(s), start: k, end: k + 1))
      } else if let v = tens(c) {
        toks.append(NumToken(kind: .tens(v), start: k, end: k + 1))
      } else if let e = large(c) {
        if c == zhao && (toks.isEmpty || NumberUnits.match(t, at: k) != nil || !isZhaoNumeral(t, k))
        {
          break
        }
        toks.append(NumToken(kind: .large(e), start: k, end: k + 1))
      } else if c == point && !toks.isEmpty && !hasFraction,
        let (f, end) = fraction(t, at: k + 1)
      {
        toks.append(NumToken(kind: .fraction(f), start: k, end: end))
        hasFraction = true
        k = end
        continue
      } else if c == ji || c == shu {
        let next = t[k + 1]
        if toks.isEmpty && isScale(next) && NumberUnits.match(t, at: k + 1) == nil {
          toks.append(NumToken(kind: .indefinite, start: k, end: k + 1))
        } else if c == ji, let last = toks.last, last.isSmallOrZero {
          toks.append(NumToken(kind: .unknownDigit, start: k, end: k + 1))
        } else {
          break
        }
      } else if (c == duo || c == yu) && !toks.isEmpty && large(t[k + 1]) != nil
        && t[k + 1] != zhao
      {
        toks.append(NumToken(kind: .over, start: k, end: k + 1))
      } else {
        break
      }
      k += 1
    }
    return toks
  }

  /// `兆` is 10^12 only between numerals; as a prefix (`兆瓦`, `兆头`) it is something else.
  private static func isZhaoNumeral(_ t: NumberText, _ k: Int) -> Bool {
    let next = t[k + 1]
    let blocked = "瓦帕赫焦欧伏字头".unicodeScalars.map(\.value)
    return !blocked.contains(next) && !NumberChars.isLatinLetter(next)
  }

  /// Digits after `点`, Chinese or Arabic, read one by one: `点零五` is .05.
  private static func fraction(_ t: NumberText, at i: Int) -> (Decimal, Int)? {
    var ds: [UInt8] = []
    var k = i
    while true {
      if let d = fractionDigit(t[k]) {
        ds.append(UInt8(d))
      } else if NumberChars.isASCIIDigit(t[k]) {
        ds.append(UInt8(t[k] - 0x30))
      } else {
        break
      }
      k += 1
    }
    guard !ds.isEmpty else { return nil }
    return (ArabicNumber.decimal(ds, scale: ds.count), k)
  }
}

extension NumToken {
  var isSmallOrZero: Bool {
    switch kind {
    case .small, .tens: return true
    case .digit(let d): return d == 0
    default: return false
    }
  }
}
