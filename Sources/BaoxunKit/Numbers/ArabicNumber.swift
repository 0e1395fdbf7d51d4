import Foundation

/// A run of Arabic digits as written: grouping commas, decimals, and in span mode scientific
/// notation and powers (`2e5`, `2^5`).
struct ArabicRead: Sendable {
  var value: Decimal
  var end: Int
  var intDigits: Int
  var fracDigits: Int
  var leadingZero: Bool
  /// A second decimal point follows (`1.2.3`, `2024.9.21`): a version, date or code.
  var dotted: Bool
}

enum ArabicNumber {
  static let dot: UInt32 = 0x2E

  /// Reads digits at `i`. A comma groups only when exactly three digits follow it and the first
  /// group has at most three, so `1, 234` and `3,5个` stay apart.
  static func read(_ t: NumberText, at i: Int, mode: NumberScanMode) -> ArabicRead? {
    var k = i
    var digits: [UInt8] = []
    var intDigits = 0
    while NumberChars.isASCIIDigit(t[k]) {
      digits.append(UInt8(t[k] - 0x30))
      k += 1
    }
    intDigits = digits.count
    if intDigits > 0 && intDigits <= 3 {
      while t[k] == 0x2C && (1...3).allSatisfy({ NumberChars.isASCIIDigit(t[k + $0]) })
        && !NumberChars.isASCIIDigit(t[k + 4])
      {
        for o in 1...3 { digits.append(UInt8(t[k + o] - 0x30)) }
        k += 4
      }
      intDigits = digits.count
    }
    var frac = 0
    if t[k] == dot && NumberChars.isASCIIDigit(t[k + 1]) && (intDigits > 0 || mode == .span) {
      k += 1
      while NumberChars.isASCIIDigit(t[k]) {
        digits.append(UInt8(t[k] - 0x30))
        frac += 1
        k += 1
      }
    }
    guard !digits.isEmpty else { return nil }
    let dotted = frac > 0 && t[k] == dot && NumberChars.isASCIIDigit(t[k + 1])
    var value = decimal(digits, scale: frac)
    if mode == .span, let (v, e) = scientific(value, t, at: k) {
      value = v
      k = e
    }
    return ArabicRead(
      value: value, end: k, intDigits: intDigits, fracDigits: frac,
      leadingZero: intDigits > 1 && digits[0] == 0, dotted: dotted)
  }

  /// Exact decimal from digits, shifting the point `scale` places left.
  static func decimal(_ digits: [UInt8], scale: Int) -> Decimal {
    if digits.count <= 18 {
      var m: UInt64 = 0
      for d in digits { m = m * 10 + UInt64(d) }
      return Decimal(sign: .plus, exponent: -scale, significand: Decimal(m))
    }
    var v = Decimal(0)
    for d in digits { v = v * 10 + Decimal(Int(d)) }
    return Decimal(sign: .plus, exponent: -scale, significand: v)
  }

  /// `e5`, `E-1`, `^5`, `^-1`, `^--23` after a number (span mode only).
  private static func scientific(_ base: Decimal, _ t: NumberText, at i: Int) -> (Decimal, Int)? {
    let c = t[i]
    guard c == 0x65 || c == 0x45 || c == 0x5E else { return nil }
    var k = i + 1
    var negative = false
    while t[k] == 0x2D || t[k] == 0x2B {
      if t[k] == 0x2D { negative.toggle() }
      k += 1
    }
    var n = 0
    let start = k
    while NumberChars.isASCIIDigit(t[k]) && k - start < 4 {
      n = n * 10 + Int(t[k] - 0x30)
      k += 1
    }
    guard k > start, !NumberChars.isASCIIDigit(t[k]) else { return nil }
    // Decimal traps on overflow and underflow (0.1^200, 1e999): beyond 10^±30 no quantity in
    // a newspaper is meant, so such input is not read as a number.
    let magnitude = base.isZero ? 0 : abs(log10(abs(NSDecimalNumber(decimal: base).doubleValue)))
    guard c == 0x5E ? magnitude * Double(n) <= 30 && n <= 64 : n <= 30 else { return nil }
    if c == 0x5E {
      let p = pow(base, n)
      return (negative ? 1 / p : p, k)
    }
    let shift = Decimal(sign: .plus, exponent: negative ? -n : n, significand: 1)
    return (base * shift, k)
  }

  /// Latin magnitude letters after a number in span mode: `k` thousand, `w` 万, `M` million,
  /// `G` billion (only after a decimal point, so `5G` stays a network generation).
  static func magnitude(_ t: NumberText, at i: Int, hasDecimals: Bool) -> (Int, Int)? {
    guard !NumberChars.isLatinLetter(t[i + 1]) else { return nil }
    switch t[i] {
    case 0x6B, 0x4B: return (3, i + 1)
    case 0x77, 0x57: return (4, i + 1)
    case 0x4D: return (6, i + 1)
    case 0x47 where hasDecimals: return (9, i + 1)
    default: return nil
    }
  }
}
