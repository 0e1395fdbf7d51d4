/// A set of BMP scalars as a bitmap: membership is one shift and mask, which matters because
/// the scanner asks at every character of every line.
struct NumberScalarSet: Sendable {
  private var bits = [UInt64](repeating: 0, count: 1024)

  init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
    for c in scalars where c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) }
  }

  func contains(_ c: UInt32) -> Bool {
    c < 0x10000 && bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0
  }
}
