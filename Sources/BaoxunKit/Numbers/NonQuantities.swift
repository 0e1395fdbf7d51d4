/// Words and shapes full of numeral characters that are not quantities: idioms and slogans,
/// ordinals, dates, and codes.
enum NonQuantities {
  /// Idioms, slogans and fixed words whose numerals count nothing (`千家万户`, `一次性`).
  static let idioms: [String] = [
    "一马当先", "万马奔腾", "一手抓", "两手抓", "千仓千面", "一条龙", "一次性", "一站式", "一把手",
    "五位一体", "三位一体", "四位一体", "一件事", "一张网", "一张图", "一张蓝图", "一揽子",
    "一盘棋", "一口气", "千家万户", "万家灯火", "百家争鸣", "百花齐放", "一家人", "一家亲",
    "成千上万", "成千成万", "千千万万", "十万火急", "千方百计", "万众一心", "一年一度",
    "四面八方", "五湖四海", "千军万马", "万无一失", "一心一意", "三番五次", "三天两头",
    "三三两两", "一支笔", "一枝独秀", "一席之地", "一臂之力", "一门心思", "九牛一毛", "一起",
    "一对一", "一块儿", "一头雾水", "一根筋", "一颗红心", "一成不变", "万一", "一元化",
    "百年大计", "百年老店", "一笔带过", "一分为二", "一清二楚", "独一无二", "接二连三",
    "乱七八糟", "七上八下", "一五一十", "一刀切", "一张床", "一层楼", "十全十美", "千锤百炼",
    "一本账", "一张清单", "一次次", "十一五", "十二五", "十三五", "十四五", "十五五", "十六五",
  ]

  private static let idiomsByFirst: [UInt32: [[UInt32]]] = {
    var map: [UInt32: [[UInt32]]] = [:]
    for w in idioms {
      let s = w.numberScalars
      map[s[0], default: []].append(s)
    }
    return map.mapValues { $0.sorted { $0.count > $1.count } }
  }()

  static let idiomFirstScalars = NumberScalarSet(idiomsByFirst.keys)

  /// Length of an idiom written at `i`, also the slogan shapes `一户一策` and `一个个`.
  static func idiomLength(_ t: NumberText, at i: Int) -> Int? {
    if idiomFirstScalars.contains(t[i]), let list = idiomsByFirst[t[i]] {
      for w in list where t.matches(w, at: i) { return w.count }
    }
    let yi = QuantityScanner.yi
    if t[i] == yi, NumberUnits.firstScalars.contains(t[i + 1]),
      !ChineseNumerals.isNumeralChar(t[i + 1])
    {
      if t[i + 2] == yi { return 4 }
      if t[i + 2] == t[i + 1] { return 3 }
    }
    return nil
  }

  /// Characters that make a following lone `一` part of a word (`统一部署`, `唯一`, `之一`).
  static let wordBeforeYi = NumberScalarSet("统唯同单划专归合逐万之其不整均齐".numberScalars)

  private static let ordinalPrefixes: [[UInt32]] = ["第", "初", "星期", "礼拜", "周"].map {
    $0.numberScalars
  }

  private static let ordinalFirst = NumberScalarSet(ordinalPrefixes.map { $0[0] })

  /// After `第`, `初`, `周`, `星期`: the end of the ordinal numeral, which is skipped whole.
  static func ordinalEnd(_ t: NumberText, at i: Int, mode: NumberScanMode) -> Int? {
    guard ordinalFirst.contains(t[i]) else { return nil }
    for p in ordinalPrefixes where t.matches(p, at: i) {
      let j = i + p.count
      let needsChinese = p.count > 1 || p[0] != Self.di
      if needsChinese && ChineseNumerals.digit(t[j]) == nil && ChineseNumerals.small(t[j]) == nil {
        continue
      }
      if let n = NumeralValue.read(t, at: j, mode: mode) { return n.end }
    }
    return nil
  }

