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
