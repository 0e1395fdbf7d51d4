import Foundation

extension Decimal {
  /// The same text as `plainString`, about ten times faster for values whose digits fit in 18
  /// places (all but a few): `baoxun number` formats one or two per line.
  var fastPlainString: String {
    var d = self
    var r = Decimal()
    NSDecimalRound(&r, &d, 12, .plain)
    if r.isZero { return "0" }
    let sig = r.significand.magnitude
    guard sig < Decimal(sign: .plus, exponent: 18, significand: 1), r.exponent > -40 else {
      return plainString
    }
    var digits = Array(String(NSDecimalNumber(decimal: sig).uint64Value).utf8)
    let e = r.exponent
    if e >= 0 {
      digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: e))
    } else {
      let point = digits.count + e
      if point <= 0 {
        digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: 1 - point), at: 0)
      }
      digits.insert(UInt8(ascii: "."), at: digits.count + e)
      while digits.last == UInt8(ascii: "0") { digits.removeLast() }
      if digits.last == UInt8(ascii: ".") { digits.removeLast() }
    }
    if r.sign == .minus { digits.insert(UInt8(ascii: "-"), at: 0) }
    return String(decoding: digits, as: UTF8.self)
  }
}
