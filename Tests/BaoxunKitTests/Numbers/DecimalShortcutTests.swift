import Foundation
import Testing

@testable import BaoxunKit

/// The parser's Decimal shortcuts must give the same Decimal as Foundation's operations, byte
/// for byte: exponent and mantissa both show in `plainString`.
struct DecimalShortcutTests {
  static func bytes(_ d: Decimal) -> [UInt8] { withUnsafeBytes(of: d) { Array($0) } }

  static var samples: [Decimal] {
    var values: [Decimal] = [
      0, 1, 5, 10, 50, 100, 70000, -3, Decimal(string: "0.5")!, Decimal(string: "7.60")!, 1 / 3,
      -2 / 3, Decimal(string: "123456789012345678901234567890")!,
      Decimal(sign: .plus, exponent: -5, significand: 0),
      Decimal(sign: .plus, exponent: 7, significand: 0),
    ]
    var seed: UInt64 = 7
    for _ in 0..<400 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let sign: FloatingPointSign = seed & 1 == 0 ? .plus : .minus
      let e = Int((seed >> 8) % 24) - 12
      let m = Decimal(seed >> (20 + seed % 40))
      values.append(Decimal(sign: sign, exponent: e, significand: m))
    }
    return values
  }

  @Test func shiftMatchesMultiplication() {
    for x in Self.samples {
      for e in [0, 1, 2, 3, 4, 8, 12, 16] {
        let power = Decimal(sign: .plus, exponent: e, significand: 1)
        #expect(Self.bytes(x.shifted(by: e)) == Self.bytes(x * power), "\(x) e\(e)")
      }
    }
  }

  @Test func sumMatchesAddition() {
    let values = Self.samples
    for (i, a) in values.enumerated() {
      let zeros = [Decimal(0), Decimal(sign: .plus, exponent: 3, significand: 0)]
      for b in values[i..<min(i + 20, values.count)] + zeros {
        #expect(Self.bytes(Decimal.sum(a, b)) == Self.bytes(a + b), "\(a) + \(b)")
        #expect(Self.bytes(Decimal.sum(b, a)) == Self.bytes(b + a), "\(b) + \(a)")
      }
      #expect(a.isPositive == (a > 0))
    }
  }
}
