/// Fast conversions between scalar arrays and strings for the stages that work on scalars.
/// `String(String.UnicodeScalarView(slice))` appends one scalar at a time through a generic
/// path and was a large share of segmenting; encoding the UTF-8 once into the new string's
/// storage gives the same string (strings store scalars as UTF-8, unchanged) in a fraction of
/// the time.
extension String {
  init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
    var count = 0
    for s in scalars { count += UTF8Width.of(s) }
    self.init(unsafeUninitializedCapacity: count) { out in
      var k = 0
      for s in scalars { UTF8Width.write(s, to: out, at: &k) }
      return k
    }
  }
}

extension Array where Element == Unicode.Scalar {
  /// `Array(text.unicodeScalars)`, decoded straight from the string's UTF-8 rather than through
  /// the generic scalar iterator, which is several times slower on whole issues.
  init(scalarsOf text: String) {
    var text = text
    self = text.withUTF8 { bytes in
      [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
        var i = 0
        while i < bytes.count {
          let (scalar, width) = UTF8Width.decode(bytes, at: i)
          out[count] = scalar
          count += 1
          i += width
        }
      }
    }
  }
}

extension ArraySlice where Element == Unicode.Scalar {
  /// True when the scalars starting at `index` are `needle`, without building an array.
  @inline(__always)
  func hasScalars(_ needle: [Unicode.Scalar], at index: Int) -> Bool {
    guard index >= startIndex, index + needle.count <= endIndex else { return false }
    for (k, s) in needle.enumerated() where self[index + k] != s { return false }
    return true
  }
}

extension Array where Element == Unicode.Scalar {
  /// True when the scalars starting at `index` are `needle`, without building an array.
  @inline(__always)
  func hasScalars(_ needle: [Unicode.Scalar], at index: Int) -> Bool {
    self[...].hasScalars(needle, at: index)
  }
}

enum UTF8Width {
  /// The scalar whose UTF-8 starts at `bytes[i]`, and its width; the bytes must be valid UTF-8,
  /// as a `String`'s are.
  @inline(__always)
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int)
    -> (scalar: Unicode.Scalar, width: Int)
  {
    let b0 = UInt32(bytes[i])
    var v: UInt32
    var width: Int
    if b0 < 0x80 {
      return (Unicode.Scalar(UInt8(b0)), 1)
    } else if b0 < 0xE0 {
      v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
      width = 2
    } else if b0 < 0xF0 {
      v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
      width = 3
    } else {
      v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
      v |= UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
      width = 4
    }
    return (Unicode.Scalar(v).unsafelyUnwrapped, width)
  }

  @inline(__always)
  static func of(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    return v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
  }

  /// Writes the UTF-8 bytes of `s` at `out[k...]` and moves `k` past them.
  @inline(__always)
  static func write(_ s: Unicode.Scalar, to out: UnsafeMutableBufferPointer<UInt8>, at k: inout Int) {
    let v = s.value
    if v < 0x80 {
      out[k] = UInt8(v)
      k += 1
    } else if v < 0x800 {
      out[k] = UInt8(0xC0 | v >> 6)
      out[k + 1] = UInt8(0x80 | v & 0x3F)
      k += 2
    } else if v < 0x10000 {
      out[k] = UInt8(0xE0 | v >> 12)
      out[k + 1] = UInt8(0x80 | v >> 6 & 0x3F)
      out[k + 2] = UInt8(0x80 | v & 0x3F)
      k += 3
    } else {
      out[k] = UInt8(0xF0 | v >> 18)
      out[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
      out[k + 2] = UInt8(0x80 | v >> 6 & 0x3F)
      out[k + 3] = UInt8(0x80 | v & 0x3F)
      k += 4
    }
  }
}
