/// Prefix, suffix and substring tests on slices of normalized text, so the segmenter can ask its
/// questions of `NormalizedText.scalars` in place instead of building a `String` per paragraph
/// and going through Character or Foundation comparison. The normalizer folds compatibility
/// ideographs and drops variation selectors, so in normalized CJK text, ASCII and punctuation a
/// scalar is a character of its own and comparing scalars gives the character-level answers; a
/// combining mark (rare OCR noise on CJK text) is compared as a code point of its own.
extension ArraySlice where Element == Unicode.Scalar {
  @inline(__always)
  func hasScalarPrefix(_ prefix: [Unicode.Scalar]) -> Bool {
    hasScalars(prefix, at: startIndex)
  }

  @inline(__always)
  func hasScalarSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
    hasScalars(suffix, at: endIndex - suffix.count)
  }

  /// The index (of the slice, not from zero) where `needle` first occurs.
  func firstIndex(ofScalars needle: [Unicode.Scalar]) -> Int? {
    guard let head = needle.first, needle.count <= count else { return nil }
    var i = startIndex
    let last = endIndex - needle.count
    while i <= last {
      if self[i] == head, hasScalars(needle, at: i) { return i }
      i += 1
    }
    return nil
  }

  @inline(__always)
  func containsScalars(_ needle: [Unicode.Scalar]) -> Bool {
    firstIndex(ofScalars: needle) != nil
  }

  /// Whether `needle` occurs twice with different scalars after it (the end of the text counts
  /// as one): a word that always runs on into the same next character (刘军带着 … 刘军带着) is not
  /// shown to end where `needle` does.
  func endsTwiceDifferently(_ needle: [Unicode.Scalar]) -> Bool {
    guard !needle.isEmpty else { return false }
    var seen: Unicode.Scalar? = nil
    var rest = self[...]
    while let at = rest.firstIndex(ofScalars: needle) {
      let after = at + needle.count
      guard after < endIndex else { return seen != nil }
      if let first = seen, first != self[after] { return true }
      seen = self[after]
      rest = self[after...]
    }
    return false
  }

  /// The first of `prefixes` the slice starts with.
  func firstScalarPrefix(among prefixes: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
    guard let head = first else { return nil }
    return prefixes.first { $0.first == head && hasScalarPrefix($0) }
  }

  func containsAnyScalars(_ needles: [[Unicode.Scalar]]) -> Bool {
    needles.contains { containsScalars($0) }
  }

  /// The non-empty runs between `isSeparator` scalars, like `split(whereSeparator:)`.
  func scalarTokens(where isSeparator: (Unicode.Scalar) -> Bool) -> [ArraySlice<Unicode.Scalar>] {
    var tokens: [ArraySlice<Unicode.Scalar>] = []
    var start = startIndex
    for i in indices where isSeparator(self[i]) {
      if start < i { tokens.append(self[start..<i]) }
      start = i + 1
    }
    if start < endIndex { tokens.append(self[start..<endIndex]) }
    return tokens
  }
}
