/// How much the scanner may assume about its input.
enum NumberScanMode: Sendable {
  /// Running newspaper text: conservative, idioms and codes full of digits are left alone.
  case text
  /// A span that a caller asserts is one quantity (`parse`, `numeral`, `baoxun number`):
  /// lenient notations (`15k`, `2e5`, `3/5`, `一二三`) are read too.
  case span
}

/// The text as folded Unicode scalars (full-width → ASCII, traditional → simplified numeral and
/// unit characters, some spaces dropped), with a map back to the caller's scalar offsets.
struct NumberText: Sendable {
  let chars: [UInt32]
  /// `origin[i]` is the offset in the original text of `chars[i]`; one extra entry for the end.
  let origin: [Int]
  let text: String

  var count: Int { chars.count }

  /// The folded scalar at `i`, or 0 outside the text, so look-ahead needs no bounds checks.
  subscript(i: Int) -> UInt32 { i >= 0 && i < chars.count ? chars[i] : 0 }

  init(_ text: String, mode: NumberScanMode) {
    self.text = text
    var out: [UInt32] = []
    var map: [Int] = []
    let capacity = text.utf8.count
    out.reserveCapacity(capacity)
    map.reserveCapacity(capacity + 1)
    var keepDigitSpaces = false
    if mode == .span {
      keepDigitSpaces =
        text.utf8.withContiguousStorageIfAvailable {
          $0.contains(0x2F) || $0.contains(0xEF)
        } ?? true
      if keepDigitSpaces {
        keepDigitSpaces = text.unicodeScalars.contains { $0 == "/" || $0 == "／" }
      }
    }
    var offset = 0
    var pendingSpace = -1
    for scalar in text.unicodeScalars {
      let c = NumberChars.fold(scalar.value, mode: mode)
      if c == 0x20 {
        if pendingSpace < 0 { pendingSpace = offset }
      } else {
        if pendingSpace >= 0 {
          let prev = out.last ?? 0
          if !NumberText.dropsSpace(prev: prev, next: c, mode: mode, keepDigitSpaces) {
            out.append(0x20)
            map.append(pendingSpace)
          }
          pendingSpace = -1
        }
        out.append(c)
        map.append(offset)
      }
      offset += 1
    }
    if pendingSpace >= 0 && mode == .text && !out.isEmpty {
      out.append(0x20)
      map.append(pendingSpace)
    }
    map.append(offset)
    chars = out
    origin = map
  }

  /// Spaces inside a quantity (`约 10亿元`, `7 万5 千`) are dropped; spaces that separate two
  /// Latin words or two listed numbers (`1, 234`) are kept.
  private static func dropsSpace(
    prev: UInt32, next: UInt32, mode: NumberScanMode, _ keepDigitSpaces: Bool
  ) -> Bool {
    if prev == 0 || next == 0 { return mode == .span }
    switch mode {
    case .span:
      if NumberChars.isASCIIDigit(prev) && NumberChars.isASCIIDigit(next) {
        return !keepDigitSpaces
      }
      return true
    case .text:
      if prev < 0x80 && next < 0x80 { return false }
      if prev < 0x80 && !NumberChars.isASCIIAlnum(prev) && prev != 0x25 { return false }
      return true
    }
  }

  /// The original text between two folded offsets, trimmed of spaces.
  func originalText(_ start: Int, _ end: Int) -> String {
    let r = originalRange(start, end)
    let scalars = text.unicodeScalars
    let a = scalars.index(scalars.startIndex, offsetBy: r.lowerBound)
    let b = scalars.index(a, offsetBy: r.count)
    return String(scalars[a..<b]).trimmingNumberSpaces()
  }

  /// Offsets in the original text of the folded range `start..<end`.
  func originalRange(_ start: Int, _ end: Int) -> Range<Int> {
    let a = origin[start]
    let b = end > start ? origin[end - 1] + 1 : a
    return a..<b
  }

  /// Whether the folded scalars at `i` spell `word`.
  func matches(_ word: [UInt32], at i: Int) -> Bool {
    guard i >= 0, i + word.count <= chars.count else { return false }
    for k in 0..<word.count where chars[i + k] != word[k] { return false }
    return true
  }
}

extension String {
  /// Folded scalar values, the form every table in this module is keyed by.
  var numberScalars: [UInt32] { unicodeScalars.map { NumberChars.fold($0.value, mode: .span) } }

  func trimmingNumberSpaces() -> String {
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}"
    }
    guard let f = unicodeScalars.first, let l = unicodeScalars.last, isSpace(f) || isSpace(l)
    else { return self }
    var v = Substring(self).unicodeScalars
    while let f = v.first, isSpace(f) { v.removeFirst() }
    while let l = v.last, isSpace(l) { v.removeLast() }
    return String(v)
  }
}
