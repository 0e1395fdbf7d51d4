import Foundation

/// A unit word and what it does to the number before it.
///
/// Codes: money is ISO 4217 (`CNY`, `USD`…), in the currency's main unit; area `m2`, `km2`,
/// `ha`, `mu`; length `m`, `km`, `cm`, `mm`; volume `m3`; mass `t`, `kg`, `g`, `jin`; power
/// `kW` (MW and GW are converted to kW), energy `kWh`, voltage `kV`; containers `TEU`;
/// `percent` (`%`, `百分之`, `成`, `折`, `‰` converted), `pp` for `个百分点`; multiples `x`
/// (`倍`); time `year`, `month`, `week`, `day`, `hour`, `minute`, `s`, `age`, `anniversary`.
/// Counted things: `person` (人, 名, 位, 人口), `person_time` (人次), `household` (户, 家庭),
/// `firm` (家), `item` (个, 项, 件, 座, 台, 套, 所, 张, 部, 款…), `kind` (种, 类), `batch`,
/// `case` (起, 宗), `event` (场), `times` (次), `vehicle` (辆), `vessel` (艘), `head` (头, 只),
/// `plant` (株, 棵), `floor` (层), `pair` (对, 双: counted as written, not doubled), `piece` (块),
/// and in span mode `打` (a dozen, as 12 `item`).
struct NumberUnit: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case money, measure, percent, points, time, count, person
    /// `打`, a dozen: read only in span mode, since in running text it is the verb of `打造`.
    case dozen
    /// `成`: tenths, so `三成` is 30 percent.
    case tenths
    /// `折`: a discount written in tenths (`七折`) or hundredths (`75折`), as percent paid.
    case discount
  }

  let code: String
  let factor: Decimal
  let kind: Kind
  /// Whether `factor` is not 1, decided once: a Decimal comparison is slow next to the parse.
  private let scales: Bool

  init(code: String, factor: Decimal, kind: Kind) {
    self.code = code
    self.factor = factor
    self.kind = kind
    scales = factor != 1
  }

  /// NumberUnits that make even a lone `百`/`千`/`万` a quantity (`万人`, `千万元`); counters such as
  /// `家` or `个` after a lone multiplier are mostly idiom (`千家万户`).
  var isStrong: Bool {
    switch kind {
    case .money, .measure, .percent, .points, .person, .tenths: return true
    default: return false
    }
  }

  /// The value this unit gives to a written number, or nil when the number cannot carry it
  /// (`30成` is not a share).
  func apply(_ v: Decimal) -> Decimal? {
    switch kind {
    case .tenths: return v <= 10 && v >= 0 ? v * 10 : nil
    case .discount:
      if v > 0 && v < 10 { return v * 10 }
      return v >= 10 && v < 100 ? v : nil
    default: return scales ? v * factor : v
    }
  }
}

/// The unit table and its longest-match lookup.
enum NumberUnits {
  private static func u(_ code: String, _ kind: NumberUnit.Kind, _ factor: Decimal = 1)
    -> NumberUnit
  {
    NumberUnit(code: code, factor: factor, kind: kind)
  }

