import Foundation

/// Chinese numbers and quantities: `近7.6亿元` → 760000000 CNY, qualifier `近`, bound approx.
public enum NumberParser {
  /// All quantities found in `text`, left to right, non-overlapping, ranges in Unicode scalars
  /// of `text`.
  public static func quantities(in text: String) -> [Quantity] {
    let t = NumberText(text, mode: .text)
    return QuantityScanner(t: t, mode: .text).candidates().map { quantity($0, t) }
  }

  /// The quantity that covers `text` (a matched span like "总投资近7.6亿元"): the longest one
  /// found, read leniently; nil if none.
  public static func parse(_ text: String) -> Quantity? {
    let t = NumberText(text, mode: .span)
    let found = QuantityScanner(t: t, mode: .span).candidates()
    guard var best = found.first else { return nil }
    for c in found.dropFirst() where c.end - c.start > best.end - best.start { best = c }
    return quantity(best, t)
  }

  /// A bare numeral ("7.6亿", "一万三", "壹佰伍拾", "３．５", "三分之一") to its exact value; nil
  /// if it is not one (a unit, a qualifier or any other text around it).
  public static func numeral(_ text: String) -> Decimal? {
    let t = NumberText(text.trimmingNumberSpaces(), mode: .span)
    let scanner = QuantityScanner(t: t, mode: .span)
    guard let core = scanner.readCore(at: 0), core.end == t.count, core.presetUnit == nil,
      core.high == nil
    else { return nil }
    return core.value
  }

  static func quantity(_ c: NumberCandidate, _ t: NumberText) -> Quantity {
    let qualifier = c.quals.map { t.originalText($0.range.lowerBound, $0.range.upperBound) }
      .joined(separator: "|")
    return Quantity(
      value: c.value, high: c.high, unit: c.unit?.code ?? "", qualifier: qualifier,
      bound: NumberQualifiers.combine(c.quals), range: t.originalRange(c.start, c.end))
  }
}
