import Foundation

/// How a written qualifier bounds the stated value, as the CSV `bound` column spells it.
public enum Bound: String, Sendable, Equatable, CaseIterable {
  case approx
  case over
  case under
  case atLeast = "at_least"
  case atMost = "at_most"
}

/// One number or quantity read from Chinese text: exact value in base units, its unit,
/// and the qualifier exactly as written, so analysts can audit the reading.
public struct Quantity: Sendable, Equatable {
  /// Value in base units (yuan, persons, m²…); nil when the text names no definite value (`数百万`).
  public var value: Decimal?
  /// Upper end of a range (`3亿至5亿元`); nil for a single value.
  public var high: Decimal?
  /// Canonical unit code (`CNY`, `USD`, `m2`, `mu`, `percent`, `pp`, `person`…); empty for a bare number.
  public var unit: String
  /// Qualifier words as written (`近`, `超`, `余`, `以上`…), joined with `|` when there are several.
  public var qualifier: String
  public var bound: Bound?
  /// Unicode-scalar offsets of the quantity inside the parsed text, end exclusive.
  public var range: Range<Int>

  public init(
    value: Decimal?, high: Decimal? = nil, unit: String = "", qualifier: String = "",
    bound: Bound? = nil, range: Range<Int>
  ) {
    self.value = value
    self.high = high
    self.unit = unit
    self.qualifier = qualifier
    self.bound = bound
    self.range = range
  }
}

extension Decimal {
  /// Plain positional notation (`760000000`, `0.005`), never scientific: the form the CSVs promise.
  public var plainString: String {
    var d = self
    var rounded = Decimal()
    NSDecimalRound(&rounded, &d, 12, .plain)
    return NSDecimalNumber(decimal: rounded).stringValue
  }
}
