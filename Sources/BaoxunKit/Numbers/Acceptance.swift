import Foundation

/// Whether a find is a quantity. Arabic numbers are, unless they look like a year or a list
/// number. Chinese numerals need a unit, a qualifier, or a scale and a clear end, because in
/// running text `一`, `三`, `万`, `二十` are mostly parts of words (`三新`, `二十大`, `万众`).
extension QuantityScanner {
  static let yi: UInt32 = 0x4E00  // 一
  static let shi: UInt32 = 0x5341  // 十
  static let dun: UInt32 = 0x3001  // 、
  static let amountWords: [[UInt32]] = ["大关", "级", "量级", "规模"].map { $0.numberScalars }
  static let adverbs: Set<String> = ["千万", "万万"]

  func accept(_ c: NumberCandidate) -> Bool {
    let n = c.secondNumeral ?? c.firstNumeral
    let firstNumeral = c.firstNumeral
    if c.special { return true }
    if let u = c.unit,
      u.kind == .percent || u.kind == .points || u.kind == .tenths
        || u.kind == .discount
    {
      return true
    }
    if n.hasArabic || firstNumeral.hasArabic { return acceptArabic(c, firstNumeral) }
    let after = t[c.firstNumeral.end]
    if mode == .span && c.unit == nil && c.secondNumeral == nil
      && (NumberChars.isBoundary(after) || !c.quals.isEmpty)
    {
      return true
    }
    if n.isDigitString || firstNumeral.isDigitString { return false }
    let chars = n.chineseChars + (c.secondNumeral == nil ? 0 : firstNumeral.chineseChars)
    if let unit = c.unit {
      guard chars == 1 else { return true }
      let c0 = t[n.start]
      if ChineseNumerals.digit(c0) == 0 { return mode == .span }
      if ChineseNumerals.digit(c0) != nil || c0 == Self.shi {
        if c0 == Self.yi && NonQuantities.wordBeforeYi.contains(t[n.start - 1])
          && c.quals.isEmpty
        {
          return false
        }
        return true
      }
      return !c.quals.isEmpty || unit.isStrong
    }
    let end = c.numeralEnd
    let closes = NumberChars.isBoundary(t[end])
    if n.indefinite { return n.hasScale }
    if !c.quals.isEmpty && n.hasScale { return true }
    if Self.amountWords.contains(where: { t.matches($0, at: end) })
      && (n.lastIsLarge || n.isBareMultiplier)
    {
      return true
    }
    if n.isBareMultiplier && chars == 2 && Self.adverbs.contains(text(n.start, n.end)) {
      return false
    }
    if n.lastIsLarge && chars >= 2 { return true }
    if c.secondNumeral != nil || n.high != nil { return n.hasScale && closes }
    return chars >= 2 && n.hasScale && closes
  }

  private func acceptArabic(_ c: NumberCandidate, _ n: NumeralRead) -> Bool {
    guard mode == .text, c.unit == nil, c.quals.isEmpty, c.secondNumeral == nil,
      let a = n.arabic, a.fracDigits == 0
    else { return true }
    if a.intDigits == 4, let v = c.value, v >= 1900, v <= 2100 { return false }
    let mark = t[n.end]
    let isListMark = mark == Self.dun || (mark == 0x2E && !NumberChars.isASCIIDigit(t[n.end + 1]))
    if isListMark && NumberChars.isBoundary(t[n.start - 1]) { return false }
    return true
  }
}
