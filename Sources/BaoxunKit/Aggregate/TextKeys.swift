/// Scalar-level string helpers for the aggregator. Names and titles are compared once per
/// mention, and Foundation's `trimmingCharacters` or a `Character` filter cost far more than the
/// record itself; the text here is normalized CJK and ASCII, so scalars and characters agree.
enum TextKeys {
  /// Quotes, brackets and spaces that do not change which event or project a name means.
  static let keyNoise: [Unicode.Scalar] = ["“", "”", "\"", "（", "）", "(", ")", " "]

  /// `name` without quotes, brackets and spaces: the key that merges re-mentions.
  static func key(_ name: String) -> String {
    name.unicodeScalars.contains(where: keyNoise.contains) ? without(keyNoise, in: name) : name
  }

  /// `text` with every scalar in `drop` removed.
  static func without(_ drop: [Unicode.Scalar], in text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.unicodeScalars where !drop.contains(s) { out.append(s) }
    return String(out)
  }

  /// `text` less any scalars of `edge` at its start and end, as `trimmingCharacters(in:)` does.
  static func trimming(_ edge: [Unicode.Scalar], _ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !edge.contains($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !edge.contains($0) })!
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
    return String(scalars[first...last])
  }

  /// Whether `needle` occurs in `text`, compared scalar by scalar rather than through
  /// Foundation's locale-aware search.
  static func contains(_ text: String, _ needle: String) -> Bool {
    Array(text.unicodeScalars)[...].containsScalars(Array(needle.unicodeScalars))
  }
}

/// A string hashed and compared by its UTF-8 bytes. `String` hashes non-ASCII text through
/// Unicode normalization, several times the cost of hashing the bytes; the aggregator's keys
/// come from normalized text, so byte equality is the equality it needs.
struct ByteKey: Hashable {
  let text: String

  init(_ text: String) { self.text = text }

  static func == (a: ByteKey, b: ByteKey) -> Bool {
    a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
  }

  func hash(into hasher: inout Hasher) {
    var text = text
    text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