  private static let dateWords = NumberScalarSet("月日号时届代版楼路".numberScalars)
  private static let year: UInt32 = 0x5E74  // 年
  private static let ri: UInt32 = 0x65E5  // 日
  private static let yuan: UInt32 = 0x5143  // 元
  private static let dan: UInt32 = 0x65E6  // 旦
  private static let xiao: UInt32 = 0x5BB5  // 宵
  private static let fen: UInt32 = 0x5206  // 分
  private static let dian: UInt32 = 0x70B9  // 点
  private static let ji: UInt32 = 0x7EA7  // 级
  private static let di: UInt32 = 0x7B2C  // 第
  private static let zhi: UInt32 = 0x4E4B  // 之
  private static let yearAfter = NumberScalarSet("底初末中前后以起度代".numberScalars)

  /// Whether the numeral ending at `end` names a date, a time, an ordinal or a version:
  /// `2026年`, `9月`, `21日`, `10时`, `8点`, `30分`, `二〇二六年`, `二十届`.
  static func isDatePart(_ t: NumberText, _ n: NumeralRead) -> Bool {
    let c = t[n.end]
    // 日元 is a currency (45亿日元), not a day of the month; 1月1日元旦 and 2月24日元宵节 are days.
    if c == ri && t[n.end + 1] == yuan && t[n.end + 2] != dan && t[n.end + 2] != xiao { return false }
    if dateWords.contains(c) { return true }
    if c == year {
      if n.isDigitString { return true }
      if let a = n.arabic, a.fracDigits == 0 {
        if a.intDigits == 4 { return true }
        if yearAfter.contains(t[n.end + 1]) && a.intDigits >= 2 { return true }
      }
      return false
    }
    if c == fen {
      let next = t[n.end + 1]
      return next != Self.zhi && next != QuantityScanner.zhong
    }
    if c == dian { return true }
    if c == ji { return !n.isBareMultiplier }
    return false
  }

  /// In running text, the end of a code or identifier that contains this Arabic number
  /// (`G20`, `296X`, `PM2.5`, `2024-09-21`, `0471-6951234`, `13:30`, `1.2.3`), or nil.
  static func codeEnd(_ t: NumberText, _ n: NumeralRead, start: Int, mode: NumberScanMode) -> Int? {
    guard n.hasArabic else { return nil }
    let before = t[start - 1]
    let joiners = Self.joiners
    var isCode =
      NumberChars.isLatinLetter(before)
      || (joiners.contains(before) && NumberChars.isASCIIAlnum(t[start - 2]))
    let after = t[n.end]
    if NumberChars.isLatinLetter(after) && NumberUnits.match(t, at: n.end) == nil { isCode = true }
    if let a = n.arabic {
      if a.dotted { isCode = true }
      if mode == .text && a.fracDigits == 0 && (a.leadingZero || a.intDigits >= 11) {
        isCode = true
      }
    }
    if after == 0x3A && NumberChars.isASCIIDigit(t[n.end + 1]) { isCode = true }
    if (after == 0x2D || after == 0x2F) && NumberChars.isASCIIDigit(t[n.end + 1]) {
      var k = n.end + 1
      var joins = 1
      while NumberChars.isASCIIAlnum(t[k])
        || (joiners.contains(t[k]) && NumberChars.isASCIIAlnum(t[k + 1]))
      {
        if joiners.contains(t[k]) && t[k] != 0x2E { joins += 1 }
        k += 1
      }
      if joins >= 2 || (after == 0x2F && mode == .text) { isCode = true }
    }
    guard isCode else { return nil }
    var k = n.end
    while NumberChars.isASCIIAlnum(t[k])
      || (joiners.contains(t[k]) && NumberChars.isASCIIAlnum(t[k + 1]))
    {
      k += 1
    }
    return k
  }

  private static let joiners = NumberScalarSet([0x2D, 0x2E, 0x2F, 0x5F, 0x23, 0x3A])

  /// A bare number in quotes is a name (`“53311”` is a programme, not a count).
  static func isQuoted(_ t: NumberText, _ n: NumeralRead) -> Bool {
    NumberChars.openingQuotes.contains(t[n.start - 1])
      && NumberChars.closingQuotes.contains(t[n.end])
  }
}
