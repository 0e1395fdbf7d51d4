import Foundation

/// A quantity found, in folded offsets, with the facts its acceptance depends on.
struct NumberCandidate: Sendable {
  var value: Decimal?
  var high: Decimal?
  var unit: NumberUnit?
  var quals: [NumberQualifierMark]
  var start: Int
  var end: Int
  var firstNumeral: NumeralRead
  var secondNumeral: NumeralRead?
  /// A fraction, share or half in either part.
  var special: Bool
  /// Where the last number (before its unit) ends.
  var numeralEnd: Int

  init(_ first: NumberPart, _ second: NumberPart?, unit: NumberUnit?, start: Int) {
    value = nil
    high = nil
    self.unit = unit
    quals = first.quals + (second?.quals ?? [])
    self.start = start
    end = second?.end ?? first.end
    firstNumeral = first.core.numeral
    secondNumeral = second?.core.numeral
    special = first.core.isSpecial || second?.core.isSpecial == true
    numeralEnd = second?.core.end ?? first.core.end
  }
}

/// Finds quantities left to right: qualifiers, currency sign, number, unit, qualifiers, and an
/// optional second number making a range; then decides whether the find is a quantity at all.
struct QuantityScanner: Sendable {
  let t: NumberText
  let mode: NumberScanMode

  private enum Step {
    case found(NumberCandidate)
    case skip(Int)
    case none
  }

  static let startScalars: NumberScalarSet = {
    var s = Set<UInt32>()
    s.formUnion(ChineseNumerals.allCharacters)
    s.formUnion(NumberQualifiers.beforeEntries.map { $0.word[0] })
    s.formUnion(NumberUnits.prefixes.map { $0.0[0] })
    s.formUnion(NonQuantities.idioms.map { $0.numberScalars[0] })
    s.formUnion("负第初周星礼数几半对".numberScalars)
    s.formUnion((0x30...0x39).map { UInt32($0) })
    s.formUnion([0x2D, 0x2E])
    return NumberScalarSet(s)
  }()

  /// Every accepted quantity, left to right; a rejected numeral is skipped whole, so `十五五`
  /// never yields a `五`.
  func candidates() -> [NumberCandidate] {
    var out: [NumberCandidate] = []
    var i = 0
    while i < t.count {
      guard Self.startScalars.contains(t[i]) else {
        i += 1
        continue
      }
      switch step(at: i) {
      case .found(let c):
        out.append(c)
        i = max(c.end, i + 1)
      case .skip(let e):
        i = max(e, i + 1)
      case .none:
        i += 1
      }
    }
    return out
  }

  /// One attempt at `i`: idioms and ordinals are skipped, then qualifiers, sign, number, unit,
  /// range, and the acceptance rules.
  private func step(at i: Int) -> Step {
    if let n = NonQuantities.idiomLength(t, at: i) { return .skip(i + n) }
    if let e = NonQuantities.ordinalEnd(t, at: i, mode: mode) { return .skip(e) }
    var quals: [NumberQualifierMark] = []
    var j = i
    var bareOnly = false
    while quals.count < 2, let (entry, e) = NumberQualifiers.before(t, at: j, checkPrevious: j == i)
    {
      quals.append(NumberQualifierMark(range: j..<e, bound: entry.bound))
      bareOnly = entry.bareOnly
      j = NumberQualifiers.particleEnd(t, at: e, after: entry)
    }
    var prefixUnit: NumberUnit?
    if let (u, e) = NumberUnits.prefix(t, at: j) {
      prefixUnit = u
      j = e
    }
    guard let core = readCore(at: j) else { return .none }
    let n = core.numeral
    if bareOnly && !n.isBareMultiplier { return .none }
    if !core.isSpecial && NonQuantities.isDatePart(t, n) { return .skip(core.end + 1) }
    if let e = NonQuantities.codeEnd(t, n, start: n.start, mode: mode) { return .skip(e) }
    if !core.isSpecial, NonQuantities.isQuoted(t, n) { return .skip(n.end + 1) }

    let first = tail(core, prefixUnit: prefixUnit)
    var cand = NumberCandidate(first, nil, unit: first.unit, start: i)
    cand.quals = quals + first.quals
    if first.quals.isEmpty, let sepEnd = separatorEnd(at: first.end) {
      switch range(first, from: sepEnd) {
      case .skip(let e): return .skip(e)
      case .found(let c):
        cand = c
        cand.quals = quals + c.quals
        cand.start = i
      case .none: break
      }
    }
    if cand.secondNumeral == nil {
      cand.value = apply(first.unit, first.raw)
      cand.high = first.rawHigh.flatMap { apply(first.unit, $0) }
      if first.unit != nil && first.raw != nil && cand.value == nil {
        return .skip(first.end)
      }
    }
    if accept(cand) { return .found(cand) }
    if mode == .text && n.isDigitString { return .none }
    return .skip(max(core.end, i + 1))
  }

  private func apply(_ unit: NumberUnit?, _ v: Decimal?) -> Decimal? {
    guard let v else { return nil }
    guard let unit else { return v }
    return unit.apply(v)
  }

  private static let separators = NumberScalarSet("至到~—–-".numberScalars)

  private func separatorEnd(at k: Int) -> Int? {
    let c = t[k]
    guard Self.separators.contains(c) else { return nil }
    if c == 0x2014 && t[k + 1] == 0x2014 { return k + 2 }
    return k + 1
  }

  /// `3亿至5亿元`, `10-20亿元` (the low end takes `亿`), `两到三万`, `5%-10%`.
  private func range(_ first: NumberPart, from k: Int) -> Step {
    var j = k
    var prefixUnit = first.unit?.kind == .money ? first.unit : nil
    if let (u, e) = NumberUnits.prefix(t, at: j) {
      prefixUnit = u
      j = e
    }
    guard let core = readCore(at: j), core.high == nil else { return .none }
    if !core.isSpecial && NonQuantities.isDatePart(t, core.numeral) { return .skip(core.end + 1) }
    guard first.core.numeral.high == nil, var low = first.raw else { return .none }
    let second = tail(core, prefixUnit: prefixUnit)
    guard let high = second.raw else { return .none }
    if let u1 = first.unit, let u2 = second.unit, u1.code != u2.code { return .none }
    let unit = second.unit ?? first.unit
    if first.core.numeral.trailingLarge == nil, let tl = second.core.numeral.trailingLarge {
      low *= NumeralValue.power(tl)
    }
    let hasScale = second.core.numeral.hasScale || first.core.numeral.hasScale
    if mode == .text && t[k - 1] == 0x2D && unit == nil && !hasScale { return .none }
    guard let lo = apply(first.unit ?? unit, low), let hi = apply(second.unit ?? unit, high),
      lo < hi
    else { return .none }
    return .found(rangeCandidate(first, second, unit, lo, hi))
  }

  private func rangeCandidate(
    _ first: NumberPart, _ second: NumberPart, _ unit: NumberUnit?, _ low: Decimal, _ high: Decimal
  ) -> NumberCandidate {
    var c = NumberCandidate(first, second, unit: unit, start: first.core.start)
    c.value = low
    c.high = high
    return c
  }
}
