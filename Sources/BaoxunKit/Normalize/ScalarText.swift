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

/// Prefix, suffix and substring tests that skip Swift's and Foundation's character-level
/// machinery when it cannot change the answer. `hasPrefix` compares characters (grapheme
/// clusters, up to canonical equivalence) and Foundation's `contains` folds composed sequences;
/// both are several times slower than comparing bytes. For "plain" text, where every scalar is
/// a character of its own and has no canonical decomposition (Chinese characters, ASCII, CJK and
/// general punctuation, fullwidth forms), the two comparisons agree, so plain text takes the
/// byte path and anything else (combining marks, Hangul, kana, compatibility ideographs…)
/// takes the original call, whose answer is the reference.
enum PlainText {
  /// True for scalars that are a character on their own and have no canonical decomposition.
  @inline(__always)
  static func isPlain(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0A, 0x20...0x7E, 0xB7, 0xD7: return true
    case 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x2199: return true
    case 0x2460...0x27BF: return true  // enclosed numbers, boxes, shapes, symbols, dingbats
    case 0x3000...0x3029, 0x3030...0x303F: return true  // CJK punctuation, not the tone marks
    case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true  // CJK ideographs (not the compatibility ones)
    case 0xFE30...0xFE6B, 0xFF01...0xFF65, 0xFFE0...0xFFE6: return true  // CJK and fullwidth forms
    default: return false
    }
  }

  static func isPlain(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(isPlain)
  }

  /// `text.hasPrefix(prefix)`.
  static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
    hasPrefix(text, prefix, textIsPlain: isPlain(text))
  }

  /// `text.hasSuffix(suffix)`.
  static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
    hasSuffix(text, suffix, textIsPlain: isPlain(text))
  }

  /// `text.contains(word)`.
  static func contains(_ text: String, _ word: String) -> Bool {
    contains(text, word, textIsPlain: isPlain(text))
  }

  /// `prefixes.first { text.hasPrefix($0) }`, looking at `text` once.
  static func firstPrefix(of text: String, among prefixes: [String]) -> String? {
    let plain = isPlain(text)
    return prefixes.first { hasPrefix(text, $0, textIsPlain: plain) }
  }

  /// `suffixes.contains { text.hasSuffix($0) }`, looking at `text` once.
  static func hasAnySuffix(_ text: String, _ suffixes: [String]) -> Bool {
    let plain = isPlain(text)
    return suffixes.contains { hasSuffix(text, $0, textIsPlain: plain) }
  }

  /// `words.contains { text.contains($0) }`, looking at `text` once.
  static func containsAny(_ text: String, _ words: [String]) -> Bool {
    let plain = isPlain(text)
    return words.contains { contains(text, $0, textIsPlain: plain) }
  }

  static func hasPrefix(_ text: String, _ prefix: String, textIsPlain: Bool) -> Bool {
    guard textIsPlain, isPlain(prefix) else { return text.hasPrefix(prefix) }
    return text.utf8.starts(with: prefix.utf8)
  }

  static func hasSuffix(_ text: String, _ suffix: String, textIsPlain: Bool) -> Bool {
    guard textIsPlain, isPlain(suffix) else { return text.hasSuffix(suffix) }
    return text.utf8.reversed().starts(with: suffix.utf8.reversed())
  }

  static func contains(_ text: String, _ word: String, textIsPlain: Bool) -> Bool {
    guard textIsPlain, !word.isEmpty, isPlain(word) else { return text.contains(word) }
    var text = text
    var word = word
    return text.withUTF8 { hay in
      word.withUTF8 { needle in
        guard needle.count <= hay.count else { return false }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
          if UnsafeBufferPointer(rebasing: hay[i..<(i + needle.count)]).elementsEqual(needle) { return true }
        }
        return false
      }
    }
  }
}
