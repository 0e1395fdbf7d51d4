import Foundation
import Testing

@testable import BaoxunKit

/// The TSV's fast formatter must print exactly what `plainString` prints.
struct DecimalFormatTests {
  @Test func fastFormatterMatchesPlainString() {
    var values: [Decimal] = [0, 1, -1, 760_000_000, Decimal(string: "0.5")!, 1 / 3, -2 / 3]
    var seed: UInt64 = 42
    for _ in 0..<5000 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let m = Decimal(seed >> 44)
      let e = Int((seed >> 8) % 40) - 25
      let sign: FloatingPointSign = seed & 1 == 0 ? .plus : .minus
      values.append(Decimal(sign: sign, exponent: e, significand: m))
    }
    for v in values {
      #expect(v.fastPlainString == v.plainString, "\(v)")
    }
  }
}