  static let table: [(String, NumberUnit)] = {
    let cny = u("CNY", .money)
    let usd = u("USD", .money)
    let m2 = u("m2", .measure)
    let km2 = u("km2", .measure)
    let km = u("km", .measure)
    let kg = u("kg", .measure)
    let kw = u("kW", .measure)
    let pct = u("percent", .percent)
    let person = u("person", .person)
    let item = u("item", .count)
    let pp = u("pp", .points)
    return [
      ("元", cny), ("圆", cny), ("块钱", cny), ("人民币", cny), ("元人民币", cny),
      ("美元", usd), ("美金", usd), ("美圆", usd), ("欧元", u("EUR", .money)),
      ("港元", u("HKD", .money)), ("港币", u("HKD", .money)), ("日元", u("JPY", .money)),
      ("英镑", u("GBP", .money)), ("韩元", u("KRW", .money)), ("澳元", u("AUD", .money)),
      ("加元", u("CAD", .money)), ("卢布", u("RUB", .money)), ("新台币", u("TWD", .money)),
      ("澳门元", u("MOP", .money)), ("泰铢", u("THB", .money)), ("瑞士法郎", u("CHF", .money)),
      ("新加坡元", u("SGD", .money)),
      ("平方米", m2), ("平米", m2), ("㎡", m2), ("m²", m2), ("平方", m2),
      ("平方公里", km2), ("平方千米", km2), ("km²", km2), ("公顷", u("ha", .measure)),
      ("亩", u("mu", .measure)), ("立方米", u("m3", .measure)), ("m³", u("m3", .measure)),
      ("公里", km), ("千米", km), ("km", km), ("米", u("m", .measure)), ("m", u("m", .measure)),
      ("厘米", u("cm", .measure)), ("cm", u("cm", .measure)), ("毫米", u("mm", .measure)),
      ("mm", u("mm", .measure)),
      ("吨", u("t", .measure)), ("公斤", kg), ("千克", kg), ("kg", kg), ("克", u("g", .measure)),
      ("斤", u("jin", .measure)),
      ("千瓦", kw), ("kW", kw), ("KW", kw), ("兆瓦", u("kW", .measure, 1000)),
      ("MW", u("kW", .measure, 1000)), ("吉瓦", u("kW", .measure, 1_000_000)),
      ("GW", u("kW", .measure, 1_000_000)), ("千瓦时", u("kWh", .measure)),
      ("kWh", u("kWh", .measure)),
      ("MWh", u("kWh", .measure, 1000)), ("GWh", u("kWh", .measure, 1_000_000)),
      ("千伏", u("kV", .measure)), ("kV", u("kV", .measure)),
      ("标准箱", u("TEU", .measure)), ("TEU", u("TEU", .measure)),
      ("%", pct), ("‰", u("percent", .percent, Decimal(string: "0.1")!)),
      ("个百分点", pp), ("百分点", pp), ("成", u("percent", .tenths)),
      ("折", u("percent", .discount)), ("倍", u("x", .count)),
      ("年", u("year", .time)), ("个月", u("month", .time)), ("周", u("week", .time)),
      ("个星期", u("week", .time)), ("天", u("day", .time)), ("小时", u("hour", .time)),
      ("个小时", u("hour", .time)), ("分钟", u("minute", .time)), ("秒", u("s", .time)),
      ("秒钟", u("s", .time)), ("岁", u("age", .time)), ("周岁", u("age", .time)),
      ("周年", u("anniversary", .time)),
      ("人", person), ("名", person), ("位", person), ("个人", person), ("人口", person),
      ("人次", u("person_time", .count)), ("户", u("household", .count)),
      ("家庭", u("household", .count)), ("家", u("firm", .count)),
      ("个", item), ("项", item), ("件", item), ("条", item), ("座", item), ("栋", item),
      ("幢", item), ("台", item), ("套", item), ("处", item), ("所", item), ("张", item),
      ("部", item), ("款", item), ("篇", item), ("本", item), ("册", item), ("份", item),
      ("间", item), ("笔", item), ("枚", item), ("根", item), ("支", item), ("颗", item),
      ("种", u("kind", .count)), ("类", u("kind", .count)), ("批", u("batch", .count)),
      ("批次", u("batch", .count)),
      ("起", u("case", .count)), ("宗", u("case", .count)), ("场", u("event", .count)),
      ("次", u("times", .count)), ("辆", u("vehicle", .count)), ("艘", u("vessel", .count)),
      ("架", item), ("头", u("head", .count)), ("只", u("head", .count)),
      ("株", u("plant", .count)), ("棵", u("plant", .count)), ("层", u("floor", .count)),
      ("对", u("pair", .count)), ("双", u("pair", .count)), ("块", u("piece", .count)),
      ("打", u("item", .dozen, 12)),
    ]
  }()

