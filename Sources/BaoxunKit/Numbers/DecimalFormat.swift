import Foundation

extension Decimal {
  /// The same text as `plainString`, many times faster for values whose digits fit in 18 places
  /// (all but a few): `baoxun number` formats one or two per line.
  var fastPlainString: String {
    var bytes: [UInt8] = []
    appendPlain(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the `plainString` text as UTF-8. With at most 12 decimals no rounding is due, so the
  /// significand is printed from one integer, without strings or arrays in between.
  func appendPlain(to out: inout [UInt8]) {
    if isZero {
      out.append(UInt8(ascii: "0"))
      return
    }
    let e = exponent
    let sig = NSDecimalNumber(decimal: significand)
    guard e >= -12, sig.doubleValue < 1e17 else {
      out.append(contentsOf: roundedPlainString.utf8)
      return
    }
    let m = sig.uint64Value
    if isSignMinus { out.append(UInt8(ascii: "-")) }
    var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &buffer) { buf in
      var v = m
      var first = buf.count
      repeat {
        first -= 1
        buf[first] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
      } while v > 0
      var end = buf.count
      var e = e
      while e < 0 && buf[end - 1] == UInt8(ascii: "0") {
        end -= 1
        e += 1
      }
      let point = end + e
      if e >= 0 {
        out.append(contentsOf: buf[first..<end])
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: e))
      } else if point > first {
        out.append(contentsOf: buf[first..<point])
        out.append(UInt8(ascii: "."))
        out.append(contentsOf: buf[point..<end])
      } else {
        out.append(contentsOf: "0.".utf8)
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: first - point))
        out.append(contentsOf: buf[first..<end])
      }
    }
  }

  /// The general path: round to 12 places, then print.
  private var roundedPlainString: String {
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