  /// Words that start with a unit character but are not that unit (`人民`, `项目`, `年代`).
  static let notUnitWords: [String] = [
    "人民", "人才", "个性", "个别", "个体", "名单", "名称", "名额", "名字", "名义", "家乡",
    "家园", "家长", "家族", "项目", "元素", "元旦", "元宵", "年代",
    "年度", "年级", "年轻", "年鉴", "年报", "年会", "年货", "年化", "年利", "年薪", "年均",
    "天然", "天津", "天下", "次要", "次序", "条例", "条件", "场所", "场景", "处理", "处于",
    "处置", "处长", "台湾", "台阶", "层次", "层面", "层级", "起来", "起点", "起步", "起草",
    "起诉", "所以", "所有", "所在", "周边", "周围", "周末", "周期", "周转", "本地", "本土",
    "本级", "本次", "部分", "份额", "只有", "只是", "只要", "头部", "支持", "支撑", "支付",
    "根据", "米面", "克服", "克难", "斤两", "户籍", "对接", "对口", "对标", "对外", "对象",
    "对于", "对比", "双方", "双向", "双循环", "折合", "折算", "折旧", "折射", "折腾",
    "间隔", "笔者", "种植", "种类", "种养", "类似", "类型", "批准", "批复",
    "架构", "款项", "套餐", "倍增", "张家", "台账", "秒杀", "名师", "名校", "名牌", "名录",
    "家政", "家门", "家家", "个个", "人人", "年年", "天天", "次次", "户户",
  ]

  private static let byFirst: [UInt32: [([UInt32], NumberUnit)]] = {
    var map: [UInt32: [([UInt32], NumberUnit)]] = [:]
    for (word, info) in table {
      let s = word.numberScalars
      map[s[0], default: []].append((s, info))
    }
    return map.mapValues { $0.sorted { $0.0.count > $1.0.count } }
  }()

  private static let blockers: [UInt32: [[UInt32]]] = {
    var map: [UInt32: [[UInt32]]] = [:]
    for w in notUnitWords {
      let s = w.numberScalars
      map[s[0], default: []].append(s)
    }
    return map
  }()

  /// Characters that can start a unit, for cheap checks inside the numeral reader.
  static let firstScalars = NumberScalarSet(byFirst.keys)
  private static let prefixFirst = NumberScalarSet(prefixes.map { $0.0[0] })

  /// The longest unit written at `i`, and where it ends.
  static func match(_ t: NumberText, at i: Int) -> (NumberUnit, Int)? {
    let c = t[i]
    guard firstScalars.contains(c), let candidates = byFirst[c] else { return nil }
    for (word, info) in candidates where t.matches(word, at: i) {
      if let bl = blockers[c], word.count == 1, bl.contains(where: { t.matches($0, at: i) }) {
        return nil
      }
      let end = i + word.count
      if word.allSatisfy(NumberChars.isLatinLetter) || NumberChars.isLatinLetter(word.last!) {
        if NumberChars.isASCIIAlnum(t[end]) { continue }
      }
      return (info, end)
    }
    return nil
  }

  /// Money sub-units after `元`: `角`/`毛` are tenths, `分` hundredths.
  static let jiao = NumberScalarSet([NumberChars.value(of: "角"), NumberChars.value(of: "毛")])
  static let fen: UInt32 = 0x5206  // 分
  /// Currency signs and words written before the amount (`￥300`, `人民币50元`, `US$20`).
  static let prefixes: [([UInt32], NumberUnit)] = [
    ("人民币", "CNY"), ("￥", "CNY"), ("¥", "CNY"), ("RMB", "CNY"), ("US$", "USD"),
    ("HK$", "HKD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"),
  ].map { (word, code) in (word.numberScalars, NumberUnit(code: code, factor: 1, kind: .money)) }

  static func prefix(_ t: NumberText, at i: Int) -> (NumberUnit, Int)? {
    guard prefixFirst.contains(t[i]) else { return nil }
    for (word, info) in prefixes where t.matches(word, at: i) {
      return (info, i + word.count)
    }
    return nil
  }
}
